"""/healthz for load balancers and the container's HEALTHCHECK.

It is answered by a middleware placed first, so it works whatever Host header the
checker sends and never touches sessions or cookies.

It reports the database and the cache separately, and answers 503 only when this
instance cannot serve families: the database is down and no saved page is at hand that
may be served, that is, none built since the last withdrawal (scr_site/withdrawals.py).
Redis being down is reported with 200: Redis is shared, so failing every instance
for it would take the whole site down, while each instance still serves every page
from the database.
"""

from django.core.cache import cache
from django.http import HttpResponse

from scr_site import saved_pages, withdrawals
from scr_site.page_cache import database_answers

from .paths import HEALTH_PATH


def cache_answers():
    # The local-memory cache has nothing to lose; the Redis one says whether Redis answers.
    is_available = getattr(cache, "is_available", None)
    return is_available() if is_available else True


def health_check_middleware(get_response):
    def middleware(request):
        if request.path != HEALTH_PATH:
            return get_response(request)
        database = database_answers()
        lines = [
            "database ok" if database else "database unavailable",
            "cache ok" if cache_answers() else "cache unavailable",
        ]
        status = 200
        if not database:
            if saved_pages.any_saved(withdrawals.current()):
                lines.append("serving saved pages")
            else:
                lines.append("no saved pages to serve")
                status = 503
        body = "".join(f"{line}\n" for line in lines)
        response = HttpResponse(body, content_type="text/plain", status=status)
        response["Cache-Control"] = "no-store"
        return response

    return middleware
