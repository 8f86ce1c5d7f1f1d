"""The cleaned views and their map back to raw offsets: crafted texts, the real plans, and a
reference implementation (the per-line, per-character algorithm clean() replaced)."""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from array import array

import opencc
import pytest

from analysis import (
    normalise,
    ocr_spacing,
    page_debris,
    page_marks,
    paragraph_breaks,
    paths,
    text_blocks,
)
from analysis.figure_labels import figure_breaks
from analysis.invisible_marks import invisible_spans
from analysis.normalise import (
    HTML_TAG,
    MARKDOWN_EMPHASIS,
    MARKDOWN_HEADING,
    PAGE_DEBRIS,
    _append_range,
    clean,
    to_simplified,
)
from analysis.paragraph_breaks import (
    _SENTENCE_END_WIDTH,
    DECIMAL_TITLE_LINE,
    HEADING_START,
    KEYED_LINE,
    SENTENCE_END,
    TITLE_LINE,
    bar_title,
    bracket_title,
)
from analysis.tracked_changes import tracked_changes


def raw_of(view, i, j, raw):
    a, b = view.raw_span(i, j)
    return raw[a:b]


def test_full_width_forms_become_half_width_and_map_back():
    raw = "入园率达到９２．２％。"
    c = clean(raw)
    assert c.paragraphs.text == "入园率达到92.2%。"
    i = c.paragraphs.text.index("92.2%")
    assert raw_of(c.paragraphs, i, i + 5, raw) == "９２．２％"


def test_traditional_characters_become_simplified_keeping_length():
    raw = "完善教育督導體制機制。"
    c = clean(raw)
    assert c.paragraphs.text == "完善教育督导体制机制。"
    assert len(c.paragraphs.offsets) == len(c.paragraphs.text)
    assert to_simplified("督導") == "督导"


def test_page_number_debris_lines_are_dropped():
    raw = "学前教育毛入园率保持在\n\n\n\n— 8—\n\n95%左右。"
    c = clean(raw)
    assert c.paragraphs.text == "学前教育毛入园率保持在95%左右。"
    # the span of the joined text still reads the raw file, debris and all
    assert raw_of(c.paragraphs, 0, len(c.paragraphs.text), raw) == raw


@pytest.mark.parametrize(
    ("raw", "paragraphs"),
    [
        # a short title line with no numbering ends its paragraph; a wrapped line does not
        ("2022年主要工作成效\n学前三年毛入园率90.1%。", "2022年主要工作成效\n学前三年毛入园率90.1%。"),
        ("学前教育毛入园率保持在\n95%左右。", "学前教育毛入园率保持在95%左右。"),
        # decimal numbering ("2 主要任务", "2.1 …") starts a paragraph, and a short heading
        # line of it ends one; a line wrapped after a number and a space does neither
        ("2 主要任务\n2.1 扩大学前教育资源\n新建幼儿园12所,\n3 所为公办。", "2 主要任务\n2.1 扩大学前教育资源\n新建幼儿园12所,3 所为公办。"),
        ("<h3>3&nbsp;主要任务</h3>\n<p>新建幼儿园12所。</p>", "3 主要任务\n新建幼儿园12所。"),
        # page markers with dots, and a running header spaced away from one, are debris
        ("学前教育毛入园率保持在\n· 5 ·\n某县教育规划　　　　•6•\n95%左右。", "学前教育毛入园率保持在95%左右。"),
    ],
)  # fmt: skip
def test_title_lines_and_page_markers(raw, paragraphs):
    assert clean(raw).paragraphs.text == paragraphs


