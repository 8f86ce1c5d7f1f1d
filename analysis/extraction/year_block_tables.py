"""Reader for tables read column by column with the years inline: "指标", the row names
one per line (a name wrapped onto two lines is joined), then each year's label ("2015年",
"2020年：") followed by one value per name. Returns the same `Grid` as every other reader.
"""

from __future__ import annotations

import re
from functools import partial

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.line_tables import _is_cell_line, _is_value, _is_year, _whole
from analysis.extraction.page_strays import PAGE_NUMBER as _PAGE_NUMBER
from analysis.extraction.page_strays import column_without_stray
from analysis.extraction.table_readers import TextLines, _masked


def read_year_blocks(lines: TextLines, skip: list[tuple[int, int]]) -> list[Grid]:
    items = lines.items
    grids: list[Grid] = []
    i = 0
    while i < len(items):
        if not BLOCK_NAME_HEADER.match(lines.compact[i]) or _masked(lines, i, skip):
            i += 1
            continue
        name_lines = []
        k = i + 1
        while k < len(items) and _is_cell_line(lines, k) and not _is_year(items[k][0]):
            if _is_block_value(items[k][0]):
                # a page number before a name (a page break in the column, or right after
                # the header word): skip it
                if not (_PAGE_NUMBER.match(items[k][0]) and _is_name(lines, k + 1)):
                    break
            else:
                name_lines.append(k)
            k += 1
        first = _first_column_length(lines, k)
        # one value more than names: a page number among the first column's values
        names = _names_for_values(lines, name_lines, first) or (
            _names_for_values(lines, name_lines, first - 1) if first > 1 else []
        )
        n = len(names)
        columns: list[tuple[int, list[GridCell]]] = []
        while n and k + n < len(items) and _is_year(items[k][0]):
            values = list(range(k + 1, k + 1 + n))
            if not all(_is_cell_line(lines, v) and _is_block_value(items[v][0]) for v in values):
                break
            cells, after = column_without_stray(
                values, partial(_whole, lines), partial(_is_value_line, lines)
            )
            columns.append((k, cells))
            k = after
        if n == 0 or not columns:
            i += 1
            continue
        header = [_whole(lines, i)] + [_whole(lines, y) for y, _ in columns]
        rows = [header]
        for r, name in enumerate(names):
            rows.append([name] + [cells[r] for _, cells in columns])
        s, e = lines.raw_span(i, k)
        grids.append(Grid("year_blocks", items[i - 1][0] if i else "", s, e, rows))
        i = k
    return grids


# the label over the names of a column-by-column table: "指标", "项目名称："
BLOCK_NAME_HEADER = re.compile(r"^(?:(?:指标|项目)(?:名称)?|名称)[:：]?$")
# a range is one cell of a column ("95%—97%"): its lines would otherwise end the column
_RANGE_CELL = re.compile(r"^\d+(?:\.\d+)?%?[—\-~～至]+\d+(?:\.\d+)?%?$")
_CLOSING = ("）", ")")


def _is_name(lines: TextLines, k: int) -> bool:
    """Line k is a name of a column-by-column table: a cell, no year and no value."""
    if k >= len(lines.items) or not _is_cell_line(lines, k):
        return False
    return not _is_year(lines.items[k][0]) and not _is_block_value(lines.items[k][0])


def _is_value_line(lines: TextLines, k: int) -> bool:
    return k < len(lines.items) and _is_cell_line(lines, k) and _is_block_value(lines.items[k][0])


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
