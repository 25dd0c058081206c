from django.apps import AppConfig


class LeafletConfig(AppConfig):
    name = "scr_site.leaflet"
    verbose_name = "Leaflet content"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from scr_site.page_cache import invalidate

        from .drafts import history
        from .models import PublishedCopy, SiteNotice, SiteSettings

        history.register()

        # What families see changes only through these: drafts never reach a cached page.
        for model in (PublishedCopy, SiteSettings, SiteNotice):
            post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-{model.__name__}-save")
            post_delete.connect(invalidate, sender=model, dispatch_uid=f"page-cache-{model.__name__}-delete")
