"""The paragraphs view of a cleaned text: the lines view with the PDF line breaks inside a
sentence removed, one paragraph per line, each character still mapped to its raw offset.

A break stays after a line that ends a sentence (SENTENCE_END) or is a short section title
(TITLE_LINE, DECIMAL_TITLE_LINE), before a line that starts a heading or a numbered item
(HEADING_START), and after a Markdown heading. normalise.clean builds the lines view and
calls `_paragraphs` on it.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left

from analysis.figure_labels import figure_breaks
from analysis.text_blocks import line_blocks

# A cleaned line that ends a sentence or a heading: the next line starts a new paragraph.
SENTENCE_END = re.compile(r"[。！？；:：!?;]$|[。！？]”$")
# A divider numbering a section between rules ("———— 01 ————", "== 二 =="), as a web or
# WeChat article marks its parts: the line after it is the section's title (headings.py).
DIVIDER_MARKS = "—–-=_~·"
_RULE = "[" + re.escape(DIVIDER_MARKS) + "]{2,}"
DIVIDER = _RULE + r"[^\S\n]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[^\S\n]*" + _RULE
DIVIDER_LINE = re.compile(DIVIDER + "$")
# A rule of box-drawing lines alone on its line ("━━━━━━", "──────", "══════"), as an
# article editor draws one above and below a section's title: a paragraph of its own
# (headings.framed_titles). Runs of "-", "=" or "*" stay as they were: in Markdown they
# underline a title or mark a table, and the labelled theme samples hold those paragraphs.
RULE_MARKS = "━─═"
RULE = "[" + re.escape(RULE_MARKS) + "]{3,}$"
RULE_LINE = re.compile(RULE)


def is_rule(line: str) -> bool:
    """A line (or paragraph) that is a rule alone (RULE_LINE), its last character tested first."""
    return line[-1:] in RULE_MARKS and RULE_LINE.match(line) is not None


_TITLE_UNDER_DIVIDER_MAX = 30
# A list item's bullet ("- ", "* ", "+ ", "·", "▪", "•" …): a Markdown or word-processor
# list whose items end in no punctuation. One mark, then no second mark (a divider's rule).
_BULLET_MARKS = "·•▪▫◦●■□◆◇▶►‣⁃"
BULLET = (
    r"[-*+][^\S\n]+(?=[^\s.*+\-])"
    rf"|[{_BULLET_MARKS}](?![{_BULLET_MARKS}—–\-=_~])[^\S\n]*"
)
BULLET_START = re.compile(BULLET)
# A cleaned line that starts a heading or a numbered item: never glued to the line before.
HEADING_START = re.compile(
    r"^(" + DIVIDER + r"$|" + RULE + "|" + BULLET + r""
    r"|第[一二三四五六七八九十百]+[章节部分篇]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)"
    r"|\d{1,2}[.、](?!\d)|专栏|<|(?:问|记者问|记者|提问)\s*[:：]"
    # a thread's numbered post ("【3/9】")
    r"|【\d{1,3}/\d{1,3}】"
    # decimal numbering ("2 主要任务", "2.1 扩大…"); not a wrapped "3 所学校", "2.5 万人次"
    r"|\d{1,2}(?:\.\d{1,2}){0,3}[^\S\n]+(?![所个人名万亿元次项年月日家条套处间台种门倍])[\u4e00-\u9fff“])"
)
# A line opening with a short key and a colon ("学前三年毛入园率(%):2020年86.4,…"): two such
# lines in a row are two records, however the first ends (no wrap ends in a key and colon)
KEYED_LINE = re.compile(r"[^\d\s:,。;\n][^\s:,。;\n]{1,29}:")
# A short line of decimal numbering and a title ("2.1 扩大学前教育资源") ends its paragraph.
# (a title starts with a word: "80 |" is a table cell wrapped onto its own line)
DECIMAL_TITLE_LINE = re.compile(
    r"\d{1,2}(?:\.\d{1,2}){0,3}[^\S\n]+(?![所个人名万亿元次项年月日家条套处间台种门倍])"
    r"[\u4e00-\u9fff“][^\d，,。；;：:、%（）()|]*"
)

# A short line that is a section title with no numbering ("2022年主要工作成效", "今年工作目标"):
# it ends in a section noun and holds no punctuation and no number but a year. The next line
# starts a new paragraph.
SECTION_NOUNS = (
    "回顾",
    "成效",
    "成就",
    "成绩",
    "基础",
    "情况",
    "进展",
    "目标",
    "任务",
    "要点",
    "举措",
    "措施",
    "安排",
    "思路",
    "要求",
    "形势",
)
TITLE_LINE = re.compile(
    # ("附：各街道新增学位任务", "附件2:重点任务": an annex's label may lead)
    r"(?:附件?\d{0,2}\s*[:：]\s*)?"
    r"(?:[^\d，,。；;：:、%（）()]|(?:19|20)\d\d)+?(?:" + "|".join(SECTION_NOUNS) + ")"
)
_TITLE_LINE_MAX = 20
# A slide's or a web section's title: a section title, a bar, a subtitle ("发展基础｜普及
# 水平", "主要目标｜学前教育（2025年）"; "｜" is "|" after NFKC): a title line too
_BAR_TITLE = re.compile(r"([^|\d\s][^|]{1,14}?)[^\S\n]*\|[^\S\n]*[^|\s][^|]{1,24}")
_BAR_TITLE_MAX = 32
# A line TITLE_LINE fullmatches ends in a section noun (all two characters): the regex, whose
# lazy repetition tries every noun after every character, runs on those lines only (most
# short lines are table cells; tests hold the shortcut to the plain fullmatch)
_TITLE_ENDS = frozenset(SECTION_NOUNS)
# SENTENCE_END is tried on the last two characters of a line only (its longest match,
# anchored at the end: tests check the width); HEADING_START after every "\n" of the
# lines view, in one pass.
_SENTENCE_END_WIDTH = 2
# SENTENCE_END as set lookups of a line's last one and two characters (a regex call a
# line cost more than the rest of the line's work; tests hold these to SENTENCE_END)
_SENTENCE_END_LAST = frozenset("。！？；:：!?;")
_SENTENCE_END_LAST_TWO = frozenset(("。”", "！”", "？”"))
_HEADING_START_AFTER_NEWLINE = re.compile(
    "\n(?=" + HEADING_START.pattern + ")", HEADING_START.flags | re.MULTILINE
)
_ITEM = array("q").itemsize


def _paragraphs(lines_text: str, lines_offsets: array, heading_ends: array):
    """The lines view with the line breaks inside a paragraph (PDF wraps) removed.

    A break stays after a line that ends a sentence (SENTENCE_END), before a line that
    starts a heading or a numbered item (HEADING_START), and after a Markdown heading.
    """
    marked = array("q")  # lines-view position of the "\n" after a kept Markdown heading
    for end in heading_ends:
        if end >= 0:
            i = bisect_left(lines_offsets, end)
            if i < len(lines_offsets) and lines_offsets[i] == end and lines_text[i] == "\n":
                marked.append(i)
    figures = figure_breaks(lines_text)  # a slide's figures, each kept with its label
    if figures:
        marked = array("q", sorted({*marked, *figures}))
    total = len(lines_text)
    marked.append(total)  # a sentinel: no line break there
    next_marked = 0
    # Lines starting a heading, in order: walked along with the lines, never stored.
    heading_lines = (m.end() for m in _HEADING_START_AFTER_NEWLINE.finditer(lines_text))
    next_heading = next(heading_lines, total + 1)
    chunks, pieces = [], []
    out = array("q")
    run_start = 0
    last, last_two = _SENTENCE_END_LAST, _SENTENCE_END_LAST_TWO
    glue, copy = pieces.append, out.frombytes
    with memoryview(lines_offsets).cast("B") as raw_bytes:
        for start, stop in line_blocks(lines_text):
            pos = start
            under_divider = False  # the line before was a divider: this one is its title
            for line in lines_text[start:stop].split("\n"):
                newline = pos + len(line)
                if newline == total:
                    break  # the last line: no line break after it
                while next_heading <= newline:
                    next_heading = next(heading_lines, total + 1)
                while marked[next_marked] < newline:
                    next_marked += 1
                if not (
                    next_heading == newline + 1
                    or marked[next_marked] == newline
                    or line[-1:] in last
                    or line[-2:] in last_two
                    # a row of a tab-separated table ends at its line end
                    or line.count("\t") >= 2
                    # so does a row of a pipe table ("| 4 | 学位不足… | 新建… |"): a
                    # sentence's year never carries into the next row's cells
                    or (line[-1:] == "|" and line[:1] == "|" and line.count("|") >= 3)
                    or (len(line) <= _TITLE_LINE_MAX and _is_title_line(line))
                    or bar_title(line)
                    or bracket_title(line) is not None
                    or is_rule(line)
                    # a title line starts its paragraph too ("【图1】" over "▌发展成就")
                    or _title_line_after(lines_text, newline, total)
                    or (under_divider and len(line) <= _TITLE_UNDER_DIVIDER_MAX)
                    # "name（%）:2020年86.4,2025年≥93" over another: a box of keyed lines;
                    # the box's last line ends its paragraph before a number ("…2025年10.5"
                    # over the cut sentence's "93%以上，…": two numbers, not 10.593)
                    or (
                        KEYED_LINE.match(line) is not None
                        and (
                            KEYED_LINE.match(lines_text, newline + 1) is not None
                            or (
                                line[-1:].isdecimal()
                                and lines_text[newline + 1 : newline + 2].isdecimal()
                            )
                        )
                    )
                ):  # a PDF wrap: glue the next line on
                    glue(lines_text[run_start:newline])
                    copy(raw_bytes[run_start * _ITEM : newline * _ITEM])
                    run_start = newline + 1
                under_divider = line[-1:] in DIVIDER_MARKS and DIVIDER_LINE.match(line) is not None
                pos = newline + 1
            chunks.append("".join(pieces))
            pieces.clear()
        if run_start == 0:
            return lines_text, lines_offsets[:]  # a copy (memcpy): the views share nothing
        chunks.append(lines_text[run_start:])
        out.frombytes(raw_bytes[run_start * _ITEM :])
    return "".join(chunks), out


# An article's section title alone in 【】 on its line ("【回望“十三五”｜这些成绩沉甸甸】"),
# not a caption ("【图1】", "【表2】", "【专栏3】") nor a thread post's number ("【3/9】")
_BRACKET_TITLE = re.compile(r"【([^】\n]{2,30})】")
_NOT_A_SECTION = re.compile(r"表|图|专栏|附|[\d/\s]+$")


def bracket_title(line: str) -> str | None:
    """The title of a line that is one 【title】 alone, else None."""
    if line[:1] != "【" or line[-1:] != "】":
        return None
    m = _BRACKET_TITLE.fullmatch(line)
    return m.group(1) if m and not _NOT_A_SECTION.match(m.group(1)) else None


def _title_line_after(text: str, newline: int, total: int) -> bool:
    """Whether the line after the line break at `newline` is a title line (as a line
    before a break: at most _TITLE_LINE_MAX characters, _is_title_line)."""
    end = text.find("\n", newline + 1, newline + _BAR_TITLE_MAX + 2)
    if end < 0:
        if total - newline - 1 > _BAR_TITLE_MAX:
            return False
        end = total
    line = text[newline + 1 : end]
    return (len(line) <= _TITLE_LINE_MAX and _is_title_line(line)) or bar_title(line)


def bar_title(line: str) -> bool:
    """Whether a line is a title, a bar and a subtitle (_BAR_TITLE) whose title is a
    section title (TITLE_LINE): "发展基础|2020年总体规模"."""
    if line.count("|") != 1 or len(line) > _BAR_TITLE_MAX:
        return False
    m = _BAR_TITLE.fullmatch(line)
    return m is not None and TITLE_LINE.fullmatch(m.group(1)) is not None


def _is_title_line(line: str) -> bool:
    """TITLE_LINE.fullmatch(line) or DECIMAL_TITLE_LINE.fullmatch(line), each regex tried
    only where it can match: a title ends in a section noun, a decimal one starts with a
    digit (re's \\d is a decimal digit, as str.isdecimal)."""
    return bool(
        (line[-2:] in _TITLE_ENDS and TITLE_LINE.fullmatch(line))
        or (line[:1].isdecimal() and DECIMAL_TITLE_LINE.fullmatch(line))
    )
