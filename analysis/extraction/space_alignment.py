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

import unicodedata
from itertools import pairwise

from analysis.extraction.grid import GridCell


def realign(raw: str, rows: list[list[GridCell]]) -> list[list[GridCell]]:
    full = max((len(r) for r in rows), default=0)
    complete = [r for r in rows if len(r) == full]
    gaps = [b.start - a.end for r in complete for a, b in pairwise(r)]
    if len(complete) == len(rows) or not gaps or min(gaps) <= 0:
        return rows
    unit = min(gaps)
    if any(g % unit for g in gaps):
        return _by_position(raw, rows, complete, full)
    return [r if len(r) == full else _placed(raw, r, unit, full) for r in rows]


def _display_width(text: str) -> int:
    """Columns a monospaced layout gives the text: two for a wide or full-width character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _columns(raw: str, cell: GridCell) -> tuple[int, int]:
    """The display columns [start, end) the cell takes on its line."""
    line_start = raw.rfind("\n", 0, cell.start) + 1
    start = _display_width(raw[line_start : cell.start])
    return start, start + _display_width(raw[cell.start : cell.end])


def _by_position(raw, rows, complete, full) -> list[list[GridCell]]:
    """Short rows put on the columns the full rows' cells take (see the module's note)."""
    spans = [[_columns(raw, c) for c in r] for r in complete]
    columns = [(min(s[k][0] for s in spans), max(s[k][1] for s in spans)) for k in range(full)]
    if any(a[1] > b[0] for a, b in pairwise(columns)):
        return rows  # columns that overlap: no position says which a cell is in
    return [r if len(r) == full else _on_columns(raw, r, columns) for r in rows]


def _on_columns(raw: str, row: list[GridCell], columns) -> list[GridCell]:
    """The row on the columns when each cell overlaps exactly one, in order, the first cell
    in the first column; a lone cell (a category, a wrapped name), a row with no value
    after its first cell ("2  普惠性幼儿园覆盖", a numbered name wrapped) and a row that
    starts further right (the values under a name on the line above) are left to the
    readers that join them."""
    if len(row) < 2 or not any(ch.isdigit() for c in row[1:] for ch in c.text):
        return row  # no value after its first cell: a name wrapped over lines, not a row
    placed: dict[int, GridCell] = {}
    for cell in row:
        lo, hi = _columns(raw, cell)
        inside = [k for k, (a, b) in enumerate(columns) if lo < b and a < hi]
        if len(inside) != 1 or inside[0] in placed or (placed and inside[0] < max(placed)):
            return row
        placed[inside[0]] = cell
    if 0 not in placed:
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
