"""A unit typed one space after a row's name, in a table split by runs of spaces.

"　　　每千人口拥有执业（助理）医师数 人　　2.6　　3.2　　预期性": the category cell is blank
(the row sits under the category above) and a long name leaves one space before the unit,
so the row comes out as name+unit, values, attribute: short of the header by two cells,
and the interpreter cannot put it on its columns. The unit becomes a cell of its own, so
the row is one short (the blank category) like its neighbours, and is read with them:
a codebook indicator's values, or another sector's row ledgered as naming none.
"""

from __future__ import annotations

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import UNIT_HEADERS


def split_glued_units(grid: Grid, raw: str, unit_cells) -> Grid | None:
    """The grid with "name unit" cells split in rows short of the header, else None.
    `unit_cells`: the unit words a unit cell may hold (a table's and a quantity's)."""
    if not grid.rows or not grid.reader.startswith("delimited"):
        return None
    header = grid.rows[0]
    if not any(c.text in UNIT_HEADERS for c in header):
        return None
    width = len(header)
    rows, changed = [header], False
    for row in grid.rows[1:]:
        split = _split_first(row[0], raw, unit_cells) if len(row) <= width - 2 else None
        if split is None:
            rows.append(row)
            continue
        rows.append([*split, *row[1:]])
        changed = True
    if not changed:
        return None
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, grid.labels)


def _split_first(cell: GridCell, raw: str, unit_cells) -> list[GridCell] | None:
    name, sep, unit = cell.text.rpartition(" ")
    if not sep or not name.strip() or unit not in unit_cells:
        return None
    at = raw.rfind(unit, cell.start, cell.end)
    if at < 0:
        return None  # written otherwise in the raw text: leave the row as it is
    name_end = cell.start + len(raw[cell.start : at].rstrip())
    return [GridCell(name.strip(), cell.start, name_end), GridCell(unit, at, at + len(unit))]
