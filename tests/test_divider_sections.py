"""Sections numbered by a divider between rules ("———— 01 ————", "== 二 =="), as a web or
WeChat article marks its parts, each titled by the line under it: the title is a heading
(a review's values are the baseline's, a target section's the plan's), and a phone-width
article's broken lines still join into sentences. First met in blind24 (s4)."""

from __future__ import annotations

import pytest

from analysis.extraction.headings import heading_of
from analysis.normalise import clean
from tests.test_extraction import CONS, INC, PRE, observed

ARTICLE = (
    "一图读懂丨我县教育“十四五”规划\n\n"
    "== 一 ==\n“十三五”发展成绩\n\n"
    "学前三年\n毛入园率达到91.3%，\n普惠性幼儿园\n覆盖率86%。\n\n"
    "== 二 ==\n未来五年干什么\n\n"
    "九年义务教育\n巩固率保持在98%以上，\n普惠性幼儿园覆盖率\n达到92%。\n"
)


def test_a_divider_titles_its_section(extractor):
    assert observed(extractor, ARTICLE) == sorted(
        [
            (PRE, 2020, "=", 91.3, None, "level"),
            (INC, 2020, "=", 86.0, None, "level"),
            (CONS, 2025, ">=", 98.0, None, "level"),
            (INC, 2025, "=", 92.0, None, "level"),
        ]
    )


def test_the_title_under_a_divider_ends_its_paragraph():
    texts = clean(ARTICLE).paragraphs.text.split("\n")
    # a title ending in a section noun is a title line of its own anyway
    assert texts[1:3] == ["== 一 ==", "“十三五”发展成绩"]
    assert "== 二 ==未来五年干什么" in texts
    assert "学前三年毛入园率达到91.3%,普惠性幼儿园覆盖率86%。" in texts


@pytest.mark.parametrize(
    ("paragraph", "numbering", "title"),
    [
        ("———— 01 ————“十三五”成绩单", "———— 01 ————", "“十三五”成绩单"),
        ("== 二 ==未来五年干什么", "== 二 ==", "未来五年干什么"),
        ("**3**重点任务", None, None),  # bold marks around a number: no rules
        ("--- 2 ---", "--- 2 ---", ""),
        ("— 8 —", None, None),  # one mark each side: a page number's (normalise drops it)
    ],
)
def test_a_divider_heading(paragraph, numbering, title):
    h = heading_of(paragraph)
    assert (h.numbering, h.title, h.level) == (numbering, title, 1) if numbering else h is None
