"""Empty cells of a table whose cells are apart by runs of spaces.

Such a table has no mark for an empty cell: a blank category leaves the row's leading
white space, a blank value a longer run between two cells, blank last cells nothing at
all. When every full row's cells are evenly spaced (each gap a multiple of the narrowest,
as text exports and full-width-space layouts write them), a short row is put back on the
full rows' columns: a leading run of k gaps is k empty cells, a run of k gaps inside is
k - 1 empty cells, and what is still missing is empty last cells. Tables spaced unevenly
(columns aligned by position) are left as they are.
"""

from __future__ import annotations

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
        return rows  # uneven spacing: columns by position, not by count
    return [r if len(r) == full else _placed(raw, r, unit, full) for r in rows]


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
