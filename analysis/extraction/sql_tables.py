"""Tables saved as an SQL dump: each INSERT … VALUES statement becomes a grid.

A column is headed by what the dump says of it (COMMENT '2020年基期值' in CREATE TABLE,
COMMENT ON COLUMN), else by a description in the text around the dump ("jqz为规划基期
（2020年）值", as for XML fields), else by its name; an auto-numbered id is a row number
(序号). Each row of VALUES is a row of cells, quoted or bare; NULL is an empty cell.
Columns that hold no values (row ids, dates and times, codes such as 'JY01') are left out
of the grid, their numbers given to the ledger with the reason.
"""

from __future__ import annotations

import re

from analysis import sql_statements
from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.span_sets import SpanSet
from analysis.extraction.table_readers import clean_cell
from analysis.extraction.xml_records import described_field

_CODE = re.compile(r"[A-Za-z]{1,6}[-_]?\d{1,6}")
_DATE_TYPES = ("date", "datetime", "timestamp", "time", "year")


def read_sql_inserts(raw: str, skip: SpanSet) -> list[Grid]:
    """A grid for every INSERT statement of an SQL dump the other readers left alone."""
    if not sql_statements.is_sql(raw):
        return []
    known = sql_statements.tables(raw)
    grids = []
    for ins in sql_statements.inserts(raw):
        if not ins.rows or skip.overlaps(ins.start, ins.end):
            continue
        table = known.get(ins.table)
        heads = _heads(raw, ins, table)
        width = max(len(r) for r in ins.rows)
        heads += [GridCell("", ins.start, ins.start)] * (width - len(heads))
        rows = [heads] + [
            [GridCell(clean_cell(f.text), f.start, f.end) for f in row] for row in ins.rows
        ]
        caption = clean_cell(table.comment) if table is not None else ""
        grid = Grid("sql_insert", caption, ins.start, ins.end, rows)
        grids.append(_without_label_columns(grid, _types(ins, table)))
    return grids


def _heads(raw: str, ins: sql_statements.Insert, table) -> list[GridCell]:
    columns = {c.name: c for c in table.columns} if table is not None else {}
    names = [n for n, _ in ins.columns] or list(columns)
    spans = dict(ins.columns)
    heads = []
    for name in names:
        column = columns.get(name)
        if column is not None and column.row_id:
            heads.append(GridCell("序号", *column.name_span))
        elif column is not None and column.comment_span is not None:
            heads.append(GridCell(clean_cell(column.comment), *column.comment_span))
        else:
            legend = described_field(raw, name, ins.start, ins.end)
            at = spans.get(name) or (column.name_span if column else (ins.start, ins.start))
            heads.append(legend or GridCell(name, *at))
    return heads


def _types(ins: sql_statements.Insert, table) -> list[str]:
    columns = {c.name: c for c in table.columns} if table is not None else {}
    names = [n for n, _ in ins.columns] or list(columns)
    return [columns[n].type if n in columns else "" for n in names]


def _without_label_columns(grid: Grid, types: list[str]) -> Grid:
    """The grid without its row-id, date and code columns; their numbers become labels."""
    keep, labels = [], []
    for k in range(grid.width):
        head = grid.rows[0][k].text if k < len(grid.rows[0]) else ""
        cells = [r[k] for r in grid.rows[1:] if k < len(r) and r[k].text]
        kind = types[k] if k < len(types) else ""
        if head == "序号":
            why = ("section_number", "a row id of the dump")
        elif kind in _DATE_TYPES:
            why = ("date", "a date or time field of the dump")
        elif cells and all(_CODE.fullmatch(c.text) for c in cells):
            why = ("phone_number", "a code field of the dump (指标代码)")
        else:
            keep.append(k)
            continue
        labels.extend(((c.start, c.end), *why) for c in cells)
    if len(keep) == grid.width:
        return grid
    rows = [[r[k] for k in keep if k < len(r)] for r in grid.rows]
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, labels)
