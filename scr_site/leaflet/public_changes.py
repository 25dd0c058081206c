"""How a change to anything public pages read reaches them, on every instance, at the next request.

Wired once, from the registry (registry.py), when the app is ready:

- a published copy saved or deleted, or a LIVE model's row saved or deleted, moves the page
  cache on (scr_site/page_cache.py);
- a published copy deleted, a LIVE row deleted, or a LIVE row's "shown" box unticked (a
  language no longer offered, a notice hidden) is a withdrawal: no saved outage copy made
  before it is served again;
- deleting a row of any published model withdraws its published copy, and its translations'
  (drafts/publishing.withdraw_deleted), however the row is deleted.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from scr_site import page_cache

from .drafts.publishing import withdraw_deleted
from .models import PublishedCopy
from .registry import LIVE, PUBLISHED


def _changed(sender, **kwargs):
    page_cache.invalidate()


def _withdrawn(sender, **kwargs):
    page_cache.invalidate(withdrawal=True)


def _remember_shown(field):
    def remember(sender, instance, **kwargs):
        before = sender.objects.filter(pk=instance.pk).values_list(field, flat=True).first()
        instance._was_shown = bool(before)

    return remember


def _saved_live_row(field):
    def saved(sender, instance, **kwargs):
        unticked = getattr(instance, "_was_shown", False) and not getattr(instance, field)
        page_cache.invalidate(withdrawal=unticked)

    return saved


def connect():
    post_save.connect(_changed, sender=PublishedCopy, dispatch_uid="public-copy-saved")
    post_delete.connect(_withdrawn, sender=PublishedCopy, dispatch_uid="public-copy-deleted")
    for live in LIVE:
        name = live.model.__name__
        if live.shown:
            # Made here, so held strongly: a signal keeps only a weak reference by default.
            remember, saved = _remember_shown(live.shown), _saved_live_row(live.shown)
            pre_save.connect(remember, sender=live.model, weak=False, dispatch_uid=f"public-{name}-before")
            post_save.connect(saved, sender=live.model, weak=False, dispatch_uid=f"public-{name}-saved")
        else:
            post_save.connect(_changed, sender=live.model, dispatch_uid=f"public-{name}-saved")
        post_delete.connect(_withdrawn, sender=live.model, dispatch_uid=f"public-{name}-deleted")
    for model in PUBLISHED:
        post_delete.connect(withdraw_deleted, sender=model, dispatch_uid=f"withdraw-{model.__name__}-deleted")
