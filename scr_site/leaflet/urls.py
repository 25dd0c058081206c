from django.urls import path

from .views import LeafletView, PageView

app_name = "leaflet"

urlpatterns = [
    path("", LeafletView.as_view(), name="home"),
    path("leaflets/<slug:slug>/", LeafletView.as_view(), name="detail"),
    path("<slug:slug>/", PageView.as_view(), name="page"),
]
