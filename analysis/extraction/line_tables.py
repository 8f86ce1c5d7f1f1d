"""Readers for tables whose every cell is a line of its own, with no delimiter at all.

* ``cell_lines``: row by row. A header of one cell per line ("序号", "指标", "单位",
  "2020年", "2025年", "属性") with at least one year cell and one name cell, then the body
  in chunks of the header's width (a PDF table copied cell by cell).
* ``year_blocks``: column by column with the years inline. "指标", the row names one per
  line (a name wrapped onto two lines is joined), then each year's label ("2015年",
  "2020年：") followed by one value per name.
* ``year_rows``: one indicator down the years in two space-aligned columns ("年度  财政性
  教育经费支出（亿元）", then "2021年  72.4" per line): too narrow for the delimited
  reader, which wants three cells before it trusts runs of spaces.

Both return the same `Grid` as every other reader; the grid interpreter reads them.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.table_readers import (
    NOT_STATED,
    VALUE_CELL,
    YEAR_CELL,
    TextLines,
    _masked,
    _split,
)

NAME_WORDS = ("指标", "项目", "名称")
ROLE_WORDS = (
    "序号",
    "编号",
    "指标",
    "项目",
    "名称",
    "单位",
    "计量单位",
    "属性",
    "性质",
    "类别",
    "领域",
)
MAX_CELL = 40  # a cell line is short; a sentence is not a cell


def _is_year(text: str) -> bool:
    return bool(YEAR_CELL.match(text)) and len(text) <= 12


def _is_value(text: str) -> bool:
    return bool(VALUE_CELL.match(text)) or (text.strip() != "" and text.strip() in NOT_STATED)


def _is_cell_line(lines: TextLines, k: int) -> bool:
    text = lines.items[k][0]
    return 0 < len(text) <= MAX_CELL and _split(text) is None and not text.endswith("。")


def read_cell_lines(lines: TextLines, skip: list[tuple[int, int]]) -> list[Grid]:
    items = lines.items
    grids: list[Grid] = []
    i = 0
    while i < len(items):
        header_end = _header(lines, i, skip)
        if header_end is None:
            i += 1
            continue
        header = [_whole(lines, k) for k in range(i, header_end)]
        width = len(header)
        years = [k for k, c in enumerate(header) if _is_year(c.text)]
        rows = [header]
        j = header_end
        while j + width <= len(items) and all(_is_cell_line(lines, j + k) for k in range(width)):
            row = [_whole(lines, j + k) for k in range(width)]
            others = [c for k, c in enumerate(row) if k not in years]
            if not all(_is_value(row[k].text) for k in years) or any(
                _is_year(c.text) for c in others
            ):
                break
            rows.append(row)
            j += width
        if len(rows) >= 2:
            s, e = lines.raw_span(i, j)
            grids.append(Grid("cell_lines", items[i - 1][0] if i else "", s, e, rows))
            i = j
        else:
            i += 1
    return grids


def _header(lines: TextLines, i: int, skip) -> int | None:
    """End of a one-cell-per-line header starting at line i, or None."""
    items = lines.items
    if _masked(lines, i, skip) or items[i][0].replace(" ", "") not in ROLE_WORDS:
        return None
    k = i
    seen_year = seen_name = False
    while k < len(items) and _is_cell_line(lines, k):
        text = items[k][0].replace(" ", "")
        if _is_year(text):
            seen_year = True
        elif text in ROLE_WORDS:
            if seen_year and text not in ("属性", "性质"):
                break  # a role word after the years: the body's first row can't start so
            seen_name = seen_name or text in NAME_WORDS
        else:
            break
        k += 1
    return k if seen_year and seen_name and k - i >= 3 else None


def read_year_blocks(lines: TextLines, skip: list[tuple[int, int]]) -> list[Grid]:
    items = lines.items
    grids: list[Grid] = []
    i = 0
    while i < len(items):
        if _masked(lines, i, skip) or not BLOCK_NAME_HEADER.match(items[i][0].replace(" ", "")):
            i += 1
            continue
        name_lines = []
        k = i + 1
        while (
            k < len(items)
            and _is_cell_line(lines, k)
            and not _is_year(items[k][0])
            and not _is_block_value(items[k][0])
        ):
            name_lines.append(k)
            k += 1
        names = _names_for_values(lines, name_lines, _first_column_length(lines, k))
        n = len(names)
        columns: list[tuple[int, list[int]]] = []
        while n and k + n < len(items) and _is_year(items[k][0]):
            values = list(range(k + 1, k + 1 + n))
            if not all(_is_cell_line(lines, v) and _is_block_value(items[v][0]) for v in values):
                break
            columns.append((k, values))
            k += 1 + n
        if n == 0 or not columns:
            i += 1
            continue
        header = [_whole(lines, i)] + [_whole(lines, y) for y, _ in columns]
        rows = [header]
        for r, name in enumerate(names):
            rows.append([name] + [_whole(lines, vals[r]) for _, vals in columns])
        s, e = lines.raw_span(i, k)
        grids.append(Grid("year_blocks", items[i - 1][0] if i else "", s, e, rows))
        i = k
    return grids


# the label over the names of a column-by-column table: "指标", "项目名称："
BLOCK_NAME_HEADER = re.compile(r"^(?:(?:指标|项目)(?:名称)?|名称)[:：]?$")
# a range is one cell of a column ("95%—97%"): its lines would otherwise end the column
_RANGE_CELL = re.compile(r"^\d+(?:\.\d+)?%?[—\-~～至]+\d+(?:\.\d+)?%?$")
_CLOSING = ("）", ")")


def _is_block_value(text: str) -> bool:
    return _is_value(text) or bool(_RANGE_CELL.match(text.replace(" ", "")))


def _first_column_length(lines: TextLines, k: int) -> int:
    """How many value lines follow the year label at line k (0 when k is no year label)."""
    items = lines.items
    if k >= len(items) or not _is_year(items[k][0]):
        return 0
    m = k + 1
    while m < len(items) and _is_cell_line(lines, m) and _is_block_value(items[m][0]):
        m += 1
    return m - k - 1


def _names_for_values(lines: TextLines, name_lines: list[int], n_values: int) -> list[GridCell]:
    """The row names, one per value of a column. A name wrapped onto the next line makes
    more name lines than values; when the names end in a unit bracket ("园率（%）"), a line
    that does not is the first part of a name and is joined to the line after it. Names
    that still do not pair one to one with the values give no table (no rows)."""
    cells = [_whole(lines, k) for k in name_lines]
    if len(cells) <= n_values or not any(c.text.endswith(_CLOSING) for c in cells):
        return cells if len(cells) == n_values or n_values == 0 else []
    joined: list[GridCell] = []
    open_cell: GridCell | None = None
    for c in cells:
        if open_cell is not None:
            c = GridCell(open_cell.text + c.text, open_cell.start, c.end)
        if c.text.endswith(_CLOSING):
            joined.append(c)
            open_cell = None
        else:
            open_cell = c
    if open_cell is not None:
        joined.append(open_cell)
    return joined if len(joined) == n_values else []


_TWO_CELLS = re.compile(r"^(\S(?:.*?\S)?)\s{2,}(\S(?:.*\S)?)$")


def _two_cells(lines: TextLines, k: int) -> list[GridCell] | None:
    text, start, _ = lines.items[k]
    m = _TWO_CELLS.match(text)
    if m is None or re.search(r"\s{2,}", m.group(2)):
        return None
    return [lines.cell(k, start + m.start(g), start + m.end(g)) for g in (1, 2)]


def read_year_rows(lines: TextLines, skip: list[tuple[int, int]]) -> list[Grid]:
    """A header of two cells (a label, the indicator), then two or more "year  value" lines."""
    items = lines.items
    grids: list[Grid] = []
    i = 1
    while i < len(items):
        header = _two_cells(lines, i - 1)
        if header is None or _masked(lines, i - 1, skip) or _is_value(header[1].text):
            i += 1
            continue
        rows = [header]
        j = i
        while j < len(items) and not _masked(lines, j, skip):
            row = _two_cells(lines, j)
            if row is None or not _is_year(row[0].text) or not _is_value(row[1].text):
                break
            rows.append(row)
            j += 1
        if len(rows) >= 3:
            s, e = lines.raw_span(i - 1, j)
            grids.append(Grid("year_rows", items[i - 2][0] if i > 1 else "", s, e, rows))
            i = j + 1
        else:
            i += 1
    return grids


def _whole(lines: TextLines, k: int) -> GridCell:
    _, a, b = lines.items[k]
    return lines.cell(k, a, b)
