"""How the admin names people and moments: "Erin Editor", "14:02" today, "14:02 on 3 March 2027" before."""

from django import template
from django.utils import timezone

from ..admin_links import admin_url
from ..drafts.approval import name_of
from ..drafts.approval import when as staff_time

register = template.Library()


@register.filter
def when(moment):
    return staff_time(moment)


@register.filter
def since(moment):
    """The day something became true, or the time if that was today."""
    if not moment:
        return ""
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return local.strftime("%H:%M today")
    return local.strftime("%-d %B %Y")


@register.filter
def person(user):
    return name_of(user)


@register.filter
def edit_url(obj):
    return admin_url(obj)


@register.filter
def kind(obj):
    return obj._meta.verbose_name
