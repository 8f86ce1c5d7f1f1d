"""Rows of space-delimited tables mended before interpretation (extraction/spaced_cells.py)."""

from __future__ import annotations

import pytest

from analysis.extraction.spaced_cells import indented_pair
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, CONS = "preschool_gross_enrollment_rate", "compulsory_consolidation_rate"
FW = "\u3000\u3000"  # the cell separator of a full-width-space layout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the header's second line has cells under the value columns only: its leading
        # cells are empty (full-width spaces), and it has two cells, not the three a line
        # of prose must split into to start a table
        (f"指标{FW}单位{FW}基期{FW}目标{FW}属性\n{FW}{FW}2020年{FW}2025年\n学前教育毛入园率{FW}%{FW}88{FW}≥92{FW}预期性\n九年义务教育巩固率{FW}%{FW}95{FW}97{FW}约束性\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
        # ... with ASCII spaces, and the year line under a "基期值 目标值" pair
        ("序号    指标    基期值    目标值\n            2020年    2025年\n1    学前教育毛入园率（%）    88    ≥92\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, ">=", 92.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_header_line_under_the_value_columns_only(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"{FW}现状值{FW}2025年", [(0, 3), (5, 10)]),
        ("现状值  2025年", None),  # not indented: the first cell is not empty
        (f"{FW}各地要加强统筹，确保完成{FW}目标任务", None),  # indented prose
        (f"{FW}现状值{FW}2025年{FW}属性", None),  # three cells: _split reads it already
    ],
)
def test_indented_pair(raw, expected):
    text = raw.replace("\u3000", " ").strip()  # the lines view: spaces, stripped
    got = indented_pair(raw, raw.index(text[0]), text)
    assert (got[1] if got else None) == expected


def test_a_fixed_width_table_aligned_by_display_columns(extractor):
    """A spreadsheet pasted as fixed-width text: cells apart by uneven runs of spaces, a
    Chinese character two columns wide, numbers right-aligned, and rows short of a cell
    (no 2020 value, no attribute). Each short row's cells go to the columns they sit under."""
    text = (
        "主要指标\n"
        "指标                          2020年    2025年  属性\n"
        "学前三年毛入园率                88.6       ≥92  预期性\n"
        "九年义务教育巩固率              95.4       ≥97\n"
        "义务教育学校标准班额比例                   100  约束性\n"
        "高中阶段教育毛入学率              90       ≥93  预期性\n"
    )
    assert observed(extractor, text) == sorted(
        [
            ("preschool_gross_enrollment_rate", 2020, "=", 88.6, None, "level"),
            ("preschool_gross_enrollment_rate", 2025, ">=", 92.0, None, "level"),
            ("compulsory_consolidation_rate", 2020, "=", 95.4, None, "level"),
            ("compulsory_consolidation_rate", 2025, ">=", 97.0, None, "level"),
            ("standard_class_size_share", 2025, "=", 100.0, None, "level"),
            ("upper_secondary_gross_enrollment_rate", 2020, "=", 90.0, None, "level"),
            ("upper_secondary_gross_enrollment_rate", 2025, ">=", 93.0, None, "level"),
        ]
    )


def test_a_table_of_ideographic_spaces_with_wrapped_category_and_name_cells(extractor):
    """An OCR'd table whose cells are apart by one ideographic space: a category and a name
    both wrapped onto the next line ("高中　高中阶段教育毛" over "教育　入学率"), a name's
    end alone on its line (indented), the last row's name ending below the table."""
    text = (
        "表2　主要指标\n"
        "类别　指标　单位　2020年　2025年　属性\n"
        "高中　高中阶段教育毛　%　89.1　≥93　预期性\n"
        "教育　入学率\n"
        "　　　普惠性幼儿园　%　78.0　≥88　约束性\n"
        "　　　覆盖率\n"
        "其他　劳动年龄人口平均　年　9.8　10.6　预期性\n"
        "　　　受教育年限\n"
        "\n"
        "注：2020年为统计年报数据。\n"
    )
    assert observed(extractor, text) == sorted(
        [
            ("upper_secondary_gross_enrollment_rate", 2020, "=", 89.1, None, "level"),
            ("upper_secondary_gross_enrollment_rate", 2025, ">=", 93.0, None, "level"),
            ("inclusive_kindergarten_coverage", 2020, "=", 78.0, None, "level"),
            ("inclusive_kindergarten_coverage", 2025, ">=", 88.0, None, "level"),
            ("mean_schooling_years_working_age", 2020, "=", 9.8, None, "level"),
            ("mean_schooling_years_working_age", 2025, "=", 10.6, None, "level"),
        ]
    )


