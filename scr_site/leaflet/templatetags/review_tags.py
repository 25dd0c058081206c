from django import template

from scr_site.leaflet.reviews import due_for_review

register = template.Library()


@register.simple_tag
def reviews_due():
    return due_for_review()
