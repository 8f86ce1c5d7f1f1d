"""Paragraphs of a cleaned text and the section heading each sits under."""

from __future__ import annotations

import re
from typing import NamedTuple

HEADING_1 = re.compile(r"^(第[一二三四五六七八九十百]+[章节部分篇]|[一二三四五六七八九十]+、)")
HEADING_2 = re.compile(r"^\([一二三四五六七八九十]+\)")
# the first characters HEADING_1 or HEADING_2 can match: the regexes are tried only then
_HEADING_FIRST = frozenset("第一二三四五六七八九十(")
_HEAD_END = re.compile(r"[。:：]")  # a heading's words end at the first of these


class Paragraph(NamedTuple):
    """(A named tuple: ~100 a plan are made, in a third of the time a frozen dataclass took.)"""

    index: int
    start: int  # span in the paragraphs view
    end: int
    text: str
    heading: str  # innermost heading (level 2 if any, else level 1), "" before the first


def paragraphs(view_text: str) -> list[Paragraph]:
    """Split a paragraphs-view text and track 一、 / (一) headings."""
    out = []
    keep = out.append
    new = tuple.__new__  # Paragraph(...) without its Python-level __new__
    level1 = level2 = ""
    pos = 0
    for index, para in enumerate(view_text.split("\n")):
        if para[:1] in _HEADING_FIRST:
            if HEADING_1.match(para):
                level1, level2 = _HEAD_END.split(para, maxsplit=1)[0], ""
            elif HEADING_2.match(para):
                level2 = _HEAD_END.split(para, maxsplit=1)[0]
        end = pos + len(para)
        keep(new(Paragraph, (index, pos, end, para, level2 or level1)))
        pos = end + 1
    return out
