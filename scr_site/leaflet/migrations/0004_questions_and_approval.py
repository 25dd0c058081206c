"""Sections become questions, 'published' (meaning visible) becomes 'show to families', and approval.

Saved versions, published copies, permissions and load_content's keys are rewritten to
the new names, so history, restore and the roles carry on as before.
"""

import json

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

# Frozen here: the models whose saved data used the old names.
RENAMED_FIELD = ("published", "show_to_families")
MODELS_WITH_FLAG = ["leaflet", "question", "page", "sitenotice"]
RENAMED_MODEL = ("leaflet.section", "leaflet.question")
RENAMED_KEY = ("section:", "question:")


def _rename_fields(fields, old, new):
    if old in fields:
        fields[new] = fields.pop(old)


def rewrite(apps, forwards):
    old_field, new_field = RENAMED_FIELD if forwards else RENAMED_FIELD[::-1]
    old_label, new_label = RENAMED_MODEL if forwards else RENAMED_MODEL[::-1]
    old_key, new_key = RENAMED_KEY if forwards else RENAMED_KEY[::-1]
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    PublishedCopy = apps.get_model("leaflet", "PublishedCopy")
    Version = apps.get_model("reversion", "Version")
    Question = apps.get_model("leaflet", "Question")
    SeededItem = apps.get_model("leaflet", "SeededItem")

    question_type = ContentType.objects.filter(app_label="leaflet", model="question").first()
    if question_type is not None:
        old_model, new_model = old_label.split(".")[1], new_label.split(".")[1]
        for permission in Permission.objects.filter(content_type=question_type, codename__endswith=f"_{old_model}"):
            permission.codename = permission.codename.replace(f"_{old_model}", f"_{new_model}")
            permission.name = permission.name.replace(old_model, new_model)
            permission.save()

    flagged_types = ContentType.objects.filter(app_label="leaflet", model__in=MODELS_WITH_FLAG)
    for copy in PublishedCopy.objects.filter(content_type__in=flagged_types):
        _rename_fields(copy.data, old_field, new_field)
        copy.save(update_fields=["data"])

    for version in Version.objects.filter(content_type__in=flagged_types, format="json"):
        data = json.loads(version.serialized_data)
        for item in data:
            if item.get("model") == old_label:
                item["model"] = new_label
            _rename_fields(item.get("fields", {}), old_field, new_field)
        version.serialized_data = json.dumps(data)
        version.save(update_fields=["serialized_data"])

    for question in Question.objects.filter(source_key__startswith=old_key):
        question.source_key = new_key + question.source_key[len(old_key) :]
        question.save(update_fields=["source_key"])
    for item in SeededItem.objects.filter(key__startswith=old_key):
        item.key = new_key + item.key[len(old_key) :]
        item.save(update_fields=["key"])


def forwards(apps, schema_editor):
    rewrite(apps, forwards=True)
    _site_settings_right(apps, add=True)


def backwards(apps, schema_editor):
    rewrite(apps, forwards=False)
    _site_settings_right(apps, add=False)


def _site_settings_right(apps, add):
    # Publishers may create the site settings row if it is ever missing (only they change it).
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    publisher = Group.objects.filter(name="Publisher").first()
    right = Permission.objects.filter(content_type__app_label="leaflet", codename="add_sitesettings").first()
    if publisher is None or right is None:
        return
    if add:
        publisher.permissions.add(right)
    else:
        publisher.permissions.remove(right)


class Migration(migrations.Migration):
    dependencies = [
        ("leaflet", "0003_roles_and_published_copies"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="section", name="unique_section_anchor_per_leaflet"),
        migrations.RenameModel("Section", "Question"),
        migrations.AlterModelOptions(name="question", options={"ordering": ["order", "pk"]}),
        migrations.AlterField(
            model_name="question",
            name="leaflet",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="questions", to="leaflet.leaflet"
            ),
        ),
        migrations.AddConstraint(
            model_name="question",
            constraint=models.UniqueConstraint(fields=("leaflet", "anchor"), name="unique_question_anchor_per_leaflet"),
        ),
        migrations.RenameField("leaflet", "published", "show_to_families"),
        migrations.RenameField("question", "published", "show_to_families"),
        migrations.RenameField("page", "published", "show_to_families"),
        migrations.RenameField("sitenotice", "published", "show_to_families"),
        migrations.AlterField(
            model_name="leaflet",
            name="show_to_families",
            field=models.BooleanField(
                default=True, help_text="Untick to hide the whole leaflet from families.", verbose_name="show to families"
            ),
        ),
        migrations.AlterField(
            model_name="question",
            name="show_to_families",
            field=models.BooleanField(
                default=True, help_text="Untick to hide this question from families.", verbose_name="show to families"
            ),
        ),
        migrations.AlterField(
            model_name="page",
            name="show_to_families",
            field=models.BooleanField(
                default=True, help_text="Untick to hide this page from families.", verbose_name="show to families"
            ),
        ),
        migrations.AlterField(
            model_name="sitenotice",
            name="show_to_families",
            field=models.BooleanField(
                default=False, help_text="Tick to show the notice between its dates.", verbose_name="show to families"
            ),
        ),
        migrations.AlterField(
            model_name="sitenotice",
            name="starts_at",
            field=models.DateTimeField(
                blank=True, help_text="Leave empty to show it as soon as it is saved.", null=True, verbose_name="show from"
            ),
        ),
        migrations.AlterField(
            model_name="sitenotice",
            name="ends_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Leave empty to show it until you untick 'Show to families'.",
                null=True,
                verbose_name="show until",
            ),
        ),
        migrations.CreateModel(
            name="ApprovalRequest",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.PositiveBigIntegerField()),
                ("object_repr", models.CharField(max_length=200)),
                ("requested_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("comment", models.TextField(blank=True, max_length=2000)),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("waiting", "Waiting for approval"),
                            ("approved", "Approved and published"),
                            ("sent_back", "Sent back"),
                        ],
                        default="waiting",
                        max_length=20,
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                ("decision_comment", models.TextField(blank=True, max_length=2000)),
                (
                    "content_type",
                    models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype"),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["requested_at", "pk"],
                "indexes": [models.Index(fields=["content_type", "object_id", "state"], name="leaflet_app_content_70e8ef_idx")],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
