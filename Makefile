# The two commands of the README: `make run` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=
BENCH_ARGS ?=
INSTALLED := $(VENV)/.installed
# Debian packages the tests use: Chromium for the browser tests (Playwright's own browser
# download needs the Internet) and GNU gettext for the message-extraction check.
CHROMIUM := /usr/bin/chromium
XGETTEXT := /usr/bin/xgettext
APT_INSTALL = if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	$$sudo apt-get update && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends

.PHONY: run test setup lint format messages bench bench-engine bench-web bench-instructions clean chromium

$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (set PYTHON=python3.12)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

# The site's address (links in e-mails, the admin login printed) follows PORT unless set.
setup run: export SITE_BASE_URL ?= http://127.0.0.1:$(PORT)
setup: $(INSTALLED)
	$(BIN)/python manage.py compile_translations
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_dev_admin

run: setup
	@echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

$(CHROMIUM):
	@$(APT_INSTALL) chromium

$(XGETTEXT):
	@$(APT_INSTALL) gettext

chromium: $(CHROMIUM)

# Without a PostgreSQL DATABASE_URL the suites that need PostgreSQL (and the Redis and
# load/fault suites, which run with it) are left out, and the run says so; CI runs them all.
SQLITE_MARKS := -m "not postgres and not redis and not slow"
test: $(INSTALLED) $(CHROMIUM) $(XGETTEXT)
ifeq ($(PYTEST_ARGS)$(findstring postgres,$(DATABASE_URL)),)
	@echo "No PostgreSQL DATABASE_URL: running what SQLite can; for every suite:"
	@echo "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/rescom make test"
	$(BIN)/python -m pytest $(SQLITE_MARKS)
else
	$(BIN)/python -m pytest $(PYTEST_ARGS)
endif

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The same ignore list as tests/test_interface_translations.py, which checks nothing is missed.
messages: $(INSTALLED) $(XGETTEXT)
	$(BIN)/python manage.py makemessages --no-location -l uk -l ro \
		--ignore=.venv --ignore=static_collected --ignore=media --ignore=benchmarks \
		--ignore=tests --ignore=test-artefacts

bench-engine: $(INSTALLED)
	$(BIN)/python -m benchmarks.engine

# The web benchmark needs wrk (Debian's package) and the PostgreSQL and Redis servers.
bench-web: $(INSTALLED)
	@command -v wrk >/dev/null || { $(APT_INSTALL) wrk; }
	$(BIN)/python -m benchmarks.web $(BENCH_ARGS)

# Instructions per request, counted by valgrind's callgrind: steady whatever the machine's load.
bench-instructions: $(INSTALLED)
	@command -v valgrind >/dev/null || { $(APT_INSTALL) valgrind; }
	$(BIN)/python -m benchmarks.web.instructions $(BENCH_ARGS)

bench: bench-engine

clean:
	rm -rf $(VENV) db.sqlite3 .dev-admin-login static_collected .pytest_cache

# The engine's command line end to end against a plain numpy peer, on 10,000 profiles.
.PHONY: bench-cli
bench-cli: $(INSTALLED)
	$(BIN)/python -m benchmarks.engine.command_line $(BENCH_ARGS)
