# Two commands on a fresh machine: `make run` and `make test`. Everything else here serves them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run test setup venv assets system-deps messages lint format clean-db worker scheduler bench cluster loadtest

# e-mailed links point at the address this server answers on (make run PORT=8001)
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@$(PY) manage.py demo_accounts
	@echo "Adres platformy: $(SITE_URL)/ (linki w wysyłanych e-mailach prowadzą tutaj)"
	@echo "Zaloguj się jednym z kont powyżej (hasło i klucz TOTP podane wyżej). Zatrzymanie serwera: Ctrl+C."
	@# Beside the web server: the worker (queued e-mail, PDFs, exports) and the scheduler (daily jobs, no cron).
	@trap 'kill 0' EXIT; $(PY) manage.py db_worker --queue-name "*" >var/worker.log 2>&1 & \
	  $(PY) manage.py run_scheduler >var/scheduler.log 2>&1 & \
	  $(PY) manage.py runserver $(HOST):$(PORT)

# One pytest worker per core (pytest-xdist; docs/decisions/0028-parallel-test-workers.md); TEST_WORKERS=0 runs in one
# process, e.g. for a single test file: make test TEST_WORKERS=0 PYTEST_ARGS=apps/plans
TEST_WORKERS ?= auto
test: setup
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

setup: venv assets messages
	@mkdir -p var
	@# parallel branches both add translations: merge the English catalogue as a union (tools/po_merge.py)
	@git config merge.po.driver "$(PY) tools/po_merge.py %O %A %B" 2>/dev/null || true
	@# ... and the shared test cast, demo seed and URL list per top-level statement (tools/merge_blocks.py)
	@git config merge.blocks.driver "$(PY) tools/merge_blocks.py %O %A %B" 2>/dev/null || true

# The venv is rebuilt only when the lock file changes.
venv: $(VENV)/.installed
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

assets: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# gettext compiles the catalogues; Debian's package is installed when missing (we run as root on these machines).
system-deps:
	@command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext; }

messages: system-deps
	@if ls locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then \
	  $(PY) manage.py compilemessages --verbosity 0 --ignore ".venv" --ignore "node_modules" --ignore "var"; fi

# Refresh the translation catalogues after changing strings (then translate the new English entries).
makemessages: venv
	$(PY) manage.py makemessages -l en --no-obsolete --no-location -i ".venv/*" -i "node_modules/*" -i "var/*"

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# National-scale data in its own database (var/bench.sqlite3, rebuilt each time; or an empty DATABASE_URL), then
# the median server time, queries and growth of every listing page (docs/performance.md). BENCH_ARGS="--only plans".
bench: setup
	@if [ -z "$$DATABASE_URL" ]; then rm -f var/bench.sqlite3 var/bench.sqlite3-wal var/bench.sqlite3-shm; fi
	DJANGO_SETTINGS_MODULE=config.settings.bench $(PY) manage.py migrate --noinput -v0
	DJANGO_SETTINGS_MODULE=config.settings.bench $(PY) manage.py seed_scale
	DJANGO_SETTINGS_MODULE=config.settings.bench $(PY) -W ignore manage.py bench $(BENCH_ARGS)

# The production shape on this machine (deploy/cluster/run.sh): PostgreSQL with seed_scale data, two gunicorn app
# servers behind nginx on https://127.0.0.1:8443, the worker and the scheduler. Not part of `make test`.
cluster: setup
	deploy/cluster/run.sh

# Load tests against `make cluster` (loadtest/locustfile.py, docs/performance.md): SCENARIO=deadline|workday|event.
SCENARIO ?= workday
loadtest:
	loadtest/run.sh $(SCENARIO)

worker: setup
	$(PY) manage.py db_worker --queue-name "*"

scheduler: setup
	$(PY) manage.py run_scheduler

clean-db:
	rm -f var/db.sqlite3*
