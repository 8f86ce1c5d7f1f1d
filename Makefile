# Self-documenting: `make help` lists the targets with their descriptions.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CODE := analysis tests $(wildcard benchmarks/*.py)
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))

.DEFAULT_GOAL := help
.PHONY: help all build notebooks test lint format bench lab lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# requirements.lock pins every package so that figures and exports stay byte-identical
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

all: notebooks ## set up, build the database, execute every notebook and write figures/ (the main job)

build: $(STAMP) ## build data/curated/plans.duckdb and the CSV exports from data/raw
	$(BIN)/python -m analysis build

notebooks: build ## execute every notebook in place, regenerating figures/
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False $(NOTEBOOKS)

test: build ## set up, then run the whole test suite (lint, unit, integration, nbval notebooks)
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/python -m pytest --nbval --nbval-current-env tests notebooks

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)

format: $(STAMP) ## apply ruff formatting and safe fixes
	$(BIN)/ruff format $(CODE)
	$(BIN)/ruff check --fix $(CODE)

bench: $(STAMP) ## time the build on the five plans and on a synthetic 500-plan corpus
	$(BIN)/python benchmarks/bench_build.py

lab: build ## start JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks

lock: ## re-pin requirements.lock from a fresh environment (after editing pyproject.toml)
	rm -rf build/lockvenv && $(PYTHON) -m venv build/lockvenv
	build/lockvenv/bin/python -m pip install --quiet --upgrade pip
	build/lockvenv/bin/python -m pip install --quiet -e '.[dev]'
	{ head -3 requirements.lock; build/lockvenv/bin/python -m pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf build/lockvenv

clean: ## remove the virtual environment, the built database and the font cache
	rm -rf $(VENV) data/curated/plans.duckdb build
