# Sterke Wijken — developer and CI commands (GNU make).
#
#   make run     install everything, migrate, load demo data, serve on :8000 with a worker
#   make test    install everything (plus Debian chromium), run the test suite
#
# Everything installs itself on a fresh Debian machine where we are root.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON := .venv/bin/python
MANAGE := $(PYTHON) manage.py
PYTEST_ARGS ?=
# Test processes (pytest-xdist): one per CPU core, an idle one taking over the queue
# of a busy one (worksteal: the long browser walks do not leave one working alone
# at the end); PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto
RUN_ADDR ?= 127.0.0.1:8000
NPM_STAMP := node_modules/.sterkewijken-npm-ci.stamp
# uv from PATH, else the one `pip install uv` put in python3's site-packages.
UV = $(shell command -v uv 2>/dev/null || echo python3 -m uv)

# apt-get install, after one `apt-get update` (skipped when the lists are fresh).
APT_GET_INSTALL = export DEBIAN_FRONTEND=noninteractive; \
	find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -120 2>/dev/null | grep -q . \
		|| apt-get update -q; \
	apt-get install -y -q

.PHONY: help setup python-deps node-deps messages browsers run test lint format \
	migrations-check deploy-check pg-start pg-stop

help: ## show this list
	@grep -E '^[a-z][a-zA-Z_-]*:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*## "}; {printf "  make %-18s %s\n", $$1, $$2}'

setup: python-deps node-deps messages ## install Python and npm packages, compile translations

python-deps: ## uv sync --frozen (creates .venv from uv.lock, dev group included)
	@if ! command -v uv >/dev/null 2>&1 && ! python3 -m uv --version >/dev/null 2>&1; then \
		echo "==> installing uv"; \
		python3 -m pip install --quiet uv \
			|| python3 -m pip install --quiet --break-system-packages uv; \
	fi
	$(UV) sync --frozen

node-deps: $(NPM_STAMP) ## npm ci (only when node_modules is missing or older than the lock file)

$(NPM_STAMP): package.json package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "==> installing Node.js and npm from Debian"; \
		$(APT_GET_INSTALL) --no-install-recommends nodejs npm; \
	fi
	npm ci --no-audit --no-fund
	@touch $@

messages: python-deps ## compile the .po catalogues to .mo (needs gettext's msgfmt)
	@if ! command -v msgfmt >/dev/null 2>&1; then \
		echo "==> installing gettext from Debian"; \
		$(APT_GET_INSTALL) --no-install-recommends gettext; \
	fi
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

browsers: ## install Debian's chromium for the Playwright tests
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "==> installing chromium from Debian"; \
		$(APT_GET_INSTALL) chromium fonts-dejavu-core; \
	fi
	@/usr/bin/chromium --version 2>/dev/null

run: setup ## migrate, load demo data (prints the logins), serve on http://127.0.0.1:8000 + a worker
	$(MANAGE) migrate --no-input
	$(MANAGE) demodata
	RUN_ADDR=$(RUN_ADDR) .venv/bin/honcho -f Procfile.dev start

test: setup browsers ## run the whole test suite (extra pytest options: PYTEST_ARGS="-k foo")
	@$(PYTHON) -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS) || { \
		rc=$$?; \
		if [ $$rc -eq 5 ]; then echo "pytest collected no tests (exit 5): that is a failure" >&2; fi; \
		exit $$rc; }

lint: python-deps ## ruff check + ruff format --check + the import layers (lint-imports)
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports

format: python-deps ## fix what ruff can fix and format the code
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

migrations-check: python-deps ## fail when a model change has no migration
	$(MANAGE) makemigrations --check --dry-run

deploy-check: python-deps ## manage.py check --deploy with production settings (throwaway secret)
	DJANGO_ENV=production \
	DJANGO_SECRET_KEY="$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-wijken.example.org}" \
	DATABASE_URL="$${DATABASE_URL:-sqlite:///$(CURDIR)/var/deploy-check.sqlite3}" \
	$(MANAGE) check --deploy --fail-level WARNING

pg-start: ## start a throwaway PostgreSQL 15 on 127.0.0.1:5432 and print its DATABASE_URL
	@bash scripts/pg-start

pg-stop: ## stop the server pg-start started
	@bash scripts/pg-start stop
