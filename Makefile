# Self-documenting: `make help` lists the targets with their descriptions.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CODE := analysis tests $(wildcard benchmarks/*.py)
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))

.DEFAULT_GOAL := help
.PHONY: help all build native data notebooks report reproduce test lint format sync bench lab lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# requirements.lock pins every package so that figures and exports stay byte-identical
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	$(BIN)/python -c 'from analysis.main_job import register_kernel; register_kernel()'
	touch $(STAMP)

# the per-plan stage compiled by Cython (analysis/native_build.py); again when a source changes.
# Optional: without a C compiler the build runs the same code as plain Python, slower.
NATIVE := build/native/manifest.json
$(NATIVE): $(STAMP) $(wildcard analysis/*.py analysis/extraction/*.py)
	$(BIN)/python -m analysis.native_build || echo "native: not compiled; plain Python is used"

native: $(NATIVE) ## compile the per-plan readers with Cython (part of `make all` and `make build`)

all: $(STAMP) $(NATIVE) ## the main job: build the database, data package, notebooks, figures/, HTML report
	$(BIN)/python -m analysis all

build: $(STAMP) $(NATIVE) ## build data/curated/plans.duckdb and the CSV exports from data/raw
	$(BIN)/python -m analysis build

data: build ## write the data package: Parquet, datapackage.json, Excel workbook
	$(BIN)/python -m analysis export-data

notebooks: build ## execute every notebook in place, regenerating figures/ (part of `make all`)
	$(BIN)/python -c 'from analysis.main_job import execute_notebooks; execute_notebooks()'

report: build ## render the executed notebooks as a static site in build/report/
	$(BIN)/python -m analysis report

reproduce: $(STAMP) $(NATIVE) ## rerun everything in a clean copy; compare every output with the manifest
	$(BIN)/python -m analysis reproduce

test: build ## set up, then run the whole suite (lint, unit, nbval notebooks, reproduction)
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/python -m pytest --nbval --nbval-current-env tests notebooks
	$(BIN)/python -m analysis reproduce

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)

format: $(STAMP) ## apply ruff formatting and safe fixes
	$(BIN)/ruff format $(CODE)
	$(BIN)/ruff check --fix $(CODE)

bench: $(STAMP) $(NATIVE) ## time the build (five plans, synthetic 500-plan corpus, one 50 MB text); plan sets under layout variants
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_text.py
	$(BIN)/python benchmarks/bench_variants.py

lab: build ## start JupyterLab on the notebooks with the project's kernel
	$(BIN)/python -c 'from analysis.main_job import register_kernel; register_kernel()'
	$(BIN)/jupyter lab notebooks

sync: $(STAMP) ## bring each notebook and its paired .py (jupytext percent format) in step
	$(BIN)/jupytext --sync $(NOTEBOOKS)

lock: ## re-pin requirements.lock from a fresh environment (after editing pyproject.toml)
	rm -rf build/lockvenv && $(PYTHON) -m venv build/lockvenv
	build/lockvenv/bin/python -m pip install --quiet --upgrade pip
	build/lockvenv/bin/python -m pip install --quiet -e '.[dev]'
	{ head -3 requirements.lock; build/lockvenv/bin/python -m pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf build/lockvenv

clean: ## remove the virtual environment, the built database and the font cache
	rm -rf $(VENV) data/curated/plans.duckdb build
