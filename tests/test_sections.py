"""Paragraphs and their headings: the first-character pretest held to the plain regexes."""

from __future__ import annotations

from array import array

import pytest

from analysis import sections
from analysis.normalise import View
from analysis.sections import Paragraph, paragraphs


def _plain_paragraphs(view_text: str) -> list[tuple]:
    """Every paragraph tried against both heading regexes, as before the pretest."""
    out, level1, level2, pos = [], "", "", 0
    for index, para in enumerate(view_text.split("\n")):
        if sections.HEADING_1.match(para):
            level1, level2 = sections._HEAD_END.split(para, maxsplit=1)[0], ""
        elif sections.HEADING_2.match(para):
            level2 = sections._HEAD_END.split(para, maxsplit=1)[0]
        out.append((index, pos, pos + len(para), para, level2 or level1))
        pos += len(para) + 1
    return out


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "前言\n第三章 保障：说明\n正文\n(二)义务教育。正文\n十一、任务\n正文",
        "第十部分\n一二、\n(十)\n（一）全角括号不是标题\n 一、前有空格\n第一节",
        "一、\n二、发展基础:目标\n(一)\n正文",
    ],
)
def test_paragraphs_are_the_plain_split_with_headings(text):
    got = paragraphs(View(text, array("q", range(len(text)))), text)
    assert all(type(p) is Paragraph for p in got)
    assert [tuple(p) for p in got] == _plain_paragraphs(text)


def test_every_character_a_heading_can_start_with_passes_the_pretest():
    starts = [
        c
        for c in map(chr, range(0x110000))
        if sections.HEADING_1.match(c + "一章")
        or sections.HEADING_1.match(c + "、")
        or sections.HEADING_2.match(c + "一)")
    ]
    assert starts and set(starts) <= sections.NUMBERING_STARTS
