"""A statistics form's notes that give comparators by row code (填报说明: "代码04、05、06…
为下限值（即不低于该数值）；代码03、11、13为预计数（即该数值左右）").

A form lists its rows by a 代码 column and leaves its target cells bare; the notes under it
say which codes are floors, ceilings or estimates. The grid gains a 比较 column with the
comparator of each listed row, which the interpreter applies to the target (the last year
column), as it does a printed 比较 column. Codes run as lists (04、05) and ranges (21—27).
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import CODE_HEADERS

_CODES = r"\d{1,3}(?:\s*(?:[、,，和及]|[—\-–～~至到])\s*\d{1,3})*"
_LISTED = re.compile(
    rf"(?:代码|行次|行号|编码)\s*({_CODES})\s*(?:的?(?:目标值|数值|指标))?\s*(?:均)?(?:为|是|系|填)([^；;。，,\n]{{1,40}})"
)
_RANGE = re.compile(r"(\d{1,3})\s*[—\-–～~至到]\s*(\d{1,3})")
_FLOOR = re.compile(r"下限|最低|不低于|不少于|以上|至少")
_CEILING = re.compile(r"上限|最高|不高于|不超过|不多于|以下|以内")
_ESTIMATE = re.compile(r"预计|约数|左右|大约|估计")
_REACH = 3000  # how far below (or above) a form its notes may stand


def coded_comparators(grid: Grid, raw: str) -> Grid | None:
    """The grid with a 比较 column from notes around it, or None (no code column, no notes)."""
    h, code = _code_column(grid)
    if code is None:
        return None
    listed = _listed(raw[grid.end : grid.end + _REACH]) or _listed(
        raw[max(0, grid.start - _REACH) : grid.start]
    )
    if not listed:
        return None
    width = grid.width
    rows = []
    for r, row in enumerate(grid.rows):
        cell = row[code] if code < len(row) else None
        at = cell.start if cell is not None else grid.start
        padded = [*row, *[GridCell("", at, at)] * (width - len(row))]
        if r < h:
            rows.append([*padded, GridCell("", at, at)])
        elif r == h:
            rows.append([*padded, GridCell("比较", at, at)])
        else:
            key = cell.text.strip().lstrip("0") if cell is not None else ""
            sign = listed.get(key, "") if key.isdigit() else ""
            rows.append([*padded, GridCell(sign, at, at)])
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, grid.labels)


def _code_column(grid: Grid) -> tuple[int, int | None]:
    """(header row, code column) of a form, the column None if it has none."""
    for h, row in enumerate(grid.rows[:4]):
        for k, c in enumerate(row):
            if c.text.replace(" ", "") in CODE_HEADERS:
                return h, k
    return 0, None


def _listed(notes: str) -> dict[str, str]:
    """{code without leading zeros: "≥", "≤" or "约"} from the notes' code lists."""
    found: dict[str, str] = {}
    for m in _LISTED.finditer(notes):
        words = m.group(2)
        sign = (
            "≥"
            if _FLOOR.search(words)
            else "≤"
            if _CEILING.search(words)
            else "约"
            if _ESTIMATE.search(words)
            else None
        )
        if sign is None:
            continue
        for code in _codes(m.group(1)):
            found.setdefault(code, sign)
    return found


def _codes(text: str) -> list[str]:
    out = []
    pos = 0
    for r in _RANGE.finditer(text):
        out += re.findall(r"\d{1,3}", text[pos : r.start()])
        lo, hi = int(r.group(1)), int(r.group(2))
        if 0 <= hi - lo <= 100:
            out += [str(n) for n in range(lo, hi + 1)]
        pos = r.end()
    out += re.findall(r"\d{1,3}", text[pos:])
    return [c.lstrip("0") or "0" for c in out]
