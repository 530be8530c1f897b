# The two commands: `make run` serves the demo council, `make test` runs the whole suite.
# Each sets up what it needs from a fresh clone.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ASSETS := src/stabilise/ui/static/build/stabilise.css

.PHONY: run test install prerequisites assets lint typecheck pytest lock clean benchmark benchmark-pages

# The local demo: plain http on localhost, and demo mode (the demo accounts skip two-factor),
# which the system checks refuse anywhere but a DEBUG server on this machine.
DEMO_ENV := STABILISE_DEMO_MODE=1 DEBUG=1 SECURE_COOKIES=0

run: install
	$(BIN)/stabilise migrate --no-input -v 0
	$(DEMO_ENV) $(BIN)/stabilise demo --if-empty
	$(DEMO_ENV) $(BIN)/stabilise serve

test: install lint typecheck pytest

install: prerequisites $(VENV)/.installed $(ASSETS)

prerequisites:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
		{ echo "Stabilise needs Python 3.11 or newer as '$(PYTHON)': install it (e.g. apt-get install python3 python3-venv) or run make PYTHON=/path/to/python3.11"; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || \
		{ echo "Python's venv module is missing: install it (e.g. apt-get install python3-venv)"; exit 1; }
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) < 20 ? 1 : 0)' 2>/dev/null || \
		{ echo "Stabilise needs Node.js 20 or newer to build the GOV.UK styles: install it (e.g. apt-get install nodejs npm)"; exit 1; }
	@command -v npm >/dev/null || { echo "Stabilise needs npm to build the GOV.UK styles: install it (e.g. apt-get install npm)"; exit 1; }
	@test -x /usr/bin/chromium || echo "Note: Debian's Chromium (/usr/bin/chromium) is missing, so the real-browser tests will skip: apt-get install chromium"

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(ASSETS): node_modules/.installed $(shell find src/stabilise/ui/scss -name '*.scss' 2>/dev/null)
	npm run --silent build

assets: $(ASSETS)

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks

typecheck: $(VENV)/.installed
	$(BIN)/mypy

pytest: $(VENV)/.installed $(ASSETS)
	$(BIN)/pytest

benchmark: install
	$(BIN)/python benchmarks/import_caseloads.py

# 20 signed-in people browsing for a minute, under gunicorn on PostgreSQL (BENCH_POSTGRES, a
# server URL ending in /postgres; it makes the database stabilise_bench_pages).
benchmark-pages: install
	$(BIN)/python benchmarks/pages_under_load.py

# Regenerate the lock file after changing dependencies in pyproject.toml.
lock: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -q -o requirements.lock

clean:
	rm -rf $(VENV) node_modules src/stabilise/ui/static/build var
