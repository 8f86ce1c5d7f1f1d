"""A header of rotated cells laid out side by side, as `pdftotext -layout` prints them.

A landscape table whose header cells are turned 90° comes out of a layout-keeping PDF
export with each cell's characters stacked down its own column, the cells side by side:

                                    2         2
                                    0         0
      序                    单      2         2        指
      号  类　别  指　　标  位      0         5        标
                                    年        年       属
                                    基        目       性
                                    期        标
                                    值        值
      1   学前教育  毛入园率    %   88.2      ≥95      预期性

The line reader sees a block of one-character cells and, under it, the table's rows. The
characters are given to the row block's columns by display position (a Chinese character
two columns wide) and read down each column, then left to right ("类　别" upright on one
line is one cell too); a cell printed bottom to top ("年0202") is turned round. The two
blocks become one table when at least two of the cells so read are years.
"""

from __future__ import annotations

import re

from analysis.extraction.display_columns import char_width, display_column, nearest_range
from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.table_readers import YEAR_CELL

_STACK_LINES = 3  # a rotated header is at least this many lines high
_TURNED_YEAR = re.compile(r"^(?:[\u4e00-\u9fff]*年)?\d{4}")  # "值期基年0202" read upward


def with_side_rotated_headers(raw: str, grids: list[Grid]) -> list[Grid]:
    """The grids (sorted by start), each table of spaced rows with the stacked header right
    above it as its first row, and the grids that header's lines made dropped."""
    joined: dict[int, Grid] = {}
    for k, g in enumerate(grids):
        if g.reader == "delimited_spaces":
            found = _joined(raw, g)
            if found is not None:
                joined[k] = found
    if not joined:
        return grids
    heads = [(g.start, grids[k].start) for k, g in joined.items()]
    return [
        joined.get(k, g)
        for k, g in enumerate(grids)
        if k in joined or not any(a <= g.start and g.end <= b for a, b in heads)
    ]


def _stack_above(raw: str, at: int) -> int | None:
    """Where the block of stacked lines right above position `at` (a line's start)
    starts: lines of words of at most three characters, mostly one (one blank line may
    stand under the block); None when there are fewer than three."""
    end = at - 1
    if end > 0 and not raw[raw.rfind("\n", 0, end) + 1 : end].strip():
        end = raw.rfind("\n", 0, end)  # the blank line under the block
    lines, singles, words = 0, 0, 0
    start = at
    while end > 0:
        line_start = raw.rfind("\n", 0, end) + 1
        tokens = raw[line_start:end].split()
        if not tokens or any(len(t) > 3 for t in tokens):
            break
        lines += 1
        words += len(tokens)
        singles += sum(1 for t in tokens if len(t) == 1)
        start, end = line_start, line_start - 1
    if lines < _STACK_LINES or singles * 2 <= words:
        return None
    return start


def _joined(raw: str, body: Grid) -> Grid | None:
    first_line = raw.rfind("\n", 0, body.start) + 1  # (a row's first cell may be indented)
    top = _stack_above(raw, first_line)
    if top is None:
        return None
    columns = _columns(raw, body)
    if not columns:
        return None
    chars: list[list[GridCell]] = [[] for _ in columns]
    for p in range(top, first_line):
        ch = raw[p]
        if ch.isspace():
            continue
        x = display_column(raw, p) + char_width(ch) / 2
        chars[nearest_range(columns, x)].append(GridCell(ch, p, p + 1))
    header = []
    for cell_chars in chars:
        if not cell_chars:
            header.append(GridCell("", body.start, body.start))
            continue
        text = "".join(c.text for c in cell_chars)
        if not YEAR_CELL.match(text) and _TURNED_YEAR.match(text[::-1]):
            text = text[::-1]
        header.append(GridCell(text, cell_chars[0].start, cell_chars[-1].end))
    if sum(1 for c in header if YEAR_CELL.match(c.text)) < 2:
        return None
    caption, end = "", top - 1  # the caption: the last line with words above the block
    while end > 0 and not caption:
        start = raw.rfind("\n", 0, end) + 1
        caption, end = raw[start:end].strip(), start - 1
    return Grid(body.reader, caption, top, body.end, [header, *body.rows], body.labels)


def _columns(raw: str, body: Grid) -> list[tuple[float, float]]:
    """Each column's display range (left, right) over the body's full rows."""
    width = body.width
    full = [r for r in body.rows if len(r) == width]
    if not full or width < 3:
        return []
    out = []
    for k in range(width):
        cells = [r[k] for r in full if r[k].text.strip()]
        if not cells:
            return []
        lefts = [display_column(raw, c.start) for c in cells]
        rights = [display_column(raw, c.end) for c in cells]
        out.append((min(lefts), max(rights)))
    return out
