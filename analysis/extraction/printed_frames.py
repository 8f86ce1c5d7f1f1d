"""What a program adds when it prints a table as text (pandas, R, SQL clients).

A printed data frame puts a row index before the row names, "0", "1", "2" … under an
empty header cell, and closes a header it wraps at the display width with a lone "\\".
Neither is a column of the table.
"""

from __future__ import annotations

import re
from itertools import pairwise

from analysis.extraction.grid import GridCell

_INDEX = re.compile(r"\d{1,4}")
_ELIDED = ("..", "...", "⋮")  # rows left out of a truncated print


def without_wrap_mark(rows: list[list[GridCell]]) -> list[list[GridCell]]:
    """The header without a last cell "\\": the frame goes on in a block below."""
    if rows and len(rows[0]) > 2 and rows[0][-1].text == "\\":
        return [rows[0][:-1], *rows[1:]]
    return rows


def without_row_index(rows: list[list[GridCell]]) -> tuple[list[list[GridCell]], list]:
    """The rows without a default row index, with a ledger label for each index number.

    The index is a first column under an empty header cell counting the rows 0, 1, 2 … (or
    1, 2, 3 …) in order, rows left out of a truncated print marked "..": a column of
    anything else (a row's own number under 序号, years, codes out of order) stays."""
    if len(rows) < 3 or rows[0][0].text or len(rows[0]) < 3:
        return rows, []
    body = rows[1:]
    if any(len(r) < 2 for r in body):
        return rows, []
    numbers = [
        int(r[0].text) for r in body if r[0].text not in _ELIDED and _INDEX.fullmatch(r[0].text)
    ]
    if len(numbers) != sum(r[0].text not in _ELIDED for r in body) or len(numbers) < 2:
        return rows, []
    elided = any(r[0].text in _ELIDED for r in body)
    steps = [b - a for a, b in pairwise(numbers)]
    counting = numbers[0] in (0, 1) and all(s == 1 or (elided and s > 1) for s in steps)
    if not counting:
        return rows, []
    labels = [
        ((r[0].start, r[0].end), "section_number", "a printed table's row number")
        for r in body
        if _INDEX.fullmatch(r[0].text)
    ]
    return [r[1:] for r in rows], labels
