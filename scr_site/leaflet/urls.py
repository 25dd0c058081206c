from django.urls import path, register_converter

from . import views
from .localise import LanguageCodeConverter

app_name = "leaflet"
register_converter(LanguageCodeConverter, "language")

urlpatterns = [
    path("", views.LeafletView.as_view(), name="home"),
    path("leaflets/<slug:slug>/", views.LeafletView.as_view(), name="detail"),
    path("preview/leaflets/<int:pk>/", views.preview, {"kind": "leaflet"}, name="preview_leaflet"),
    path("preview/questions/<int:pk>/", views.preview, {"kind": "question"}, name="preview_question"),
    path("preview/boards/<int:pk>/", views.preview, {"kind": "board"}, name="preview_board"),
    path(
        "preview/guidance-links/<int:pk>/",
        views.preview,
        {"kind": "guidancelink"},
        name="preview_guidancelink",
    ),
    path("preview/pages/<int:pk>/", views.preview, {"kind": "page"}, name="preview_page"),
    path("preview/translations/<slug:kind>/<int:pk>/", views.preview, name="preview_translation"),
    # The same pages in the board's other languages: /pl/, /pl/privacy/ ...
    path("<language:language>/", views.LeafletView.as_view(), name="home_in"),
    path("<language:language>/leaflets/<slug:slug>/", views.LeafletView.as_view(), name="detail_in"),
    path("<language:language>/<slug:slug>/", views.PageView.as_view(), name="page_in"),
    path("<slug:slug>/", views.PageView.as_view(), name="page"),
]
