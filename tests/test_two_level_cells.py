"""Two-level targets in one cell under a header naming both levels
(extraction/two_level_cells.py), with Markdown's escaped bars kept inside their cells
(extraction/table_readers.py), and a new table's header after an empty line."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

PRE, CONS, UPPER = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "upper_secondary_gross_enrollment_rate",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # my own wording: an escaped bar in the header and in two cells, one plain cell
        ("| 指标 | 2020年 | 2025年（预期\\|力争） |\n|:---|---:|:---:|\n| 学前三年毛入园率（%） | 89.4 | ≥94 \\| 96 |\n| 九年义务教育巩固率（%） | 96.0 | ≥97 |\n", [(PRE, 2020, "=", 89.4, None, "level"), (PRE, 2025, ">=", 94.0, None, "level"), (PRE, 2025, "=", 96.0, None, "level"), (CONS, 2020, "=", 96.0, None, "level"), (CONS, 2025, ">=", 97.0, None, "level")]),
        # a slash between the levels, in a tab table
        ("指标\t2020年\t2025年目标（底线/奋斗）\n高中阶段毛入学率（%）\t91.5\t93/95\n", [(UPPER, 2020, "=", 91.5, None, "level"), (UPPER, 2025, "=", 93.0, None, "level"), (UPPER, 2025, "=", 95.0, None, "level")]),
    ],
)  # fmt: skip
def test_two_level_cells_give_a_value_for_each_level(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_bar_between_values_without_a_two_level_header_splits_no_cell(extractor):
    # "2025年" alone: the escaped bar's cell is not a pair of levels (nothing is read
    # from it rather than a value of a level the header does not name)
    text = (
        "| 指标 | 2020年 | 2025年 |\n|---|---|---|\n| 学前三年毛入园率（%） | 89.4 | 94 \\| 96 |\n"
    )
    assert (PRE, 2025, "=", 96.0, None, "level") not in observed(extractor, text)


def test_a_header_row_after_an_empty_line_starts_a_new_table(extractor):
    # my own wording: a years-as-rows table right under an indicator table, same width
    text = (
        "|指标 |2020年 |2025年\n|学前三年毛入园率（%） |88.5 |93\n\n"
        "|年度 |新增学位（个） |招聘教师（名）\n|2022 |1200 |150\n|2023 |1300 |160\n"
    )
    assert observed(extractor, text) == [
        (PRE, 2020, "=", 88.5, None, "level"),
        (PRE, 2025, "=", 93.0, None, "level"),
        ("school_places_added", 2022, "=", 1200.0, None, "cumulative"),
        ("school_places_added", 2023, "=", 1300.0, None, "cumulative"),
        ("teachers_recruited", 2022, "=", 150.0, None, "cumulative"),
        ("teachers_recruited", 2023, "=", 160.0, None, "cumulative"),
    ]
