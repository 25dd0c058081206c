"""The roles the migrations made are the ones the code describes (scr_site/leaflet/permissions.py)."""

import pytest
from django.contrib.auth.models import Group

from scr_site.leaflet.permissions import ROLES

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
