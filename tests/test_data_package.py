"""The data package: Frictionless validity, descriptions, Parquet and the Excel workbook."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import frictionless
import openpyxl
import pytest
import yaml

from analysis import data_package, paths
from analysis import workbook as workbook_module
from analysis.data_package import TABLES, export_data_package, load_descriptions
from analysis.database import SCHEMAS, SORT_KEYS
from analysis.errors import InputError
from analysis.workbook import QUOTED_VALUES

WORKBOOK = paths.WORKBOOK_XLSX.name
DESCRIPTOR = paths.DATAPACKAGE_JSON.name
PARQUET = paths.PARQUET_DIR.name
# A statement from data/curated/observations.csv, full-width quote marks and all.
KNOWN_ID = "baicheng.dual_qualified_teacher_share.2025.15357"
KNOWN_QUOTE = "双师型”教师\n\n占比达到 55%以上"


def build_copy(built, folder: Path) -> Path:
    """The build's database and the exported tables' CSVs, copied into `folder`."""
    _, out = built
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(out / "plans.duckdb", folder / "plans.duckdb")
    for table in TABLES:
        shutil.copy2(out / f"{table}.csv", folder / f"{table}.csv")
    return folder


def written_files(folder: Path) -> dict[str, bytes]:
    names = [DESCRIPTOR, WORKBOOK] + [f"{PARQUET}/{t}.parquet" for t in TABLES]
    return {name: (folder / name).read_bytes() for name in names}


@pytest.fixture(scope="module")
def package(built, tmp_path_factory) -> Path:
    """The real build exported once (data/curated is never touched)."""
    folder = build_copy(built, tmp_path_factory.mktemp("package"))
    export_data_package(folder / "plans.duckdb", folder)
    return folder


@pytest.fixture(scope="module")
def con(package):
    con = duckdb.connect(str(package / "plans.duckdb"), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def workbook(package):
    return openpyxl.load_workbook(package / WORKBOOK)


def broken_copy(package: Path, tmp_path: Path, keep_checksums: bool = False) -> Path:
    """A copy of the package to damage; without checksums unless asked, so that the one
    intended error is the only one."""
    folder = tmp_path / "broken"
    shutil.copytree(package, folder)
    if not keep_checksums:
        descriptor = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
        for resource in descriptor["resources"]:
            del resource["hash"], resource["bytes"]
        (folder / DESCRIPTOR).write_text(json.dumps(descriptor, ensure_ascii=False), "utf-8")
    return folder


def set_cell(csv_path: Path, row_id: tuple[str, str], column: str, value: str) -> None:
    """Rewrite one cell of a CSV export (found by its id column and value)."""
    text = csv_path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    key, col = header.index(row_id[0]), header.index(column)
    hits = [r for r in rows[1:] if r[key] == row_id[1]]
    assert len(hits) == 1
    hits[0][col] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    csv_path.write_text(out.getvalue(), encoding="utf-8", newline="")


def error_types(folder: Path) -> set[tuple[str, str]]:
    report = frictionless.validate(str(folder / DESCRIPTOR))
    assert not report.valid
    return {(task.name, e.type) for task in report.tasks for e in task.errors} | {
        ("package", e.type) for e in report.errors
    }


# ---------------------------------------------------------------- Frictionless


def test_frictionless_cli_reports_the_package_valid(package, con):
    cli = Path(sys.executable).parent / "frictionless"
    run = subprocess.run(
        [str(cli), "validate", "--json", str(package / DESCRIPTOR)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    report = json.loads(run.stdout)
    assert report["valid"] is True
    # frictionless leaves "rows" out of the stats of a table with none (unread_tables)
    checked = {task["name"]: task["stats"].get("rows", 0) for task in report["tasks"]}
    expected = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert checked == expected


def test_a_non_number_in_a_number_column_is_invalid(package, tmp_path):
    folder = broken_copy(package, tmp_path)
    set_cell(folder / "observations.csv", ("observation_id", KNOWN_ID), "value", "55 percent")
    assert error_types(folder) == {("observations", "type-error")}


def test_a_dangling_foreign_key_is_invalid(package, tmp_path):
    folder = broken_copy(package, tmp_path)
    set_cell(
        folder / "indicator_values.csv",
        ("target_observation_id", KNOWN_ID),
        "target_observation_id",
        "baicheng.dual_qualified_teacher_share.2025.1",
    )
    assert error_types(folder) == {("indicator_values", "foreign-key")}


def test_a_changed_csv_fails_its_checksum(package, tmp_path):
    folder = broken_copy(package, tmp_path, keep_checksums=True)
    set_cell(folder / "sources.csv", ("city_id", "siping"), "title_note", "edited by hand")
    assert error_types(folder) == {("sources", "hash-count"), ("sources", "byte-count")}


def test_descriptor_fields_follow_the_database_schemas(package):
    descriptor = json.loads((package / DESCRIPTOR).read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == list(TABLES)
    for table, resource in resources.items():
        assert resource["path"] == f"{table}.csv"
        assert (resource["format"], resource["encoding"]) == ("csv", "utf-8")
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == list(SCHEMAS[table])
        assert [f["type"] for f in fields] == [
            data_package.FIELD_TYPES[t] for t in SCHEMAS[table].values()
        ]
        assert all(f["description"] for f in fields)
    value = next(f for f in resources["observations"]["schema"]["fields"] if f["name"] == "value")
    assert "unit column" in value["unit"]


def test_descriptor_cites_every_plan_and_every_national_source(package, con):
    descriptor = json.loads((package / DESCRIPTOR).read_text(encoding="utf-8"))
    plans = {s["source_id"]: s for s in descriptor["sources"] if "source_id" in s}
    rows = con.execute("SELECT source_id, file, sha256, issue_date FROM sources").fetchall()
    assert set(plans) == {r[0] for r in rows}
    for source_id, file, sha256, issue_date in rows:
        entry = plans[source_id]
        assert (entry["file"], entry["sha256"]) == (f"data/raw/{file}", sha256)
        assert entry.get("issue_date") == (issue_date.isoformat() if issue_date else None)
        assert (paths.ROOT / entry["file"]).is_file()
    cited = {s["title"] for s in descriptor["sources"] if "reference_id" in s}
    citations = {r[0] for r in con.execute("SELECT citation FROM national_reference").fetchall()}
    assert cited == citations
    for entry in descriptor["sources"]:
        if "reference_id" in entry:
            assert (paths.ROOT / entry["file"]).is_file()


def test_descriptor_is_written_deterministically(package):
    text = (package / DESCRIPTOR).read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert "白城市" in text  # ensure_ascii=False
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- descriptions (YAML)


def test_every_exported_column_is_described_and_nothing_else():
    data = yaml.safe_load(paths.DATA_PACKAGE_YAML.read_text(encoding="utf-8"))
    described = {
        (t["name"], f["name"]) for t in data["tables"] for f in t["fields"] if f["description"]
    }
    columns = {(t, c) for t in TABLES for c in SCHEMAS[t]}
    assert described == columns
    docs = load_descriptions(paths.DATA_PACKAGE_YAML)
    assert list(docs.tables) == list(TABLES)


def crafted(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """The real YAML with `old` (unique) replaced; returns the path and the edit's line."""
    text = paths.DATA_PACKAGE_YAML.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "data_package.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path, text[: text.index(old)].count("\n") + 1


