"""Tables exported as CSV: one row per line, cells split by commas, or by semicolons (a
spreadsheet in a locale whose decimal mark is the comma); a cell holding the separator
("9,120", a thousands separator) in double quotes, a quote inside one doubled (""双师型""),
and a quoted cell may run over a line break (the row goes on on the next line).

Prose is full of commas too (the cleaned view turns "，" into ","), so a run of lines is
only a table when it looks like one: a header row naming a year (or a row with quoted
cells under it), at least two rows under it, every row with the same number (>= 3) of
short cells (a quoted one may be longer) and no sentence end in any cell not quoted.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.table_readers import HAS_YEAR as _HAS_YEAR
from analysis.extraction.table_readers import YEAR_CELL, TextLines, _masked

# a cell: a double-quoted run (separators, doubled quotes and line breaks allowed inside)
# or a run without the separator and quotes
_CELLS = {sep: re.compile(rf'[^\S\n]*(?:"((?:[^"]|"")*)"|([^{sep}"\n]*))[^\S\n]*') for sep in ",;"}
_LONGEST_CELL = 30  # a prose clause between two commas is longer than a table cell
_LONGEST_QUOTED = 80  # a quoted cell is a cell by its quotes: a project's description
_SENTENCE = re.compile(r"[。；;：]")
_MIN_CELLS = 3
_MIN_BODY_ROWS = 2
_LONGEST_ROW_LINES = 4  # a row whose quoted cells run over more lines is no row
_HEADER_WORD = re.compile(r"年份|年度|指标|项目|名称|单位|数值")


def read_csv_rows(lines: TextLines, skip: list[tuple[int, int]]) -> list[Grid]:
    """Every block of CSV rows under a header naming a year, not inside a skipped span."""
    grids: list[Grid] = []
    view = lines.view.text
    i, n = 0, len(lines.items)
    while i < n:
        # a header names a year (YEAR_CELL's digits, any script's): one C scan of the line
        # rules out the prose lines with commas before their cells are split in Python
        # or, with no year, the row under it has a quoted cell: an export, not prose
        quoted = i + 1 < n and '"' in lines.items[i + 1][0]
        if not quoted and not _HAS_YEAR.search(lines.items[i][0]):
            i += 1
            continue
        first = lines.items[i][0]
        sep = ";" if '";"' in first or ("," not in first and first.count(";") >= 2) else ","
        header = _cells(first, sep)
        if (
            header is None
            or not (quoted or any(YEAR_CELL.match(first[a:b]) for a, b in header))
            or _taken(lines, i, skip)
        ):
            i += 1
            continue
        top = i
        if i > 0 and not quoted and _header_above(lines, i, sep, len(header)):
            # "年份,学前三年毛入园率（%）,…" above "2020,88.2,…": the row naming a year is
            # the first under a header of names (years as rows, or a long-format export)
            top = i - 1
            header_above = _cells(lines.items[top][0], sep)
            rows = [_row(lines, top, i, header_above), _row(lines, i, i + 1, header)]
        else:
            rows = [_row(lines, i, i + 1, header)]
        j = i + 1
        while j < n and not _taken(lines, j, skip):
            k = _row_end(lines, j)
            start, end = lines.items[j][1], lines.items[k - 1][2]
            row = _cells(view[start:end], sep)
            if row is None or len(row) != len(header):
                break
            rows.append(_row(lines, j, k, row))
            j = k
        if len(rows) - 1 < _MIN_BODY_ROWS:
            i += 1
            continue
        s, e = lines.raw_span(top, j)
        caption = lines.items[top - 1][0] if top > 0 else ""
        grids.append(Grid("delimited_csv", caption, s, e, rows))
        i = j
    return grids


def _header_above(lines: TextLines, i: int, sep: str, width: int) -> bool:
    """Whether line i - 1 is a header of names over line i, a row whose years are bare
    ("2020", not a header's "2020年"): as many short cells, none empty (not a caption
    "表1,…,,,"), a header word among them, no year and no sentence end."""
    above, line = lines.items[i - 1][0], lines.items[i][0]
    if _HAS_YEAR.search(above) or _SENTENCE.search(above) or not _HEADER_WORD.search(above):
        return False
    if "年" in line:
        return False
    cells = _cells(above, sep)
    return cells is not None and len(cells) == width and all(b > a for a, b in cells)


def _row_end(lines: TextLines, j: int) -> int:
    """The line after row j's last: a row whose quotes do not close goes on to the lines
    after it, up to _LONGEST_ROW_LINES."""
    k, quotes = j + 1, lines.items[j][0].count('"')
    while quotes % 2 and k < len(lines.items) and k - j < _LONGEST_ROW_LINES:
        quotes += lines.items[k][0].count('"')
        k += 1
    return k if quotes % 2 == 0 else j + 1


def _row(lines: TextLines, j: int, k: int, spans: list[tuple[int, int]]) -> list[GridCell]:
    """The cells of the row on lines j..k-1 (spans from its first line's start)."""
    start = lines.items[j][1]
    if k == j + 1:
        return [lines.cell(j, start + a, start + b) for a, b in spans]
    view = lines.view
    cells = []
    for a, b in spans:
        seg = view.text[start + a : start + b]
        # a cell run over a line break is one name ("…平均受教育" / "年限（年）")
        text = "".join(part.strip() for part in seg.split("\n")).replace('""', '"')
        if not text:
            raw = view.raw_start(start + a)
            cells.append(GridCell("", raw, raw))
            continue
        lead = len(seg) - len(seg.lstrip())
        s, e = view.raw_span(start + a + lead, start + a + len(seg.rstrip()))
        cells.append(GridCell(text, s, e))
    return cells


def _cells(text: str, sep: str = ",") -> list[tuple[int, int]] | None:
    """The (start, end) of each cell of a CSV row (quotes excluded), or None if it is none."""
    # _SENTENCE's characters looked up one by one in C, not by a regex scan of the line
    if sep not in text:
        return None
    if '"' not in text and (
        "。" in text or "；" in text or "：" in text or (sep == "," and ";" in text)
    ):
        return None
    cell = _CELLS[sep]
    spans, pos = [], 0
    while True:
        m = cell.match(text, pos)
        if m is None:  # a stray quote
            return None
        if m.group(1) is None and (
            _SENTENCE.search(m.group(2)) or (sep == ";" and ":" in m.group(2))
        ):
            # a clause of prose between two separators; "key:value;key:value" is a
            # one-line card (record_tables), not a row
            return None
        spans.append(m.span(1) if m.group(1) is not None else m.span(2))
        pos = m.end()
        if pos == len(text):
            break
        if text[pos] != sep:
            return None
        pos += 1
    if len(spans) < _MIN_CELLS or any(
        b - a > _LONGEST_CELL for a, b in spans if not _in_quotes(text, a, b)
    ):
        return None
    if any(b - a > _LONGEST_QUOTED for a, b in spans):
        return None
    return spans


def _in_quotes(text: str, a: int, b: int) -> bool:
    return a > 0 and text[a - 1] == '"' and text[b : b + 1] == '"'


def _taken(lines: TextLines, i: int, skip: list[tuple[int, int]]) -> bool:
    """Line i starts inside a region another reader has read."""
    return _masked(lines, i, skip)
