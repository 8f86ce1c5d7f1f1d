"""A table's remarks column ("备注", "说明"): its words are read as prose, so a number in a
remark gets its prose disposition (a year, a count of no indicator), never none."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from tests.test_extraction import observed, source

PIPE = (
    "| 指标 | 单位 | 2020年 | 2025年 | 备注 |\n|---|---|---|---|---|\n"
    "| 学前三年毛入园率 | % | 88 | 92 | 2019年起按新口径统计 |\n"
    "| 新建幼儿园 | 所 | — | 12 | 含改扩建3所 |\n"
)
CARDS = (
    "指标名称：九年义务教育巩固率\n单位：%\n2020年：96\n2025年：97\n"
    "指标名称：学前三年毛入园率\n单位：%\n2020年：—\n2025年：95\n说明：2019年后未再统计。\n"
)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [(PIPE, {"2019年": "year", "3所": "no_indicator"}), (CARDS, {"2019年": "year"})],
)
def test_numbers_in_remarks_are_accounted_for(extractor, text, numbers):
    ledger = extractor.extract(source(), clean(text)).ledger
    got = {r["quote"]: r["disposition"] for r in ledger if r["quote"] in numbers}
    assert got == numbers


def test_the_values_of_a_table_with_remarks_stay_table_values(extractor):
    assert observed(extractor, PIPE) == [
        ("new_kindergartens_built", 2025, "=", 12.0, None, "cumulative"),
        ("preschool_gross_enrollment_rate", 2020, "=", 88.0, None, "level"),
        ("preschool_gross_enrollment_rate", 2025, "=", 92.0, None, "level"),
    ]