def test_a_column_without_description_is_refused(tmp_path):
    field = "      - name: label_quote\n"
    text = paths.DATA_PACKAGE_YAML.read_text(encoding="utf-8")
    entry = field + text.split(field, 1)[1].split("      - name:", 1)[0]
    path, _ = crafted(tmp_path, entry, "")
    table_line = text.index("  - name: observations\n")
    with pytest.raises(InputError) as err:
        load_descriptions(path)
    assert err.value.path == path
    assert err.value.line == text[:table_line].count("\n") + 1
    assert "observations.label_quote has no description" in str(err.value)


def test_a_described_column_that_does_not_exist_is_refused(tmp_path):
    old = "      - name: label_quote\n"
    path, line = crafted(tmp_path, old, "      - name: label_text\n")
    with pytest.raises(InputError) as err:
        load_descriptions(path)
    assert (err.value.path, err.value.line) == (path, line)
    assert "observations.label_text is not a column" in str(err.value)


def test_a_described_table_that_is_not_exported_is_refused(tmp_path):
    old = "  - name: themes\n"
    path, line = crafted(tmp_path, old, "  - name: theme_hits\n")
    with pytest.raises(InputError) as err:
        load_descriptions(path)
    assert (err.value.path, err.value.line) == (path, line)
    assert "'theme_hits' is not an exported table" in str(err.value)


