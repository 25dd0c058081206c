"""One publishing core: typed activity, and approval requests that record the draft they were sent with.

The publishing and approval steps the admin's log kept as messages ("Published.", "Sent for
approval: …") become Activity rows of the matching kind, so every item's history carries on.
Requests already waiting have no recorded draft: approving one shows the draft as it is now
for review first.
"""

import django.core.serializers.json
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


# The messages the admin's log used, and the kind each becomes.
KINDS = [
    ("Published.", "published"),
    ("Sent for approval", "submitted"),
    ("Approved and published", "approved"),
    ("Sent back", "sent_back"),
]


def typed_activity(apps, schema_editor):
    LogEntry = apps.get_model("admin", "LogEntry")
    Activity = apps.get_model("leaflet", "Activity")
    for prefix, kind in KINDS:
        for entry in LogEntry.objects.filter(change_message__startswith=prefix, content_type__app_label="leaflet"):
            if not str(entry.object_id).isdigit():
                continue
            comment = entry.change_message[len(prefix) :].removeprefix(":").strip()
            Activity.objects.create(
                content_type_id=entry.content_type_id,
                object_id=int(entry.object_id),
                object_repr=entry.object_repr,
                kind=kind,
                at=entry.action_time,
                user_id=entry.user_id,
                comment=comment,
            )


class Migration(migrations.Migration):

    dependencies = [
        ('admin', '0003_logentry_add_action_flag_choices'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('leaflet', '0008_one_line_titles'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='approvalrequest',
            name='draft',
            field=models.JSONField(blank=True, default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder),
        ),
        migrations.AddField(
            model_name='approvalrequest',
            name='fingerprint',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AlterField(
            model_name='approvalrequest',
            name='state',
            field=models.CharField(choices=[('waiting', 'Waiting for approval'), ('approved', 'Approved: now live'), ('sent_back', 'Sent back'), ('closed', 'Closed')], default='waiting', max_length=20),
        ),
        migrations.CreateModel(
            name='Activity',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('object_repr', models.CharField(max_length=200)),
                ('kind', models.CharField(choices=[('submitted', 'Sent for approval'), ('approved', 'Approved: now live'), ('sent_back', 'Sent back'), ('published', 'Published: now live'), ('withdrawn', 'Withdrawn: families no longer see it'), ('restored', 'Earlier version restored as a draft'), ('draft_replaced', 'Draft replaced by a restore'), ('request_closed', 'Request for approval closed'), ('imported', 'Translation file brought in as a draft')], max_length=20)),
                ('at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('comment', models.TextField(blank=True)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                ('for_user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name_plural': 'activity',
                'ordering': ['-at', '-pk'],
                'indexes': [models.Index(fields=['content_type', 'object_id'], name='leaflet_act_content_4b7956_idx')],
            },
        ),
        migrations.RunPython(typed_activity, migrations.RunPython.noop),
    ]
