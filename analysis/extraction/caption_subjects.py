"""A table that breaks one quantity down by school stage, its quantity named only in the
caption ("表2 “十四五”新增学位建设情况（单位：个）": 学段 | 2021年 | 2022年 | …, rows 幼儿园,
小学, 初中 … and 合计).

Its rows are parts, not indicators of their own ("幼儿园 3,200" is places in kindergartens,
not kindergartens built): the 合计 row states the caption's quantity, under the caption's
phrase; the other rows' numbers are parts of that total, for the ledger.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell

# a name column that lists school stages or kinds of school, not indicators
_PART_HEADERS = ("学段", "学段类别", "学校类型", "学校类别", "类别", "段别", "层次", "办学层次")
_TOTAL = re.compile(r"^(?:合计|总计|共计|小计|全[市县区旗]合计|全[市县区旗])$")
_REASON = "a school stage's part of the table's 合计 row, whose quantity the caption names"


def caption_subject(grid: Grid, caption_phrase) -> Grid | None:
    """The grid with its 合计 row named by the caption's phrase and the part rows moved to
    the ledger, or None for any other table. `caption_phrase(caption)` gives the one
    codebook phrase the caption names, or None."""
    if len(grid.rows) < 3 or not grid.caption:
        return None
    header = grid.rows[0]
    name = next((k for k, c in enumerate(header) if c.text.replace(" ", "") in _PART_HEADERS), None)
    if name is None:
        return None
    totals = [
        r
        for r, row in enumerate(grid.rows[1:], start=1)
        if name < len(row) and _TOTAL.match(row[name].text.replace(" ", ""))
    ]
    if len(totals) != 1:
        return None
    phrase = caption_phrase(grid.caption)
    if phrase is None:
        return None
    labels = list(grid.labels)
    rows = [header]
    for r, row in enumerate(grid.rows[1:], start=1):
        if r == totals[0]:
            cell = row[name]
            rows.append([*row[:name], GridCell(phrase, cell.start, cell.end), *row[name + 1 :]])
            continue
        labels.extend(
            ((c.start, c.end), "part_of_total", _REASON)
            for k, c in enumerate(row)
            if k != name and any(ch.isdigit() for ch in c.text)
        )
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, labels)
