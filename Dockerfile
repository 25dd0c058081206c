# syntax=docker/dockerfile:1

# --- Build: compile wheels for the pinned requirements --------------------------
FROM python:3.13-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /build
COPY requirements.txt .
RUN python -m venv /venv && /venv/bin/pip install -r requirements.txt

# --- Runtime: the application and its virtual environment, run as a plain user ---
FROM python:3.13-slim AS runtime
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    DJANGO_SQLITE_PATH=/data/db.sqlite3
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin scr \
    && mkdir -p /app /data && chown scr:scr /data
WORKDIR /app
COPY --from=build /venv /venv
COPY --chown=scr:scr . .
# Static files are collected once, at build time; the dummy key never reaches a running site.
RUN DJANGO_SECRET_KEY=collectstatic-only-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa \
    DJANGO_ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput
USER scr
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]
# Migrations and load_content are run as a separate step before the site starts (see README.md).
CMD ["gunicorn", "-c", "gunicorn.conf.py", "scr_site.wsgi"]
