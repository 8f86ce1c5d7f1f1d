"""CSV lines exactly as csv.writer(lineterminator="\\n") writes them, built a column at a
time.

csv.writer copies every character of every cell into its own buffer to look for
characters that need quoting; that was most of the time a worker spent rendering a plan's
rows (about 1,000 rows a plan, 8-20 cells each). Here a column's cells are checked at once
(one search over the column's text): a cell with no ",", '"', "\\r" or "\\n" is written as
it is by csv.writer (QUOTE_MINIMAL, no escape character), and each other cell is written
by csv.writer itself, so the result is what csv.writer gives on this Python. The rows are
then joined with "," and "\\n" in C. tests/test_csv_text.py holds this to csv.writer.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

NoneType = type(None)


def _may_quote(text: str) -> bool:
    """Whether the text holds a character that can make csv.writer quote a cell
    (QUOTE_MINIMAL: the "," delimiter, the '"' quote character, the "\\n" line end; "\\r"
    too on newer Pythons). Four substring tests: faster than a character-class regex."""
    return "," in text or '"' in text or "\n" in text or "\r" in text


def column_cells(values: Sequence) -> Sequence:
    """One column's values as csv.writer writes them inside a row: cell_text of each,
    quoted where csv.writer quotes; a column of ints is left as ints ("%s" writes
    str(int), and an int needs no quoting). The set of the column's types decides, so
    that a column of strings or ints costs no Python call per cell."""
    kinds = set(map(type, values))
    if kinds <= {int}:
        return values
    if kinds <= {str}:
        return _quoted(values)
    if kinds <= {str, NoneType}:
        return _quoted(["" if v is None else v for v in values])
    if kinds <= {int, NoneType}:  # "" and digits: nothing to quote
        return ["" if v is None else v for v in values]
    if kinds <= {float, NoneType}:  # "", digits, "-", ".", "e", "+", inf, nan
        return ["" if v is None else format(v, ".12g") for v in values]
    return _quoted(list(map(cell_text, values)))


def cell_text(value) -> str:
    """A value as the exports write it: None as "", True/False as "true"/"false", a float
    with 12 significant digits, anything else as str(value)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format(value, ".12g")
    return str(value)


def csv_lines(columns: list[Sequence]) -> str:
    """Rows given column by column (each column's values, all columns of one length) as
    csv.writer(lineterminator="\\n").writerows writes the rows of their cell_text."""
    if len(columns) < 2:  # a lone empty cell is written '""': left to csv.writer
        return _written([[cell_text(v)] for v in columns[0]] if columns else [])
    line = ",".join(["%s"] * len(columns))
    lines = list(map(line.__mod__, zip(*map(column_cells, columns), strict=True)))
    return "\n".join(lines) + "\n" if lines else ""


def _quoted(cells: Sequence[str]) -> Sequence[str]:
    """The str cells as csv.writer writes them inside a row of two or more cells."""
    if not _may_quote("".join(cells)):
        return cells
    # a cell's text does not depend on the other cells of its row: [cell, ""] is written
    # as the cell's text, ",", "\n"; a heading with a comma repeats in its paragraph's
    # rows, so each distinct cell is written once
    quoted = {c: _written([(c, "")])[:-2] for c in set(cells) if _may_quote(c)}
    return [quoted.get(c, c) for c in cells]


def _written(rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()
