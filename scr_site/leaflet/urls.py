from django.urls import path

from .views import LeafletPreview, LeafletView, PageView, page_preview

app_name = "leaflet"

urlpatterns = [
    path("", LeafletView.as_view(), name="home"),
    path("leaflets/<slug:slug>/", LeafletView.as_view(), name="detail"),
    path("preview/leaflets/<int:pk>/", LeafletPreview.as_view(), name="leaflet_preview"),
    path("preview/pages/<int:pk>/", page_preview, name="page_preview"),
    path("<slug:slug>/", PageView.as_view(), name="page"),
]
