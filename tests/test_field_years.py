"""A record of fields that states its own year (field_years.py): the year field dates the
other fields of its record only."""

from __future__ import annotations

import pytest

from analysis.extraction.field_years import field_year, field_years
from tests.test_extraction import observed

KG, TEACHERS, PRE = (
    "kindergarten_count",
    "full_time_teacher_count",
    "preschool_gross_enrollment_rate",
)

# my own wording: a portal's fact card, one field a line, then the plan's prose
CARD = (
    "蓝岙县教育基本数据\n"
    "统计年度：2022年\n"
    "幼儿园数：57所\n"
    "专任教师：4,120人\n"
    "学前三年毛入园率：93.4%\n"
    "\n"
    "二、发展目标\n"
    "到“十四五”末，幼儿园数达到62所，学前三年毛入园率达到95%。\n"
)


def test_a_cards_year_field_dates_its_fields_not_the_plan(extractor):
    assert observed(extractor, CARD) == [
        (TEACHERS, 2022, "=", 4120.0, None, "level"),
        (KG, 2022, "=", 57.0, None, "level"),
        (KG, 2025, "=", 62.0, None, "level"),
        (PRE, 2022, "=", 93.4, None, "level"),
        (PRE, 2025, "=", 95.0, None, "level"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a template's fields: its reach ends at "}}"
        ("{{信息框| 统计年份 = 2021| 学校数 = 80所}}正文", [(2021, "| 学校数 = 80所")]),
        # fields one a line: the reach ends where the lines stop being fields
        ("数据年份: 2023\n学校数: 80所\n在校生: 3万人\n全县共有学校80所。", [(2023, "\n学校数: 80所\n在校生: 3万人")]),
        # a year inside a sentence, not a field's whole value
        ("本年度：2023年全县新建学校3所。", []),
        ("没有年份的文字。", []),
    ],
)  # fmt: skip
def test_a_year_fields_reach(text, expected):
    reaches = field_years(text)
    assert [(year, text[a:b]) for a, b, year, _ in reaches] == expected
    for a, b, year, _ in reaches:
        assert field_year(reaches, a) == year and field_year(reaches, b) is None
