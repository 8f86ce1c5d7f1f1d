"""The word-level TSV Tesseract writes for scanned pages (`tesseract page.png out tsv`):

    level page_num block_num par_num line_num word_num left top width height conf text
    4     1        1         1       1        0        160  149 935   37     -1
    5     1        1         1       1        1        160  151 165   33     96   到2025年，

Rows of levels 1–4 open a page, a block, a paragraph and a line; a level-5 row is one word
with its box and confidence. The views read the words in order, a line a line and a blank
line between paragraphs; words of a line are joined as printed (Chinese with nothing
between, Latin letters and digits with a space) and a gap wider than two characters'
height between two words, as between a table's columns, is read as a cell break (two
spaces). Every field but a word's text is the listing's markup; a word's look-alike
misreadings are read as meant (ocr_lookalikes.py).
"""

from __future__ import annotations

import re

from analysis.ocr_lookalikes import lookalike_edits

REASON = "a Tesseract TSV's layout fields (level, page, block, line, box, confidence)"
_HEADER = re.compile(r"level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\t")
_ROW = re.compile(
    r"([1-5])\t\d+\t\d+\t\d+\t\d+\t\d+\t(-?\d+)\t-?\d+\t(-?\d+)\t(-?\d+)\t-?[\d.]+\t?", re.ASCII
)
# a gap between two words of a line wider than this many times their height: a new cell
_CELL_GAP = 2.0


def is_tesseract_tsv(work: str) -> bool:
    return work.startswith("level") and _HEADER.match(work) is not None


def tsv_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(spans the views leave out, {span start: what it reads as})."""
    spans: list[tuple[int, int]] = []
    text: dict[int, str] = {}
    first_end = work.find("\n")
    if first_end < 0:
        return [(0, len(work))], {}
    spans.append((0, first_end))  # the header
    previous: tuple[int, int, str] | None = None  # the last word's right edge, height, text
    line: list[tuple[int, str]] = []  # the words of the line so far, where each starts
    pos = first_end  # the newline before the next row
    while pos < len(work):
        start = pos + 1
        end = work.find("\n", start)
        end = len(work) if end < 0 else end
        row = _ROW.match(work, start, end)
        if row is None:  # not a row of the listing: left as it is
            pos = end
            previous = None
            continue
        level = int(row.group(1))
        if level < 5:
            _fix_lookalikes(line, spans, text)
            line = []
            # a page, block or paragraph opens with a blank line, a line with a break
            spans.append((pos, end))
            text[pos] = "\n" if level == 4 else "\n\n"
            previous = None
        else:
            word = work[row.end() : end]
            left, width, height = (int(row.group(k)) for k in (2, 3, 4))
            spans.append((pos, row.end()))
            text[pos] = _between(previous, left, height, word)
            line.append((row.end(), word))
            if word.strip():
                previous = (left + width, height, word)
        pos = end
    _fix_lookalikes(line, spans, text)
    return sorted(spans), text


def _fix_lookalikes(line: list[tuple[int, str]], spans: list, text: dict) -> None:
    """A line's look-alike misreadings read as meant ("9l.2", "毛人" "园率": over words)."""
    joined = "".join(word for _, word in line)
    fixes = lookalike_edits(joined) if joined else {}
    if not fixes:
        return
    pos = 0
    for start, word in line:
        for k in range(len(word)):
            if pos + k in fixes:
                spans.append((start + k, start + k + 1))
                text[start + k] = fixes[pos + k]
        pos += len(word)


def _between(previous: tuple[int, int, str] | None, left: int, height: int, word: str) -> str:
    """What stands between the last word of the line and this one."""
    if previous is None or not word.strip():
        return ""
    right, last_height, last = previous
    if left - right > _CELL_GAP * max(height, last_height, 1):
        return "  "
    return " " if last[-1:].isascii() and last[-1:].isalnum() and word[:1].isascii() else ""
