"""Column groups named by area: only the plan's own area is read, the others are ledgered
(analysis/extraction/area_columns.py)."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from tests.test_extraction import source

PRE, CONS = "preschool_gross_enrollment_rate", "compulsory_consolidation_rate"


@pytest.mark.parametrize(
    ("text", "city_zh", "expected", "other"),
    [
        # bars; the whole county ("本县") first, a town after it; a category column
        ("指标|本县|本县|城关镇|城关镇\n|2020年|2025年|2020年|2025年\n学前三年毛入园率（%）|86.5|≥92|91.0|95\n九年义务教育巩固率（%）|95.1|97|96.3|98\n", "石河县", [(PRE, 2020, "=", 86.5, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 97.0, None, "level")], ["91.0", "95", "96.3", "98"]),
        # tabs; the district named first and the plan's city by its stem, last
        ("指标\t东湖区\t东湖区\t河阳\t河阳\n\t2020年\t2025年\t2020年\t2025年\n学前三年毛入园率（%）\t93.3\t96\t88.2\t93\n", "河阳市", [(PRE, 2020, "=", 88.2, None, "level"), (PRE, 2025, "=", 93.0, None, "level")], ["93.3", "96"]),
        # no merged cells: each area named over its group's first column only, the name
        # and unit headers set above a blank (blind30 z1)
        ("指标\t单位\t全市\t\t柳湾县\t\n\t\t2020年\t2025年\t2020年\t2025年\n学前三年毛入园率\t%\t90.1\t≥95\t86.2\t≥92\n九年义务教育巩固率\t%\t96.4\t97.5\t94.9\t96\n", "蓟川市", [(PRE, 2020, "=", 90.1, None, "level"), (PRE, 2025, ">=", 95.0, None, "level"), (CONS, 2020, "=", 96.4, None, "level"), (CONS, 2025, "=", 97.5, None, "level")], ["86.2", "94.9", "96", "≥92"]),
    ],
)  # fmt: skip
def test_only_the_plans_own_area_is_read(read_in_area, text, city_zh, expected, other):
    assert read_in_area(text, city_zh) == (sorted(expected), other)


@pytest.mark.parametrize(
    ("text", "city_zh", "expected", "other"),
    [
        # each year split into the whole and its parts under it (bars, the whole named 合计)
        ("指标|2020年|||2025年||\n|合计|城区|农村|合计|城区|农村\n学前三年毛入园率（%）|88.6|93.0|84.1|≥93|≥95|≥90\n", "石河县", [(PRE, 2020, "=", 88.6, None, "level"), (PRE, 2025, ">=", 93.0, None, "level")], []),
        # tabs; the whole named by the county's name, a town beside it
        ("指标\t2020年\t\t2025年\t\n\t石河县\t城关镇\t石河县\t城关镇\n九年义务教育巩固率（%）\t95.1\t97.2\t97\t98\n", "石河县", [(CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 97.0, None, "level")], ["97.2", "98"]),
    ],
)  # fmt: skip
def test_only_the_whole_is_read_where_a_row_of_areas_splits_each_year(
    read_in_area, text, city_zh, expected, other
):
    assert read_in_area(text, city_zh) == (sorted(expected), other)


def test_the_parts_of_a_split_are_ledgered_as_parts(extractor):
    text = "指标|2020年|||2025年||\n|全县|城区|乡村|全县|城区|乡村\n学前三年毛入园率（%）|88.6|93.0|84.1|≥93|≥95|≥90\n"
    result = extractor.extract(source(), clean(text))
    parts = sorted(r["quote"] for r in result.ledger if r["disposition"] == "part_of_total")
    assert parts == ["84.1", "93.0", "≥90", "≥95"]
