"""Empty cells of a table whose cells are apart by runs of spaces.

Such a table has no mark for an empty cell: a blank category leaves the row's leading
white space, a blank value a longer run between two cells, blank last cells nothing at
all. When every full row's cells are evenly spaced (each gap a multiple of the narrowest,
as text exports and full-width-space layouts write them), a short row is put back on the
full rows' columns: a leading run of k gaps is k empty cells, a run of k gaps inside is
k - 1 empty cells, and what is still missing is empty last cells.

A table spaced unevenly has its columns aligned by position, as a fixed-width paste from a
spreadsheet writes them: text left-aligned, numbers often right-aligned, a Chinese
character two columns wide. There each column spans the display columns its cells take in
the full rows, and a short row's cell goes to the one column it overlaps (see _on_columns
for the rows left as they are).
"""

from __future__ import annotations

import re
from itertools import pairwise

from analysis.extraction.display_columns import display_width as _display_width
from analysis.extraction.grid import GridCell
from analysis.extraction.printed_frames import without_wrap_mark

# a cell holding a measured value, not a year: a decimal, E-notation, or 5 digits and more
_WORD = re.compile(r"\S+")
_DATA_CELL = re.compile(r"[-+]?(?:\d+\.\d+(?:e[-+]?\d+)?|\d{5,})%?", re.IGNORECASE)


def realign(raw: str, rows: list[list[GridCell]]) -> list[list[GridCell]]:
    rows = without_wrap_mark(rows)
    full = max((len(r) for r in rows), default=0)
    complete = [r for r in rows if len(r) == full]
    gaps = [b.start - a.end for r in complete for a, b in pairwise(r)]
    if len(complete) == len(rows) or not gaps or min(gaps) <= 0:
        return rows
    unit = min(gaps)
    if any(g % unit for g in gaps):
        return _by_position(raw, rows, complete, full)
    placed = [r if len(r) == full else _placed(raw, r, unit, full) for r in rows]
    if len(placed[0]) < full:  # a header over the body's columns but its stub
        placed[0] = _header_placed(raw, rows[0], complete, full)
    return placed


def header_above(raw: str, words: list[GridCell], rows: list[list[GridCell]]):
    """The line above a table as its header, on the body's columns, when the table has none:
    its words are apart by single spaces where a name fills its column (a printed data
    frame pads by len(), one space at least), none holds a digit, and each sits over one
    column of the body, in order. None otherwise (a caption, a sentence)."""
    full = max((len(r) for r in rows), default=0)
    complete = [r for r in rows if len(r) == full]
    if len(words) < 2 or len(words) > full or any(_has_digit(w.text) for w in words):
        return None
    if not any(_DATA_CELL.fullmatch(c.text) for c in rows[0]):
        return None  # the first row is a header already (its numbers are years)
    for layout in _layouts(raw, complete, full):
        placed = _on_columns(raw, words, layout, stub=False)
        if len(placed) == full:
            return placed
    return None


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _columns(raw: str, cell: GridCell, width=_display_width) -> tuple[int, int]:
    """The columns [start, end) the cell takes on its line, each character `width` wide."""
    line_start = raw.rfind("\n", 0, cell.start) + 1
    start = width(raw[line_start : cell.start])
    return start, start + width(raw[cell.start : cell.end])


def _layouts(raw, complete, full):
    """The columns each column of the full rows takes, with the width they were measured in,
    for each width under which no two overlap (where they do, no position says which column
    a cell is in). Display columns first; then one per character, as a program that pads by
    len() lays Chinese text out (pandas' printed data frames)."""
    for width in (_display_width, len):
        spans = [[_columns(raw, c, width) for c in r] for r in complete]
        columns = [(min(s[k][0] for s in spans), max(s[k][1] for s in spans)) for k in range(full)]
        if all(a[1] <= b[0] for a, b in pairwise(columns)):
            yield columns, width


def _by_position(raw, rows, complete, full) -> list[list[GridCell]]:
    """Short rows put on the columns the full rows' cells take (see the module's note); the
    first row may leave the first column empty: a header with nothing over the row names
    (a printed data frame's index, a stub column left blank)."""
    return [
        r
        if len(r) == full
        else _on_layouts(raw, r, complete, full, stub=True)
        if k
        else _header_placed(raw, r, complete, full)
        for k, r in enumerate(rows)
    ]


def _header_placed(raw, header, complete, full) -> list[GridCell]:
    """A short header on the body's columns: its cells, else its words ("指标名称 单位": a
    printed frame leaves one space between headers whose column a name fills)."""
    placed = _on_layouts(raw, header, complete, full, stub=False)
    if placed is not header or not any(" " in c.text for c in header):
        return placed
    words = [
        GridCell(w.group(), c.start + w.start(), c.start + w.end())
        for c in header
        if raw[c.start : c.end] == c.text
        for w in _WORD.finditer(c.text)
    ]
    if len(words) > full or sum(len(_WORD.findall(c.text)) for c in header) != len(words):
        return header
    placed = _on_layouts(raw, words, complete, full, stub=False)
    return header if placed is words else placed


def _on_layouts(raw, row, complete, full, stub: bool) -> list[GridCell]:
    """The row on the first layout of the full rows' columns it fits, or as it is."""
    for layout in _layouts(raw, complete, full):
        placed = _on_columns(raw, row, layout, stub)
        if placed is not row:
            return placed
    return row


def _on_columns(raw: str, row: list[GridCell], layout, stub: bool = True) -> list[GridCell]:
    """The row on the columns when each cell overlaps exactly one, in order, the first cell
    in the first column; a lone cell (a category, a wrapped name), a row with no value
    after its first cell ("2  普惠性幼儿园覆盖", a numbered name wrapped) and a row that
    starts further right (the values under a name on the line above) are left to the
    readers that join them."""
    if len(row) < 2:
        return row
    if stub and not any(ch.isdigit() for c in row[1:] for ch in c.text):
        return row  # no value after its first cell: a name wrapped over lines, not a row
    columns, width = layout
    placed: dict[int, GridCell] = {}
    for cell in row:
        lo, hi = _columns(raw, cell, width)
        inside = [k for k, (a, b) in enumerate(columns) if lo < b and a < hi]
        if len(inside) != 1 or inside[0] in placed or (placed and inside[0] < max(placed)):
            return row
        placed[inside[0]] = cell
    if stub and 0 not in placed:
        return row
    out, at = [], raw.rfind("\n", 0, row[0].start) + 1
    for k in range(len(columns)):
        cell = placed.get(k)
        if cell is None:
            cell = GridCell("", at, at)  # empty: where the cell before it ended
        out.append(cell)
        at = cell.end
    return out


def _placed(raw: str, row: list[GridCell], unit: int, full: int) -> list[GridCell]:
    """The row on the full rows' columns, or as it is when its runs do not fit."""
    line_start = raw.rfind("\n", 0, row[0].start) + 1
    lead = raw[line_start : row[0].start]
    if lead.strip() or len(lead) % unit:
        return row
    cells = [GridCell("", line_start, line_start)] * (len(lead) // unit)
    for a, b in pairwise(row):
        gap = b.start - a.end
        if gap % unit:
            return row
        cells.append(a)
        cells.extend([GridCell("", a.end, a.end)] * (gap // unit - 1))
    cells.append(row[-1])
    if len(cells) > full:
        return row
    end = row[-1].end
    return cells + [GridCell("", end, end)] * (full - len(cells))
