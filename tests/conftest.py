"""Shared fixtures: one real build of the five plans, an in-memory DuckDB over it, an extractor."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from analysis import paths
from analysis.build import BuildConfig, build
from analysis.database import SCHEMAS, load_csv_tables

CITIES = ["baicheng", "linjiang", "siping", "jilin", "jiamusi"]


def copy_inputs(root: Path) -> Path:
    """The project's inputs (data/raw and the YAML files of data/curated) under root/raw and
    root/curated, for tests that edit them or build elsewhere; returns root."""
    shutil.copytree(paths.RAW_DIR, root / "raw")
    (root / "curated").mkdir()
    for yml in paths.CURATED_DIR.glob("*.yaml"):
        shutil.copy2(yml, root / "curated" / yml.name)
    return root


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The five real plans built into a temporary folder (data/curated is never touched)."""
    out = tmp_path_factory.mktemp("build")
    result = build(BuildConfig(database=out / "plans.duckdb", exports_dir=out))
    return result, out


@pytest.fixture(scope="session")
def raw_texts():
    from analysis.sources import load_sources, read_raw

    return {s.source_id: read_raw(s) for s in load_sources(paths.SOURCES_YAML)}


@pytest.fixture()
def db(built):
    """An in-memory DuckDB holding the build's exported tables."""
    _, out = built
    con = duckdb.connect(":memory:")
    load_csv_tables(con, {table: out / f"{table}.csv" for table in SCHEMAS})
    yield con
    con.close()


@pytest.fixture(scope="module")
def extractor():
    """The extractor with the project's codebook and rules (one per test module)."""
    from analysis.codebook import AliasMatcher, load_codebook
    from analysis.extraction.extract import Extractor
    from analysis.rules import load_rules

    book = load_codebook(paths.CODEBOOK_YAML)
    return Extractor(book, AliasMatcher(book), load_rules(paths.EXTRACTION_RULES_YAML))


@pytest.fixture(scope="module")
def read_in_area(extractor):
    """read_in_area(text, city_zh) -> (sorted observation rows, sorted quotes ledgered
    other_area) for a five-year plan 2021-2025 of the city or county named city_zh."""
    from analysis.normalise import clean
    from analysis.sources import Source

    def read(text: str, city_zh: str):
        meta = {
            "document_type": "five_year_plan",
            "period_start": 2021,
            "period_end": 2025,
            "baseline_year": 2020,
            "city_name_zh": city_zh,
        }
        source = Source("t_plan", "t", paths.ROOT / "t.txt", meta)
        result = extractor.extract(source, clean(text))
        found = sorted(
            (o.indicator_id, o.year, o.comparator, o.value, o.value_upper, o.value_kind)
            for o in result.observations
        )
        other = sorted(r["quote"] for r in result.ledger if r["disposition"] == "other_area")
        return found, other

    return read
