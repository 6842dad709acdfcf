# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out/sample

.PHONY: install run test lint typecheck unit clean

$(BIN)/allegiance: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/allegiance

## Analyse the bundled sample corpus and write the report to $(OUT)/report.html
run: install
	$(BIN)/allegiance analyze examples/sample --out $(OUT)
	@echo "report: $(OUT)/report.html"

lint: install
	$(BIN)/ruff check src tests benchmarks

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest -q

## The whole test suite: lint, types, tests
test: lint typecheck unit

clean:
	rm -rf $(VENV) out build dist *.egg-info
