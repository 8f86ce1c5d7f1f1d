"""Page numbers among the values of a column-by-column table (extraction/page_strays.py)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

PRE, CONS = "preschool_gross_enrollment_rate", "compulsory_consolidation_rate"
NEW_S, PLACES, INCL = "new_schools_built", "school_places_added", "inclusive_kindergarten_coverage"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one bare number among a column's values that are one too many: the page's
        ("指标名称\n学前三年毛入园率（%）\n九年义务教育巩固率（%）\n2020年\n88.5\n7\n95.2\n2025年\n92.1\n97.3\n", [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, "=", 92.1, None, "level"), (CONS, 2020, "=", 95.2, None, "level"), (CONS, 2025, "=", 97.3, None, "level")]),
        # ... in the last column, before the next label
        ("项目\n学前三年毛入园率（%）\n九年义务教育巩固率（%）\n2020年\n88.5\n95.2\n2025年\n≥92\n12\n97.3\n属性\n预期性\n约束性\n", [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (CONS, 2020, "=", 95.2, None, "level"), (CONS, 2025, "=", 97.3, None, "level")]),
        # several bare numbers could be the page's (20, 7, 500): those rows are not read
        # (never shifted by one), the row below the last of them is
        ("指标名称\n新建学校（所）\n新增学位（个）\n普惠性幼儿园覆盖率（%）\n2020年\n12\n300\n80.5\n2025年\n20\n7\n500\n≥85\n", [(NEW_S, 2020, "=", 12.0, None, "cumulative"), (PLACES, 2020, "=", 300.0, None, "cumulative"), (INCL, 2020, "=", 80.5, None, "level"), (INCL, 2025, ">=", 85.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_page_number_among_a_columns_values(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_page_number_between_two_groups_of_a_column_block_table(extractor):
    """Header on one line, then per category the names, units and values column by
    column; a page break between two groups leaves its number alone on a line."""
    text = (
        "指标　单位　2020年　2025年\n学前教育\n学前三年毛入园率\n%\n88\n92\n5\n"
        "义务教育\n九年义务教育巩固率\n%\n95\n97\n"
    )
    assert observed(extractor, text) == [
        (CONS, 2020, "=", 95.0, None, "level"),
        (CONS, 2025, "=", 97.0, None, "level"),
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, "=", 92.0, None, "level"),
    ]


def test_a_page_number_among_cells_each_ending_in_a_bar(extractor):
    """Every cell on its own line ending in "|": a bare number line is no cell."""
    text = (
        "项目 |\n2023年 |\n2024年 |\n学前三年毛入园率（%） |\n90 |\n12\n≥91 |\n"
        "九年义务教育巩固率（%） |\n96 |\n96.5 |\n"
    )
    assert observed(extractor, text) == [
        (CONS, 2023, "=", 96.0, None, "level"),
        (CONS, 2024, "=", 96.5, None, "level"),
        (PRE, 2023, "=", 90.0, None, "level"),
        (PRE, 2024, ">=", 91.0, None, "level"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a page number inside a row of percentages, the row's last value after it
        ("项目\n2022年\n2023年\n2024年\n中职对口升学率\n81%\n9\n82%\n85%\n学前三年毛入园率\n90%\n91%\n92%\n", [("vocational_progression_rate", 2022, "=", 81.0, None, "level"), ("vocational_progression_rate", 2023, "=", 82.0, None, "level"), ("vocational_progression_rate", 2024, "=", 85.0, None, "level"), (PRE, 2022, "=", 90.0, None, "level"), (PRE, 2023, "=", 91.0, None, "level"), (PRE, 2024, "=", 92.0, None, "level")]),
        # "100" beside "100%" is a value: the cell after the row is the next name
        ("指标\n2022年\n2023年\n小学净入学率\n100\n100%\n学前三年毛入园率\n90%\n91%\n", [("primary_net_enrollment_rate", 2022, "=", 100.0, None, "level"), ("primary_net_enrollment_rate", 2023, "=", 100.0, None, "level"), (PRE, 2022, "=", 90.0, None, "level"), (PRE, 2023, "=", 91.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_page_number_inside_a_row_of_percentages(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
