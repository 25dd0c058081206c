"""The roles the migrations made are the ones the code describes (scr_site/leaflet/permissions.py)."""

import pytest
from django.contrib.auth.models import Group

from scr_site.leaflet.models import Leaflet
from scr_site.leaflet.permissions import PUBLISH, RESTORE, ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_each_role_holds_exactly_the_rights_the_code_describes(role):
    held = {
        f"{app_label}.{codename}"
        for app_label, codename in Group.objects.get(name=role).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }
    assert held == set(ROLES[role])


def test_the_rights_permissions_names_are_the_ones_the_leaflet_model_declares():
    declared = {f"{Leaflet._meta.app_label}.{codename}" for codename, _ in Leaflet._meta.permissions}
    assert {PUBLISH, RESTORE} == declared