PROSE = "学前三年毛入园率由2015年的76.4%提高到2020年的89.7%,普惠性"
TITLE = "青禾市“十四五”教育发展规划"


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        # a page number between two lines of prose, or two rows of a table: debris
        (f"{PROSE}\n\n12\n\n幼儿园覆盖率达到81.3%。", f"{PROSE}\n幼儿园覆盖率达到81.3%。"),
        ("基本建成。\n7\n" + PROSE, "基本建成。\n" + PROSE),  # a sentence end is no cell
        ("| 指标 | 2020年 | 2025年 |\n 3 \n| 毛入园率 | 90 | 95 |", None),
        # a value in a one-cell-per-line table: a neighbour is a cell, the number stays
        ("指标\n2020年\n毛入园率\n90\n95", "指标\n2020年\n毛入园率\n90\n95"),
        (f"{PROSE}\n12\n%", f"{PROSE}\n12\n%"),
        ("1234\n" + PROSE, "1234\n" + PROSE),  # four digits: a year or a value, not a page
        # a number wrapped away from its unit ("…幼儿园" / "18" / "所，…") is the sentence's
        (f"{PROSE}\n18\n所,新增学位3,240个。", f"{PROSE}\n18\n所,新增学位3,240个。"),
        (f"{PROSE}\n18\n%的学校。", f"{PROSE}\n18\n%的学校。"),
        # a running header: the title again after the first time, wherever it recurs
        (f"{TITLE}\n{PROSE}\n{TITLE}\n达到95%。", f"{TITLE}\n{PROSE}\n达到95%。"),
        (f"{TITLE}\n{PROSE}", f"{TITLE}\n{PROSE}"),  # once: the title itself
        ("落实规划。\n落实规划。", "落实规划。\n落实规划。"),  # sentences are no header
        ("| 规划指标 | 1 |\n| 规划指标 | 1 |", "| 规划指标 | 1 |\n| 规划指标 | 1 |"),
    ],
)
def test_lone_page_numbers_and_running_headers_are_dropped(raw, lines):
    lines = lines or "| 指标 | 2020年 | 2025年 |\n| 毛入园率 | 90 | 95 |"
    c = clean(raw)
    assert c.lines.text == lines
    # each dropped line is named (its raw span), so that the ledger can say what its
    # numbers were; "— 8 —" lines are PAGE_DEBRIS's, named by the ledger itself
    dropped = [x.strip() for x in raw.split("\n") if x.strip()]
    for x in c.lines.text.split("\n"):
        dropped.remove(x)
    assert [raw[a:b].strip() for a, b in c.debris] == dropped


def test_html_tags_and_markdown_markers_are_removed():
    raw = "## **一、发展环境**\n<p>辍学率控制在1%以下。</p>"
    c = clean(raw)
    assert c.paragraphs.text == "一、发展环境\n辍学率控制在1%以下。"


def test_markdown_heading_is_never_glued_to_the_next_line():
    raw = "### （一）发展基础\n\n“十三五”期间，学前三年毛入园率已达 90%。"
    c = clean(raw)
    assert c.paragraphs.text.split("\n")[0] == "(一)发展基础"


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("促进学\n\n生全面发展。", "促进学生全面发展。"),  # PDF wrap mid-word
        ("达到 100\n\n余名。", "达到 100余名。"),  # a number split from its unit
        ("完成。\n\n（二）面临趋势。", "完成。\n(二)面临趋势。"),  # sentence end
        ("发展目标\n\n1．教育质量整体提升。", "发展目标\n1.教育质量整体提升。"),  # numbered item
        ("投入\n\n2.5 亿元。", "投入2.5 亿元。"),  # "2.5" is not an item number
    ],
)
def test_line_joining(raw, joined):
    assert clean(raw).paragraphs.text == joined


def test_lines_view_keeps_one_line_per_non_empty_raw_line():
    raw = "指 标 单 位\n\n学前教育\n\n%\n"
    assert clean(raw).lines.text == "指 标 单 位\n学前教育\n%"


