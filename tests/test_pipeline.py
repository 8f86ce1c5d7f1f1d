"""Whole-build properties: determinism, a sixth plan without code change, the CLI."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys

import duckdb
import yaml

from analysis import paths
from analysis.build import BuildConfig, build
from analysis.cli import main

EXPORTS = [
    "sources.csv",
    "indicators.csv",
    "observations.csv",
    "indicator_values.csv",
    "number_ledger.csv",
    "unread_tables.csv",
]


def digests(folder):
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in EXPORTS}


def test_two_builds_give_byte_identical_exports(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    build(BuildConfig(database=a / "plans.duckdb", exports_dir=a))
    build(BuildConfig(database=b / "plans.duckdb", exports_dir=b))
    assert digests(a) == digests(b)


def test_committed_exports_match_a_fresh_build(built):
    _, out = built
    assert digests(out) == digests(paths.CURATED_DIR)


SIXTH_PLAN = """示例市“十四五”教育发展规划
一、发展基础
（一）发展基础。
“十三五”期间，学前三年毛入园率已达 91.5%，九年义务教育巩固率达到 97%。
二、发展目标
到2025年，学前教育毛入园率达到 96%以上，辍学率控制在 0.5%以下，课后服务参与率达到 88%。
"""


def registry_with(tmp_path, text: str):
    """A copy of data/raw plus one more plan, registered as city "example"."""
    raw = tmp_path / "raw"
    shutil.copytree(paths.RAW_DIR, raw)
    blob = text.encode("utf-8")
    (raw / "example_city_plan.txt").write_bytes(blob)
    registry = yaml.safe_load((raw / "sources.yaml").read_text(encoding="utf-8"))
    entry = dict(registry["sources"][0])
    entry.update(
        source_id="example_fyp_2021_2025",
        city_id="example",
        file="example_city_plan.txt",
        sha256=hashlib.sha256(blob).hexdigest(),
        city_name_zh="示例市",
        city_name_en="Example City",
        known_defects=[],
    )
    registry["sources"].append(entry)
    (raw / "sources.yaml").write_text(yaml.safe_dump(registry, allow_unicode=True), "utf-8")
    return raw / "sources.yaml"


def test_a_sixth_plan_is_processed_without_code_change(tmp_path):
    raw = registry_with(tmp_path, SIXTH_PLAN).parent
    out = tmp_path / "out"
    build(BuildConfig(registry=raw / "sources.yaml", database=out / "p.duckdb", exports_dir=out))
    con = duckdb.connect(str(out / "p.duckdb"), read_only=True)
    got = con.execute(
        "SELECT indicator_id, year, role, comparator, value, quote FROM observations "
        "WHERE city_id = 'example' ORDER BY char_start"
    ).fetchall()
    assert got == [
        ("preschool_gross_enrollment_rate", 2020, "baseline", "=", 91.5, "学前三年毛入园率已达 91.5%"),
        ("compulsory_consolidation_rate", 2020, "baseline", "=", 97.0, "九年义务教育巩固率达到 97%"),
        ("preschool_gross_enrollment_rate", 2025, "target", ">=", 96.0, "学前教育毛入园率达到 96%以上"),
        ("dropout_rate", 2025, "target", "<=", 0.5, "辍学率控制在 0.5%以下"),
    ]  # fmt: skip
    assert con.execute("SELECT count(DISTINCT city_id) FROM sources").fetchone() == (6,)
    # a percentage whose phrase is not in the codebook is in the ledger, not lost
    assert con.execute(
        "SELECT quote, disposition FROM number_ledger WHERE source_id = 'example_fyp_2021_2025' "
        "AND disposition NOT IN ('observation', 'year', 'section_number', 'part_of_name')"
    ).fetchall() == [("88%", "no_indicator")]


def test_cli_build_prints_the_summary(tmp_path, capsys):
    code = main(["build", "--database", str(tmp_path / "p.duckdb"), "--exports-dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "baicheng" in out and "conflicts" in out and "built in" in out
    assert "siping" in out and "sparse" in out


def test_module_entry_point_help_ends_with_an_example():
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "build", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=paths.ROOT,
    )
    assert done.stdout.rstrip().splitlines()[-1].strip().startswith("python -m analysis build")


def test_locate_prints_spans(capsys):
    assert main(["locate", "jiamusi_fyp_2021_2025", "90/87.2/51"]) == 0
    assert "char_start:" in capsys.readouterr().out
