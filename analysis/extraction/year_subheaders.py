"""A header whose years stand in a row of their own under a group label, as a spreadsheet
with merged cells exports it:

    序号,指标名称,单位,2020年基期值,年度目标,,,,,属性
    ,,,,2021年,2022年,2023年,2024年,2025年,

The year row holds years only, under the header's group label ("年度目标") and the empty
cells beside it. One header row is made: the header's own cells, each year over its
column (the group label after it: "2021年年度目标"); the year row goes.
"""

from __future__ import annotations

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import header_year


def merged_year_row(grid: Grid) -> Grid | None:
    """The grid with its header and the year row under it made one row, else None."""
    for r in range(min(3, len(grid.rows) - 1)):
        top, below = grid.rows[r], grid.rows[r + 1]
        filled = [k for k, c in enumerate(below) if c.text.strip()]
        if len(filled) < 2 or not all(header_year(below[k].text) for k in filled):
            continue
        if len(top) < max(filled) + 1:
            continue
        # under each year, the header holds nothing or a label that is no year itself
        if any(header_year(top[k].text) for k in filled):
            continue
        # the years stand under one group: a label on the first, empty cells after it
        if not top[filled[0]].text.strip() or any(top[k].text.strip() for k in filled[1:]):
            continue
        group = top[filled[0]].text.strip()
        merged = [
            GridCell(f"{below[k].text.strip()}{group}", below[k].start, below[k].end)
            if k in filled
            else c
            for k, c in enumerate(top)
        ]
        rows = [*grid.rows[:r], merged, *grid.rows[r + 2 :]]
        return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, list(grid.labels))
    return None
