# Two commands a newcomer needs (see README): `make start` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.installed-runtime
TEST_STAMP := $(VENV)/.installed-test

.PHONY: start test demo install install-test system-deps lint clean

start: install
	$(BIN)/sleutelpersonen-start

# pytest also runs ruff (tests/test_lint.py), so one report lists every problem.
test: install-test system-deps
	$(BIN)/python -m pytest

# A demo cohort graded by the real nbgrader pipeline, keurmerken issued, the service started.
demo: install
	$(BIN)/python -m grading.demo_cohort demo-output
	$(BIN)/python -m keurmerk.demo demo-output

install: $(RUNTIME_STAMP)

install-test: $(TEST_STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig; gevonden: " + sys.version.split()[0])'
	@$(PYTHON) -m venv $(VENV) || { echo "Kon geen virtuele omgeving maken. Installeer eerst: sudo apt-get install python3-venv"; rm -rf $(VENV); exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): pyproject.toml $(RUNTIME_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# Debian's chromium (browser tests) and postgresql (a real server for the database tests).
system-deps:
	@bash tests/ensure-chromium.sh
	@bash tests/ensure-postgres.sh

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) test-artifacts demo-output .pytest_cache .ruff_cache
