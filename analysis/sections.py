"""Paragraphs of a cleaned text and the section heading each sits under."""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING_1 = re.compile(r"^(第[一二三四五六七八九十百]+[章节部分篇]|[一二三四五六七八九十]+、)")
HEADING_2 = re.compile(r"^\([一二三四五六七八九十]+\)")
_HEAD_END = re.compile(r"[。:：]")  # a heading's words end at the first of these


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int  # span in the paragraphs view
    end: int
    text: str
    heading: str  # innermost heading (level 2 if any, else level 1), "" before the first


def paragraphs(view_text: str) -> list[Paragraph]:
    """Split a paragraphs-view text and track 一、 / (一) headings."""
    out = []
    level1 = level2 = ""
    pos = 0
    for index, para in enumerate(view_text.split("\n")):
        if HEADING_1.match(para):
            level1, level2 = _HEAD_END.split(para, maxsplit=1)[0], ""
        elif HEADING_2.match(para):
            level2 = _HEAD_END.split(para, maxsplit=1)[0]
        out.append(Paragraph(index, pos, pos + len(para), para, level2 or level1))
        pos += len(para) + 1
    return out
