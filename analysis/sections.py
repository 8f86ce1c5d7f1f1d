"""Paragraphs of a cleaned text and the section heading each sits under."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from analysis.normalise import View

HEADING_1 = re.compile(r"^(第[一二三四五六七八九十百]+[章节部分篇]|[一二三四五六七八九十]+、)")
HEADING_2 = re.compile(r"^\([一二三四五六七八九十]+\)")
# the first character of every numbering extraction/headings.py knows (a digit aside); the
# only characters HEADING_1 or HEADING_2 can match first: the regexes are tried only then
NUMBERING_STARTS = frozenset("第一二三四五六七八九十(")
_HEAD_END = re.compile(r"[。:：]")  # a heading's words end at the first of these


class Paragraph(NamedTuple):
    """(A named tuple: ~100 a plan are made, in a third of the time a frozen dataclass took.)"""

    index: int
    start: int  # span in the paragraphs view
    end: int
    text: str
    heading: str  # innermost heading (level 2 if any, else level 1), "" before the first


def paragraphs(view: View, raw: str) -> list[Paragraph]:
    """Split a paragraphs view (of `raw`) and track 一、 / (一) headings; a heading's title
    ends at its first 。, ： or raw line break (see heading_line)."""
    view_text, offsets = view.text, view.offsets
    out = []
    keep = out.append
    new = tuple.__new__  # Paragraph(...) without its Python-level __new__
    level1 = level2 = ""
    pos = 0
    for index, para in enumerate(view_text.split("\n")):
        if para[:1] in NUMBERING_STARTS:
            if HEADING_1.match(para):
                level1, level2 = _title(heading_line(para, pos, offsets, raw)), ""
            elif HEADING_2.match(para):
                level2 = _title(heading_line(para, pos, offsets, raw))
        end = pos + len(para)
        keep(new(Paragraph, (index, pos, end, para, level2 or level1)))
        pos = end + 1
    return out


def _title(heading: str) -> str:
    return _HEAD_END.split(heading, maxsplit=1)[0]


def heading_line(paragraph: str, start: int, offsets, raw: str) -> str:
    """A heading paragraph cut at its first raw line break: a title line with no sentence
    end is glued to the body under it ("第二十六章 建设高质量教育体系“十三五”时期，…"), and the
    body's words ("十三五…发展", "目标") are not the heading's. `offsets` map the paragraph's
    characters (from `start`) to `raw`; a paragraph that starts no heading is kept whole."""
    first = paragraph[:1]
    if not (first in NUMBERING_STARTS or first.isdecimal()) or not paragraph:
        return paragraph
    newline = raw.find("\n", offsets[start])
    if newline < 0:
        return paragraph
    cut = bisect_left(offsets, newline, start, start + len(paragraph)) - start
    return paragraph[:cut] if 0 < cut < len(paragraph) else paragraph
