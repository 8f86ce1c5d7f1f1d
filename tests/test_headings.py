"""Headings and their levels (analysis/extraction/headings.py): the first-character
shortcut before the numbering patterns gives what the patterns alone give."""

from __future__ import annotations

import pytest

from analysis.extraction.headings import LEVELS, SectionTracker, heading_marks, heading_of
from analysis.normalise import clean


def _plain_level(paragraph: str) -> int | None:
    for level, pattern in LEVELS:
        if pattern.match(paragraph):
            return level
    return None


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("第一章 总体要求", 1),
        ("第一节 发展基础", 2),
        ("一、发展基础", 3),
        ("(二)学前教育", 4),
        ("3.推进义务教育优质均衡发展。", 5),
        ("(1)扩大普惠性资源", 6),
        ("全市学前教育毛入园率达到92%。", None),
        ("", None),
    ],
)  # fmt: skip
def test_numbered_headings(paragraph, expected):
    h = heading_of(paragraph)
    assert _plain_level(paragraph) == expected
    if expected is not None:
        assert h is not None and h.level == expected
    else:
        assert h is None or h.numbering == ""


"""Headings: the numbering of a paragraph and its level."""


@pytest.mark.parametrize(
    ("paragraph", "level"),
    [
        ("第二章 发展目标", 1),
        ("一、发展基础", 3),
        ("1.加快公办园建设。新建公办幼儿园12所", 5),
        # decimal numbering ("2 主要任务", "2.3 …", "2.3.1 …"): one level per part
        ("2 主要任务", 1),
        ("2.3 扩大学前教育资源", 2),
        ("2.3.1 学前教育普及普惠", 3),
        ("4.2 加大经费投入。落实生均公用经费", 2),
        # a number and its unit opening a wrapped line is no heading
        ("3 所学校完成改造", None),
        ("12 个专业群", None),
        ("2.5 万人次", None),
        ("95.5%以上", None),
    ],
)
def test_heading_levels(paragraph, level):
    h = heading_of(paragraph)
    assert (h.level if h else None) == level


def test_a_decimal_heading_closes_the_sections_below_it():
    tracker = SectionTracker()
    for p in ("1 发展基础", "1.1 “十三五”发展成效", "1.1.1 学前教育", "正文", "3 主要任务"):
        path = tracker.feed(p)
    assert path == ("3 主要任务",)


@pytest.mark.parametrize(
    ("paragraphs", "path"),
    [
        # decimal items under a Chinese-numbered heading stay under it
        (("一、发展基础", "1.1 学前教育", "正文"), ("一、发展基础", "1.1 学前教育")),
        (("一、发展基础", "1.1 学前教育", "1.2 义务教育"), ("一、发展基础", "1.2 义务教育")),
        (("一、发展基础", "1.1 学前教育", "二、存在问题"), ("二、存在问题",)),
        # a bracketed item under a decimal one, then the next decimal one
        (("3 主要任务", "3.1 学前", "(1)扩充资源", "3.2 义务教育"), ("3 主要任务", "3.2 义务教育")),
    ],
)
def test_decimal_numbering_nests_under_the_heading_around_it(paragraphs, path):
    tracker = SectionTracker()
    for p in paragraphs:
        got = tracker.feed(p)
    assert got == path


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        # an article's section titles alone in 【】 end their paragraph and open a section
        (
            "【回望“十三五”｜这些成绩沉甸甸】\n\n全市共有学校236所。\n\n"
            "【展望“十四五”｜目标已经定了】\n到2025年，全市教育现代化水平明显提升。",
            [("回望“十三五”|这些成绩沉甸甸",), ("回望“十三五”|这些成绩沉甸甸",),
             ("展望“十四五”|目标已经定了",), ("展望“十四五”|目标已经定了",)],
        ),
        # a caption or a thread post's number in 【】 is no section
        ("【图1】\n全市共有学校236所。\n【3/9】\n学位1,620个。", [(), ()]),
    ],
)  # fmt: skip
def test_bracketed_titles(text, paths):
    tracker = SectionTracker()
    assert [tracker.feed(p) for p in clean(text).paragraphs.text.split("\n")] == paths


@pytest.mark.parametrize(
    ("paragraphs", "path"),
    [
        # marked titles whose words name no section: their marks place them
        ((("沿革", 2), ("正文", 0), ("教育概况", 2)), ("教育概况",)),
        ((("教育概况", 2), ("学前", 3), ("正文", 0)), ("教育概况", "学前")),
        ((("教育概况", 2), ("学前", 3), ("师资", 2)), ("师资",)),
        # a numbered marked title keeps its numbering's level; one marked deeper sits under it
        ((("一、发展基础", 2), ("学前", 3)), ("一、发展基础", "学前")),
        ((("一、发展基础", 2), ("学前", 3), ("二、主要目标", 2)), ("二、主要目标",)),
        # one mark is the page's own title: no section
        ((("青禾县教育", 1), ("正文", 0)), ()),
    ],
)
def test_marked_headings_nest_by_their_marks(paragraphs, path):
    tracker = SectionTracker()
    for p, marks in paragraphs:
        got = tracker.feed(p, marks=marks)
    assert got == path


@pytest.mark.parametrize(
    ("raw", "at", "marks"),
    [
        ("== 教育概况 ==\n", 3, 2),
        ("正文\n=== 学前 ===\n", 7, 3),
        ("## 沿革\n", 3, 2),
        ("== 不闭合\n", 3, 0),  # a wiki heading closes on its line
        ("#话题#\n", 1, 0),  # a hashtag, no space after the mark
        ("学前 == 幼儿\n", 0, 0),
    ],
)
def test_heading_marks(raw, at, marks):
    assert heading_marks(raw, at) == marks