def test_an_empty_description_is_refused(tmp_path):
    old = "      - name: note\n        description: What a reviewed correction"
    path, line = crafted(tmp_path, old, '      - name: note\n        description: ""\n        #')
    with pytest.raises(InputError) as err:
        load_descriptions(path)
    assert (err.value.path, err.value.line) == (path, line)
    assert "observations.note has no description" in str(err.value)


def test_a_refused_yaml_writes_nothing(package, tmp_path, built):
    folder = build_copy(built, tmp_path / "out")
    path, _ = crafted(tmp_path, "      - name: label_quote\n", "      - name: label_text\n")
    before = sorted(p.name for p in folder.iterdir())
    with pytest.raises(InputError):
        export_data_package(folder / "plans.duckdb", folder, descriptions=path)
    assert sorted(p.name for p in folder.iterdir()) == before


def test_csvs_from_another_build_are_refused(package, tmp_path, built):
    folder = build_copy(built, tmp_path / "out")
    set_cell(folder / "observations.csv", ("observation_id", KNOWN_ID), "value", "56")
    with pytest.raises(InputError) as err:
        export_data_package(folder / "plans.duckdb", folder)
    assert err.value.path == folder / "observations.csv"
    assert "rows differ from table observations" in str(err.value)
    assert not (folder / DESCRIPTOR).exists()


