# `make run` and `make test` work on a fresh machine: everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///sitreport.db
PORT ?= 8000
UI_ASSETS := $(if $(wildcard package.json),node_modules/.installed)

.PHONY: run test install system-deps lint bench distclean

run: install
	$(BIN)/sitreport ingest examples/ --db $(DB)
	$(BIN)/sitreport events --db $(DB) --limit 25
	$(BIN)/sitreport incidents --db $(DB) --limit 10
	$(BIN)/sitreport serve --db $(DB) --port $(PORT)

test: install system-deps
	$(BIN)/ruff check src tests bench tools
	$(BIN)/pytest

install: $(VENV)/.installed $(UI_ASSETS)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-deps:
	bash scripts/system-deps.sh

lint: install
	$(BIN)/ruff check src tests bench tools

bench: install
	for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

distclean:
	rm -rf $(VENV) node_modules sitreport.db sitreport.db-wal sitreport.db-shm test-output
