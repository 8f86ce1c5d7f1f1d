"""Tables ruled between every row whose cells wrap inside the rules (ruled_rows.py)."""

import pytest

from analysis.extraction.grid import GridCell
from analysis.extraction.ruled_rows import merge_ruled_rows
from tests.test_extraction import CONS, PRE, observed

RULED = [
    # a pandoc grid table: +===+ under a two-line header, names wrapped over two lines
    ("+------------+------+--------+\n| 指标       | 2020 | 2025年 |\n|            | 年   | 目标   |\n"
     "+============+======+========+\n| 学前三年毛 | 88.5 | ≥92    |\n| 入园率（%）|      |        |\n"
     "+------------+------+--------+\n| 九年义务教 | 95   | 96     |\n| 育巩固率   |      |        |\n"
     "+------------+------+--------+\n| 普惠性幼   | 80   | 85     |\n| 儿园覆盖   |      | 左右   |\n| 率（%）    |      |        |\n"
     "+------------+------+--------+\n",
     [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 96.0, None, "level"), ("inclusive_kindergarten_coverage", 2020, "=", 80.0, None, "level"), ("inclusive_kindergarten_coverage", 2025, "~", 85.0, None, "level")]),
    # box drawing with a value's 左右 on the row's second line
    ("┌────────────┬──────┬──────┐\n│指标        │2020年│2025年│\n├────────────┼──────┼──────┤\n"
     "│中等职业学校│3.2   │3.6   │\n│在校生（万人）│      │左右  │\n├────────────┼──────┼──────┤\n"
     "│学前三年毛入│90    │95    │\n│园率（%）   │      │      │\n└────────────┴──────┴──────┘\n",
     [("secondary_vocational_enrollment", 2020, "=", 32000.0, None, "level"), ("secondary_vocational_enrollment", 2025, "~", 36000.0, None, "level"), (PRE, 2020, "=", 90.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
    # a Markdown table has one rule: its rows stay rows
    ("| 指标 | 2020年 | 2025年 |\n|---|---|---|\n| 学前三年毛入园率（%） | 88 | 92 |\n| 九年义务教育巩固率（%） | 95 | 96 |\n",
     [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 96.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), RULED)
def test_rows_wrapped_inside_rules_are_one_row(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_wrapped_value_keeps_the_span_of_its_number():
    cells = [
        [GridCell("中等职业学校", 0, 6), GridCell("4.8", 10, 13)],
        [GridCell("在校生", 20, 23), GridCell("左右", 27, 29)],
        [GridCell("毛入园率", 40, 44), GridCell("92", 50, 52)],
        [GridCell("巩固率", 60, 63), GridCell("96", 70, 72)],
    ]
    merged = merge_ruled_rows(cells, [1, 1, 2, 3])
    assert merged == [
        [GridCell("中等职业学校在校生", 0, 6), GridCell("4.8左右", 10, 13)],
        [GridCell("毛入园率", 40, 44), GridCell("92", 50, 52)],
        [GridCell("巩固率", 60, 63), GridCell("96", 70, 72)],
    ]


def test_rules_here_and_there_merge_nothing():
    rows = [[GridCell(str(k), k, k + 1)] for k in range(6)]
    # two groups only (a header rule): a Markdown table's body is one long group
    assert merge_ruled_rows(rows, [0, 1, 1, 1, 1, 1]) == rows


def test_two_full_rows_between_two_rules_stay_two_rows():
    rows = [
        [GridCell("指标", 0, 2), GridCell("2020年", 3, 8)],
        [GridCell("学前教育毛入园率", 10, 18), GridCell("88%", 19, 22)],
        [GridCell("九年义务教育巩固率", 30, 39), GridCell("95%", 40, 43)],
        [GridCell("高中阶段毛入学率", 50, 58), GridCell("90%", 59, 62)],
    ]
    assert merge_ruled_rows(rows, [1, 2, 2, 3]) == rows
