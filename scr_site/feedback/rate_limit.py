"""At most FEEDBACK_RATE_LIMIT posts from one internet address in each FEEDBACK_RATE_WINDOW.

The address is never kept. What is counted is a salted hash of the address and the
current window, with a salt that changes every day, and the count is forgotten when the
window ends. With Redis the count is kept there, shared by every instance; without it,
or while it is failing, in the database.
"""

import datetime
import logging

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import RecentPosts

log = logging.getLogger(__name__)
_cache_failing = False


def client_address(request):
    """The visitor's internet address, read the way the sign-in lockout reads it.

    The one place feedback asks for it, so it can follow the lockout's handling of proxies.
    """
    return get_client_ip_address(request) or ""


def _window(now):
    """The hashed key for this address and window, and when the window ends."""
    length = settings.FEEDBACK_RATE_WINDOW
    number = int(now.timestamp()) // length
    return number, datetime.datetime.fromtimestamp((number + 1) * length, tz=datetime.UTC)


def seconds_left(now=None):
    """Until the current window ends and every address may post again."""
    now = now or timezone.now()
    return max(1, int((_window(now)[1] - now).total_seconds()))


def address_key(request, now):
    """A salted hash of the address and the current window, and when the window ends.

    The salt is the day (in UTC), so today's hashes cannot be matched with yesterday's.
    """
    number, ends = _window(now)
    key = salted_hmac(
        f"scr_site.feedback.rate-limit:{now.astimezone(datetime.UTC).date().isoformat()}",
        f"{client_address(request)}|{number}",
        algorithm="sha256",
    ).hexdigest()
    return key, ends


def allow(request, now=None):
    """Count this post; True while the address is within the limit."""
    now = now or timezone.now()
    key, ends = address_key(request, now)
    count = _count_in_cache(key, ends, now) if settings.FEEDBACK_RATE_LIMIT_IN_CACHE else None
    if count is None:
        count = _count_in_database(key, ends, now)
    return count <= settings.FEEDBACK_RATE_LIMIT


def _count_in_cache(key, ends, now):
    """The new count, or None when the cache cannot give one."""
    global _cache_failing
    cache_key = f"feedback-rate:{key}"
    try:
        cache.add(cache_key, 0, timeout=int((ends - now).total_seconds()) + 1)
        count = cache.incr(cache_key)
    except Exception as error:  # whatever the cache backend raises: the database counts instead
        if not _cache_failing:
            log.warning("Feedback rate limit is counting in the database: the cache failed (%r).", error)
        _cache_failing = True
        return None
    if _cache_failing:
        log.warning("Feedback rate limit is counting in the cache again.")
        _cache_failing = False
    return count if isinstance(count, int) else None


def _count_in_database(key, ends, now):
    with transaction.atomic():
        RecentPosts.objects.filter(expires_at__lte=now).delete()
        row, _ = RecentPosts.objects.get_or_create(key=key, defaults={"expires_at": ends})
        # Counted in the database itself, so simultaneous posts are each counted once.
        RecentPosts.objects.filter(pk=row.pk).update(count=F("count") + 1)
        return RecentPosts.objects.values_list("count", flat=True).get(pk=row.pk)
