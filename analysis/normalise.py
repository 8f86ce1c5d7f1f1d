"""Cleaned views of a raw text for matching, each character mapped back to a raw offset.

Two views are built, both from the same per-line cleaning:

* ``lines``: one cleaned line per non-empty raw line, joined by "\\n" (tables are read here);
* ``paragraphs``: the same lines with PDF line breaks inside a sentence joined, one
  paragraph per line (prose is read here).

Cleaning: NFKC (full-width -> half-width), traditional -> simplified (OpenCC t2s),
HTML tags and Markdown markers removed, page-number debris lines ("— 8—") dropped,
surrounding white space stripped. The raw text is never modified: a span [i, j) of a
view maps back to ``raw[raw_start(i):raw_end(j)]``.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

import opencc

# A line that is only a page number, as PDF extraction leaves them: "— 8—", "- 12 -".
PAGE_DEBRIS = re.compile(r"^\s*[—–\-－]{1,2}\s*\d{1,3}\s*[—–\-－]{1,2}\s*$")
HTML_TAG = re.compile(r"<[^<>\n]{1,40}>")
MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s*")
MARKDOWN_EMPHASIS = re.compile(r"\*\*|__")
# A cleaned line that ends a sentence or a heading: the next line starts a new paragraph.
SENTENCE_END = re.compile(r"[。！？；:：!?;]$|[。！？]”$")
# A cleaned line that starts a heading or a numbered item: never glued to the line before.
HEADING_START = re.compile(
    r"^(第[一二三四五六七八九十百]+[章节部分篇]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)"
    r"|\d{1,2}[.、](?!\d)|专栏|<)"
)


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified, guaranteed to keep the length (offsets depend on it)."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length: fall back to character-by-character conversion.
    out = []
    for ch in text:
        c = _t2s().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True)
class View:
    """A cleaned text and, for each of its characters, the raw offset it came from."""

    text: str
    offsets: array  # array('q'): 8 bytes a character instead of a tuple's ~36

    def raw_start(self, i: int) -> int:
        return self.offsets[i]

    def raw_end(self, j: int) -> int:
        """Raw end offset (exclusive) of a view span ending before index j (j > 0)."""
        return self.offsets[j - 1] + 1

    def raw_span(self, i: int, j: int) -> tuple[int, int]:
        return self.raw_start(i), self.raw_end(j)


@dataclass(frozen=True)
class CleanText:
    raw: str
    lines: View
    paragraphs: View


def _clean_line(raw: str, start: int, end: int) -> tuple[str, list[int]]:
    """Clean raw[start:end] (one line, no newline); return text and raw offsets."""
    segment = raw[start:end]
    if PAGE_DEBRIS.match(segment):
        return "", []
    keep = [True] * len(segment)
    for pattern in (HTML_TAG, MARKDOWN_EMPHASIS):
        for m in pattern.finditer(segment):
            for k in range(m.start(), m.end()):
                keep[k] = False
    m = MARKDOWN_HEADING.match(segment)
    if m:
        for k in range(m.start(), m.end()):
            keep[k] = False
    chars: list[str] = []
    offsets: list[int] = []
    for k, ch in enumerate(segment):
        if not keep[k]:
            continue
        norm = unicodedata.normalize("NFKC", ch)
        for c in norm:
            chars.append(c)
            offsets.append(start + k)
    # Strip white space at both ends (NFKC turned the ideographic space into " ").
    lo, hi = 0, len(chars)
    while lo < hi and chars[lo].isspace():
        lo += 1
    while hi > lo and chars[hi - 1].isspace():
        hi -= 1
    text = to_simplified("".join(chars[lo:hi]))
    return text, offsets[lo:hi]


def clean(raw: str) -> CleanText:
    """Build both views of a raw text."""
    line_texts: list[str] = []
    line_offsets: list[list[int]] = []
    newline_at: list[int] = []  # raw offset of the newline ending each kept line
    marked_heading: list[bool] = []  # a Markdown heading always ends its paragraph
    pos = 0
    for raw_line in raw.splitlines(keepends=True):
        body_end = pos + len(raw_line.rstrip("\r\n"))
        text, offs = _clean_line(raw, pos, body_end)
        if text:
            line_texts.append(text)
            line_offsets.append(offs)
            marked_heading.append(bool(MARKDOWN_HEADING.match(raw_line)))
            newline_at.append(body_end if body_end < pos + len(raw_line) else body_end - 1)
        pos += len(raw_line)

    lines_text, lines_offs = [], []
    para_text, para_offs = [], []
    for n, (text, offs) in enumerate(zip(line_texts, line_offsets, strict=True)):
        last = n == len(line_texts) - 1
        lines_text.append(text)
        lines_offs.extend(offs)
        para_text.append(text)
        para_offs.extend(offs)
        if last:
            continue
        lines_text.append("\n")
        lines_offs.append(newline_at[n])
        if marked_heading[n] or _ends_paragraph(text, line_texts[n + 1]):
            para_text.append("\n")
            para_offs.append(newline_at[n])
    return CleanText(
        raw=raw,
        lines=View("".join(lines_text), array("q", lines_offs)),
        paragraphs=View("".join(para_text), array("q", para_offs)),
    )


def _ends_paragraph(line: str, next_line: str) -> bool:
    """Whether the break after `line` is a real paragraph end (not a PDF wrap)."""
    return bool(SENTENCE_END.search(line) or HEADING_START.match(next_line))
