from django.utils.functional import SimpleLazyObject

from . import localise
from .models import SiteSettings
from .models.published import published_site


def site(request):
    """What every public page's header and footer need, fetched only if the page uses it.

    The page's language is the one its view chose, or the one its address starts with (so
    a page not found at /pl/… is in Polish too).
    """

    def language_links():
        # Only a leaflet or a footer page is at the same address in each language.
        if not getattr(request, "in_every_language", False):
            return []
        here = localise.page_language_of(request)
        return localise.language_links(published_site(request), here, localise.english_path_of(request))

    return {
        "exit_url": SimpleLazyObject(lambda: SiteSettings.load().exit_url),
        "footer_pages": SimpleLazyObject(lambda: localise.footer_pages(request)),
        "site_notice": SimpleLazyObject(lambda: localise.site_notice(request)),
        "page_language": SimpleLazyObject(lambda: localise.page_language_of(request)),
        "ui": SimpleLazyObject(
            lambda: localise.interface(published_site(request), localise.page_language_of(request))
        ),
        "language_links": SimpleLazyObject(language_links),
    }
