# Set-up and everyday commands. Everything installs into .venv from a Python >= 3.12
# found by scripts/find-python (python3, python3.13/3.12, or pyenv's versions folder).

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: help install lock translations system-packages run stack load backup restore test lint format migrate seed worker beat eval-ingest clean superuser shell screenshots

help:
	@echo "make run      install, migrate, load the seed and serve http://127.0.0.1:$(PORT) (SQLite, eager tasks)"
	@echo "make test     run the whole test suite (DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make superuser  create an administrator for /admin/"
	@echo "make shell    a Django shell"
	@echo "make lint     ruff check and format check"
	@echo "make format   ruff format and fix"
	@echo "make worker   start a Celery worker (needs CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0)"
	@echo "make backup   back up the database (FILE=... to name the file); make restore FILE=... puts it back"
	@echo "make stack    gunicorn, a Celery worker and beat on DATABASE_URL and CELERY_BROKER_URL (no Docker)"
	@echo "make load     a 30 s load test of STACK_URL (LOAD_TOKEN=<curator token> adds writes)"
	@echo "make screenshots  docs/screenshots/ again, from the seed in a throwaway database"
	@echo "make eval-ingest  precision and recall of ingestion on the labelled articles"

$(PY):
	@PYTHON=$${PYTHON:-$$(sh scripts/find-python)} || exit 1; \
	echo "Creating $(VENV) with $$PYTHON"; \
	"$$PYTHON" -m venv $(VENV)

# Every package at the version and hashes requirements/dev.lock gives, then the project
# itself; `make lock` writes the lock files again after pyproject.toml changes.
$(STAMP): pyproject.toml requirements/dev.lock | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/dev.lock
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

lock: install
	$(BIN)/uv pip compile pyproject.toml --generate-hashes --universal --python-version 3.12 \
		--no-header --quiet -o requirements/base.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --universal \
		--python-version 3.12 --no-header --quiet -o requirements/dev.lock

# Local variables for manage.py and the WSGI app (config/envfile.py): written once, never
# overwritten, git-ignored. Variables set in the environment still win over it.
.env:
	@umask 077; printf '%s\n' \
		'# Written by `make run` for local development; never commit or deploy it.' \
		'DEBUG=1' \
		"SECRET_KEY=$$(od -An -N48 -tx1 /dev/urandom | tr -d ' \n')" > $@.tmp && mv $@.tmp $@
	@echo "Wrote $@ (DEBUG=1 and a random SECRET_KEY)."

# System packages: gettext (compiles the Arabic translation) and Chromium (browser tests).
system-packages:
	@if command -v msgfmt >/dev/null && command -v chromium >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext chromium >/dev/null; \
	else \
		echo "Install gettext and chromium (Debian: sudo apt-get install gettext chromium)."; exit 1; \
	fi

# Compile locale/*.po (installing gettext when running as root); without gettext the
# site still runs, in English only.
translations: install
	@if ! command -v msgfmt >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	fi; \
	if command -v msgfmt >/dev/null; then \
		DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv -v0; \
	else \
		echo "gettext (msgfmt) is missing: the Arabic interface will not be translated."; \
	fi

migrate: translations
	DEBUG=1 $(PY) manage.py migrate --no-input

seed: migrate
	DEBUG=1 $(PY) manage.py load_seed

run: .env seed
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

# docs/screenshots/ again (scripts/screenshots): the seed in a throwaway SQLite database,
# served by runserver on a free port, stopped afterwards. ENV_FILE= keeps the developer's
# .env out, so nothing of theirs is read or touched.
screenshots: translations
	@work=$$(mktemp -d) && export ENV_FILE= DEBUG=1 DATABASE_URL=sqlite:///$$work/shots.sqlite3 && \
	trap 'kill $$server 2>/dev/null; rm -rf "$$work"' EXIT && \
	$(PY) manage.py migrate --no-input -v0 && $(PY) manage.py load_seed >/dev/null && \
	port=$$($(PY) -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') && \
	{ $(PY) manage.py runserver --noreload 127.0.0.1:$$port >"$$work/server.log" 2>&1 & server=$$!; } && \
	$(PY) scripts/screenshots http://127.0.0.1:$$port || { tail -20 "$$work/server.log"; exit 1; }

superuser: .env migrate
	$(PY) manage.py createsuperuser

shell: .env install
	$(PY) manage.py shell

# Redis tests use TEST_REDIS_URL when given (a database they flush), else start their own
# redis-server on a free port; they never pick the Redis on the standard port by themselves.
test: translations
	SECRET_KEY=$${SECRET_KEY:-test-only-secret-key} $(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: install
	@if [ -z "$$CELERY_BROKER_URL" ]; then \
		echo "Set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0): without a broker tasks run eagerly in the web process."; exit 1; \
	fi
	$(BIN)/celery -A config worker --loglevel INFO

# Precision and recall of ingestion, in a throwaway database: fields on the labelled set
# (sources/eval/articles.toml; fails when a field is below its threshold) and its held-out
# set; then whole events judged strictly (every party in its role, amount, date), junk and
# duplicates on the labelled news articles: the tuning part, then the held-out part,
# which the extractors were never tuned on.
eval-ingest: install
	DEBUG=1 $(PY) manage.py eval_ingest --check
	@echo; echo "Held-out set:"
	DEBUG=1 $(PY) manage.py eval_ingest --labels sources/eval/heldout.toml
	@echo; echo "News articles, tuning part:"
	DEBUG=1 $(PY) manage.py eval_ingest --news sources/eval/news/tuning --check
	@echo; echo "News articles, held-out part:"
	DEBUG=1 $(PY) manage.py eval_ingest --news sources/eval/news/heldout

beat: install
	$(BIN)/celery -A config beat --loglevel INFO

# The whole database to backups/<vendor>-<time>.backup (or FILE=...), and back.
backup: install
	$(PY) manage.py backup $(if $(FILE),--output $(FILE))

restore: install
	@if [ -z "$(FILE)" ]; then echo "Name the backup: make restore FILE=backups/…"; exit 1; fi
	$(PY) manage.py restore $(FILE)

# The production processes without Docker (Procfile, run by honcho): gunicorn on
# STACK_BIND (default 127.0.0.1:8000), a Celery worker and Celery beat, on the PostgreSQL
# and Redis the environment names. Migrates and collects static files first. honcho reads
# no .env (it would override the environment); the processes read it as usual.
stack: translations
	@for name in DATABASE_URL CELERY_BROKER_URL SECRET_KEY; do \
		if [ -z "$$(printenv $$name)" ]; then \
			echo "Set $$name: make stack runs the production processes (see docs/operations.md)."; exit 1; \
		fi; \
	done
	$(PY) manage.py migrate --no-input
	$(PY) manage.py collectstatic --no-input -v0
	exec $(BIN)/honcho --env /dev/null -f Procfile start

# A bounded load test (30 s, 8 clients) of a running server: STACK_URL, default
# http://127.0.0.1:8000; a curator's LOAD_TOKEN (read by the script) adds a trickle of writes.
load: install
	$(PY) scripts/load-test $${STACK_URL:-http://127.0.0.1:8000} \
		--clients $${LOAD_CLIENTS:-8} --duration $${LOAD_SECONDS:-30}

clean:
	rm -rf $(VENV) .pytest_cache staticfiles
