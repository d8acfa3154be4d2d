# «Кадровый резерв»: make run — the portal with demo data on SQLite; make test — the whole suite on PostgreSQL.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

# Playwright drives Debian's chromium; it must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install run test lint

install: $(STAMP)

# Reinstall only when the dependencies change; the stamp lives inside the venv it describes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# SQLite in the project folder: a DATABASE_URL pointing elsewhere is ignored here on purpose.
run: export DJANGO_SETTINGS_MODULE := reserve_portal.settings.local
run: install
	@if [ -n "$${DATABASE_URL:-}" ] && [[ "$$DATABASE_URL" != sqlite* ]]; then \
		echo "make run работает на SQLite: DATABASE_URL=$$DATABASE_URL не используется."; fi
	@if [[ "$${DATABASE_URL:-}" != sqlite* ]]; then unset DATABASE_URL; fi; \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py seed_demo --if-empty && \
	echo "Портал: http://127.0.0.1:$(PORT)/" && \
	exec $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	@scripts/run-tests

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
