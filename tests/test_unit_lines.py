"""A line of units alone under a table's header ("单位：%、所、万人"): the table goes on
under it, and a row's bare cells are in the listed unit of the row's indicator (a 万人
row's cells in 万人). First met in blind24 (s6), written here in other layouts."""

from __future__ import annotations

import pytest

from analysis.extraction.table_readers import UNIT_LINE
from tests.test_extraction import CONS, PRE, observed

SEC = "secondary_vocational_enrollment"
KIN = "kindergarten_count"

TABLES = [
    # tabs, the unit line led by a tab, a blank last cell (a trailing tab) in one row
    ("表3 主要指标\n序号\t指标\t2020年\t2025年\t备注\n\t单位：%、所、万人\n1\t学前三年毛入园率\t90.2\t≥93\t\n2\t幼儿园数\t412\t430\t含民办园\n3\t中等职业学校在校生\t3.2\t3.6\t\n",
     [(PRE, 2020, "=", 90.2, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), (KIN, 2020, "=", 412.0, None, "level"), (KIN, 2025, "=", 430.0, None, "level"),
      (SEC, 2020, "=", 32000.0, None, "level"), (SEC, 2025, "=", 36000.0, None, "level")]),
    # pipes, the unit line in brackets
    ("| 指标 | 2020年 | 2025年 |\n（计量单位：%、万人）\n| 九年义务教育巩固率 | 95.4 | 97 |\n| 中等职业学校在校生 | 1.1 | 1.3 |\n",
     [(CONS, 2020, "=", 95.4, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), (SEC, 2020, "=", 11000.0, None, "level"), (SEC, 2025, "=", 13000.0, None, "level")]),
    # one unit: every bare cell is in it
    ("指标\t2020年\t2025年\n单位：万人\n中等职业学校在校生\t2.4\t2.7\n普通高中在校生\t3.1\t3.5\n",
     [(SEC, 2020, "=", 24000.0, None, "level"), (SEC, 2025, "=", 27000.0, None, "level"),
      ("general_high_school_enrollment", 2020, "=", 31000.0, None, "level"), ("general_high_school_enrollment", 2025, "=", 35000.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TABLES)
def test_a_unit_line_under_the_header(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "is_unit_line"),
    [
        ("单位：%、所、万人", True),
        ("（计量单位：万人）", True),
        ("单位: 亿元", True),
        ("单位：2020年为万人", False),  # a number: a note, not units
        ("主办单位：市教育局、市财政局、市人力资源和社会保障局、市发展和改革委员会", False),
        ("责任单位：市教育局", False),
    ],
)
def test_what_a_unit_line_is(text, is_unit_line):
    assert bool(UNIT_LINE.match(text)) is is_unit_line