def test_every_view_character_maps_to_a_raw_character():
    raw = " 白城市“十四五”教育发展规划\n（2021－2025年）\n\n<p>督導</p>\n— 3—\n"
    c = clean(raw)
    for view in (c.lines, c.paragraphs):
        assert len(view.text) == len(view.offsets)
        assert all(0 <= o < len(raw) for o in view.offsets)
        assert list(view.offsets) == sorted(view.offsets)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("毛入园率 9 1 . 2 %,覆盖率", "毛入园率 91.2%,覆盖率"),  # OCR spacing inside a percentage
        ("入学率达到9 3 . 5 %。", "入学率达到93.5%。"),
        ("比例均达到 1 0 0 %。", "比例均达到 100%。"),
        ("达到 9 5 %以上", "达到 95%以上"),
        ("提高 5 %", "提高 5 %"),  # one digit: nothing spaced out inside it
        ("2020年 88 %", "2020年 88 %"),
        ("第 1 2 3 项", "第 1 2 3 项"),  # spaced digits that are not a percentage stay
        ("巩固率达到 95. 8%,", "巩固率达到 95.8%,"),  # a space after the decimal point
        ("巩固率达到 95. 8％,", "巩固率达到 95.8%,"),  # the same with a full-width percent
        ("巩固率达到 95 .8％,", "巩固率达到 95.8%,"),
        ("巩固率达到 95 .8 %", "巩固率达到 95.8 %"),  # or before it
        ("1. 2项任务", "1. 2项任务"),  # not in a percentage: an item number stays
        ("| 90.3 | ≥93① | 55%② |", "| 90.3 | ≥93 | 55% |"),  # footnote marks after numbers
        ("①学前教育", "1学前教育"),  # a circled number that starts an item is NFKC's
        ("入学率达到９ ３ ． ５ ％。", "入学率达到93.5%。"),  # the same in full-width forms
        ("| ９０．３ | ≥９３① | ５５％② |", "| 90.3 | ≥93 | 55% |"),
        ("| 90.3 | ≥93¹ | 55%² | 12⁴ |", "| 90.3 | ≥93 | 55% | 12 |"),  # superscript marks
        ("10²人", "10人"),
        # OCR spacing inside a count or an amount before its unit: every character spaced
        # out, a thousands gap, spaced digits after a separator, or inside the decimals
        ("共有中学3 6 所，", "共有中学36所,"),
        ("投入 2 3 . 4 亿元", "投入 23.4亿元"),
        ("培训 2 . 5 万人次", "培训 2.5万人次"),
        ("在校生 3 120人", "在校生 3120人"),
        ("新增学位7,5 0 0个", "新增学位7,500个"),
        ("新建幼儿园1 2 \n所，", "新建幼儿园12\n所,"),  # the line wrapped before the unit
        ("入学率99.9 6%", "入学率99.96%"),
        ("全市 12 15 所", "全市 12 15 所"),  # two numbers of two digits: not one number
        ("第 4 5 个", "第 4 5 个"),  # an ordinal's spaced digits stay
        ("1 . 2 所学校", "1 . 2 所学校"),  # an item number opening its line stays
        # one space left inside a number written after a word, before its unit or %
        ("公办园在园幼儿占比6 8.2%。", "公办园在园幼儿占比68.2%。"),
        ("专任教师2,4 36人", "专任教师2,436人"),
        ("生均公用经费小学7 20元、初中9 20元", "生均公用经费小学720元、初中920元"),
        ("其中 12 15所", "其中 12 15所"),  # after a space: two numbers stay two
        # ... or in a cell between ideographic spaces (each two spaces wide)
        ("巩固率　%　9 4.2　96", "巩固率  %  94.2  96"),
        # a decimal cell split by OCR in a space-aligned table row
        ("巩固率（%）     94. 3       96", "巩固率(%)     94.3       96"),
        ("毛入学率（%）     88. 7       92\n", "毛入学率(%)     88.7       92"),
    ],
)
def test_ocr_spacing_and_footnote_marks_leave_numbers_whole(raw, text):
    c = clean(raw)
    assert c.lines.text == text
    # every kept character still maps to itself (or what NFKC makes of it) in the raw text
    assert all(
        unicodedata.normalize("NFKC", raw[o]) == ch
        for o, ch in zip(c.lines.offsets, c.lines.text, strict=True)
    )


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("到2O25年，入园率达到9O%", "到2025年,入园率达到90%"),
        ("营养餐供餐比例达到l00%", "营养餐供餐比例达到100%"),
        ("2O21年1O月9日", "2021年10月9日"),
        # letters in a Latin word or a formula stay
        ("ISO9001认证、H2O分子、COVID-19疫情", "ISO9001认证、H2O分子、COVID-19疫情"),
        ("Level 2 Office", "Level 2 Office"),
    ],
)
def test_letters_read_for_digits_inside_numbers(raw, text):
    c = clean(raw)
    assert c.lines.text == text and len(c.lines.offsets) == len(text)


def test_ocr_spacing_before_a_traditional_unit():
    # the spaces go before OpenCC makes 億 亿
    assert (
        clean("投入 2 3 . 4 億元，新增學位2 7 0 0 個").lines.text == "投入 23.4亿元,新增学位2700个"
    )


# ---------------------------------------------------------------- line ends


def test_carriage_return_alone_ends_a_line():
    raw = "促进学\r生全面发展。\r（二）面临趋势。"
    c = clean(raw)
    assert c.lines.text == "促进学\n生全面发展。\n(二)面临趋势。"
    assert c.paragraphs.text == "促进学生全面发展。\n(二)面临趋势。"
    # each view "\n" maps to the "\r" that ended the raw line
    assert [raw[c.lines.offsets[i]] for i, ch in enumerate(c.lines.text) if ch == "\n"] == [
        "\r"
    ] * 2
    unix = clean(raw.replace("\r", "\n"))
    for mine, theirs in ((c.lines, unix.lines), (c.paragraphs, unix.paragraphs)):
        assert mine.text == theirs.text
        assert mine.offsets == theirs.offsets


