"""The card reader (analysis/extraction/record_tables.py): its shortcut, looking only at
lines followed by two lines holding a colon, held to the reader without it."""

from __future__ import annotations

import pytest

from analysis.extraction.read_tables import read_records
from analysis.extraction.table_readers import TextLines
from analysis.normalise import clean

_CARDS_FULL_WIDTH = (
    "主要指标\n【指标1】学前三年毛入园率\n单位：%\n2020年：91.6\n2025年：≥95\n属性：预期性\n"
    "【指标2】义务教育巩固率\n单位：%\n2020年：96\n2025年：97\n属性：约束性\n"
)
_CARDS_ASCII = "指标名称:高中阶段毛入学率\n2020年:92\n2025年:95\n指标名称:劳动年龄人口受教育年限\n2020年:11.2\n2025年:11.5\n"


def _grids(text: str, plain: bool) -> list[tuple]:
    lines = TextLines(clean(text))
    if plain:  # every line may start a card: the reader without its shortcut
        lines.keyed = [True] * len(lines.items)
    return [
        (g.start, g.end, [[(c.text, c.start, c.end) for c in row] for row in g.rows])
        for g in read_records(lines, [])
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (_CARDS_FULL_WIDTH, 3),  # "：": header and two cards
        (_CARDS_ASCII, 3),  # ":" after a converter's NFKC
        (_CARDS_FULL_WIDTH.replace("2025年", "２０２５年"), 3),  # full-width year digits
        ("【指标1】毛入园率\n单位：%\n二〇二五年：九十五\n【指标2】巩固率\n单位：%\n", 0),
        ("学前三年毛入园率达到95%。\n义务教育巩固率97%。\n", 0),  # prose: no colon
        ("毛入园率\n单位：%\n", 0),  # the text ends before a second key line
    ],
)
def test_cards_read_as_without_the_shortcut(text, rows):
    grids = _grids(text, plain=False)
    assert grids == _grids(text, plain=True)
    assert sum(len(g[2]) for g in grids) == rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("单位：%\n标题\n2020年:92", [True, False, True]),
        ("百分之九十五\n五分之一\n两千", [False, False, False]),
    ],
)
def test_keyed_lines_are_those_holding_a_colon(text, expected):
    assert TextLines(clean(text)).keyed == expected
