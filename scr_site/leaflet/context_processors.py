from django.utils.functional import SimpleLazyObject

from .models import Page, SiteNotice, SiteSettings
from .models.published import published_site


def site(request):
    """What every public page's header and footer need, fetched only if the page uses it."""
    return {
        "exit_url": SimpleLazyObject(lambda: SiteSettings.load().exit_url),
        "footer_pages": SimpleLazyObject(
            lambda: published_site(request).items(Page, show_to_families=True, show_in_footer=True)
        ),
        "site_notice": SimpleLazyObject(lambda: SiteNotice.objects.current().first()),
    }
