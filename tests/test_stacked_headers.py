"""A header whose year line stands over a line of labels (analysis/extraction/stacked_headers.py)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

PRE, CONS = "preschool_gross_enrollment_rate", "compulsory_consolidation_rate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # years on the first line (only over the value columns), the labels with the name
        # column's word on the second, units on a third; cells apart by runs of spaces
        ("            2020年    2023年    2025年\n指  标      现状值    中期值    规划值    属性\n            (%)       (%)       (%)\n学前三年毛入园率    88.1    90.0    ≥93    预期性\n九年义务教育巩固率    95.2    96    97    约束性\n", [(PRE, 2020, "=", 88.1, None, "level"), (PRE, 2023, "=", 90.0, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), (CONS, 2020, "=", 95.2, None, "level"), (CONS, 2023, "=", 96.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
        # the same with bars, two year columns, a progress column after the attribute
        ("|2020年|2025年|\n指标名称|基数|目标|属性|完成情况\n学前三年毛入园率（%）|88.1|≥93|预期性|正常\n", [(PRE, 2020, "=", 88.1, None, "level"), (PRE, 2025, ">=", 93.0, None, "level")]),
    ],
)  # fmt: skip
def test_years_over_a_line_of_labels(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the header's unit serves the rows; a row naming its own unit keeps it
        ("指标|2020年（%）|2025年（%）\n学前三年毛入园率|88.1|92\n劳动年龄人口平均受教育年限（年）|10.5|11\n", [(PRE, 2020, "=", 88.1, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), ("mean_schooling_years_working_age", 2020, "=", 10.5, None, "level"), ("mean_schooling_years_working_age", 2025, "=", 11.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_unit_in_the_rows_name_overrides_the_headers(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
