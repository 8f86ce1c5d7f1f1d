"""Tables exported as CSV: one row per line, cells split by commas, a cell holding a comma
("9,120", a thousands separator) in double quotes.

Prose is full of commas too (the cleaned view turns "，" into ","), so a run of lines is
only a table when it looks like one: a header row naming a year (or a row with quoted
cells under it), at least two rows under it, every row with the same number (>= 3) of
short cells (a quoted one may be longer) and no sentence end in any.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid
from analysis.extraction.table_readers import HAS_YEAR as _HAS_YEAR
from analysis.extraction.table_readers import YEAR_CELL, TextLines, _masked

# a cell: a double-quoted run (commas allowed inside) or a run without commas
_CELL = re.compile(r'\s*(?:"([^"\n]*)"|([^,"\n]*))\s*')
_LONGEST_CELL = 30  # a prose clause between two commas is longer than a table cell
_LONGEST_QUOTED = 80  # a quoted cell is a cell by its quotes: a project's description
_SENTENCE = re.compile(r"[。；;：]")
_MIN_CELLS = 3
_MIN_BODY_ROWS = 2


def read_csv_rows(lines: TextLines, skip: list[tuple[int, int]]) -> list[Grid]:
    """Every block of CSV rows under a header naming a year, not inside a skipped span."""
    grids: list[Grid] = []
    i, n = 0, len(lines.items)
    while i < n:
        # a header names a year (YEAR_CELL's digits, any script's): one C scan of the line
        # rules out the prose lines with commas before their cells are split in Python
        # or, with no year, the row under it has a quoted cell: an export, not prose
        quoted = i + 1 < n and '"' in lines.items[i + 1][0]
        if not quoted and not _HAS_YEAR.search(lines.items[i][0]):
            i += 1
            continue
        header = _cells(lines.items[i][0])
        if (
            header is None
            or not (quoted or any(YEAR_CELL.match(lines.items[i][0][a:b]) for a, b in header))
            or _taken(lines, i, skip)
        ):
            i += 1
            continue
        j = i + 1
        while j < n and not _taken(lines, j, skip):
            row = _cells(lines.items[j][0])
            if row is None or len(row) != len(header):
                break
            j += 1
        if j - i - 1 < _MIN_BODY_ROWS:
            i += 1
            continue
        rows = []
        for k in range(i, j):
            start = lines.items[k][1]
            rows.append([lines.cell(k, start + a, start + b) for a, b in _cells(lines.items[k][0])])
        s, e = lines.raw_span(i, j)
        caption = lines.items[i - 1][0] if i > 0 else ""
        grids.append(Grid("delimited_csv", caption, s, e, rows))
        i = j
    return grids


def _cells(text: str) -> list[tuple[int, int]] | None:
    """The (start, end) of each cell of a CSV row (quotes excluded), or None if it is none."""
    # _SENTENCE's characters looked up one by one in C, not by a regex scan of the line
    if "," not in text or "。" in text or "；" in text or ";" in text or "：" in text:
        return None
    spans, pos = [], 0
    while True:
        m = _CELL.match(text, pos)
        if m is None:  # a stray quote
            return None
        spans.append(m.span(1) if m.group(1) is not None else m.span(2))
        pos = m.end()
        if pos == len(text):
            break
        if text[pos] != ",":
            return None
        pos += 1
    if len(spans) < _MIN_CELLS or any(
        b - a > _LONGEST_CELL for a, b in spans if not _in_quotes(text, a, b)
    ):
        return None
    if any(b - a > _LONGEST_QUOTED for a, b in spans):
        return None
    return spans


def _in_quotes(text: str, a: int, b: int) -> bool:
    return a > 0 and text[a - 1] == '"' and text[b : b + 1] == '"'


def _taken(lines: TextLines, i: int, skip: list[tuple[int, int]]) -> bool:
    """Line i starts inside a region another reader has read."""
    return _masked(lines, i, skip)
