"""Tables whose cells an OCR pass or a copy left one space apart: one row per line.

"序号 指标 单位 2020年 2025年 属性" over "1 学前三年毛入园率 % 88.6 ≥92 预期性". One space also
parts words of prose and a number from its unit ("80.2 %"), so a run of lines is a table
only when it looks like one: a header of at least three cells, two or more of them years,
and at least two rows under it with as many cells, none of them long or ending a sentence.
A comparator typed apart from its number ("≥ 97") or a "%" apart from it ("88.6 %") is
one cell with it when the row has a cell too many.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid
from analysis.extraction.rotated_headers import rotated_header, short_line
from analysis.extraction.table_readers import HAS_YEAR, YEAR_CELL, TextLines, _masked

_TOKEN = re.compile(r"\S+")
_LONGEST_CELL = 30  # a clause of prose between two spaces is longer than a table cell
_MIN_CELLS = 3
_MIN_BODY_ROWS = 2
_COMPARATOR = frozenset(("≥", "≤", ">", "<", "＞", "＜", ">=", "<=", "~", "约"))
_PERCENT = frozenset(("%", "％"))
_NUMBER_END = re.compile(r"\d$")


def read_single_space_rows(lines: TextLines, skip) -> list[Grid]:
    """Every block of single-space rows under a header naming two years, not inside a
    skipped span."""
    grids: list[Grid] = []
    i, n = 0, len(lines.items)
    while i < n:
        text = lines.items[i][0]
        rotated = _rotated(lines, i, skip)
        if rotated is not None:
            grids.append(rotated[0])
            i = rotated[1]
            continue
        # one C scan each: most lines have no space, or fewer than two years
        if " " not in text or len(HAS_YEAR.findall(text)) < 2:
            i += 1
            continue
        header = _cells(text)
        if (
            header is None
            or sum(1 for a, b in header if YEAR_CELL.match(text[a:b])) < 2
            or _masked(lines, i, skip)
        ):
            i += 1
            continue
        body, j = _body_rows(lines, i + 1, len(header), skip)
        if len(body) < _MIN_BODY_ROWS:
            i += 1
            continue
        start = lines.items[i][1]
        rows = [[lines.cell(i, start + a, start + b) for a, b in header], *body]
        s, e = lines.raw_span(i, j)
        caption = lines.items[i - 1][0] if i > 0 else ""
        grids.append(Grid("delimited_single_space", caption, s, e, rows))
        i = j
    return grids


def _body_rows(lines: TextLines, j: int, width: int, skip) -> tuple[list[list], int]:
    """The rows of `width` cells from line j on, and the line after the last of them."""
    rows = []
    while j < len(lines.items) and not _masked(lines, j, skip):
        spans = _cells(lines.items[j][0], width)
        if spans is None or len(spans) != width:
            break
        start = lines.items[j][1]
        rows.append([lines.cell(j, start + a, start + b) for a, b in spans])
        j += 1
    return rows, j


def _cells(text: str, width: int | None = None) -> list[tuple[int, int]] | None:
    """The (start, end) of each cell of a row one space apart, or None if it is none."""
    if "。" in text or "；" in text or ";" in text or "：" in text:
        return None
    spans = space_tokens(text, width)
    if len(spans) < _MIN_CELLS or any(b - a > _LONGEST_CELL for a, b in spans):
        return None
    return spans


def space_tokens(text: str, width: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) of each run of non-space characters; with `width`, a comparator or
    a "%" apart from its number ("≥ 97", "88.6 %") joins it while there are more."""
    spans = [m.span() for m in _TOKEN.finditer(text)]
    if width is not None and len(spans) > width:
        spans = _joined(text, spans, len(spans) - width)
    return spans


def _joined(text: str, spans: list[tuple[int, int]], extra: int) -> list[tuple[int, int]]:
    """Up to `extra` joins of a lone comparator with the number after it, or of a lone "%"
    with the number before it."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        cell = text[a:b]
        before = text[out[-1][0] : out[-1][1]] if out else ""
        joins = (cell in _PERCENT and _NUMBER_END.search(before)) or (
            before in _COMPARATOR and cell[:1].isdigit()
        )
        if extra and joins:
            out[-1] = (out[-1][0], b)
            extra -= 1
        else:
            out.append((a, b))
    return out


def _rotated(lines: TextLines, i: int, skip) -> tuple[Grid, int] | None:
    """The table whose rows start at line i under a header printed rotated
    (rotated_headers.py), and the line after it; None when line i starts none."""
    text = lines.items[i][0]
    if i == 0 or " " not in text or not short_line(lines.items[i - 1][0]):
        return None
    first = _cells(text)
    if first is None or _masked(lines, i, skip):
        return None
    header = rotated_header(lines, i)
    if header is None or len(header) != len(first):
        return None
    if sum(1 for c in header if YEAR_CELL.match(c.text)) < 2:
        return None
    body, j = _body_rows(lines, i, len(header), skip)
    if len(body) < _MIN_BODY_ROWS:
        return None
    rows = [header, *body]
    s, e = header[0].start, lines.raw_span(i, j)[1]
    caption = next(
        (lines.items[k][0] for k in range(i - 1, -1, -1) if not short_line(lines.items[k][0])),
        "",
    )
    return Grid("delimited_single_space", caption, s, e, rows), j
