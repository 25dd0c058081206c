from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.translation import get_language

from scr_site.leaflet import localise
from scr_site.leaflet.models.published import published_site

from .published import list_public_addresses


class PublicPagesSitemap(Sitemap):
    """Every published leaflet and page, at the site's public address (DJANGO_SITE_URL).

    Each address is listed once per language it is offered in; once there is more than one,
    each entry names the others as xhtml:link alternates.
    """

    i18n = True

    def __init__(self, request):
        self.request = request
        site = urlsplit(settings.SITE_URL)
        self.protocol, self.domain = site.scheme, site.netloc

    def items(self):
        return list_public_addresses(self.request)

    def get_languages_for_item(self, item):
        return self._languages()

    def _languages(self):
        live = localise.live_languages(published_site(self.request))
        return [settings.LANGUAGE_CODE, *(language.code for language in live)]

    @property
    def alternates(self):
        return len(self._languages()) > 1

    def location(self, item):
        english = reverse(item.url_name, kwargs={"slug": item.slug} if item.slug else {})
        # Django lists each language under translation.override(language): /privacy/ becomes /pl/privacy/.
        code = get_language()
        return english if code in (None, settings.LANGUAGE_CODE) else f"/{code}{english}"

    def lastmod(self, item):
        return item.last_modified

    def get_domain(self, site=None):
        return self.domain
