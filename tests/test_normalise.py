"""The cleaned views and their map back to raw offsets, on small crafted texts."""

from __future__ import annotations

import pytest

from analysis.normalise import clean, to_simplified


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
