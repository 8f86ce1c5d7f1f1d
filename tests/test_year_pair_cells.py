"""A column whose cells each hold several years' values (analysis/extraction/year_pair_cells.py)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

PRE, CONS, SEC = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "secondary_vocational_enrollment",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tabs, labels with colons, parts apart by " / ", a blank mark for one year
        ("指标\t现状与目标\t属性\n学前三年毛入园率\t2020年：88%/2025年：≥92%\t预期性\n九年义务教育巩固率\t2020年：—/2025年：97%\t约束性\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
        # bars, three years in a cell apart by commas, a unit in the name
        ("|名称|2020年、2023年、2025年|\n|中职在校生（万人）|2020年4.1，2023年4.5，2025年5|\n|九年义务教育巩固率（%）|2020年95，2023年96，2025年97左右|\n", [(SEC, 2020, "=", 41000.0, None, "level"), (SEC, 2023, "=", 45000.0, None, "level"), (SEC, 2025, "=", 50000.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2023, "=", 96.0, None, "level"), (CONS, 2025, "~", 97.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_cell_of_year_value_pairs_is_split_by_year(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
