"""Response headers Django does not set itself."""

from django.conf import settings


def permissions_policy_middleware(get_response):
    # Built once: the policy never changes while the site runs.
    policy = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def middleware(request):
        response = get_response(request)
        response.setdefault("Permissions-Policy", policy)
        return response

    return middleware