def test_crlf_is_one_line_end_mapped_to_its_carriage_return():
    raw = "学前教育毛入园率保持在\r\n\r\n— 8—\r\n\r\n95%左右。\r\n## 标题\r\n正文"
    c = clean(raw)
    assert c.lines.text == "学前教育毛入园率保持在\n95%左右。\n标题\n正文"
    assert c.paragraphs.text == "学前教育毛入园率保持在95%左右。\n标题\n正文"
    newlines = [c.lines.offsets[i] for i, ch in enumerate(c.lines.text) if ch == "\n"]
    assert [raw[o : o + 2] for o in newlines] == ["\r\n"] * 3
    # the joined paragraph reads the raw file from its first to its last character
    first = c.paragraphs.text.split("\n")[0]
    a, b = c.paragraphs.raw_span(0, len(first))
    assert raw[a:b] == "学前教育毛入园率保持在\r\n\r\n— 8—\r\n\r\n95%左右。"


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        ("一\r\n二\r三\n四", "一\n二\n三\n四"),  # mixed line ends
        ("一\r\r\n二", "一\n二"),  # lone CR, then CRLF: an empty line between, dropped
        ("一\n\r二", "一\n二"),
        ("\r\n\r\n一\r\n", "一"),
        ("\r", ""),
        ("\r\n", ""),
    ],
)
def test_mixed_line_ends(raw, lines):
    c = clean(raw)
    assert c.lines.text == lines
    for view in (c.lines, c.paragraphs):
        for i, ch in enumerate(view.text):
            assert (
                raw[view.offsets[i]] in ("\r", "\n") if ch == "\n" else raw[view.offsets[i]] == ch
            )


@pytest.mark.parametrize(
    "sep", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
)
def test_other_splitlines_separators_are_white_space_not_line_ends(sep):
    """Only \\r\\n, \\r and \\n end a line; str.splitlines' other breaks are white space."""
    raw = f"学前{sep}三年毛入园率{sep}\n{sep}— 8—\n{sep}达到90%。"
    c = clean(raw)
    assert c.lines.text == "学前 三年毛入园率\n达到90%。"
    assert c.paragraphs.text == "学前 三年毛入园率达到90%。"
    assert raw[c.lines.offsets[2]] == sep
    for view in (c.lines, c.paragraphs):
        assert view.text.splitlines() == view.text.split("\n")


# ---------------------------------------------------------------- the real plans

RAW_PLANS = sorted(paths.RAW_DIR.glob("*.txt"))
SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@pytest.mark.parametrize("path", RAW_PLANS, ids=lambda p: p.stem)
def test_every_view_character_comes_from_its_raw_character(path):
    """raw[offset] NFKC-normalises (and simplifies) to the character, or ends a line."""
    raw = path.read_text(encoding="utf-8")
    c = clean(raw)
    assert c.lines.text and c.paragraphs.text
    for view in (c.lines, c.paragraphs):
        assert len(view.offsets) == len(view.text)
        assert list(view.offsets) == sorted(view.offsets)
        for ch, offset in zip(view.text, view.offsets, strict=True):
            source = raw[offset]
            if ch == "\n":
                assert source in "\r\n", (offset, source)
                continue
            norm = unicodedata.normalize("NFKC", source)
            if source in SEPARATORS:
                norm = " "
            assert ch in (norm, to_simplified(norm)) or ch in norm, (offset, source, ch)


def test_big_texts_come_out_as_the_sum_of_their_parts(monkeypatch):
    """A plan repeated: the views repeat too, offsets shifted by the plan's length.

    (Its title recurs, which the running-header rule drops: that rule is off here.)"""
    monkeypatch.setattr(page_debris, "TITLE_WORDS", ())
    raw = RAW_PLANS[0].read_text(encoding="utf-8")
    if not raw.endswith("\n"):
        raw += "\n"
    one, three = clean(raw), clean(raw * 3)
    assert three.lines.text == "\n".join([one.lines.text] * 3)
    n = len(one.lines.offsets)
    assert list(three.lines.offsets[n + 1 : 2 * n + 1]) == [o + len(raw) for o in one.lines.offsets]


# ---------------------------------------------------------------- the reference


