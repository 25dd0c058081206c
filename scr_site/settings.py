"""
Settings for the Serious Case Reviews information site.

Everything that differs between a laptop and a live server is read from the
environment (see README.md for the full list). The defaults are safe: with no
environment at all, DEBUG is off and the site refuses to start until it is
given a real secret key and the host names it will answer to.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core ------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

if DEBUG:
    SECRET_KEY = SECRET_KEY or "development-only-key-never-used-when-debug-is-off"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]
else:
    # Fail at start-up, not at the first request, and say which variable is missing.
    if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters "
            "when DJANGO_DEBUG is off. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS must list the site's host names, separated by commas "
            "(for example: scr.example.gov.uk), when DJANGO_DEBUG is off."
        )

INSTALLED_APPS = [
    # The admin, with two-factor sign-in when REQUIRE_2FA is on (scr_site/admin_site.py).
    "scr_site.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Listed before staticfiles so runserver serves static files the way whitenoise will.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "markdownx",
    "reversion",
    "scr_site.leaflet",
    "scr_site.feedback",
    "scr_site.findability",
]

MIDDLEWARE = [
    # First, so a load balancer's check is answered whatever Host header it sends.
    "scr_site.health.health_check_middleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "scr_site.security.permissions_policy_middleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages come from the cache before sessions or the database are touched.
    "scr_site.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks, so it sees every sign-in attempt's outcome.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "scr_site.urls"
WSGI_APPLICATION = "scr_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "scr_site.leaflet.context_processors.site",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------

# Keep connections open between requests (seconds); health checks replace broken ones.
CONN_MAX_AGE = int(os.environ.get("DJANGO_CONN_MAX_AGE", "60"))

SQLITE_PATH = os.environ.get("DJANGO_SQLITE_PATH", str(BASE_DIR / "db.sqlite3"))

if os.environ.get("DATABASE_URL"):
    # For example postgres://user:password@db.example:5432/scr (psycopg 3).
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=CONN_MAX_AGE, conn_health_checks=True
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "CONN_MAX_AGE": CONN_MAX_AGE,
            "OPTIONS": {
                # Readers never wait for a writer (WAL); a writer takes its lock when its
                # transaction starts and waits its turn, so saves never fail with
                # "database is locked" while the site is busy.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -----------------------------------------------------------------

# Redis is shared by every worker and instance; without it each process keeps its own.
# Redis only ever holds copies: when it is down or slow the site carries on without it
# (scr_site/redis_cache.py), waiting at most DJANGO_CACHE_TIMEOUT seconds for an answer,
# then leaving it alone until it answers a ping, tried every DJANGO_CACHE_RETRY_AFTER.
CACHE_IS_SHARED = bool(os.environ.get("REDIS_URL"))
if CACHE_IS_SHARED:
    CACHES = {
        "default": {
            "BACKEND": "scr_site.redis_cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "scr"),
            "OPTIONS": {
                "socket_timeout": float(os.environ.get("DJANGO_CACHE_TIMEOUT", "0.25")),
                "socket_connect_timeout": float(os.environ.get("DJANGO_CACHE_TIMEOUT", "0.25")),
                "retry_after": float(os.environ.get("DJANGO_CACHE_RETRY_AFTER", "5")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Without Redis each worker process caches pages in its own memory, so the moment of the
# last publication is kept in a small file they all watch (see scr_site/page_cache.py), and
# the mark of the last withdrawal in another beside it (scr_site/withdrawals.py).
PAGE_CACHE_STAMP_FILE = (
    None if CACHE_IS_SHARED else Path(os.environ.get("DJANGO_PAGE_CACHE_STAMP", f"{SQLITE_PATH}-pages"))
)

# The page served (503) when a page cannot be built and has no saved copy: rewritten at
# each publication, on this instance's disk as well as in the cache (scr_site/outage.py).
OUTAGE_PAGE_FILE = Path(os.environ.get("DJANGO_OUTAGE_PAGE", f"{SQLITE_PATH}-outage.html"))

# Public pages are checked with the site before every reuse (a cheap 304 while nothing has
# changed), so a publication shows at once. Any cache in front may keep serving its copy
# for this many seconds while the site is failing.
PUBLIC_PAGE_STALE_IF_ERROR = int(os.environ.get("DJANGO_STALE_IF_ERROR", "86400"))

# --- Accounts --------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Refuses sign-in while a username and address are locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "admin:login"
# The admin's address, so it need not be the well-known /admin/.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

# Staff sign in with a code from an authenticator app as well as a password (README.md).
REQUIRE_2FA = env_bool("DJANGO_REQUIRE_2FA", default=not DEBUG)
OTP_TOTP_ISSUER = "Serious Case Reviews website"

# Five wrong passwords for one username from one address locks them out for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# How many proxies (load balancers) stand in front of the site. Each appends the address it
# was reached from to X-Forwarded-For, so the visitor's real address is that many entries
# from the end; anything before it was sent by the visitor and may be forged.
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "scr_site.client_address.client_address"

# Only staff get a session. It ends when the browser closes, and after a working day at most.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Security --------------------------------------------------------------

SECURE_COOKIES = env_bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
# The answer editor's preview reads the token from the form, so the cookie can be HttpOnly.
CSRF_COOKIE_HTTPONLY = True

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
# Behind a load balancer that ends TLS and sets X-Forwarded-Proto.
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

SILENCED_SYSTEM_CHECKS = [
    "security.W021",  # HSTS preload binds the whole domain for good: the council's call, by environment.
]

# No inline script or style anywhere, the admin included; nothing from other sites.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}
# Features the site never uses, switched off for it and anything it might embed.
PERMISSIONS_POLICY = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]

# --- Language and dates ----------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static files ----------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root, such as /favicon.ico, served by whitenoise.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed copies that can be cached for ever.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Content ---------------------------------------------------------------

# Where `manage.py load_content` reads the leaflet from.
CONTENT_DIR = Path(os.environ.get("DJANGO_CONTENT_DIR", BASE_DIR / "content"))

# The answer editor's live preview uses the same sanitised rendering families see.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "scr_site.leaflet.markdown.render"
# Image upload is switched off in scr_site/leaflet/editor_views.py: the leaflet has
# no images, and uploaded files would need storage and checks of their own.

# --- Feedback from families -------------------------------------------------

# Answers and problem reports are deleted this many months after they arrive (purge_feedback).
FEEDBACK_RETENTION_MONTHS = int(os.environ.get("DJANGO_FEEDBACK_RETENTION_MONTHS", "12"))
# Posts accepted from one internet address in each window; the rest are refused.
FEEDBACK_RATE_LIMIT = int(os.environ.get("DJANGO_FEEDBACK_RATE_LIMIT", "10"))
FEEDBACK_RATE_WINDOW = 60 * 60  # seconds
# Counted in Redis, shared by every instance, when there is one; otherwise in the database.
FEEDBACK_RATE_LIMIT_IN_CACHE = bool(os.environ.get("REDIS_URL"))
# The form's token is in the cached page, rebuilt at least daily; a day more covers a page
# left open before its form is sent (scr_site/feedback/tokens.py).
FEEDBACK_TOKEN_MAX_AGE = 2 * 24 * 60 * 60  # seconds

# --- Email -----------------------------------------------------------------

# Review reminders. The console backend prints emails instead of sending them.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
# The site's public address, e.g. https://scr.example.gov.uk: printed on every page, in emails'
# links to the admin, and in every page's canonical link, link previews, the sitemap and
# robots.txt. Left unset, it is the first host name served, over HTTPS.
SITE_URL = os.environ.get("DJANGO_SITE_URL") or (
    f"https://{ALLOWED_HOSTS[0]}"
    if not DEBUG and not ALLOWED_HOSTS[0].startswith((".", "*"))
    else "http://127.0.0.1:8000"
)
# Review reminders are sent only to addresses in these domains (and their subdomains), so
# an address typed into a draft cannot be sent the site's emails.
REVIEW_REMINDER_DOMAINS = env_list("DJANGO_REVIEW_REMINDER_DOMAINS")

# --- Logging ---------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
