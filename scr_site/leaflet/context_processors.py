from .models import Page, SiteSettings


def site(request):
    """What every public page's header and footer need."""
    return {
        "exit_url": SiteSettings.load().exit_url,
        "footer_pages": Page.objects.published().filter(show_in_footer=True).only("title", "slug"),
    }
