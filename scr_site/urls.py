from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from scr_site.leaflet import editor_views

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    # The same paths django-markdownx's editor calls, behind a staff login.
    path("markdownx/markdownify/", editor_views.markdown_preview, name="markdownx_markdownify"),
    path("markdownx/upload/", editor_views.image_upload, name="markdownx_upload"),
    path("", include("scr_site.feedback.urls")),
    path("", include("scr_site.findability.urls")),
    path("", include("scr_site.leaflet.urls")),
]