def reference_clean(raw):
    """The per-line, per-character algorithm clean() replaced: slow and obviously right.

    Line by line (a line ends at \\r\\n, \\r or \\n): drop page-number lines, remove HTML
    tags and Markdown markers, NFKC each character (the other splitlines separators
    become " "), strip white space, convert to simplified; join the non-empty lines with
    "\\n", and glue a line to the next unless it ends a sentence, the next starts a
    heading, or it is a Markdown heading.
    """
    texts, offsets, newline_at, marked = [], [], [], []
    raw_lines = [m.span(1) for m in re.finditer(r"([^\r\n]*)(\r\n|\r|\n|$)", raw)]
    debris = reference_debris([raw[a:b] for a, b in raw_lines])
    for n, m in enumerate(re.finditer(r"([^\r\n]*)(\r\n|\r|\n|$)", raw)):
        start, end = m.span(1)
        segment = raw[start:end]
        if PAGE_DEBRIS.match(segment) or n in debris:
            continue
        keep = [True] * len(segment)
        spans = [t.span() for p in (HTML_TAG, MARKDOWN_EMPHASIS) for t in p.finditer(segment)]
        # zero-width and soft-hyphen characters, digit-group spaces (tested apart)
        spans.extend(invisible_spans(segment, 0, len(segment)))
        # a draft's deletions, comments and insertion marks, each on one line (tested apart)
        spans.extend(tracked_changes(segment).drop)
        heading = MARKDOWN_HEADING.match(segment)
        if heading:
            spans.append(heading.span())
        for a, b in spans:
            keep[a:b] = [False] * (b - a)
        chars, offs = [], []
        for k, ch in enumerate(segment):
            if keep[k]:
                # the ideographic space is two spaces wide
                for c in "  " if ch == "\u3000" else unicodedata.normalize("NFKC", ch):
                    chars.append(" " if c in SEPARATORS else c)
                    offs.append(start + k)
        chars = list(ocr_spacing.digit_letters("".join(chars)))  # 2O25 -> 2025 (tested apart)
        lo, hi = 0, len(chars)
        while lo < hi and chars[lo].isspace():
            lo += 1
        while hi > lo and chars[hi - 1].isspace():
            hi -= 1
        text = to_simplified("".join(chars[lo:hi]))
        if text:
            texts.append(text)
            offsets.append(offs[lo:hi])
            # a block's closing tag at the line's end ends the paragraph (</p>, </h1>, <br>)
            tags = [t for t in HTML_TAG.finditer(segment) if not segment[t.end() :].strip(" \t")]
            block_end = bool(tags) and re.fullmatch(
                r"</(?:p|h[1-6]|div|li|tr|table|title|section|article)\s*>|<br\s*/?>",
                tags[-1].group(),
                re.I,
            )
            marked.append(heading is not None or bool(block_end))
            newline_at.append(m.start(2))
    # the breaks between a slide's figures and labels (figure_labels.py, tested apart)
    joined = "\n".join(texts)
    line_ends = list(itertools.accumulate(len(t) + 1 for t in texts))
    figure_lines = {line_ends.index(b + 1) for b in figure_breaks(joined)}
    lines, lines_offs, paras, paras_offs = [], [], [], []
    for n, text in enumerate(texts):
        lines.append(text)
        lines_offs.extend(offsets[n])
        paras.append(text)
        paras_offs.extend(offsets[n])
        if n == len(texts) - 1:
            break
        lines.append("\n")
        lines_offs.append(newline_at[n])
        title = (
            len(text) <= 20 and (TITLE_LINE.fullmatch(text) or DECIMAL_TITLE_LINE.fullmatch(text))
        ) or bar_title(text)  # "发展基础|普及水平" (tested apart)
        title = title or bracket_title(text) is not None  # "【回望“十三五”】" (tested apart)
        row = text.count("\t") >= 2  # a tab-separated table row ends its paragraph
        following = texts[n + 1]  # a title line starts its paragraph too
        title_next = (
            len(following) <= 20
            and (TITLE_LINE.fullmatch(following) or DECIMAL_TITLE_LINE.fullmatch(following))
        ) or bar_title(following)
        # two keyed lines ("name:2020年…") are two records; a keyed line's last number and
        # the next line's first are two numbers
        keyed = KEYED_LINE.match(text) and (
            KEYED_LINE.match(following) or (text[-1:].isdecimal() and following[:1].isdecimal())
        )
        if (
            marked[n]
            or n in figure_lines
            or SENTENCE_END.search(text)
            or title
            or row
            or title_next
            or keyed
            or HEADING_START.match(texts[n + 1])
        ):
            paras.append("\n")
            paras_offs.append(newline_at[n])
    return ("".join(lines), lines_offs), ("".join(paras), paras_offs)


