"""Rows of a space-aligned table wrapped over two lines, as PDF-to-text writes a narrow
name column: the name alone on one line and its unit and values on the next
("学前三年毛入园率" over "      %   89.5   93"), or the name cut in two with the values on
the second line ("普惠性幼儿园" over "覆盖率   %   80.1   ≥85").

A name alone above a line whose first cell is indented past the name column lacks
nothing but its name: the two lines are one row. A name alone above a line with a name of
its own is either the top of that name or a category heading the rows below; it is read as
the top of the name only when the table is wrapped throughout: every such lone line heads
exactly one row (a category heads a group). When a page break cuts such a table, the first
name after the break is the top of the next part's first row, not that part's caption.

A numbered table may wrap the other way, as a text browser lays out a narrow column: the
row's number, the top of its name and its values on one line, the rest of the name (and
of a value: "3,600" over "左右") on the lines below, under their columns
("5    残疾儿童少年   %    98.1" over "     义务教育入学" over "     率")."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import first_body_row

_NOT_A_NAME = "。，,；;：:"
_ROW_NUMBER = re.compile(r"\d{1,3}")


def _lone(row: list[GridCell]) -> GridCell | None:
    filled = [c for c in row if c.text]
    if len(filled) != 1:
        return None
    text = filled[0].text
    if not 0 < len(text) <= 12 or any(ch.isdigit() for ch in text):
        return None
    return None if any(p in text for p in _NOT_A_NAME) else filled[0]


def _valued(row: list[GridCell]) -> bool:
    return _lone(row) is None and any(ch.isdigit() for c in row for ch in c.text)


def _indent(raw: str, at: int) -> int:
    return at - (raw.rfind("\n", 0, at) + 1)


def _joined(raw: str, top: GridCell, row: list[GridCell], whole: bool) -> list[GridCell] | None:
    """The row with `top` as (the start of) its name, or None when it is not wrapped."""
    first = next((k for k, c in enumerate(row) if c.text), None)
    if first is None:
        return None
    cell = row[first]
    if _indent(raw, cell.start) > _indent(raw, top.start) + 2:
        # the name column is empty on the values' line: the lone line is the whole name
        return [*row[:first], GridCell(top.text, top.start, top.end), *row[first:]]
    if not whole or any(ch.isdigit() for ch in cell.text):
        return None
    name = GridCell(top.text + cell.text, top.start, cell.end)
    return [*row[:first], name, *row[first + 1 :]]


def join_wrapped_rows(grid: Grid, raw: str) -> Grid | None:
    """The grid with each wrapped row on one row, or None when no row is wrapped."""
    if grid.reader != "delimited_spaces" or len(grid.rows) < 3:
        return None
    rows = grid.rows
    body = first_body_row(rows)
    lones = [r for r in range(body, len(rows)) if _lone(rows[r])]
    # the rest of a table after a page break may have its first name's top as its caption
    top = None
    if body == 0 and _valued(rows[0]) and (not lones or lones[0] == 1):
        top = _caption_cell(raw, grid.start, grid.caption)
    # wrapped throughout: each lone line directly above one row, and the next lone line
    # (or the table's end) directly below that row
    whole = len(lones) + (top is not None) >= 2 and all(
        r + 1 < len(rows) and _valued(rows[r + 1]) and (r + 2 == len(rows) or _lone(rows[r + 2]))
        for r in lones
    )
    out = list(rows[:body])
    start, caption = grid.start, grid.caption
    if whole and top is not None:
        joined = _joined(raw, top, rows[0], whole)
        if joined is not None:
            out.append(joined)
            start, caption = top.start, ""
            body = 1
    changed = start != grid.start
    r = body
    while r < len(rows):
        top = _lone(rows[r])
        if top is not None and r + 1 < len(rows) and _valued(rows[r + 1]):
            joined = _joined(raw, top, rows[r + 1], whole)
            if joined is not None:
                out.append(joined)
                changed = True
                r += 2
                continue
        out.append(rows[r])
        r += 1
    if not changed:
        return None
    return Grid(grid.reader, caption, start, grid.end, out, list(grid.labels))


def _caption_cell(raw: str, start: int, caption: str) -> GridCell | None:
    """The line just above the table as a cell, when it is the caption and a lone name."""
    line_end = raw.rfind("\n", 0, start)
    if line_end < 0 or raw[line_end + 1 : start].strip():
        return None
    line_start = raw.rfind("\n", 0, line_end) + 1
    text = raw[line_start:line_end]
    stripped, name = text.strip(), caption.strip()
    # the caption is the cleaned line (simplified, NFKC): the same line, not the same text
    if not stripped or len(stripped) != len(name):
        return None
    at = line_start + text.index(stripped)
    cell = GridCell(name, at, at + len(stripped))
    return cell if _lone([cell]) is not None else None


def join_rows_wrapped_below(grid: Grid, raw: str) -> Grid | None:
    """The grid with the lines under each numbered row joined to its cells, or None when
    the table is not wrapped so throughout (every line without a number under a numbered
    row or under another such line, its cells right of the numbers' column)."""
    if grid.reader != "delimited_spaces" or len(grid.rows) < 4:
        return None
    rows = grid.rows
    body = first_body_row(rows)
    out, wrapped, current = list(rows[:body]), 0, None
    for row in rows[body:]:
        filled = [c for c in row if c.text]
        if filled and _ROW_NUMBER.fullmatch(filled[0].text) and _valued(row):
            current = list(row)
            out.append(current)
            continue
        if current is None or not _joined_below(raw, current, filled):
            return None
        wrapped += current is out[-1]
    if wrapped < 2 or current is None:
        return None
    end = grid.end
    # the last row's wrapped lines, which the reader left after the table (lines of one
    # cell end a table)
    while (line := _next_line(raw, end)) is not None:
        cells = [GridCell(m.group(), m.start(), m.end()) for m in _SEGMENT.finditer(raw, *line)]
        if not _joined_below(raw, current, cells):
            break
        end = line[1]
    return Grid(grid.reader, grid.caption, grid.start, end, out, list(grid.labels))


def _joined_below(raw: str, row: list[GridCell], cells: list[GridCell]) -> bool:
    """Join `cells`, a line under `row`, to the cells of `row` they stand under, if the
    line is a wrap: no digit, nothing in the numbers' column, every cell under a column.
    Whether it was joined."""
    number_column = _indent(raw, next(c for c in row if c.text).start)
    if (
        not cells
        or any(ch.isdigit() for c in cells for ch in c.text)
        or _indent(raw, cells[0].start) <= number_column + 1
    ):
        return False
    columns = [_column(raw, row, c) for c in cells]
    if None in columns:
        return False
    for k, cell in zip(columns, cells, strict=True):
        row[k] = GridCell(row[k].text + cell.text, row[k].start, cell.end)
    return True


# a cell of a space-aligned line: text up to a run of two spaces
_SEGMENT = re.compile(r"\S+(?: \S+)*")


def _next_line(raw: str, end: int) -> tuple[int, int] | None:
    """The [start, end) of the line after the one ending at `end`, if not blank."""
    start = raw.find("\n", end)
    if start < 0:
        return None
    stop = raw.find("\n", start + 1)
    stop = len(raw) if stop < 0 else stop
    return (start + 1, stop) if raw[start + 1 : stop].strip() else None


def _column(raw: str, row: list[GridCell], cell: GridCell) -> int | None:
    """The index of the filled cell of `row` whose column `cell` stands in: the last one
    starting at or before it (give or take a character)."""
    at = _indent(raw, cell.start)
    found = None
    for k, c in enumerate(row):
        if c.text and _indent(raw, c.start) <= at + 1:
            found = k
    return found
