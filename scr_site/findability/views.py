"""What search engines and security researchers ask a site for: sitemap, robots.txt, security.txt."""

import datetime

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404
from django.shortcuts import render

from scr_site.leaflet.models import SiteSettings

from .sitemaps import PublicPagesSitemap
from .templatetags.findability_tags import site_url


def sitemap(request):
    return sitemap_views.sitemap(request, {"pages": PublicPagesSitemap(request)})


def robots_txt(request):
    """Public pages may be crawled; the admin (wherever DJANGO_ADMIN_PATH puts it), previews and forms not."""
    context = {
        "disallowed": [f"/{settings.ADMIN_PATH}", "/preview/", "/feedback/", "/markdownx/"],
        "sitemap": f"{site_url()}/sitemap.xml",
    }
    return render(request, "findability/robots.txt", context, content_type="text/plain; charset=utf-8")


def security_txt(request):
    """RFC 9116: where to report a security problem, until when that holds (from the site settings)."""
    site_settings = SiteSettings.load()
    if not (site_settings.security_contact and site_settings.security_txt_expires):
        raise Http404("No security contact has been set.")
    expires = datetime.datetime.combine(
        site_settings.security_txt_expires, datetime.time.min, tzinfo=datetime.UTC
    )
    context = {
        "contact": site_settings.security_contact,
        "expires": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "canonical": f"{site_url()}/.well-known/security.txt",
    }
    return render(request, "findability/security.txt", context, content_type="text/plain; charset=utf-8")