def reference_debris(lines):
    """Indices of lone page numbers (no neighbouring line a cell) and repeated titles."""
    filled = [k for k, x in enumerate(lines) if x.strip()]

    def cell(k):
        x = lines[k].strip()
        return len(x) <= page_debris.CELL_LONGEST and x[-1] not in "。；;！？!?：:"

    debris, seen = set(), set()
    for i, k in enumerate(filled):
        x = lines[k].strip()
        if page_marks.PAGE_MARK.fullmatch(lines[k]):  # "第 3 页 共 8 页", "首页 > 公开 > 文件"
            debris.add(k)
        elif re.fullmatch(r"\d{1,3}", x):
            near = filled[max(0, i - 1) : i] + filled[i + 1 : i + 2]
            unit_next = i + 1 < len(filled) and lines[filled[i + 1]].strip()[0] in (
                page_debris.UNIT_STARTS
            )
            if not any(cell(j) for j in near) and not unit_next:
                debris.add(k)
        elif (
            len(x) <= page_debris.TITLE_LONGEST
            and any(w in x for w in page_debris.TITLE_WORDS)
            and not re.search(r"[|\t<>]|[。；;！？!?：:]\s*$", x)
        ):
            if x in seen:
                debris.add(k)
            seen.add(x)
    return debris


def assert_same_as_reference(raw):
    c = clean(raw)
    (lines, lines_offs), (paras, paras_offs) = reference_clean(raw)
    assert c.lines.text == lines
    assert list(c.lines.offsets) == lines_offs
    assert c.paragraphs.text == paras
    assert list(c.paragraphs.offsets) == paras_offs


@pytest.fixture(params=["whole", "tiny_blocks"])
def blocks(request, monkeypatch):
    """clean() works block by block (and OpenCC chunk by chunk): also try tiny ones, so
    that texts cross many block boundaries."""
    if request.param == "tiny_blocks":
        monkeypatch.setattr(text_blocks, "BLOCK", 5)
        monkeypatch.setattr(normalise, "_T2S_CHUNK", 3)
    return request.param


@pytest.mark.parametrize("path", RAW_PLANS, ids=lambda p: p.stem)
def test_same_views_as_the_reference_on_the_real_plans(path, blocks):
    raw = path.read_text(encoding="utf-8")
    s2t = opencc.OpenCC("s2t")
    for variant in (raw, s2t.convert(raw), raw.replace("\n", "\r\n"), raw.replace("\n", "\r")):
        assert_same_as_reference(variant)


FUZZ_WORDS = [
    *"学前教育毛入园率达到。；：！？”“,.x 3—－-\t\u3000\xa0",
    *["第一章", "一、", "（二）", "1．", "2.5", "专栏", "９２．２％", "。”", "？”"],
    *["<p>", "</p>", "<b", "b>", "**", "__", "#", "## ", "###### ", "####### x", "＃"],
    *["2022年工作回顾", "今年目标", "· 5 ·", "•4•", "规划  ·2·"],
    *["— 8—", "- 12 -", "— ８ —", "㈠", "⑴", "½", "¨", "㎡", "…", "ﬁ", "e\u0301", "\u200b"],
    *["~~96%~~", "[删除：3", "]", "【批注", "：9】", "[插入：", "发展基础｜成效", "主要目标|x"],
    *["督導", "體制", "乾燥", "頭髮", "\x1f", *SEPARATORS],
    *["\n", "\n", "\n", "\n\n", "\r\n", "\r", "\r\r\n"],
]


def test_same_views_as_the_reference_on_random_texts(blocks):
    rnd = random.Random(11)
    for _ in range(3000):
        raw = "".join(rnd.choice(FUZZ_WORDS) for _ in range(rnd.randint(0, 40)))
        assert_same_as_reference(raw)


def test_offsets_for_long_runs_are_exact():
    """_append_range fills whole blocks by bytes: check it against range()."""
    for start, stop in [
        (0, 0),
        (0, 10),
        (5, 70_000),
        (65_530, 131_100),
        (2**32 - 3, 2**32 + 70_000),
    ]:
        out = array("q", [-1])
        _append_range(out, start, stop)
        assert list(out) == [-1, *range(start, stop)]


def test_sentence_end_is_tried_on_enough_of_a_line():
    """clean() applies SENTENCE_END to a line's last _SENTENCE_END_WIDTH characters."""
    from re import _parser  # the width of a pattern; a test may lean on the internals

    assert _parser.parse(SENTENCE_END.pattern).getwidth()[1] <= _SENTENCE_END_WIDTH


_LINE_ENDINGS = '。！？；:：!?;”“"文1 .'


@pytest.mark.parametrize("first", ["", *_LINE_ENDINGS])
def test_sentence_end_set_lookups_are_the_regex(first):
    """_paragraphs tests a line's last one and two characters against sets: the same
    answer as SENTENCE_END on every line of up to three of these characters."""
    for second in ["", *_LINE_ENDINGS]:
        for third in ["", *_LINE_ENDINGS]:
            line = first + second + third
            by_sets = (
                line[-1:] in paragraph_breaks._SENTENCE_END_LAST
                or line[-2:] in paragraph_breaks._SENTENCE_END_LAST_TWO
            )
            assert by_sets == bool(SENTENCE_END.search(line)), line


