"""Headings and their levels (analysis/extraction/headings.py): the first-character
shortcut before the numbering patterns gives what the patterns alone give."""

from __future__ import annotations

import pytest

from analysis.extraction.headings import LEVELS, heading_of


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
