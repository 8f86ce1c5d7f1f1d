"""A plan as hOCR, an OCR engine's HTML (tesseract, ocrmypdf): every printed line a
`<span class='ocr_line' title='bbox x0 y0 x1 y1'>`, every word in it an `ocrx_word` span
with its own box and confidence.

The views read the words in order, one printed line a line, and the boxes say what stands
between them, as a scan's whitespace would: words close together are one run of text, a
gap of a character or so a space, and a gap wider than two characters (the height of
the line stands for a character's width) is a table's column break, a tab, so that
"指标 … 2020年 … 2025年" over "学前三年毛入园率 … 90.8 … ≥95" reads as a tab table. Lines
that hold only markup (a page's `<div>`, `</body>`) go with their line ends, so a
sentence goes on across a page. The ledger says that the numbers of the markup (boxes,
confidences, page numbers) are no values."""

from __future__ import annotations

import re
from itertools import pairwise

REASON = "inside hOCR markup (a box's coordinates, a word's confidence)"

_CLASS = re.compile(r"class=['\"]ocr(?:x_word|_line)['\"]")
_LINE = re.compile(
    r"<span\b[^<>]*class=['\"]ocr_(?:line|header|caption|textfloat)['\"][^<>]*?"
    r"bbox (\d+) (\d+) (\d+) (\d+)[^<>]*>"
)
_WORD = re.compile(
    r"<span\b[^<>]*class=['\"]ocrx_word['\"][^<>]*?bbox (\d+) (\d+) (\d+) (\d+)[^<>]*>"
    r"([^<>]*)</span>"
)
_TAG = re.compile(r"<[^<>]*>")
_CELL_BREAK = "\t"
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def is_hocr(work: str) -> bool:
    return "ocr" in work and _CLASS.search(work, 0, 20000) is not None


def hocr_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as})."""
    spans = [m.span() for m in _TAG.finditer(work)]
    replaced: dict[int, str] = {}
    for tag, words in _lines(work):
        height = max(1, int(tag.group(4)) - int(tag.group(2)))
        for prev, word in pairwise(words):
            gap = int(word.group(1)) - int(prev.group(3))
            between = (prev.end(5), word.start(5))
            if gap >= 2 * height:
                replaced[between[0]] = _CELL_BREAK
            elif gap >= 0.3 * height or (
                _ASCII_WORD.search(prev.group(5)[-1:]) and _ASCII_WORD.search(word.group(5)[:1])
            ):
                replaced[between[0]] = " "
            spans.append(between)
    spans.extend(_markup_lines(work))
    return sorted(spans), replaced


def _lines(work: str) -> list[tuple[re.Match, list[re.Match]]]:
    """Each printed line's opening tag with its words."""
    out = []
    tags = list(_LINE.finditer(work))
    for k, tag in enumerate(tags):
        end = tags[k + 1].start() if k + 1 < len(tags) else len(work)
        out.append((tag, list(_WORD.finditer(work, tag.end(), end))))
    return out


def _markup_lines(work: str) -> list[tuple[int, int]]:
    """Lines holding only markup, with their line ends."""
    out, pos = [], 0
    while pos < len(work):
        end = work.find("\n", pos)
        end = len(work) if end < 0 else end
        line = work[pos:end]
        if line.strip() and not _TAG.sub("", line).strip():
            out.append((pos, min(end + 1, len(work))))
        pos = end + 1
    return out