def test_title_line_shortcut_is_the_regexes():
    """_paragraphs tries TITLE_LINE on lines ending in a section noun and
    DECIMAL_TITLE_LINE on lines starting with a decimal digit: the same answer as both
    fullmatches on every short line of the plans and on lines made of their pieces."""
    assert {len(noun) for noun in paragraph_breaks.SECTION_NOUNS} == {2}
    pieces = [
        *paragraph_breaks.SECTION_NOUNS,
        "2022年",
        "主要工作",
        "2.1 ",
        "3 ",
        "１２ ",
        "٣ ",
        "²",
        "十四五",
        "，",
        "(",
        "所",
        "“",
        "扩大",
        "",
    ]
    rng = random.Random(7)
    lines = {"".join(rng.choice(pieces) for _ in range(rng.randint(1, 5))) for _ in range(5000)}
    for path in sorted((paths.ROOT / "tests" / "data" / "plans").rglob("*.txt")):
        text = normalise.clean(path.read_text(encoding="utf-8")).lines.text
        lines.update(line for line in text.split("\n") if len(line) <= 20)
    titles = 0
    for line in lines:
        plain = bool(TITLE_LINE.fullmatch(line) or DECIMAL_TITLE_LINE.fullmatch(line))
        assert paragraph_breaks._is_title_line(line) == plain, line
        titles += plain
    assert titles > 100  # the pieces make titles of both kinds


@pytest.mark.parametrize(
    ("raw", "text", "char", "entity"),
    [
        ("<p>&ldquo;道德与法治&rdquo;课时占比</p>", "“道德与法治”课时占比", "“", "&ldquo;"),
        ("入园率达到&nbsp;95%", "入园率达到 95%", " ", "&nbsp;"),
        ("巩固率&gt;=97%，&amp;&unknown;", "巩固率>=97%,&&unknown;", ">", "&gt;"),
    ],
)
def test_named_html_entities_become_their_characters(raw, text, char, entity):
    """Scraped HTML keeps its entities: the views read their characters, mapped back to
    the entity's first raw character (an unknown name stays as written)."""
    c = clean(raw)
    assert c.paragraphs.text == text
    i = c.paragraphs.text.index(char)
    assert raw[c.paragraphs.raw_start(i) :].startswith(entity)


# The per-line patterns tried only on the lines holding what every match holds: each is
# held to the plain search over the whole block.
SHORTCUT_TEXTS = [
    "",
    "— 8 —",
    "正文\n— 8 —\n正文",
    "某县教育规划    ·2·\n- 12 -\n2021-2025年\n－ 3 －－",
    "— 1 2 —\n—8— 尾\n  •  7  •  ",
    "毛入园率达到 9 1 . 2 %，巩固率 96. 3%\n第 1 2 3 项\n96 .3% 和 ９ ３ ． ５ ％",
    "1 0 0 %\n.5 5%\n2 所\n3. 4\n7 7",
    "96. 3％ only full width\n1 2%",
    "达到93① 和 55%② 以及 ③ 独立",
    "面积130²和 5⁴、7¹ 以及 ㉑ ㊱ 独立",  # superscripts and circled numbers past ⑳
    "９ ３ ． ５ ％\n１ ２\n. .\n．５ ５％",  # full-width digits and points beside a space
]


def _plain_ocr_spaces(work, start, stop, point):
    spans = []
    for m in normalise.OCR_SPACED_PERCENT.finditer(work, start, stop):
        spans.extend((i, i + 1) for i in range(m.start(), m.end()) if work[i] == " ")
    if point:
        spans.extend(m.span() for m in normalise.OCR_SPACED_POINT.finditer(work, start, stop))
    return sorted(spans)


@pytest.mark.parametrize("text", SHORTCUT_TEXTS)
@pytest.mark.parametrize("cut", [0, 3])
def test_shortcut_line_searches_find_what_the_plain_searches_find(text, cut):
    start, stop = min(cut, len(text)), max(min(cut, len(text)), len(text) - cut)
    start = text.rfind("\n", 0, start) + 1  # blocks start at a line start
    assert normalise._page_number_lines(text, start, stop) == text_blocks.line_start_spans(
        normalise._DEBRIS_BODY, text, start, stop
    )
    for point in (True, False):
        assert sorted(normalise._ocr_spaces(text, start, stop, point)) == _plain_ocr_spaces(
            text, start, stop, point
        )
    plain_footnotes = list(map(re.Match.span, normalise.FOOTNOTE_AFTER_NUMBER.finditer(text)))
    assert bool(normalise._FOOTNOTE_MARK.search(text)) >= bool(plain_footnotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("a\nb", []),
        ("x — 8 — y\nz", [(0, 9)]),
        ("p\n— 8 —— 9 —\nq\n·3·", [(2, 12), (15, 18)]),  # two in one line: the line once
    ],
)
def test_lines_holding_a_pattern(text, expected):
    assert text_blocks.lines_holding(normalise._DEBRIS_CORE, text, 0, len(text)) == expected