def test_table_cells_with_thousands_separators(extractor):
    """A value cell may group its thousands ("1,250", or "1，250" as OCR and Word write it):
    the row is read like the others, not left unaccounted."""
    text = (
        "表1 主要发展指标\n指标 单位 2020年 2025年 属性\n"
        "九年义务教育巩固率 % 95.3 97 约束性\n"
        "中等职业学校在校生 人 1，250 1,600 预期性\n\n- 7 -\n"
    )
    assert observed(extractor, text) == sorted(
        [
            ("compulsory_consolidation_rate", 2020, "=", 95.3, None, "level"),
            ("compulsory_consolidation_rate", 2025, "=", 97.0, None, "level"),
            ("secondary_vocational_enrollment", 2020, "=", 1250.0, None, "level"),
            ("secondary_vocational_enrollment", 2025, "=", 1600.0, None, "level"),
        ]
    )


def test_a_value_typed_right_after_the_units_bracket(extractor):
    # my own wording: the name with its unit fills its column, so the first value follows
    # the closing bracket with no space; the row is still read on the table's columns
    text = (
        f"指标{FW}{FW}2020年{FW}{FW}2025年\n"
        f"{FW}学前三年毛入园率（%）{FW}{FW}87.1{FW}{FW}92\n"
        f"{FW}九年义务教育巩固率（%）96.4{FW}{FW}≥97\n"
    )
    assert observed(extractor, text) == sorted(
        [
            (PRE, 2020, "=", 87.1, None, "level"),
            (PRE, 2025, "=", 92.0, None, "level"),
            (CONS, 2020, "=", 96.4, None, "level"),
            (CONS, 2025, ">=", 97.0, None, "level"),
        ]
    )


def test_words_spaced_out_in_any_row_are_one_cell(extractor):
    """ "年　度", "备　注" in the header and "合　计" in the last row: one cell each, so a
    year-rows table keeps its columns (the total row is the total up to its last year)."""
    text = (
        "年　度          新建幼儿园（所）    新增学位（个）    备　注\n"
        "2022年               3                 900\n"
        "2023年               2                 600          含迁建1所\n"
        "合　计               5                1,500\n"
    )
    assert observed(extractor, text) == sorted(
        [
            ("new_kindergartens_built", 2022, "=", 3.0, None, "cumulative"),
            ("new_kindergartens_built", 2023, "=", 2.0, None, "cumulative"),
            ("new_kindergartens_built", 2023, "=", 5.0, None, "cumulative"),
            ("school_places_added", 2022, "=", 900.0, None, "cumulative"),
            ("school_places_added", 2023, "=", 600.0, None, "cumulative"),
            ("school_places_added", 2023, "=", 1500.0, None, "cumulative"),
        ]
    )


def test_an_html_header_whose_label_spans_two_years_under_it(extractor):
    """Excel's web page: rowspan cells stand in both header lines, "监测值" over its two
    years; a table tag goes on over two lines, its numbers markup."""
    text = (
        "<table border=0 cellpadding=0 width=596 style='border-collapse:\n collapse;width:447pt'>\n"
        "<tr><td rowspan=2>指标</td><td rowspan=2>2020年基期</td><td colspan=2>监测值</td>"
        "<td rowspan=2>2025年目标</td></tr>\n"
        "<tr><td>2022年</td><td>2023年</td></tr>\n"
        '<tr><td>学前三年毛入园率</td><td x:num="0.881">88.1%</td><td>90.3%</td>'
        "<td>&nbsp;</td><td>≥93%</td></tr>\n</table>\n"
    )
    assert observed(extractor, text) == sorted(
        [
            (PRE, 2020, "=", 88.1, None, "level"),
            (PRE, 2022, "=", 90.3, None, "level"),
            (PRE, 2025, ">=", 93.0, None, "level"),
        ]
    )
    ledger = extractor.extract(source(), clean(text)).ledger
    assert [r["disposition"] for r in ledger if r["quote"] in ("596", "447")] == ["markup"] * 2
