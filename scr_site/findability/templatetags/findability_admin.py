from django import template

from scr_site.leaflet.models import SiteSettings

from ..admin_warnings import security_txt_warning

register = template.Library()


@register.simple_tag(takes_context=True)
def security_contact_warning(context):
    """For staff who can change the site settings: what needs doing about security.txt, if anything."""
    if not context["request"].user.has_perm("leaflet.change_sitesettings"):
        return None
    return security_txt_warning(SiteSettings.load())
