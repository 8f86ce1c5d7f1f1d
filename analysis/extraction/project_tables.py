"""A table of projects with no year columns ("专栏 重点工程": 序号, 工程名称, 建设内容,
总投资（万元）): each row's money and the counts in its description are totals over the
plan period, so the year is the period's end.

A column is a value column when its header names an indicator that is a total over the
period (value_kind cumulative, such as 总投资) and each of its cells is one number; a column
is a description column when its cells are sentences with numbers in them ("新建幼儿园12所，
新增学位3600个"): those cells are left to the prose binder, which reads them as any other
sentence. A grid with neither is not a project table (it stays unread and is reported).

A row named 合计/总计/共计 is the table's total: the projects above it are its parts, each
ledgered as a part of that total (as "其中…" parts in prose), and only the total is a value.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import INDEX_HEADERS
from analysis.extraction.table_readers import NOT_STATED, VALUE_CELL

# the total row's name: 合计, 总 计, 合计投资, 总计（万元）
_TOTAL_ROW = re.compile(
    r"^(?:合\s*计|总\s*计|共\s*计)[\u4e00-\u9fff]{0,4}(?:[(（][^)）]{0,8}[)）])?$"
)
_WORDS = re.compile(r"[\u4e00-\u9fff]{3}")
_SENTENCE = re.compile(r"[\u4e00-\u9fff].*\d|\d.*[\u4e00-\u9fff]")


def project_columns(grid: Grid, cumulative_phrase) -> tuple[dict[int, str], list[int], int | None]:
    """(value columns -> header text, description columns, index column) of a project table.

    `cumulative_phrase(text)` says whether a header names a total-over-the-period indicator."""
    if len(grid.rows) < 2:
        return {}, [], None
    header, body = grid.rows[0], grid.rows[1:]
    values: dict[int, str] = {}
    described: list[int] = []
    index = None
    for k, cell in enumerate(header):
        column = [row[k] for row in body if k < len(row) and row[k].text not in NOT_STATED]
        if not column:
            continue
        if not cell.text:  # a list of projects with no header: only its descriptions
            # (a cell of Chinese and a number: "实训基地3个", not "2.6亿元" alone)
            if all(_SENTENCE.search(c.text) and _WORDS.search(c.text) for c in column):
                described.append(k)
            continue
        if cell.text.replace(" ", "") in INDEX_HEADERS:
            index = k
        elif cumulative_phrase(cell.text) and all(VALUE_CELL.match(c.text) for c in column):
            values[k] = cell.text
        elif any(_SENTENCE.search(c.text) and len(c.text) > 6 for c in column):
            described.append(k)
    return values, described, index


# "1.", "2、", "（3）": an item's number opening a row
_ITEM_NUMBER = re.compile(r"^[(（]?(\d{1,2})[.、)）]?$")


def without_header(grid: Grid) -> Grid | None:
    """A list of projects typed as a table with no header ("1.⇥学前教育扩容工程⇥新建公办幼儿园
    10所⇥2.6亿元"): its first row is the first item, numbered as the rest are (1, 2, 3 …).
    The grid with an empty header row above it, or None."""
    numbers = [_ITEM_NUMBER.match(row[0].text) if row else None for row in grid.rows]
    if len(grid.rows) < 2 or not all(numbers):
        return None
    if [int(m.group(1)) for m in numbers] != list(range(1, len(grid.rows) + 1)):
        return None
    at = grid.start
    header = [GridCell("", at, at)] * grid.width
    return Grid(grid.reader, grid.caption, grid.start, grid.end, [header, *grid.rows], grid.labels)


def description_cells(grid: Grid, described: list[int]) -> list[GridCell]:
    return [row[k] for row in grid.rows[1:] for k in described if k < len(row) and row[k].text]


def total_row(grid: Grid) -> int | None:
    """The row index of a project table's total: its first filled cell (the row-number
    column's or the name column's, "| 合计 | | | 27100 |") names it."""
    for r, row in enumerate(grid.rows[1:], start=1):
        first = next((c.text.strip() for c in row[:3] if c.text.strip()), "")
        if _TOTAL_ROW.match(first):
            return r
    return None
