"""Editors may read feedback; Publishers may also mark problem reports as dealt with, and delete them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = ["view_usefulnessanswer", "view_problemreport"]
PUBLISHER = EDITOR + ["mark_dealt_with", "delete_problemreport"]
ROLES = {"Editor": EDITOR, "Publisher": PUBLISHER}


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations run; the roles need them now.
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="feedback", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in ROLES:
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*Permission.objects.filter(content_type__app_label="feedback"))


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("leaflet", "0003_roles_and_published_copies"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