def _plain_ocr_space_spans(work, start, stop):
    """ocr_spacing's three patterns over the whole range, as before the per-line search."""
    spans = []
    for m in ocr_spacing._SPACED_COUNT.finditer(work, start, stop):
        line_start = max(start, work.rfind("\n", 0, m.start()) + 1)
        if (
            ocr_spacing._ITEM_OPENING.match(work, line_start)
            and not work[line_start : m.start()].strip()
        ):
            continue
        spans.extend((i, i + 1) for i in range(m.start(), m.end()) if work[i] == " ")
    if "%" in work[start:stop] or "％" in work[start:stop]:
        for m in ocr_spacing._SPACED_DECIMALS.finditer(work, start, stop):
            spans.extend((i, i + 1) for i in range(m.start(), m.end()) if work[i] == " ")
    spans.extend(m.span(1) for m in ocr_spacing._SPACED_CELL_POINT.finditer(work, start, stop))
    return sorted(set(spans))


OCR_TEXTS = [
    "",
    "新建学校 2 1 4 所，投入 1 2 . 6 亿元，培训 1 . 5 万人次",
    "教师 4 860人和 6,3 0 0个学位\n1 . 2所学校纳入\n第 1 2 项",
    "合计 2 1\n  4 所\n末行 3 3",  # a unit on the next line
    "巩固率 99.9 8%，覆盖率 96.2 3％\n指标  90. 2      93\t95. 1\n88. 4",
    "12 15所\n3 3\n 7 7 7个",
    "无数字的一行\n9 9\n9 9所",
]


@pytest.mark.parametrize("text", OCR_TEXTS)
@pytest.mark.parametrize("cut", [0, 2])
def test_ocr_spaces_searched_per_line_find_what_the_whole_range_search_finds(text, cut):
    start, stop = min(cut, len(text)), max(min(cut, len(text)), len(text) - cut)
    start = text.rfind("\n", 0, start) + 1  # blocks start at a line start
    found = sorted(set(ocr_spacing.ocr_space_spans(text, start, stop)))
    assert found == _plain_ocr_space_spans(text, start, stop)
    if cut == 0 and text.startswith("新建学校"):
        assert len(found) == 10  # not vacuous: the spaces of "2 1 4 ", "1 2 . 6 ", "1 . 5 "


@pytest.mark.parametrize(
    ("raw", "paragraphs"),
    [
        # a pipe table's cells wrapped onto lines of their own are no decimal title lines
        ("毛入园率(%) |80 |\n85 |\n>90 |巩固率 |95 |\n96 |\n97 |", 1),
        ("义务教育专任教师本科比例 |73 |\n74 |\n75 |", 1),
        # a short line of decimal numbering and a title ends its paragraph
        ("2.1 扩大学前教育资源\n新建公办幼儿园12所", 2),
        ("3 主要任务\n推进学前教育普及普惠", 2),
    ],
)
def test_a_decimal_title_line_ends_its_paragraph_a_wrapped_cell_does_not(raw, paragraphs):
    assert len(clean(raw).paragraphs.text.split("\n")) == paragraphs


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        # zero-width spaces and soft hyphens inside words and numbers are dropped
        ("普惠性\u200b幼儿园覆盖率达到8\u00ad7.5%", "普惠性幼儿园覆盖率达到87.5%"),
        ("新建学校1\u200b2所，投入2.\u200d6亿元\ufeff", "新建学校12所,投入2.6亿元"),
        # thin, narrow no-break and no-break spaces between digit groups
        ("在校生3\u2009120人，教师1\u202f204名", "在校生3120人,教师1204名"),
        ("| 在校生 | 68\u00a0420 | 1\u00a0234\u00a0567 |", "| 在校生 | 68420 | 1234567 |"),
        # not after a decimal point, not before a group of another length
        ("| 93.5\u00a0100 | 88\u00a012 |", "| 93.5 100 | 88 12 |"),
    ],
)
def test_invisible_characters_and_group_separators_are_dropped(raw, text):
    view = clean(raw).lines
    assert view.text == text
    # no character of the view comes from a dropped one
    assert not any(raw[o] in "\u200b\u200d\u00ad\ufeff\u2009\u202f" for o in view.offsets)
