# Set-up and everyday commands. Everything installs into .venv from a Python >= 3.12
# found by scripts/find-python (python3, python3.13/3.12, or pyenv's versions folder).

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: help install translations system-packages run test lint format migrate seed worker beat eval-ingest clean superuser shell

help:
	@echo "make run      install, migrate, load the seed and serve http://127.0.0.1:$(PORT) (SQLite, eager tasks)"
	@echo "make test     run the whole test suite (DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make superuser  create an administrator for /admin/"
	@echo "make shell    a Django shell"
	@echo "make lint     ruff check and format check"
	@echo "make format   ruff format and fix"
	@echo "make worker   start a Celery worker (needs CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0)"
	@echo "make eval-ingest  precision and recall of ingestion on the labelled articles"

$(PY):
	@PYTHON=$${PYTHON:-$$(sh scripts/find-python)} || exit 1; \
	echo "Creating $(VENV) with $$PYTHON"; \
	"$$PYTHON" -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

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

clean:
	rm -rf $(VENV) .pytest_cache staticfiles
