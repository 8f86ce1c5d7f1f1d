"""A table written as dotted-leader rows, as web pages and typeset lists print it:
"学前三年毛入园率（%）…………90.6／≥93", one row a line, the values after a run of dots
("……", "....", "·····"), split by "/" or spaces.

The years come from a header row of the same layout ("指标名称……2020年　2025年") or from
the caption over the rows ("（2020年现状值／2025年目标值）", "（现状值/目标值）"). A hard
line width may carry a row's values onto the next line ("……6" / "8.4／≥80"): the line is
joined back, the cut value's raw span holding the line break. With no year header (a table
of contents: "第一章　发展基础……1") nothing is read here.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import _BASE_ROLE, _TARGET_ROLE, header_year
from analysis.extraction.line_tables import _is_year_value
from analysis.extraction.table_readers import TextLines, _masked

_DOTS = ".·・･•‧"
# name, a run of four or more leader dots, then the values
_ROW = re.compile(rf"^(?P<name>.*?)\s*[{_DOTS}]{{4,}}\s*(?P<values>.*)$")
# a line holding only the rest of a wrapped leader and the values ("…………6")
_LEADER_ONLY = re.compile(rf"^[{_DOTS}]{{2,}}\s*([^{_DOTS}\s].*)$")
_VALUE_SPLIT = re.compile(r"\s*/\s*|\s+")
# the bracket of a caption naming the columns: "（2020年现状值／2025年目标值）"
_CAPTION_BRACKET = re.compile(r"[(（]([^()（）]*[/、,，][^()（）]*)[)）]\s*$")
_CAPTION_SPLIT = re.compile(r"\s*[/、,，]\s*")
_CAPTION_LINES = 2  # the caption is one of the two lines over the first row
_WRAP_LONGEST = 24  # a line of values carried over by a hard wrap is short


def _tokens(lines: TextLines, k: int, a: int) -> list[GridCell]:
    """The value cells of line k from view position a: its tokens split by "/" or spaces."""
    text, start, end = lines.items[k]
    cells, pos = [], a
    for m in _VALUE_SPLIT.finditer(text, a - start, end - start):
        if m.start() + start > pos:
            cells.append(lines.cell(k, pos, start + m.start()))
        pos = start + m.end()
    if pos < end:
        cells.append(lines.cell(k, pos, end))
    return cells


def _row(lines: TextLines, k: int) -> tuple[GridCell, list[GridCell]] | None:
    """Line k as a leader row: its name cell and value cells (values may be none: wrapped)."""
    text, start, _ = lines.items[k]
    if "..." not in text and "··" not in text and "・・" not in text and "••" not in text:
        return None  # most lines hold no leader: no regex tried
    m = _ROW.match(text)
    if m is None or not m.group("name").strip():
        return None
    name = lines.cell(k, start, start + m.end("name"))
    values = _tokens(lines, k, start + m.start("values")) if m.group("values") else []
    return name, values


def _leader_only(lines: TextLines, k: int) -> list[GridCell] | None:
    """The values of line k when it holds only the rest of a wrapped leader and values."""
    if k >= len(lines.items):
        return None
    text, start, _ = lines.items[k]
    m = _LEADER_ONLY.match(text)
    return _tokens(lines, k, start + m.start(1)) if m else None


def _is_header_value(text: str) -> bool:
    compact = text.replace(" ", "")
    return header_year(compact) is not None or bool(
        _BASE_ROLE.match(compact) or _TARGET_ROLE.match(compact)
    )


def _caption_header(lines: TextLines, first: int, width: int) -> list[GridCell] | None:
    """Header cells from the caption over the first row: its bracket's parts, one a column.
    The caption may be wrapped over the two lines above ("…主要指标（2020年现" / "状值／…）"):
    they are searched as one text, the line break left out."""
    lo = max(0, first - _CAPTION_LINES)
    if lo >= first:
        return None
    view = lines.view
    a, b = lines.items[lo][1], lines.items[first - 1][2]
    at = [i for i in range(a, b) if view.text[i] != "\n"]  # view position of each character
    text = "".join(view.text[i] for i in at)
    m = _CAPTION_BRACKET.search(text)
    if m is None:
        return None
    parts, pos = [], m.start(1)
    for piece in _CAPTION_SPLIT.split(m.group(1)):
        i = text.find(piece, pos)
        s, e = view.raw_span(at[i], at[i + len(piece) - 1] + 1)
        parts.append(GridCell(piece.strip(), s, e))
        pos = i + len(piece)
    if len(parts) == width and all(_is_header_value(p.text) for p in parts):
        return parts
    return None


def _wrapped_values(lines: TextLines, k: int, values: list[GridCell], width: int):
    """Row values completed by line k + 1 when a hard wrap carried them there, else None."""
    if k + 1 >= len(lines.items):
        return None
    text, start, _ = lines.items[k + 1]
    if not text or len(text) > _WRAP_LONGEST or _row(lines, k + 1) is not None:
        return None
    more = _tokens(lines, k + 1, start)
    cut = text[:1] not in "/ "  # "……6" / "8.4／≥80": a value cut; "……93.5" / "／≥96": none
    if values and more and cut:  # the value cut in two: one cell spanning the line break
        head, tail = values[-1], more[0]
        if head.text[-1:].isdigit() or head.text[-1:] in ".%":
            values = [*values[:-1], GridCell(head.text + tail.text, head.start, tail.end)]
            more = more[1:]
    joined = values + more
    if len(joined) != width or not all(_is_year_value(c.text) for c in joined):
        return None
    return joined


def read_leader_rows(lines: TextLines, skip) -> list[Grid]:
    """Runs of two or more leader rows under a year header: one grid each."""
    grids: list[Grid] = []
    items = lines.items
    k = 0
    while k < len(items):
        row = _row(lines, k)
        if row is None or _masked(lines, k, skip):
            k += 1
            continue
        first = k
        header = None
        if row[1] and all(_is_header_value(c.text) for c in row[1]):  # "指标……2020年 2025年"
            header = [row[0], *row[1]]
            k += 1
            row = _row(lines, k) if k < len(items) else None
            if row is None:
                continue
        width = len(header) - 1 if header else len(row[1])
        if header is None:
            caption = _caption_header(lines, first, width) if width else None
            if caption is None:
                # a first row cut by a wrap: its width is the caption's
                caption = next((c for w in (2, 3) if (c := _caption_header(lines, first, w))), None)
                if caption is None:
                    k += 1
                    continue
                width = len(caption)
            at = row[0].start
            header = [GridCell("指标", at, at), *caption]
        rows, end = [header], k
        while k < len(items) and (row := _row(lines, k)) is not None:
            name, values = row
            if not values and (carried := _leader_only(lines, k + 1)) is not None:
                values = carried  # "…比例（%）……" / "……6" / "8.4／≥80": the leader wrapped too
                k += 1
            if len(values) != width or not all(_is_year_value(c.text) for c in values):
                values = _wrapped_values(lines, k, values, width)
                if values is None:
                    break
                k += 1
            rows.append([name, *values])
            k += 1
            end = k
        if len(rows) >= 3:
            s, e = lines.raw_span(first, end)
            caption_text = items[first - 1][0] if first else ""
            grids.append(Grid("leader_rows", caption_text, s, e, rows))
        k = max(k, first + 1)
    return grids
