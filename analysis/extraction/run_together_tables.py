"""Tables that lost their line breaks: a header and every row run together on one line,
cells one space apart, as a web editor leaves a pasted table.

"表1 … 指标 单位 2020年 2025年 属性 学前三年毛入园率 % 88.6 ≥92 预期性 普惠性幼儿园覆盖率 %
83.2 ≥90 约束性 … 注：…". Nothing marks where a row ends, but the rows repeat: the same kinds
of cell (a word, a value, a year) come back every `width` cells. The longest stretch of a
line whose kinds repeat is the body, and the `width` cells before its first row are the
header. Which cell of the stretch opens a row is told by the header, whose cells above a
column of values are words or years, and by the first column, whose cells all differ (a
name or a row number; a unit or an attribute column repeats).
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid
from analysis.extraction.single_space_tables import space_tokens
from analysis.extraction.table_readers import NOT_STATED, VALUE_CELL, YEAR_CELL, TextLines, _masked

_MIN_WIDTH = 3
_MAX_WIDTH = 10
_MIN_ROWS = 3
# a line needs a header and three rows of at least three cells: the spaces tell first
_MIN_SPACES = _MIN_WIDTH * (_MIN_ROWS + 1) - 1
_LONGEST_CELL = 30
_SENTENCE = re.compile(r"[。；;，,：:]")
# kinds of cell: a value (or a not-stated mark), a year, anything else (a word)
_VALUE, _YEAR, _WORD = "v", "y", "w"


def read_run_together_rows(lines: TextLines, skip) -> list[Grid]:
    """A grid for each table run together on one line of the lines view."""
    grids: list[Grid] = []
    for i, (text, start, _) in enumerate(lines.items):
        if text.count(" ") < _MIN_SPACES or _masked(lines, i, skip):
            continue
        tokens = space_tokens(text)
        found = _table(text, tokens)
        if found is None:
            continue
        first, width, rows = found
        cells = [
            [lines.cell(i, start + a, start + b) for a, b in tokens[k : k + width]]
            for k in range(first - width, first + rows * width, width)
        ]
        s = cells[0][0].start
        e = cells[-1][-1].end
        caption = text[: tokens[first - width][0]].strip()
        grids.append(Grid("run_together", caption, s, e, cells))
    return grids


def _kind(cell: str) -> str:
    """A year ("2020年", "2025年目标", "2020"), a value, or a word."""
    if YEAR_CELL.match(cell) and (len(cell) == 4 or not cell[4:5].isdecimal()):
        return _YEAR
    if cell in NOT_STATED or VALUE_CELL.match(cell):
        return _VALUE
    return _WORD


def _table(text: str, tokens: list[tuple[int, int]]) -> tuple[int, int, int] | None:
    """(the first body row's token index, the width, the number of rows) of the longest
    table in the tokens, or None."""
    cells = [text[a:b] for a, b in tokens]
    kinds = [_kind(c) for c in cells]
    # in a row a year-like number is a value ("2020" teachers); in a header, a year
    values = [_VALUE if k == _YEAR else k for k in kinds]
    best = None
    for width in range(_MIN_WIDTH, _MAX_WIDTH + 1):
        for first in _row_starts(kinds, values, width):
            rows = _rows(values, first, width)
            if rows < _MIN_ROWS or not _fits(cells, kinds, values, first, width, rows):
                continue
            if best is None or rows * width > best[2] * best[1]:
                best = (first, width, rows)
    return best


def _row_starts(kinds: list[str], values: list[str], width: int) -> list[int]:
    """Token indexes after a header of `width` cells where a row of the same kinds as the
    next `width` cells begins (`values`: the kinds with years as values)."""
    n = len(kinds)
    return [
        k
        for k in range(width, n - 2 * width + 1)
        if values[k : k + width] == values[k + width : k + 2 * width]
        and _VALUE in values[k : k + width]
        and kinds[k - width : k] != values[k : k + width]
    ]


def _rows(kinds: list[str], first: int, width: int) -> int:
    """How many whole rows from `first` on repeat the kinds of the first."""
    pattern = kinds[first : first + width]
    rows, k = 0, first
    while kinds[k : k + width] == pattern:
        rows += 1
        k += width
    return rows


def _fits(
    cells: list[str], kinds: list[str], values: list[str], first: int, width: int, rows: int
) -> bool:
    """The header above a value column is a word or a year; the first column's cells all
    differ (names, or row numbers 1, 2, 3 …) and the cells are cells, not clauses."""
    header = kinds[first - width : first]
    pattern = values[first : first + width]
    if any(h == _VALUE for h, p in zip(header, pattern, strict=True) if p == _VALUE):
        return False
    column = cells[first : first + rows * width : width]
    if len(set(column)) < len(column):
        return False
    if pattern[0] == _VALUE and column != [str(k) for k in range(1, rows + 1)]:
        return False  # a row opens on its name or on its number (1, 2, 3 …)
    body = cells[first - width : first + rows * width]
    return all(len(c) <= _LONGEST_CELL and not _SENTENCE.search(c) for c in body)
