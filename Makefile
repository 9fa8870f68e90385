# Two commands on a fresh machine: `make serve` and `make test`. Both set everything up.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test test-quick test-fast bench clean offline zim inspect

# The tests run in TEST_WORKERS processes (pytest-xdist); a file's tests stay in one process
# (--dist loadfile), so that the fixtures a file builds for itself are built once. The site,
# the offline edition and the ZIM are built once per run for all processes (tests/conftest.py).
TEST_WORKERS ?= 2
# Bytecode, and pytest's rewritten test files, go under .pytest_cache/ rather than beside the
# sources: rewriting the asserts of every test file again is most of a fast run's time.
TEST_ENV := env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX=$(CURDIR)/.pytest_cache/pycache

$(READY): requirements.txt scripts/bootstrap.sh pyproject.toml
	@PYTHON=$(PYTHON) VENV=$(VENV) sh scripts/bootstrap.sh
	@touch $@

## serve: preview on http://127.0.0.1:8000 with live reload. MkDocs rebuilds on an edit to the
## texts, data, pages and templates; an edit to the code in hooks/ restarts the preview (watchmedo,
## from watchdog, which MkDocs itself uses), since Python keeps a module it has imported.
serve: $(READY)
	$(BIN)/watchmedo auto-restart --directory hooks --recursive --patterns '**/*.py' --ignore-directories \
	  --debounce-interval 1 --signal SIGINT --kill-after 5 -- \
	  $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## build: build the site into site/ (atomically: a failed build keeps the old site)
build: $(READY)
	$(BIN)/python scripts/build.py

## test: the whole test suite (browser tests need Chromium, installed here if possible); what CI runs
test: $(READY)
	@sh scripts/ensure-tools.sh
	$(TEST_ENV) $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

## test-quick: the whole suite but the slowest gates (marked slowest: the LinkChecker crawl, axe on every page, ...)
test-quick: $(READY)
	@sh scripts/ensure-tools.sh
	$(TEST_ENV) $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile -m "not slowest"

## test-fast: the tests that need no build, no browser and no more than about 0.1 s each (not slow)
test-fast: $(READY)
	$(TEST_ENV) $(BIN)/python -m pytest -m "not build and not browser and not slow"

## bench: build time, page weight, search index size
bench: $(READY)
	@command -v npm >/dev/null 2>&1 && [ ! -x node_modules/.bin/lighthouse ] && npm ci --no-audit --no-fund --silent || true
	$(BIN)/python scripts/bench.py

## inspect: how the build reads one text (make inspect SEED=seeds/<file>): blocks, furniture, counts, warnings
inspect: $(READY)
	@[ -n "$(SEED)" ] || { echo "usage: make inspect SEED=seeds/<file>"; exit 2; }
	@$(BIN)/python scripts/inspect_text.py "$(SEED)"

clean:
	rm -rf site site.* .pytest_cache

## offline: the offline edition as a reproducible zip (dist/), with its checksum
offline: $(READY)
	$(BIN)/python scripts/offline.py

## zim: the same site as a Kiwix ZIM archive (dist/)
zim: offline
	$(BIN)/python scripts/zim.py
