"""Headings and the section path each paragraph sits under.

Levels: 第一章/第一部分 (1) > 第一节 (2) > 一、 (3) > （一） (4) > 1. / 1、 (5) > （1） (6);
decimal numbering ("2 主要任务" > "2.1 …" > "2.1.1 …", a web page's) one level per part;
a short title line with no numbering ("2022年主要工作成效") is a top section (1). A paragraph
belongs to every heading above it, so a value under "（二）学前教育" inside "一、发展
基础" is still in the review section.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from analysis.paragraph_breaks import (
    BULLET_START,
    DIVIDER,
    DIVIDER_MARKS,
    TITLE_LINE,
    bar_title,
    bracket_title,
    is_rule,
)
from analysis.sections import NUMBERING_STARTS
from analysis.wiki_markup import HEADING as WIKI_HEADING

LEVELS = (
    (1, re.compile(r"^第[一二三四五六七八九十百\d]+[章部篇](?:分)?")),
    # a 节 sits between its chapter and the numbered items: its title ("第一节 发展基础")
    # may be the only one that says a section reviews the last period
    (2, re.compile(r"^第[一二三四五六七八九十百\d]+节")),
    (3, re.compile(r"^[一二三四五六七八九十]+[、.]")),
    (4, re.compile(r"^\([一二三四五六七八九十]+\)")),
    (5, re.compile(r"^\d{1,2}(?:[、]|\.(?!\d))")),
    (6, re.compile(r"^\(\d{1,2}\)")),
)
# "2 主要任务", "2.1 扩大…", "2.1.1 …": a space after the numbering, then no unit of a value
# ("3 所学校", "2.5 万人次" are a PDF line wrapped after a number)
DECIMAL_HEADING = re.compile(
    r"^\d{1,2}(?:\.\d{1,2}){0,3}"
    r"(?=[^\S\n]+(?![所个人名万亿元次项年月日家条套处间台种门倍])[\u4e00-\u9fff“])"
)
# a title line under a chapter ("第一节 …") or a caption ("表1 …") is no top section
_NOT_A_TOP = re.compile(r"第[一二三四五六七八九十百\d]+节|表|图|专栏|附")
# A question of a published interview (答记者问, 政策解读: "问：…？" then "答：…") and its end.
_QUESTION = re.compile(r"(?:问|记者问|记者|提问)\s*[:：]")
_QUESTION_END = re.compile(r"[?？]")
_DIVIDER_HEADING = re.compile(DIVIDER)
# A heading line is short or ends its title with 。/： before the body text.
_TITLE_END = re.compile(r"[。:：]")


@dataclass(frozen=True)
class Heading:
    level: float
    numbering: str
    title: str  # up to the first 。 or ：
    decimal: bool = False  # "2.1 …": its level is its depth under the heading around it
    bulleted: bool = False  # "◇ 主要成就": one level under the heading around it
    marks: int = 0  # a marked heading's marks: 2 for "== 概况 ==", 3 for "### 学前教育"


def heading_of(paragraph: str) -> Heading | None:
    first = paragraph[:1]
    if first and first in DIVIDER_MARKS:
        m = _DIVIDER_HEADING.match(paragraph)
        if m:  # "———— 01 ————" and the title under it (paragraph_breaks): a top section
            title = _TITLE_END.split(paragraph[m.end() :].strip(), maxsplit=1)[0]
            return Heading(1, m.group().strip(), title)
    # most paragraphs start with none: skip the six patterns (\d is str.isdecimal)
    numbered = first in NUMBERING_STARTS or first.isdecimal()
    for level, pattern in LEVELS if numbered else ():
        m = pattern.match(paragraph)
        if m:
            title = _TITLE_END.split(paragraph, maxsplit=1)[0]
            return Heading(level, m.group(), title)
    m = _QUESTION.match(paragraph)
    if m:  # an interview's question: its answer is a section of its own (review or goals)
        return Heading(1, m.group(), _QUESTION_END.split(paragraph[m.end() :], maxsplit=1)[0])
    m = DECIMAL_HEADING.match(paragraph)
    if m:
        title = _TITLE_END.split(paragraph, maxsplit=1)[0]
        return Heading(m.group().count(".") + 1, m.group(), title, decimal=True)
    if len(paragraph) <= 20 and TITLE_LINE.fullmatch(paragraph) and not _NOT_A_TOP.match(paragraph):
        # a title line with no numbering: a top section; after a bullet ("◇“十三五”主要成就",
        # "- 建设成效"), a section inside the heading around it
        bullet = BULLET_START.match(paragraph)
        return Heading(1, bullet.group() if bullet else "", paragraph, bulleted=bullet is not None)
    if bar_title(paragraph):  # a slide's title: "主要目标|学前教育(2025年)"
        return Heading(1, "", paragraph)
    if first == "【" and (title := bracket_title(paragraph)) is not None:
        return Heading(1, "【】", title)  # an article's: "【回望“十三五”|这些成绩沉甸甸】"
    return None


# A title framed by rules ("━━━━" over "📌 先看“十三五”成绩单" over "━━━━") is short
_FRAMED_TITLE_MAX = 30


def framed_titles(paragraphs: list[str]) -> set[int]:
    """Indexes of the paragraphs framed by a rule above and below: each a top section's
    title, as an article marks its parts (paragraph_breaks keeps a rule on its own)."""
    rules = [k for k, p in enumerate(paragraphs) if is_rule(p)]
    return {
        a + 1
        for a, b in itertools.pairwise(rules)
        if b == a + 2 and 0 < len(paragraphs[a + 1]) <= _FRAMED_TITLE_MAX
    }


# a Markdown heading's "#"s and a space (not a hashtag's "#话题#"); a wiki heading's "="s
# closed on its line are wiki_markup.HEADING's
_MARKDOWN = re.compile(r"(#{1,6})[^\S\n]+\S")


def heading_marks(raw: str, at: int) -> int:
    """How many marks open the raw line a paragraph starts on (its first character at
    raw[at]) when that line is a marked heading ("## 发展基础", "== 教育概况 =="), else 0."""
    line = raw.rfind("\n", 0, at) + 1
    if raw[line : line + 1] not in ("#", "="):
        return 0
    m = (_MARKDOWN if raw[line] == "#" else WIKI_HEADING).match(raw, line)
    if m is None:
        return 0
    marks = len(m.group(1))
    return marks if raw[line + marks : at].strip() == "" else 0


class SectionTracker:
    """Feed paragraphs in order; `path` is the titles of the headings above the current one."""

    def __init__(self):
        self._stack: list[Heading] = []

    def feed(self, paragraph: str, framed: bool = False, marks: int = 0) -> tuple[str, ...]:
        """`framed`: the paragraph is a title between two rules (framed_titles); `marks`:
        a wiki's or Markdown's heading line ("== 教育概况 ==", "### 学前教育") and how many."""
        if framed:
            bullet = BULLET_START.match(paragraph)
            title = paragraph[bullet.end() :] if bullet else paragraph
            h = Heading(1, "", _TITLE_END.split(title, maxsplit=1)[0])
        else:
            h = heading_of(paragraph)
        if marks >= 2 and paragraph:  # (one mark: the page's own title)
            if h is not None and (h.numbering or h.decimal):
                h = replace(h, marks=marks)  # its numbering places it
            else:
                # a marked title with no numbering, whatever its words ("== 历史沿革 =="):
                # its marks place it, under the innermost heading with fewer
                outer = [x for x in self._stack if 0 < x.marks < marks]
                level = outer[-1].level + 0.5 if outer else 1
                title = h.title if h else _TITLE_END.split(paragraph, maxsplit=1)[0]
                h = Heading(level, "", title, marks=marks)
        if h is not None and h.decimal:
            # "一、发展基础" then "1.1 学前教育": decimal numbering sits under the heading
            # that held the first decimal heading (or the top heading when none is open)
            first = next((k for k, x in enumerate(self._stack) if x.decimal), len(self._stack))
            base = self._stack[first - 1].level if first else 0
            h = Heading(base + h.level / 10, h.numbering, h.title, decimal=True)
        if h is not None and h.bulleted and self._stack:
            # a sibling of the bulleted title before it, else under the innermost heading
            inner = self._stack[-1]
            level = inner.level if inner.bulleted else inner.level + 0.5
            h = Heading(level, h.numbering, h.title, bulleted=True)
        if h is not None:
            while self._stack and self._stack[-1].level >= h.level:
                self._stack.pop()
            self._stack.append(h)
        return tuple(x.title for x in self._stack)
