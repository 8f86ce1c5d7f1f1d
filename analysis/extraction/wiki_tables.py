"""A table in MediaWiki markup, as a wiki or 百科 page's source keeps it:

    {| class="wikitable"
    |+ 主要指标
    ! 指标 !! 单位 !! 2020年 !! 2025年
    |-
    | rowspan="2" | 学前教育 || 学前三年毛入园率 || % || 90.4 || ≥95
    |}

"|-" starts a row; a line starting with "!" (header) or "|" holds cells separated by "!!"
or "||"; a cell's attributes come before a single bar ("rowspan="3" | 学前教育") and
rowspan/colspan are expanded as in HTML; a line starting with neither continues the cell
before it. A cell's text is shown as the page shows it: a link's shown text, no bold
quotes, no footnote references (<ref>, <sup>[1]</sup>), whose digits are labelled.
Read from the raw text, like HTML.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.table_readers import clean_cell, expand_spans
from analysis.wiki_markup import shown_text

_TABLE = re.compile(r"^[^\S\n]*\{\|.*?^[^\S\n]*\|\}", re.MULTILINE | re.DOTALL)
_SPAN_ATTR = re.compile(r"(rowspan|colspan)\s*=\s*[\"']?(\d+)", re.IGNORECASE)
# a single bar ending a cell's attributes (not "||", not inside [[…|…]])
_ATTRIBUTES = re.compile(r"^([^|\[\]]*=[^|\[\]]*)\|(?!\|)")
_REFERENCE = re.compile(
    r"<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref\s*>|<sup\b[^>]*>.*?</sup\s*>", re.IGNORECASE | re.DOTALL
)
_DIGITS = re.compile(r"\d+")
FOOTNOTE = ("section_number", "a footnote reference in a wiki table")
ATTRIBUTE = ("markup", "a wiki table cell's attributes (rowspan, colspan, style)")
CAPTION = ("section_number", "a table's number in its caption")
_CAPTION_NUMBER = re.compile(r"(\d+(?:\.\d+)*)(年)?")


def read_wiki_tables(raw: str) -> list[Grid]:
    """Every {| … |} table of the raw text as a grid."""
    if raw.find("{|") < 0:
        return []  # most plans
    grids = []
    for t in _TABLE.finditer(raw):
        grid = _grid(raw, t.start(), t.end())
        if grid is not None:
            grids.append(grid)
    return grids


def _cells(raw: str, start: int, end: int, mark: str) -> list[tuple[int, int]]:
    """The [start, end) spans of the cells on a cell line after its first mark."""
    separator = "!!" if mark == "!" and raw.find("!!", start, end) >= 0 else "||"
    spans, pos = [], start
    while True:
        k = raw.find(separator, pos, end)
        if k < 0:
            spans.append((pos, end))
            return spans
        spans.append((pos, k))
        pos = k + 2


def _cell(raw: str, a: int, b: int, labels: list) -> tuple[GridCell, dict]:
    """A cell's GridCell (its text as shown) and its row and column spans."""
    spans = {}
    m = _ATTRIBUTES.match(raw[a:b])
    if m:
        spans = {k.lower(): int(v) for k, v in _SPAN_ATTR.findall(m.group(1))}
        labels.extend(
            ((a + d.start(), a + d.end()), *ATTRIBUTE) for d in _DIGITS.finditer(m.group(1))
        )
        a += m.end()
    body = raw[a:b]
    labels.extend(_reference_labels(body, a))
    text = clean_cell(_shown(body))
    # the cell's raw span: its visible text, without the references after it
    visible = _REFERENCE.sub(lambda r: " " * len(r.group()), body)
    lead = len(visible) - len(visible.lstrip())
    trail = len(visible.rstrip())
    if not text:
        return GridCell("", a + lead, a + lead), spans
    return GridCell(text, a + lead, a + max(lead, trail)), spans


def _shown(body: str) -> str:
    """A cell's text as the page shows it: a link's shown text, no bold quotes, no references."""
    return shown_text(_REFERENCE.sub("", body))


def _reference_labels(body: str, at: int) -> list:
    """The labels of the digits of the footnote references in body (at its raw start)."""
    return [
        ((at + ref.start() + d.start(), at + ref.start() + d.end()), *FOOTNOTE)
        for ref in _REFERENCE.finditer(body)
        for d in _DIGITS.finditer(ref.group())
    ]


def _grid(raw: str, start: int, end: int) -> Grid | None:
    caption = ""
    labels: list = []
    rows: list[list[tuple[GridCell, dict]]] = []
    row: list[tuple[GridCell, dict]] | None = None
    pos = start
    while pos < end:
        stop = raw.find("\n", pos, end)
        stop = end if stop < 0 else stop
        line = raw[pos:stop]
        body = line.lstrip()
        at = pos + len(line) - len(body)
        if body.startswith(("{|", "|}")):
            pass
        elif body.startswith("|+"):
            caption = clean_cell(_shown(body[2:]))
            labels.extend(_reference_labels(body[2:], at + 2))
            shown = _REFERENCE.sub(lambda r: " " * len(r.group()), body[2:])
            for d in _CAPTION_NUMBER.finditer(shown):
                kind = ("year", "a year in a table's caption") if d.group(2) else CAPTION
                labels.append(((at + 2 + d.start(1), at + 2 + d.end(1)), *kind))
        elif body.startswith("|-"):
            row = None
        elif body[:1] in ("|", "!"):
            if row is None:
                row = []
                rows.append(row)
            row.extend(_cell(raw, a, b, labels) for a, b in _cells(raw, at + 1, stop, body[0]))
        elif body and row:  # a cell's text going on below its line
            last, spans = row[-1]
            more = clean_cell(_shown(body))
            text = f"{last.text} {more}".strip() if last.text else more
            row[-1] = (GridCell(text, last.start if last.text else at, stop), spans)
        pos = stop + 1
    grid_rows = expand_spans(rows)
    if len(grid_rows) < 2:
        return None
    return Grid("wiki", caption, start, end, grid_rows, labels)
