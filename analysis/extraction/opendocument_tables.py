"""A spreadsheet kept as OpenDocument XML: the content.xml of an .ods (or a flat .fods),
<table:table> <table:table-row> <table:table-cell> <text:p>, as LibreOffice writes it.

Each table is a grid. A cell reads as it shows (its <text:p> paragraphs: "91.3%", not
office:value="0.913"; the value only where no paragraph is written); a cell note
(<office:annotation>) is no part of its text. table:number-columns-repeated gives the cell
that many times (six years of "100.0%" in one element), table:number-rows-repeated a row
that many times; the empty rows and columns LibreOffice pads a sheet with to its last
row (number-rows-repeated="1048570") are not read. A first row of one cell spanned across
the table is its caption. Read from the raw text, like HTML (the views drop the tags)."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.table_readers import caption_numbers, clean_cell

_MARK = "urn:oasis:names:tc:opendocument:xmlns:table"
_TABLE = re.compile(r"<table:table\b([^>]*)>(.*?)</table:table>", re.S)
_ROW = re.compile(r"<table:table-row\b([^>]*?)(?:/>|>(.*?)</table:table-row>)", re.S)
_CELL = re.compile(
    r"<table:(table-cell|covered-table-cell)\b([^>]*?)(?:/>|>(.*?)</table:\1>)", re.S
)
_PARAGRAPH = re.compile(r"<text:(?:p|h)\b[^>]*?(?:/>|>(.*?)</text:(?:p|h)>)", re.S)
_ANNOTATION = re.compile(r"<office:annotation\b.*?</office:annotation>", re.S)
_ATTR = re.compile(r"([\w-]+:[\w-]+)=\"([^\"]*)\"")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_ELEMENT = re.compile(r"<dc:date>[\d\-T:.]*$")
# more repeats than a sheet shows are padding to its last row or column
_MOST_REPEATS = 64


def is_opendocument(raw: str) -> bool:
    return _MARK in raw[:4000]


def read_opendocument(raw: str) -> list[Grid]:
    """A grid for each table with two rows or more."""
    if not is_opendocument(raw):
        return []
    grids = []
    for table in _TABLE.finditer(raw):
        name = dict(_ATTR.findall(table.group(1))).get("table:name", "")
        rows, caption, labels = [], "", []
        for row in _ROW.finditer(raw, table.start(2), table.end(2)):
            attrs = dict(_ATTR.findall(row.group(1)))
            cells = _row_cells(raw, row) if row.group(2) else []
            if not any(c.text for c in cells):
                continue  # an empty row, or the padding to the sheet's end
            if not rows and len([c for c in cells if c.text]) == 1 and _spanned(row.group(2)):
                caption = next(c.text for c in cells if c.text)
                first = next(c for c in cells if c.text)
                labels = caption_numbers(raw, first.start, first.end)
                continue
            repeats = min(_count(attrs.get("table:number-rows-repeated")), _MOST_REPEATS)
            rows.extend([cells] * repeats)
        labels += _note_numbers(raw, table.start(2), table.end(2))
        if len(rows) >= 2:
            grids.append(
                Grid("opendocument", caption or name, table.start(), table.end(), rows, labels)
            )
    return grids


def _note_numbers(raw: str, start: int, end: int) -> list:
    """Ledger labels for the numbers of the cell notes: their dates and years, and the
    rest as a comment's."""
    labels = []
    for note in _ANNOTATION.finditer(raw, start, end):
        for m in _NUMBER.finditer(raw, note.start(), note.end()):
            if _in_tag(raw, note.start(), m.start()):
                continue  # the ledger reads a tag's numbers as markup
            if _DATE_ELEMENT.match(raw[raw.rfind("<", note.start(), m.start()) : m.start()]):
                labels.append((m.span(), "date", "a spreadsheet cell note's date"))
            elif _YEAR.fullmatch(m.group()):
                labels.append((m.span(), "year", "a year in a spreadsheet cell's note"))
            else:
                labels.append((m.span(), "markup", "in a spreadsheet cell's note"))
    return labels


def _in_tag(raw: str, floor: int, at: int) -> bool:
    return raw.rfind("<", floor, at) > raw.rfind(">", floor, at)


def _spanned(row_body: str) -> bool:
    return "table:number-columns-spanned" in row_body


def _row_cells(raw: str, row: re.Match) -> list[GridCell]:
    out: list[GridCell] = []
    for cell in _CELL.finditer(raw, row.start(2), row.end(2)):
        attrs = dict(_ATTR.findall(cell.group(2)))
        read = _cell(raw, cell, attrs)
        times = min(_count(attrs.get("table:number-columns-repeated")), _MOST_REPEATS)
        out.extend([read] * times)
    while out and not out[-1].text:
        out.pop()  # the padding to the sheet's last column
    return out


def _cell(raw: str, cell: re.Match, attrs: dict) -> GridCell:
    start, end = (cell.start(3), cell.end(3)) if cell.group(3) else (cell.end(), cell.end())
    notes = [m.span() for m in _ANNOTATION.finditer(raw, start, end)]
    paragraphs = [
        m
        for m in _PARAGRAPH.finditer(raw, start, end)
        if m.group(1) is not None and not any(a <= m.start() < b for a, b in notes)
    ]
    if paragraphs:
        text = clean_cell(" ".join(m.group(1) for m in paragraphs))
        if text:
            return GridCell(text, paragraphs[0].start(1), paragraphs[-1].end(1))
    value = attrs.get("office:value")
    if value is None:
        return GridCell("", cell.start(), cell.start())
    # a value with no paragraph shown: a percentage is stored as its fraction
    if attrs.get("office:value-type") == "percentage" and _NUMBER.fullmatch(value):
        value = f"{float(value) * 100:.10g}%"
    at = raw.find(f'"{attrs["office:value"]}"', cell.start(), cell.end()) + 1
    return GridCell(value, at, at + len(attrs["office:value"]))


def _count(attribute: str | None) -> int:
    """A repeat count; none, or one that is not a whole number, counts once."""
    return int(attribute) if attribute and attribute.isdigit() and int(attribute) > 0 else 1
