"""A header whose year line stands over a line of labels.

    2020年　　2022年　　2025年
    指　　标　　　基期值　　完成值　　目标值　　属性　　进展评价
    （%）　　 （%）　　 （%）

The year line has cells only over the value columns, so its cells do not stand under
the columns they name when counted from the left. The years are matched in order to
the label line's cells after its name column (skipping role columns: unit, attribute
...), one header row is made of the labels with their years ("2020年基期值"), and a
line of units right under it ("（%）" per year column) is added to those cells. Cells
are matched by order, not position: spaced layouts mix full-width and ASCII spaces.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import NAME_HEADERS, header_year

_ROLE_WORDS = ("单位", "计量单位", "属性", "性质", "类型", "序号", "编号", "类别", "领域", "分类")
_UNIT_CELL = re.compile(r"^[(（][^)）\d]{1,6}[)）]$")
_LABEL_LONGEST = 6


def stack_year_line(grid: Grid) -> Grid:
    for r in range(min(3, len(grid.rows) - 1)):
        top, below = grid.rows[r], grid.rows[r + 1]
        if not top or not all(header_year(c.text) for c in top if c.text):
            continue
        if any(header_year(c.text) for c in below):
            continue
        name_end = _name_column_end(below)
        if name_end is None:
            continue
        years = [c for c in top if c.text]
        slots = [
            k
            for k in range(name_end + 1, len(below))
            if not below[k].text.replace(" ", "").startswith(_ROLE_WORDS)
        ]
        labelled = slots[: len(years)]
        if len(labelled) < len(years) or not all(_is_label(below[k].text) for k in labelled):
            continue
        name = "".join(c.text for c in below[: name_end + 1])
        header = [GridCell(name, below[0].start, below[name_end].end)]
        header += below[name_end + 1 :]
        taken = [k - name_end for k in labelled]
        for k, y in zip(taken, years, strict=True):
            header[k] = GridCell(f"{y.text}{header[k].text}", y.start, y.end)
        rest = grid.rows[r + 2 :]
        if rest and len(rest[0]) == len(years) and all(_UNIT_CELL.match(c.text) for c in rest[0]):
            for k, unit in zip(taken, rest[0], strict=True):
                header[k] = GridCell(f"{header[k].text}{unit.text}", header[k].start, header[k].end)
            rest = rest[1:]
        rows = [*grid.rows[:r], header, *rest]
        return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, grid.labels)
    return grid


def _name_column_end(row: list[GridCell]) -> int | None:
    """Index of the last cell of the name column's header: "指标", "指标名称", or the word
    spaced out into one-character cells ("指", "标")."""
    joined = ""
    for k, c in enumerate(row[:4]):
        text = c.text.replace(" ", "")
        if k == 0 and text.startswith(NAME_HEADERS):
            return 0
        if len(text) != 1:
            return None
        joined += text
        if joined in NAME_HEADERS:
            return k
    return None


def _is_label(text: str) -> bool:
    """A short label without digits ("基期值", "完成值", "目标")."""
    return 0 < len(text) <= _LABEL_LONGEST and not any(ch.isdigit() for ch in text)
