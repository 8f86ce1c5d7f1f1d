"""Rows of a numbered, space-aligned table wrapped over two lines, as OCR or PDF text
writes a narrow name column. The row number is not repeated on the second line:

    2   普惠性幼儿园覆盖               the number and the start of the name
        率          %   82.1   88       the rest of the name, the unit and the values

is one row; so is a number and a whole name over a line of only the unit and values. The
rest of a name after its values ("8  义务教育专任教师本  %  63.5  72" over "科以上学历比例")
is left to the interpreter, which joins it when the joined name completes a codebook
phrase; the line of such a rest right after the table is added to the table here.
"""

from __future__ import annotations

import re
import unicodedata

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import first_body_row
from analysis.normalise import to_simplified

_ROW_NUMBER = re.compile(r"^\d{1,3}[.、．]?$")
_NOT_A_NAME = re.compile(r"[\d。，,；;：:、]")
MAX_PART = 20  # a part of a name on a line of its own is short
SAME_COLUMN = 2  # characters of drift between a name and its rest on the next line


# "2   普惠性幼儿园覆盖": a row number and the start of a name, alone on a line
_NUMBER_AND_NAME = re.compile(r"^(\d{1,3}[.、．]?)\s{2,}(\S(?:.*\S)?)\s*$")


def number_and_name(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """A line of a space-aligned table holding only a row's number and the start of its
    name (two cells): the top of a wrapped row, which the table reader keeps."""
    m = _NUMBER_AND_NAME.match(text)
    if m is None or not _name_part(m.group(2)):
        return None
    return "spaces", [m.span(1), m.span(2)]


def _numbered(row: list[GridCell]) -> bool:
    return bool(row) and _ROW_NUMBER.match(row[0].text) is not None


def _name_part(text: str) -> bool:
    return 0 < len(text) <= MAX_PART and _NOT_A_NAME.search(text) is None


def _indent(raw: str, at: int) -> int:
    return at - (raw.rfind("\n", 0, at) + 1)


def _joined(raw: str, top: list[GridCell], below: list[GridCell]) -> list[GridCell] | None:
    """The number and name start of `top` with the line `below`, or None."""
    if len(top) != 2 or not _name_part(top[1].text) or _numbered(below) or len(below) < 2:
        return None
    if not any(ch.isdigit() for c in below[1:] for ch in c.text):
        return None
    first, name = below[0], top[1]
    if _indent(raw, first.start) > _indent(raw, name.start) + SAME_COLUMN:
        return [top[0], name, *below]  # the name was whole: the unit starts the line below
    if not _name_part(first.text):
        return None
    return [top[0], GridCell(name.text + first.text, name.start, first.end), *below[1:]]


def _rest_after(grid: Grid, raw: str) -> GridCell | None:
    """The line right after the table when it is the rest of the last row's name: a short
    name part under the name column."""
    last = grid.rows[-1]
    if not _numbered(last) or len(last) < 3:
        return None
    end = raw.find("\n", grid.end)
    if end < 0:
        return None
    stop = raw.find("\n", end + 1)
    line = raw[end + 1 : len(raw) if stop < 0 else stop]
    body = line.strip()
    text = unicodedata.normalize("NFKC", to_simplified(body))
    if not _name_part(text):
        return None
    at = end + 1 + line.index(body)
    if abs(_indent(raw, at) - _indent(raw, last[1].start)) > SAME_COLUMN:
        return None
    return GridCell(text, at, at + len(body))


def join_numbered_wraps(grid: Grid, raw: str) -> Grid | None:
    """The grid with each wrapped numbered row on one row, or None when none is."""
    if grid.reader != "delimited_spaces" or len(grid.rows) < 3:
        return None
    rows = grid.rows
    body = first_body_row(rows)
    if sum(_numbered(row) for row in rows[body:]) < 2:
        return None
    out, r, changed = list(rows[:body]), body, False
    while r < len(rows):
        joined = _joined(raw, rows[r], rows[r + 1]) if r + 1 < len(rows) else None
        if joined is not None and _numbered(rows[r]):
            out.append(joined)
            r, changed = r + 2, True
            continue
        out.append(rows[r])
        r += 1
    end = grid.end
    rest = _rest_after(grid, raw)
    if rest is not None:
        out.append([rest])
        end, changed = rest.end, True
    if not changed:
        return None
    return Grid(grid.reader, grid.caption, grid.start, end, out, list(grid.labels))
