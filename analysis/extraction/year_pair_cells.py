"""A column whose cells each hold several years' values ("基期值与目标值":
"2020年90.6%；2025年≥95%", "2020年：5.3 / 2025年：6.0").

The column is split into one column per year named in its cells, under a header of those
years, so the interpreter reads it like any year table; the year labels in the cells are
ledgered as header years."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell

# one "year value" part of a cell; the value runs to the next separator
_PART = re.compile(
    r"((?:19|20)\d\d)\s*年(?:末|底)?\s*(?:[:：]|为)?\s*([^；;，,、/｜|]+?)\s*(?=[；;，,、/｜|]|$)"
)
_SEPARATOR = re.compile(r"^[\s；;，,、/｜|]*$")
_DATE_REST = re.compile(r"\d{1,2}\s*月|[上下]半年|[底末]前")


def _parts(text: str) -> list[tuple[int, re.Match]] | None:
    """The (year, match) parts of a cell made only of two or more of them, else None."""
    parts, at = [], 0
    for m in _PART.finditer(text):
        if not _SEPARATOR.match(text[at : m.start()]) or _DATE_REST.match(m.group(2)):
            return None  # "2023年12月31日；2025年12月31日": dates, not values
        parts.append((int(m.group(1)), m))
        at = m.end()
    if len(parts) < 2 or not _SEPARATOR.match(text[at:]):
        return None
    return parts


def piece(cell: GridCell, a: int, b: int) -> GridCell:
    """The part text[a:b] of a cell, its raw span where the cell's text is its raw text."""
    if cell.end - cell.start == len(cell.text):
        return GridCell(cell.text[a:b], cell.start + a, cell.start + b)
    return GridCell(cell.text[a:b], cell.start, cell.end)


def split_year_pair_cells(grid: Grid) -> Grid | None:
    """The grid with its column of year-labelled value pairs split by year, or None."""
    width = grid.width
    for k in range(width):
        split = {r: _parts(row[k].text) for r, row in enumerate(grid.rows) if k < len(row)}
        body = [r for r, p in split.items() if p]
        if len(body) < 2:
            continue
        years = sorted({y for r in body for y, _ in split[r]})
        first = body[0]
        labels = list(grid.labels)
        rows = []
        for r, row in enumerate(grid.rows):
            if k >= len(row):
                rows.append(list(row))
                continue
            cell = row[k]
            if r < first:  # the header: one year cell per new column
                new = [GridCell(f"{y}年", cell.start, cell.end) for y in years]
            elif split[r]:
                by_year = {}
                for y, m in split[r]:
                    by_year[y] = piece(cell, m.start(2), m.end(2))
                    year_label = piece(cell, m.start(1), m.end(1))
                    labels.append(
                        ((year_label.start, year_label.end), "table_header", "a cell's year label")
                    )
                new = [by_year.get(y, GridCell("", cell.end, cell.end)) for y in years]
            else:
                new = [GridCell("", cell.end, cell.end) for _ in years]
            rows.append([*row[:k], *new, *row[k + 1 :]])
        return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, labels)
    return None
