"""A table pasted from a spreadsheet with what the spreadsheet showed, not what it meant.

- error values ("#DIV/0!", "#REF!", "#N/A", "#VALUE!"), a column too narrow ("######") and
  formulas left as text ("=(E4-D4)/D4", "=SUM(B3:B7)") state nothing: the cell is read as
  empty and its digits are ledgered as residue;
- scientific notation ("1.26E+04", "3.5E+04") is the number it writes (12600, 35000);
- in such a pasted table, a row in "%" whose decimals are all fractions ("0.892", "0.95") holds
  a percent-formatted cell's raw value: 89.2, 95. A table with no residue keeps its numbers
  as written (a dropout rate of "0.5" in % is 0.5%).
"""

from __future__ import annotations

import re
from decimal import Decimal

from analysis.extraction.grid import Grid, GridCell

_ERROR = re.compile(r"#(?:DIV/0!|REF!|N/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!)|#{3,}")
_FORMULA = re.compile(r"=[A-Z(+\-]")
_RESIDUE = re.compile(rf"^(?:{_ERROR.pattern}|{_FORMULA.pattern}.*)$")
_E_NOTATION = re.compile(r"^([<>≥≤~]?)(\d+(?:\.\d+)?)[Ee]([+\-]?\d{1,2})$")
_FRACTION = re.compile(r"^[<>≥≤~]?0?\.\d+$")
_DECIMAL = re.compile(r"\d\.\d")
_PERCENT_UNIT = re.compile(r"^%$|[(（]%[)）]$")
RESIDUE_REASON = "a spreadsheet's error value or formula left as text (#DIV/0!, =SUM(…))"


def spreadsheet_values(grid: Grid) -> Grid:
    """The grid with residue cells empty (their spans ledgered), E-notation written out and,
    in a table with residue, fraction rows in % as percent (see the module's text)."""
    if not any(_looks_pasted(c.text) for row in grid.rows for c in row):
        return grid
    labels = list(grid.labels)
    rows = []
    for row in grid.rows:
        cells = []
        for c in row:
            if _RESIDUE.match(c.text):
                if any(ch.isdigit() for ch in c.text):
                    labels.append(((c.start, c.end), "spreadsheet_residue", RESIDUE_REASON))
                cells.append(GridCell("", c.start, c.start))
            else:
                cells.append(GridCell(_written_out(c.text), c.start, c.end))
        rows.append(_as_percent(cells))
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, labels)


def _looks_pasted(text: str) -> bool:
    return bool(_RESIDUE.match(text) or _E_NOTATION.match(text))


def _written_out(text: str) -> str:
    m = _E_NOTATION.match(text)
    if m is None:
        return text
    value = Decimal(m.group(2)).scaleb(int(m.group(3)))
    return m.group(1) + _plain(value)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")  # 1.26E+04 -> "12600", 0.892 * 100 -> "89.2"


def _as_percent(cells: list[GridCell]) -> list[GridCell]:
    """A row in % whose decimal cells are all fractions: each fraction times 100."""
    if not any(_PERCENT_UNIT.search(c.text) for c in cells):
        return cells
    decimals = [c for c in cells if _DECIMAL.search(c.text)]
    if not decimals or not all(_FRACTION.match(c.text) for c in decimals):
        return cells
    out = []
    for c in cells:
        if _FRACTION.match(c.text):
            sign = c.text[0] if not c.text[0].isdigit() and c.text[0] != "." else ""
            number = Decimal(c.text[len(sign) :]).scaleb(2)
            out.append(GridCell(sign + _plain(number), c.start, c.end))
        else:
            out.append(c)
    return out
