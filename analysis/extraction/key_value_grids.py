"""A table of two columns, key and value, one record after another: how an OCR tool or a
web form writes a table one cell a row ("| 指标 | 学前三年毛入园率（%） |", "| 2020年 | 88.5 |",
"| 2025年 | ≥92 |", "| 属性 | 预期性 |", then the next indicator's "| 指标 | … |").

Whatever reader found the grid (pipe, tabs, HTML), it is turned back into the table it
was: the keys are the header, each record a row, and the one interpreter reads it.
"""

from __future__ import annotations

from collections import Counter

from analysis.extraction.card_marks import is_role_key
from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import header_year
from analysis.extraction.record_tables import NAME_KEYS


def _key(row: list[GridCell]) -> str:
    return row[0].text.strip() if row else ""


def _column(key: str):
    """A key's column: a year key by its year, so that an OCR slip ("2025午") or a
    variant ("2025年目标") stays in its year's column."""
    year = header_year(key)
    return ("year", year) if year is not None else key


def key_value_table(grid: Grid) -> Grid | None:
    """The table a key/value grid holds, or None when the grid is not one.

    A key/value grid: every row of two cells, a name key repeated (two records at least),
    and a year or role key repeated. Keys that come before the first name and repeat
    (类别, 序号) open a record; rows before them that do not repeat are the grid's own
    header ("项目 | 内容") and are left out."""
    rows = grid.rows
    if len(rows) < 6 or any(len(r) != 2 for r in rows):
        return None
    keys = [_key(r) for r in rows]
    counts = Counter(keys)
    # the key naming a record's indicator: an indicator card's, the one repeated most
    names = [k for k in NAME_KEYS if counts[k] >= 2]
    if not names:
        return None
    name = max(names, key=lambda k: counts[k])
    if not any(n >= 2 and (header_year(k) or is_role_key(k)) for k, n in counts.items()):
        return None
    first_name = keys.index(name)
    leading = {k for k in keys[:first_name] if counts[k] >= 2}
    top = next(i for i, k in enumerate(keys) if k in leading or i == first_name)
    records: list[list[int]] = []
    for i in range(top, len(rows)):
        opens = keys[i] in leading or keys[i] == name
        if opens and (i == top or keys[i - 1] not in leading):
            records.append([])
        records[-1].append(i)
    columns: dict = {}  # column -> the key cell that first named it (the header's cell)
    labels = list(grid.labels)
    for record in records:
        for i in record:
            key = rows[i][0]
            if columns.setdefault(_column(keys[i]), key) is not key and header_year(keys[i]):
                # the header names the column once: the key each record repeats is a label
                labels.append(((key.start, key.end), "table_header", "a record's year key"))
    table = [list(columns.values())]
    for record in records:
        cells = {}
        for i in record:
            cells.setdefault(_column(keys[i]), rows[i][1])
        at = rows[record[0]][0].start
        table.append([cells.get(c, GridCell("", at, at)) for c in columns])
    return Grid(f"{grid.reader}+key_value", grid.caption, grid.start, grid.end, table, labels)


def with_key_value_tables(grids: list[Grid]) -> list[Grid]:
    """The grids, each key/value grid as the table it holds."""
    return [key_value_table(g) or g for g in grids]
