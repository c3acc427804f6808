# The two commands of the README: `make run` and `make test`. Everything they need is
# installed here: uv into .tools/ when it is not on PATH, then the locked dependencies.
SHELL := /bin/bash
PORT ?= 8000
UV_SYSTEM := $(shell command -v uv 2>/dev/null)
UV ?= $(if $(UV_SYSTEM),$(UV_SYSTEM),.tools/bin/uv)
PY := .venv/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: chromium run test test-unit test-browser test-redis test-elasticsearch test-s3 test-services \
	backup-check install install-dev messages makemessages lint format check security-check clean

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

install: $(UV)
	$(UV) sync --frozen --no-dev
	$(MAKE) --no-print-directory messages

install-dev: $(UV)
	$(UV) sync --frozen
	$(MAKE) --no-print-directory messages

# Compiled catalogues are build output; polib compiles them without GNU gettext.
messages:
	@$(PY) -c "import glob, polib; [polib.pofile(p).save_as_mofile(p[:-3] + '.mo') for p in glob.glob('locale/*/LC_MESSAGES/*.po')]"

# Needs GNU gettext (apt-get install gettext): refreshes locale/pl from the source strings.
makemessages:
	$(PY) manage.py makemessages -l pl --ignore=.venv --ignore=.tools --ignore=var --ignore=tests --ignore=benchmarks --no-obsolete

run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py bootstrap
	@echo ""
	@echo "Kooperacja: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The whole suite: unit and page tests, then the browser tests in Debian's chromium
# (installed here when missing and we may use apt; otherwise said plainly and left out).
# Tests that need a running Redis, Elasticsearch or S3 endpoint are skipped, with the
# reason listed (-rs); `make test-services` runs them against throwaway servers.
test: install-dev
	$(PY) -m pytest -m "not browser" -n 2 -q -rs
	@$(MAKE) --no-print-directory chromium
	@if [ -x /usr/bin/chromium ]; then $(PY) -m pytest -m browser -q; \
	else echo "BROWSER TESTS NOT RUN: /usr/bin/chromium is missing (apt-get install chromium)"; fi

chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; fi

test-unit: install-dev
	$(PY) -m pytest -m "not browser" -n 2 -q

test-browser: install-dev
	$(PY) -m pytest -m browser -q

# The marked tests, each against its own throwaway server on 127.0.0.1 (the scripts in
# .ci/ start and stop it): Debian's redis-server, Elasticsearch from Maven Central, and
# moto's S3 emulator (not a real object store) from PyPI.
test-redis: install-dev
	.ci/with-redis $(PY) -m pytest -p no:xdist -q -rs --create-db -m redis

test-elasticsearch: install-dev
	.ci/with-elasticsearch $(PY) -m pytest -p no:xdist -q -rs --create-db -m elasticsearch

test-s3: install-dev
	.ci/with-s3 $(PY) -m pytest -p no:xdist -q -rs --create-db -m s3

test-services: test-redis test-elasticsearch test-s3

# pg_dump of DATABASE_URL restored into a scratch database, row counts compared.
backup-check:
	scripts/pg_backup_restore_check.sh

lint: install-dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install-dev
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

check: install-dev
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# Security: ruff's S rules (flake8-bandit) over everything, bandit over the application's
# packages, and Django's deployment checks with the production settings (made-up secret key
# and host: the checks read the settings, nothing is served).
security-check: install-dev
	.venv/bin/ruff check --select S .
	.venv/bin/bandit -q -r portal school catalog news security privacy -c pyproject.toml
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	DJANGO_SECRET_KEY="security-check-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')" \
	DJANGO_ALLOWED_HOSTS=kooperacja.example.org \
		$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf var .venv .tools
