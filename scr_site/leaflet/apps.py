from django.apps import AppConfig


class LeafletConfig(AppConfig):
    name = "scr_site.leaflet"
    verbose_name = "Leaflet content"

    def ready(self):
        from . import public_changes
        from .drafts import history

        history.register()
        # What families see changes only through what the registry lists: drafts never reach a page.
        public_changes.connect()
