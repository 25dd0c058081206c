from django.urls import path

from .views import LeafletView

app_name = "leaflet"

urlpatterns = [
    path("", LeafletView.as_view(), name="home"),
    path("<slug:slug>/", LeafletView.as_view(), name="detail"),
]
