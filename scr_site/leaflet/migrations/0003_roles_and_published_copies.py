"""The Editor and Publisher roles, and a published copy of everything that existed before drafts."""

import json

from django.contrib.auth.management import create_permissions
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations
from django.utils import timezone

CONTENT = ["leaflet", "section", "board", "guidancelink", "page"]

EDITOR = [f"{action}_{model}" for model in CONTENT for action in ("view", "add", "change")] + [
    "view_sitenotice",
    "view_sitesettings",
]
PUBLISHER = (
    EDITOR
    + [f"delete_{model}" for model in CONTENT]
    + ["publish_content", "restore_content"]
    + ["add_sitenotice", "change_sitenotice", "delete_sitenotice", "change_sitesettings"]
)
ROLES = {"Editor": EDITOR, "Publisher": PUBLISHER}
NOT_PUBLISHED = {"id", "updated_at", "source_key", "link_status", "link_final_url", "link_problem", "link_checked_at"}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations run; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="leaflet", codename__in=codenames)
        )


def publish_existing(apps, schema_editor):
    # Content that was live before drafts existed stays live.
    ContentType = apps.get_model("contenttypes", "ContentType")
    PublishedCopy = apps.get_model("leaflet", "PublishedCopy")
    now = timezone.now()
    for model_name in CONTENT:
        model = apps.get_model("leaflet", model_name)
        content_type, _ = ContentType.objects.get_or_create(app_label="leaflet", model=model_name)
        fields = [f for f in model._meta.concrete_fields if f.attname not in NOT_PUBLISHED]
        for row in model.objects.all():
            data = {f.attname: f.value_from_object(row) for f in fields}
            PublishedCopy.objects.get_or_create(
                content_type=content_type,
                object_id=row.pk,
                defaults={"data": json.loads(json.dumps(data, cls=DjangoJSONEncoder)), "published_at": now},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("leaflet", "0002_drafts_history_reviews"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(publish_existing, migrations.RunPython.noop),
    ]
