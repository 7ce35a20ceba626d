# Two commands a newcomer needs (see README): `make start` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.installed-runtime
TEST_STAMP := $(VENV)/.installed-test
HUB_STAMP := $(VENV)/.installed-hub
INSTALL_LOG := $(VENV)/installatie.log
# Installs print to a log file: the learner sees a few Dutch lines and then the link.
PIP := $(BIN)/python -m pip install --disable-pip-version-check -c constraints.txt
define quietly
@$(1) >> $(INSTALL_LOG) 2>&1 || { tail -n 25 $(INSTALL_LOG); echo "Installeren is niet gelukt. Alles staat in $(INSTALL_LOG)."; exit 1; }
endef

.PHONY: start test demo install install-test hub system-deps lint clean

start: install
	@$(BIN)/sleutelpersonen-start

# pytest also runs ruff (tests/test_lint.py), so one report lists every problem.
test: install-test hub system-deps
	$(BIN)/python -m pytest

# A demo cohort graded by the real nbgrader pipeline, keurmerken issued, the service started.
# It writes outside the repository (the demo makes a signing key): make demo SLEUTELPERSONEN_DEMO=/map
SLEUTELPERSONEN_DEMO ?= $(HOME)/sleutelpersonen-demo
demo: install
	@bash tests/ensure-fonts.sh  # the certificate PDF needs Debian's Noto fonts
	$(BIN)/python -m grading.demo_cohort "$(SLEUTELPERSONEN_DEMO)"
	$(BIN)/python -m keurmerk.demo "$(SLEUTELPERSONEN_DEMO)" $(DEMO_OPTIONS)

install: $(RUNTIME_STAMP)

install-test: $(TEST_STAMP)

# A JupyterHub for a training organisation (README, "Voor trainers"): the hub's Python
# packages and its proxy (configurable-http-proxy, pinned in tools/hub/package-lock.json).
hub: $(HUB_STAMP)

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig; gevonden: " + sys.version.split()[0])'
	@$(PYTHON) -m venv $(VENV) || { echo "Kon geen virtuele omgeving maken. Installeer eerst: sudo apt-get install python3-venv"; rm -rf $(VENV); exit 1; }
	$(call quietly,$(BIN)/python -m pip install --disable-pip-version-check --upgrade pip)

$(RUNTIME_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	@echo "De cursus wordt geïnstalleerd. De eerste keer duurt dat een paar minuten ..."
	$(call quietly,$(PIP) -e .)
	@touch $@

$(HUB_STAMP): pyproject.toml constraints.txt tools/hub/package-lock.json $(RUNTIME_STAMP)
	@command -v npm > /dev/null || { echo "npm ontbreekt (nodig voor de hub): sudo apt-get install nodejs npm"; exit 1; }
	@echo "JupyterHub wordt geïnstalleerd ..."
	$(call quietly,$(PIP) -e '.[hub]')
	$(call quietly,npm ci --prefix tools/hub --no-audit --no-fund)
	@touch $@

$(TEST_STAMP): pyproject.toml constraints.txt $(RUNTIME_STAMP)
	@echo "De testprogramma's worden geïnstalleerd ..."
	$(call quietly,$(PIP) -e '.[test]')
	@touch $@

# Debian's chromium (browser tests), postgresql (a real server for the database tests),
# the Noto fonts of the PDF certificate with pdftotext to read it back, and Digital Bazaar's
# reference VC libraries (tools/interop, exact versions from package-lock.json) for the
# keurmerk interop tests.
system-deps: | $(BIN)/python
	@bash tests/ensure-chromium.sh
	@bash tests/ensure-fonts.sh
	@bash tests/ensure-postgres.sh
	$(call quietly,npm ci --prefix tools/interop --no-audit --no-fund)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .ruff_cache
