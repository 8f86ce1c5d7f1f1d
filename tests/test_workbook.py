"""The workbook for people: the comparison sheet first, formats per unit, print settings."""

from __future__ import annotations

import json

import duckdb
import openpyxl
import pytest

from analysis import paths
from analysis.comparison_sheet import COLUMNS
from analysis.data_package import export_data_package
from analysis.unit_names import UNIT_LABELS
from analysis.workbook import column_label
from tests.test_data_package import build_copy


@pytest.fixture(scope="module")
def exported(built, tmp_path_factory):
    folder = build_copy(built, tmp_path_factory.mktemp("workbook"))
    export_data_package(folder / "plans.duckdb", folder)
    return folder


@pytest.fixture(scope="module")
def book(exported):
    return openpyxl.load_workbook(exported / paths.WORKBOOK_XLSX.name)


@pytest.fixture(scope="module")
def comparison(book) -> dict[tuple[str, str], dict]:
    """(city, indicator in English) -> {header: cell}."""
    ws = book["Comparison"]
    names = [c.value for c in ws[1]]
    rows = {}
    for row in ws.iter_rows(min_row=2):
        cells = dict(zip(names, row, strict=True))
        rows[(cells["City"].value, cells["Indicator"].value)] = cells
    return rows


def test_the_comparison_opens_the_workbook(book):
    assert book.sheetnames[:2] == ["Comparison", "README"]
    assert book.active.title == "Comparison"


def test_comparison_headers(book):
    assert [c.value for c in book["Comparison"][1]] == [
        "City",
        "城市",
        "Indicator",
        "指标",
        "Unit",
        "单位",
        "Baseline 2020",
        "Stated 2022",
        "Target 2025",
        "Gap",
        "Growth per year 2020-2025",
        "Growth per year from latest",
        "Latest is",
        "Gap status",
        "Progress",
        "Progress rests on",
        "Plan states other values",
        "Sources",
    ]
    assert len(COLUMNS) == 18


def test_one_row_per_comparison_in_the_database(book, exported):
    con = duckdb.connect(str(exported / "plans.duckdb"), read_only=True)
    n = con.execute("SELECT count(*) FROM indicator_metrics").fetchone()[0]
    con.close()
    assert book["Comparison"].max_row - 1 == n > 50


PRESCHOOL = "Preschool (three-year) gross enrolment rate"


@pytest.mark.parametrize(
    ("city", "indicator", "column", "value", "number_format"),
    [
        # a percentage: the number as stated, shown with %
        ("Baicheng", PRESCHOOL, "Baseline 2020", 92.2, '0.0#"%"'),
        # a target with its comparator, still a number
        (
            "Baicheng",
            "Share of full-time ideological and political course teachers in primary schools",
            "Target 2025",
            70,
            '"≥"0.0#"%"',
        ),
        # a gap between percentages is in points, signed
        ("Linjiang", PRESCHOOL, "Gap", 5, '+0.0#" pts";-0.0#" pts";0.0#" pts"'),
        ("Jiamusi", PRESCHOOL, "Stated 2022", 93, '0.0#"%"'),
        # linear growth of a rate in points per year
        (
            "Baicheng",
            "Upper secondary gross enrolment rate",
            "Growth per year 2020-2025",
            pytest.approx(2.928),
            '+0.0#" pts/yr";-0.0#" pts/yr";0.0#" pts/yr"',
        ),
        # years keep a decimal
        (
            "Baicheng",
            "Mean years of schooling of the working-age population",
            "Baseline 2020",
            10.86,
            "0.0#",
        ),
    ],
)
def test_values_and_number_formats(comparison, city, indicator, column, value, number_format):
    cell = comparison[(city, indicator)][column]
    assert cell.value == value
    assert cell.number_format == number_format


def test_persons_have_thousands_separators(comparison):
    persons = [r for r in comparison.values() if r["单位"].value == "人"]
    assert persons
    for row in persons:
        for column in ("Baseline 2020", "Target 2025"):
            if row[column].value is not None:
                assert row[column].number_format.endswith("#,##0")


def test_status_words_and_sources(comparison):
    row = comparison[("Jiamusi", "Inclusive (publicly priced) kindergarten coverage")]
    assert row["Progress rests on"].value == "stated 2022 value"
    assert row["Gap status"].value == "gap to close"
    sources = row["Sources"].value.split("\n")
    assert [s[:5] for s in sources] == ["2020:", "2022:", "2025:"]
    assert "jiamusi_14th_fyp_education.txt, line 25, chars 2360-2364) 「87.2」" in sources[0]
    assert sources[0].startswith("2020: 佳木斯市“十四五”教育事业发展规划 (")
    no_value = [r for r in comparison.values() if r["Baseline 2020"].value is None]
    assert all(r["Gap status"].value == "no baseline stated" for r in no_value)


