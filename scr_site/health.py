"""/healthz for load balancers and the container's HEALTHCHECK.

It is answered by a middleware placed first, so it works whatever Host header the
checker sends and never touches sessions or cookies.
"""

from django.db import DatabaseError, connection
from django.http import HttpResponse

HEALTH_PATH = "/healthz"


def health_check_middleware(get_response):
    def middleware(request):
        if request.path != HEALTH_PATH:
            return get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            response = HttpResponse("ok\n", content_type="text/plain")
        except DatabaseError:
            response = HttpResponse("database unavailable\n", content_type="text/plain", status=503)
        response["Cache-Control"] = "no-store"
        return response

    return middleware
