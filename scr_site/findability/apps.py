from django.apps import AppConfig


class FindabilityConfig(AppConfig):
    """Search engines and link previews: sitemap, robots.txt, security.txt, page metadata."""

    name = "scr_site.findability"
    verbose_name = "Search and sharing"
