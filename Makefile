# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
# The suite runs in this many processes (pytest-xdist); PYTEST_ARGS adds to pytest's own options.
TEST_PROCESSES ?= 2
PYTEST_ARGS ?=
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DJANGO_DEBUG=true
# System packages the tests need, from Debian: Chromium, and Java for the Nu HTML Checker (browser
# tests), and redis-server, which the fault tests start, stop and pause on a port of their own.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends

.PHONY: run test lint deploy-check bench install install-dev system-deps migrate content superuser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v java >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && $(APT_INSTALL) chromium default-jre-headless fonts-dejavu-core redis-server; \
	fi

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

content: migrate
	$(DEV_ENV) $(BIN)/python manage.py load_content

## Set up everything and serve the site on http://127.0.0.1:8000 (SQLite, development settings).
run: content
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

## Create a staff account that can sign in at /admin/.
superuser: migrate
	$(DEV_ENV) $(BIN)/python manage.py createsuperuser

## Style checks, migration check and the whole test suite.
test: install-dev system-deps lint
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory deploy-check

## Django's deployment checklist against production-like settings: any warning fails.
deploy-check: install
	env -u DJANGO_SECURE_SSL_REDIRECT -u DJANGO_REQUIRE_2FA DJANGO_DEBUG=false \
		DJANGO_SECRET_KEY=deploy-check-only-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n') \
		DJANGO_ALLOWED_HOSTS=scr.example.gov.uk \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

## Production-like load test: gunicorn as the container runs it, wrk at 32 connections. Prints figures.
bench: install
	@command -v wrk >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(APT_INSTALL) wrk; }
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) staticfiles
