"""Staff forms: fields everyone can use, and two people saving the same item never overwrite each other."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from ..drafts.diffs import changes_between
from ..drafts.history import history_of, values_of_row, values_of_version

# The browser's own date and time inputs: one labelled box each, usable from the keyboard and
# with screen readers, instead of the admin's split boxes and pop-up calendar.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_TIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
FIELD_WIDGETS = {
    models.DateField: {"widget": DATE_INPUT},
    models.DateTimeField: {"form_class": forms.DateTimeField, "widget": DATE_TIME_INPUT},
}


class ContentForm(forms.ModelForm):
    """Refuses a save when someone else has saved the item since this form was opened.

    The form carries the `updated_at` it was opened with. The person who saves second
    keeps everything they typed, and is told what the other person changed.
    """

    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.to_python = _with_unix_newlines(field.to_python)
        if self.instance.pk:
            self.fields["opened_version"].initial = _stamp(self._saved_updated_at())

    def _saved_updated_at(self):
        return (
            type(self.instance)
            .objects.filter(pk=self.instance.pk)
            .values_list("updated_at", flat=True)
            .first()
        )

    def clean(self):
        cleaned = super().clean()
        opened = cleaned.get("opened_version")
        if self.instance.pk and opened:
            saved = self._saved_updated_at()
            if saved and _stamp(saved) != opened:
                raise ValidationError(conflict_message(type(self.instance), self.instance.pk, opened))
        return cleaned


def _with_unix_newlines(to_python):
    """Browsers send a textarea's line breaks as CR LF; store, and compare, plain LF.

    Otherwise every save of a form would look like a change to every text in it.
    """

    def convert(value):
        return to_python(value.replace("\r\n", "\n") if isinstance(value, str) else value)

    return convert


def _to_millisecond(stamp):
    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _stamp(value):
    return value.isoformat() if value else ""


def conflict_message(model, pk, opened):
    current = model.objects.get(pk=pk)
    versions = history_of(current)
    latest_user = versions[0].revision.user if versions else None
    who = f" by {latest_user.get_full_name() or latest_user.get_username()}" if latest_user else ""
    when = timezone.localtime(current.updated_at).strftime("%H:%M on %-d %B %Y")
    message = (
        f"Someone else saved this{who} at {when}, while you were editing it. Your changes have not been "
        "saved, and theirs have not been overwritten."
    )
    # Versions keep times to the millisecond; the form keeps microseconds.
    opened_ms = _to_millisecond(opened)
    opened_version = next(
        (v for v in versions if _to_millisecond(_stamp(v.field_dict.get("updated_at"))) == opened_ms), None
    )
    if opened_version is not None:
        before, after = values_of_version(opened_version), values_of_row(current)
        changed = changes_between(model, before, after)
        if changed:
            message += (
                " What they changed: "
                + "; ".join(f"{change.label} is now “{_short(change.after)}”" for change in changed)
                + "."
            )
    return message + (
        " Your text is still in the boxes below: copy what you need, open the item again to see their "
        "version, and make your changes there."
    )


def _short(text, limit=200):
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
