from django.utils.functional import SimpleLazyObject

from .models import Page, SiteNotice, SiteSettings


def site(request):
    """What every public page's header and footer need, fetched only if the page uses it."""
    return {
        "exit_url": SimpleLazyObject(lambda: SiteSettings.load().exit_url),
        "footer_pages": SimpleLazyObject(lambda: [page for page in Page.objects.published() if page.show_in_footer]),
        "site_notice": SimpleLazyObject(lambda: SiteNotice.objects.current().first()),
    }