def test_every_source_span_reads_its_quote(comparison):
    import re

    texts = {}
    for row in comparison.values():
        for line in row["Sources"].value.split("\n"):
            m = re.search(r"\((\S+), line \d+, chars (\d+)-(\d+)\) 「(.*)」$", line)
            assert m, line
            file, start, end, quote = m[1], int(m[2]), int(m[3]), m[4]
            if file not in texts:
                texts[file] = (paths.RAW_DIR / file).read_text(encoding="utf-8")
            raw = texts[file][start:end]
            assert re.sub(r"[ \t]*\n\s*", "", raw) == quote


def test_frozen_panes_filter_and_print_settings(book):
    for ws in book.worksheets:
        if ws.title == "README":
            continue
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith("2"), ws.title
        assert ws.auto_filter.ref is not None, ws.title
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (ws.page_setup.fitToWidth in (None, 1), ws.page_setup.fitToHeight) == (True, 0)
        assert ws.print_title_rows == "$1:$1", ws.title
    assert book["Comparison"].freeze_panes == "E2"  # header row, city and indicator names


def test_column_widths_fit_the_names(book):
    ws = book["Comparison"]
    width = {c.value: ws.column_dimensions[c.column_letter].width for c in ws[1]}
    longest = max(len(r[2].value) for r in ws.iter_rows(min_row=2))
    assert width["Indicator"] >= min(longest, 60)
    assert width["Sources"] >= 60  # wraps, but wide enough to read a quote


def test_a_unit_without_a_number_format_is_a_clean_error(built, tmp_path):
    """The comparison needs a format for every unit it shows; the error names the file
    and the line of number_formats."""
    from analysis.errors import InputError

    folder = build_copy(built, tmp_path / "out")
    text = paths.DATA_PACKAGE_YAML.read_text(encoding="utf-8")
    descriptions = tmp_path / "data_package.yaml"
    descriptions.write_text(text.replace("    persons: '#,##0'\n", ""), encoding="utf-8")
    before = sorted(p.name for p in folder.iterdir())
    with pytest.raises(InputError) as info:
        export_data_package(folder / "plans.duckdb", folder, descriptions)
    # a mapping's line is the line it starts on: the first format under number_formats
    line = text[: text.index("  number_formats:")].count("\n") + 2
    assert str(info.value) == (
        f"{descriptions}:{line}: workbook: number_formats has no format for unit "
        "'persons' (a codebook unit)"
    )
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.parametrize(
    ("indicator", "unit_en", "unit_zh"),
    [
        (PRESCHOOL, "%", "百分比 %"),
        ("Mean years of schooling of the working-age population", "years", "年"),
        ("Secondary vocational enrolment", "persons", "人"),
    ],
)
def test_units_are_named_in_both_languages(comparison, indicator, unit_en, unit_zh):
    row = comparison[("Baicheng", indicator)]
    assert (row["Unit"].value, row["单位"].value) == (unit_en, unit_zh)


def test_no_unit_is_shown_as_its_id(comparison):
    # the ids a reader would not write ("years", "hours" ... are their own English names)
    ids = {unit for unit, (_zh, en, _both) in UNIT_LABELS.items() if en != unit}
    assert ids >= {"percent", "count", "person_times"}
    shown = {r["Unit"].value for r in comparison.values()} | {
        r["单位"].value for r in comparison.values()
    }
    assert shown and not shown & ids


def test_every_codebook_unit_has_a_name():
    """A unit the schema allows but no chart or sheet can name would be shown as its id."""
    schema = json.loads((paths.SCHEMAS_DIR / "common.schema.json").read_text("utf-8"))
    units = schema["$defs"]["unit"]["enum"]
    assert sorted(UNIT_LABELS) == sorted(units)
    assert all(zh and en and both for zh, en, both in UNIT_LABELS.values())


@pytest.mark.parametrize(
    ("column", "header"),
    [
        ("city_name_zh", "City name (zh)"),
        ("source_id", "Source ID"),
        ("conflict_ids", "Conflict IDs"),
        ("n_observations", "Number of observations"),
        ("cagr_ratio", "CAGR ratio"),
        ("sha256", "SHA-256"),
        ("char_start", "Character start"),
        ("density_per_10k_chars", "Density per 10,000 characters"),
        ("growth_per_year_2020_2025", "Growth per year 2020-2025"),
        ("past_rate_2015_2020", "Past rate 2015-2020"),
        ("target_2025_upper", "Target 2025 upper"),
    ],
)
def test_generated_headers_read_as_words(column, header):
    assert column_label(column) == header


def test_data_sheet_headers_are_written_labels(book):
    """No header of a data sheet is a column id (snake_case or a lower-case acronym)."""
    for ws in book.worksheets[2:]:
        for cell in ws[1]:
            assert "_" not in cell.value and cell.value[0].isupper(), (ws.title, cell.value)
            assert "Cagr" not in cell.value and "chars" not in cell.value, cell.value
