# Self-documenting: `make help` lists the targets with their descriptions.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CODE := analysis tests $(wildcard benchmarks/*.py)

.DEFAULT_GOAL := help
.PHONY: help all build test lint format bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

all: build ## set up, then build the database and its exports (the main job)

build: $(STAMP) ## build data/curated/plans.duckdb and the CSV exports from data/raw
	$(BIN)/python -m analysis build

test: $(STAMP) ## set up, then run the whole test suite (lint, unit, integration)
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/python -m pytest

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)

format: $(STAMP) ## apply ruff formatting and safe fixes
	$(BIN)/ruff format $(CODE)
	$(BIN)/ruff check --fix $(CODE)

bench: $(STAMP) ## time the build on the five plans and on a synthetic 500-plan corpus
	$(BIN)/python benchmarks/bench_build.py

clean: ## remove the virtual environment and the built database
	rm -rf $(VENV) data/curated/plans.duckdb
