from django.apps import AppConfig


class LeafletConfig(AppConfig):
    name = "scr_site.leaflet"
    verbose_name = "Leaflet content"