def test_a_failed_save_keeps_the_previous_files(package, tmp_path, built, monkeypatch):
    folder = build_copy(built, tmp_path / "out")
    export_data_package(folder / "plans.duckdb", folder)
    before = written_files(folder)

    def fail(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(data_package, "write_workbook", fail)
    with pytest.raises(OSError, match="disk full"):
        export_data_package(folder / "plans.duckdb", folder)
    assert written_files(folder) == before
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no staging left


# ---------------------------------------------------------------- Parquet


@pytest.mark.parametrize("table", TABLES)
def test_parquet_holds_the_database_table(package, con, table):
    path = str(package / PARQUET / f"{table}.parquet")
    types = con.execute(
        "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))", [path]
    ).fetchall()
    assert types == list(SCHEMAS[table].items())
    order = ", ".join(SORT_KEYS[table])
    got = con.execute("SELECT * FROM read_parquet(?)", [path]).fetchall()
    want = con.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
    assert got == want
    # every table has rows on the five plans, except unread_tables: all their tables are read
    assert (len(got) > 0) == (table != "unread_tables")


def test_two_exports_are_byte_identical(package, built, tmp_path):
    again = build_copy(built, tmp_path / "again")
    written = export_data_package(again / "plans.duckdb", again)
    assert sorted(p.relative_to(again).as_posix() for p in written) == sorted(
        written_files(package)
    )
    assert written_files(again) == written_files(package)


def test_workbook_carries_no_time_of_writing(package):
    """What would differ between runs: the document's dates and the zip entries' times."""
    with zipfile.ZipFile(package / WORKBOOK) as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode("utf-8")
    stamp = workbook_module.WORKBOOK_CREATED.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert core.count(stamp) == 2  # created and modified


def test_committed_package_matches_a_fresh_export(package):
    assert written_files(paths.CURATED_DIR) == written_files(package)


# ---------------------------------------------------------------- the workbook


SHEETS = {t: doc.sheet for t, doc in load_descriptions().tables.items()}


class Sheets:
    """The workbook's data sheets by table name, their headers mapped back to column ids
    through the README (sheet, column label, column id)."""

    def __init__(self, book):
        self.book = book
        readme = list(book["README"].iter_rows(min_row=5, values_only=True))
        self.ids = {(r[0], r[1]): r[2] for r in readme if r[1]}

    def __getitem__(self, table: str):
        ws = self.book[SHEETS[table]]
        return ws, [self.ids[(ws.title, c.value)] for c in ws[1]]


def header(sheet) -> list[str]:
    return sheet[1]


def records(sheet) -> list[dict]:
    ws, names = sheet
    return [dict(zip(names, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)]


@pytest.fixture(scope="module")
def sheets(workbook):
    return Sheets(workbook)


def test_workbook_has_a_comparison_a_readme_and_one_sheet_per_table(workbook, con):
    assert workbook.sheetnames == ["Comparison", "README", *(SHEETS[t] for t in TABLES)]
    sheets = Sheets(workbook)
    for table in TABLES:
        ws, columns = sheets[table]
        n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert ws.max_row - 1 == n
        names = [c for c in ("city_name", "indicator_name") if c in columns]
        assert ws.freeze_panes == f"{'ABC'[len(names)]}2"
        assert columns[: len(names)] == names  # the names come before the ids
        assert all(c.font.b for c in ws[1])
        assert set(SCHEMAS[table]) <= set(columns)


def test_workbook_columns_put_each_quote_beside_its_value(sheets):
    obs = list(SCHEMAS["observations"])
    obs.remove("quote")
    obs.insert(obs.index("value_upper") + 1, "quote")
    assert header(sheets["observations"]) == ["city_name", "indicator_name", *obs]
    assert header(sheets["indicator_values"])[5:19] == [
        "unit",
        "baseline_2020",
        "baseline_2020_quote",
        "baseline_comparator",
        "baseline_observation_id",
        "midpoint_2022",
        "midpoint_2022_quote",
        "midpoint_comparator",
        "midpoint_observation_id",
        "target_2025",
        "target_2025_upper",
        "target_2025_quote",
        "target_comparator",
        "target_observation_id",
    ]
    metrics = header(sheets["indicator_metrics"])
    for value in QUOTED_VALUES:
        assert metrics[metrics.index(value) + 1] == f"{value}_quote"
    assert len(metrics) == len(SCHEMAS["indicator_metrics"]) + 3 + 2  # quotes, names
    assert header(sheets["sources"]) == list(SCHEMAS["sources"])


def test_every_stated_value_has_its_quote(sheets, con):
    quotes = dict(con.execute("SELECT observation_id, quote FROM observations").fetchall())
    checked = 0
    for row in records(sheets["observations"]):
        assert row["value"] is not None
        assert row["quote"] == quotes[row["observation_id"]] != ""
        checked += 1
    for table in ("indicator_values", "indicator_metrics"):
        for row in records(sheets[table]):
            for value, observation_id in QUOTED_VALUES.items():
                if row[value] is None:
                    assert row[f"{value}_quote"] is None
                    continue
                assert row[f"{value}_quote"] == quotes[row[observation_id]] != ""
                checked += 1
    assert checked > 133 + 70


def test_workbook_keeps_chinese_text_numbers_and_gaps(sheets, con):
    rows = {r["observation_id"]: r for r in records(sheets["observations"])}
    known = rows[KNOWN_ID]
    assert known["quote"] == KNOWN_QUOTE
    assert known["value"] == 55 and isinstance(known["value"], int | float)
    assert known["value_upper"] is None  # missing is an empty cell, not ""
    assert known["comparator"] == ">="  # a string, not a formula
    assert known["preferred"] is True
    sources = {r["source_id"]: r for r in records(sheets["sources"])}
    assert sources["baicheng_fyp_2021_2025"]["city_name_zh"] == "白城市"
    assert sources["baicheng_fyp_2021_2025"]["issue_date"].date().isoformat() == "2022-11-28"
    assert sources["linjiang_fyp_2021_2025"]["issue_date"] is None
    want = con.execute(
        "SELECT gap, growth_per_year_2020_2025 FROM indicator_metrics "
        "WHERE city_id = 'jiamusi' AND indicator_id = 'preschool_gross_enrollment_rate'"
    ).fetchone()
    metrics = {(r["city_id"], r["indicator_id"]): r for r in records(sheets["indicator_metrics"])}
    got = metrics[("jiamusi", "preschool_gross_enrollment_rate")]
    assert (got["gap"], got["growth_per_year_2020_2025"]) == want
