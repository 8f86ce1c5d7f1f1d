"""A table copied column by column, each column under its own label line.

A boxed PDF table extracted column by column gives the label over the names ("指标名称"),
the names one per line, then a label and one cell per name for every other column:
"单位" and the units, "2020年" and its values, "2025年" and its values, "属性" and the
attributes. The year-blocks reader wants the years right after the names; a unit or an
attribute column among them is this reader's. It returns the grid a row-by-row table
gives (name, unit, years, attribute), for the one interpreter.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.page_strays import PAGE_NUMBER, column_without_stray
from analysis.extraction.table_readers import (
    NOT_STATED,
    VALUE_CELL,
    YEAR_CELL,
    TextLines,
    _masked,
    _split,
)
from analysis.extraction.year_block_tables import BLOCK_NAME_HEADER

_UNIT_LABEL = re.compile(r"^(?:计量)?单位$")
_ATTRIBUTE_LABEL = re.compile(r"^(?:指标)?属性$")
# what a value column's cell may hold besides a plain value: a range, a bracketed total
_VALUE_LIKE = re.compile(
    r"^[〔\[(（]?[<>≤≥＜＞~约]?\d+(?:\.\d+)?%?(?:[—\-~～至]\d+(?:\.\d+)?%?)?[〕\])）]?$"
)
_MAX_CELL = 30


def read_labelled_blocks(
    lines: TextLines, skip: list[tuple[int, int]], unit_cells: dict, attribute_cells: dict
) -> list[Grid]:
    items = lines.items
    grids: list[Grid] = []
    i = 0
    while i < len(items):
        if not BLOCK_NAME_HEADER.match(lines.compact[i]) or _masked(lines, i, skip):
            i += 1
            continue
        k = i + 1
        names: list[int] = []
        while k < len(items) and _is_cell(items[k][0]) and _label(items[k][0]) is None:
            if _is_value(items[k][0]):
                # a page number left by a page break among the names: skipped
                if not (PAGE_NUMBER.match(items[k][0].strip()) and _is_name(items, k + 1)):
                    break
            else:
                names.append(k)
            k += 1
        n = len(names)
        columns: list[tuple[int, list[GridCell]]] = []  # each column's label and cells
        kinds: set[str] = set()
        while n > 1 and k + n < len(items):
            if PAGE_NUMBER.match(items[k][0].strip()) and _label(items[k + 1][0]) is not None:
                k += 1  # a page number between two columns
            kind = _label(items[k][0])
            cells = [items[c][0] for c in range(k + 1, k + 1 + n)]
            if kind is None or not all(_fits(kind, c, unit_cells, attribute_cells) for c in cells):
                break
            values = list(range(k + 1, k + 1 + n))
            if kind == "year":  # a page number among the values: the line after is one too
                found, after = column_without_stray(
                    values,
                    lambda v: _whole(lines, v),
                    lambda v: (
                        v < len(items)
                        and _label(items[v][0]) is None
                        and _is_cell(items[v][0])
                        and _is_value(items[v][0])
                    ),
                )
            else:
                found, after = [_whole(lines, v) for v in values], k + 1 + n
            columns.append((k, found))
            kinds.add(kind)
            k = after
        # a unit or an attribute column among the years: with the years alone the
        # year-blocks reader reads it
        if "year" not in kinds or kinds == {"year"}:
            i += 1
            continue
        rows = [[_whole(lines, i)] + [_whole(lines, c) for c, _ in columns]]
        for r, name in enumerate(names):
            rows.append([_whole(lines, name)] + [cells[r] for _, cells in columns])
        s, e = lines.raw_span(i, k)
        grids.append(Grid("labelled_blocks", items[i - 1][0] if i else "", s, e, rows))
        i = k
    return grids


def _label(text: str) -> str | None:
    text = text.replace(" ", "")
    if _UNIT_LABEL.match(text):
        return "unit"
    if _ATTRIBUTE_LABEL.match(text):
        return "attribute"
    if YEAR_CELL.match(text) and len(text) <= 12:
        return "year"
    return None


def _fits(kind: str, text: str, unit_cells: dict, attribute_cells: dict) -> bool:
    text = text.strip()
    if kind == "unit":
        return text in unit_cells or text in NOT_STATED
    if kind == "attribute":
        return text in attribute_cells or text in NOT_STATED
    return _is_value(text)


def _is_value(text: str) -> bool:
    text = text.strip().replace(",", "")
    return bool(VALUE_CELL.match(text) or _VALUE_LIKE.match(text)) or text in NOT_STATED


def _is_name(items, k: int) -> bool:
    if k >= len(items):
        return False
    text = items[k][0]
    return _is_cell(text) and _label(text) is None and not _is_value(text)


def _is_cell(text: str) -> bool:
    return 0 < len(text) <= _MAX_CELL and _split(text) is None and not text.endswith("。")


def _whole(lines: TextLines, k: int) -> GridCell:
    _, a, b = lines.items[k]
    return lines.cell(k, a, b)
