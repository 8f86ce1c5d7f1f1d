"""The notebooks' tables as readers see them: headers, names, numbers, words, no row cut."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from analysis import paths
from analysis.errors import InputError
from analysis.report_tables import (
    Names,
    load_table_style,
    publication_table,
    table_csv,
    table_html,
)

NAMES = Names(
    cities={"baicheng": "Baicheng 白城市", "jiamusi": "Jiamusi 佳木斯市"},
    indicators={"preschool_gross_enrollment_rate": "Preschool gross enrolment rate 学前毛入园率"},
    themes={"preschool": "Preschool education 学前教育"},
    indicator_units={"preschool_gross_enrollment_rate": "percent"},
)
NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb"))


@pytest.fixture(scope="module")
def style():
    return load_table_style()


def cells(df: pd.DataFrame, style) -> list[list[str]]:
    return [[c.text for c in row] for row in publication_table(df, style, NAMES).rows]


def headers(df: pd.DataFrame, style) -> list[str]:
    return [h.text for h in publication_table(df, style, NAMES).headers]


@pytest.mark.parametrize(
    ("record", "column", "expected"),
    [
        # ids become names
        ({"city_id": "baicheng"}, "city_id", "Baicheng 白城市"),
        (
            {"indicator_id": "preschool_gross_enrollment_rate"},
            "indicator_id",
            "Preschool gross enrolment rate 学前毛入园率",
        ),
        ({"theme_id": "preschool"}, "theme_id", "Preschool education 学前教育"),
        ({"which": "baicheng, jiamusi"}, "which", "Baicheng 白城市; Jiamusi 佳木斯市"),
        # a missing value says so, in the column's own words where it has them
        ({"baseline_2020": float("nan"), "unit": "percent"}, "baseline_2020", "not stated 未说明"),
        ({"baseline_2020": None, "unit": "percent"}, "baseline_2020", "not stated 未说明"),
        ({"gap": float("nan"), "unit": "percent"}, "gap", "cannot compute 无法计算"),
        # values: decimals by the row's unit, trailing zeros dropped, comparator in front
        ({"baseline_2020": 80.36, "unit": "percent"}, "baseline_2020", "80.36"),
        ({"baseline_2020": 95.0, "unit": "percent"}, "baseline_2020", "95"),
        ({"baseline_2020": 4744.21297348, "unit": "persons"}, "baseline_2020", "4,744"),
        ({"gap": -10.84, "unit": "percent"}, "gap", "\u221210.84"),
        (
            {"target_2025": 99.0, "target_comparator": ">=", "unit": "percent"},
            "target_2025",
            "≥ 99",
        ),
        ({"target_2025": 95.0, "target_comparator": "=", "unit": "percent"}, "target_2025", "95"),
        # the unit from the indicator when the row has no unit column
        ({"value": 92.2049, "indicator_id": "preschool_gross_enrollment_rate"}, "value", "92.2"),
        # fixed decimals for rates and shares, whole numbers for counts, plain years
        ({"growth_per_year_2020_2025": 2.09468843468}, "growth_per_year_2020_2025", "2.09"),
        ({"precision": 0.9}, "precision", "0.90"),
        ({"n_characters": 20688}, "n_characters", "20,688"),
        ({"year": 2020}, "year", "2020"),
        ({"issue_date": pd.Timestamp("2022-11-28")}, "issue_date", "2022-11-28"),
        # status and category ids become words
        ({"progress_status": "on_track"}, "progress_status", "on track 按进度"),
        ({"gap_status": "no_baseline"}, "gap_status", "no baseline stated 未说明基期"),
        ({"target_comparator": ">="}, "target_comparator", "at least 不低于"),
        ({"has_conflict": True}, "has_conflict", "yes 是"),
        # the compound-growth method, ambition and consistency (notebook 05)
        ({"cagr_status": "substantial_progress"}, "cagr_status", "substantial progress 显著进展"),
        ({"cagr_status": "deterioration"}, "cagr_status", "deterioration 恶化"),
        ({"methods_disagree": False}, "methods_disagree", "no 否"),
        (
            {"methods_disagree": float("nan")},
            "methods_disagree",
            "only one method assesses 仅一种方法可评估",
        ),
        ({"cagr_ratio": 1.81760419399}, "cagr_ratio", "1.82"),
        (
            {"midpoint_position": "behind"},
            "midpoint_position",
            "behind: back-loaded 滞后（后置型）",
        ),
        ({"target_direction": "hold"}, "target_direction", "hold the baseline 持平"),
        ({"history_2015": 2370.0, "unit": "persons"}, "history_2015", "2,370"),
        # theme validation and vocabulary (notebook 06): pooled rows have words too
        ({"theme_id": "(micro)"}, "theme_id", "all themes (micro average) 全部主题（微平均）"),
        ({"error": "false negative"}, "error", "false negative 漏报"),
        ({"met": False}, "met", "no 否"),
        ({"z": 3.38}, "z", "3.38"),
        ({"term": None}, "term", "no distinctive term 无特色用词"),
    ],
)
def test_a_cell_reads_as_a_reader_expects(style, record, column, expected):
    df = pd.DataFrame([record])
    row = cells(df, style)[0]
    assert row[list(df.columns).index(column)] == expected


@pytest.mark.parametrize(
    ("column", "expected"),
    [("city_id", "城市 City"), ("gap", "差距 Gap (target − baseline)"), ("f1", "F1")],
)
def test_columns_have_bilingual_headers(style, column, expected):
    assert headers(pd.DataFrame({column: [1]}), style) == [expected]


def test_a_pivot_table_names_its_index_and_its_column_ids(style):
    counts = pd.DataFrame(
        {"on_track": [3, 0], "declining": [1, 2]},
        index=pd.Index(["baicheng", "jiamusi"], name="city_id"),
    )
    counts.columns.name = "progress_status"
    assert headers(counts, style) == ["城市 City", "on track 按进度", "declining 倒退"]
    assert cells(counts, style) == [["Baicheng 白城市", "3", "1"], ["Jiamusi 佳木斯市", "0", "2"]]


@pytest.mark.parametrize(
    ("values", "expected"),
    [([0.923, 1.0], ["0.92", "1.00"]), ([10.14, 3.0], ["10.1", "3.0"]), ([2.0, 5.0], ["2", "5"])],
    ids=["shares", "scores", "counts"],
)
def test_pivot_cells_are_shares_scores_or_counts(style, values, expected):
    df = pd.DataFrame({"baicheng": values}, index=pd.Index(["a", "b"], name="theme_id"))
    df.columns.name = "city_id"
    assert [row[1] for row in cells(df, style)] == expected


def test_every_row_and_column_is_kept(style):
    df = pd.DataFrame({"year": range(2000, 2061), "n_characters": range(61)})
    html = table_html(publication_table(df, style, NAMES))
    assert html.count("<tr>") == 62 and "…" not in html and "..." not in html
    assert "overflow: auto" in html  # long and wide tables scroll inside their box


def test_an_undescribed_column_or_id_is_shown_and_listed(style):
    df = pd.DataFrame({"mystery_column": [1], "progress_status": ["levitating"]})
    table = publication_table(df, style, NAMES)
    assert table.undescribed == ["column mystery_column", "progress_status levitating"]
    assert [c.css for c in table.rows[0]][1] == "undescribed"
    assert table.headers[0].css == "undescribed"


def test_the_csv_copy_keeps_exact_numbers_and_leaves_missing_blank(style):
    df = pd.DataFrame(
        {
            "city_id": ["baicheng"],
            "baseline_2020": [4744.21297348],
            "gap": [None],
            "unit": ["persons"],
        }
    )
    lines = table_csv(publication_table(df, style, NAMES)).splitlines()
    assert lines == [
        "城市 City,2020 基期 Baseline,差距 Gap (target − baseline),单位 Unit",
        "Baicheng 白城市,4744.21297348,,persons 人",
    ]


def test_a_bad_style_file_is_refused_with_its_line(tmp_path):
    path = tmp_path / "report_tables.yaml"
    text = paths.REPORT_TABLES_YAML.read_text(encoding="utf-8")
    path.write_text(text.replace("kind: city}", "kind: town}", 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_table_style(path)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "kind: city}" in t)
    assert f"report_tables.yaml:{line}" in str(caught.value)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_every_notebook_table_is_a_described_publication_table(notebook):
    """Each DataFrame a committed notebook shows is a publication table with a CSV copy,
    and the style file has words for every column and id in it."""
    outputs = [
        o
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for o in cell.get("outputs", [])
        if "text/html" in o.get("data", {}) and "<table" in "".join(o["data"]["text/html"])
    ]
    assert outputs, "no table in the notebook"
    for output in outputs:
        html = "".join(output["data"]["text/html"])
        assert 'class="publication-table"' in html and "text/csv" in output["data"]
        assert not re.search(r'class="undescribed"', html), html[:300]
        assert "NaN" not in html and "None" not in html
