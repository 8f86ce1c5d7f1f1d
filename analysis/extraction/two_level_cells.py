"""A column of two-level targets in one cell each: a header naming both levels
("2025年（预期|力争）", "2025年目标（预期/力争）") over cells "≥96 | 98" (a Markdown table
escapes the bar: "≥96 \\| 98").

The column is split in two, "2025年（预期）" and "2025年（力争）", so the interpreter reads
the second as the target's second level (grid_headers.aspired_columns), as it reads two
columns of a table that had them apart; a cell with one value fills the first only."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.year_pair_cells import piece

# the header's two levels, apart by a bar or a slash: "（预期\|力争）", "(预期/力争)"
_LEVELS = re.compile(
    r"[（(]\s*(预期|底线|基本)\s*(?:\\?[|｜]|[/／、])\s*(力争|奋斗|争取|挑战)\s*[）)]"
)
# a cell of two values apart by a bar or a slash: "≥96 \| 98", "≥55/60"
_PAIR = re.compile(
    r"^\s*([^|｜/／\s][^|｜/／]*?)\s*(?:\\?[|｜]|[/／])\s*([^|｜/／\s][^|｜/／]*?)\s*$"
)
_NUMBER = re.compile(r"\d")


def split_two_level_cells(grid: Grid) -> Grid | None:
    """The grid with its column of two-level cells split in two, or None."""
    if not grid.rows:
        return None
    header = grid.rows[0]
    for k, head in enumerate(header):
        levels = _LEVELS.search(head.text)
        if levels is None:
            continue
        first = head.text[: levels.start()]
        new_header = [
            GridCell(f"{first}（{levels.group(1)}）", head.start, head.end),
            GridCell(f"{first}（{levels.group(2)}）", head.start, head.end),
        ]
        rows = [[*header[:k], *new_header, *header[k + 1 :]]]
        for row in grid.rows[1:]:
            if k >= len(row):
                rows.append(list(row))
                continue
            cell = row[k]
            pair = _PAIR.match(cell.text)
            if pair and _NUMBER.search(pair.group(1)) and _NUMBER.search(pair.group(2)):
                new = [
                    piece(cell, pair.start(1), pair.end(1)),
                    piece(cell, pair.start(2), pair.end(2)),
                ]
            else:
                new = [cell, GridCell("", cell.end, cell.end)]
            rows.append([*row[:k], *new, *row[k + 1 :]])
        return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, list(grid.labels))
    return None
