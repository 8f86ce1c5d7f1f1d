"""A workbook saved as Excel 2003 XML (SpreadsheetML: "<?mso-application
progid=\"Excel.Sheet\"?>", <Worksheet> <Table> <Row> <Cell> <Data>), as a portal's
"导出Excel" often gives it.

Each worksheet's table is a grid: a cell's column is counted along its row, jumping to an
ss:Index where one is given and past the columns an ss:MergeAcross spans; a first row of
one merged cell is the caption. A Number whose style (the cell's, else its row's) has a
percent NumberFormat ("0.0%") is a fraction and reads as its percentage ("0.884" reads
88.4%), as Excel shows it; other cells read as written. Read from the raw text, like HTML
(the views drop the tags)."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.table_readers import caption_numbers, clean_cell

_MARK = "urn:schemas-microsoft-com:office:spreadsheet"
_STYLE = re.compile(r"<(?:ss:)?Style\b[^>]*?ss:ID=\"([^\"]+)\"[^>]*>(.*?)</(?:ss:)?Style>", re.S)
_PERCENT_FORMAT = re.compile(r"<(?:ss:)?NumberFormat\b[^>]*ss:Format=\"[^\"]*%[^\"]*\"")
_SHEET = re.compile(
    r"<(?:ss:)?Worksheet\b[^>]*?(?:ss:Name=\"([^\"]*)\")?[^>]*>(.*?)</(?:ss:)?Worksheet>", re.S
)
_ROW = re.compile(r"<(?:ss:)?Row\b([^>]*)>(.*?)</(?:ss:)?Row>|<(?:ss:)?Row\b[^>]*/>", re.S)
_CELL = re.compile(r"<(?:ss:)?Cell\b([^>]*?)(?:/>|>(.*?)</(?:ss:)?Cell>)", re.S)
_DATA = re.compile(r"<(?:ss:)?Data\b([^>]*)>(.*?)</(?:ss:)?Data>", re.S)
_ATTR = re.compile(r"ss:(\w+)=\"([^\"]*)\"")


def is_spreadsheet_xml(raw: str) -> bool:
    return _MARK in raw[:4000]


def read_spreadsheet_xml(raw: str) -> list[Grid]:
    """A grid for each worksheet whose table has two rows or more."""
    if not is_spreadsheet_xml(raw):
        return []
    percent = {m.group(1) for m in _STYLE.finditer(raw) if _PERCENT_FORMAT.search(m.group(2))}
    grids = []
    for sheet in _SHEET.finditer(raw):
        rows, caption, labels = [], sheet.group(1) or "", []
        for row in _ROW.finditer(raw, sheet.start(2), sheet.end(2)):
            if row.group(2) is None:
                rows.append([])
                continue
            row_style = dict(_ATTR.findall(row.group(1))).get("StyleID")
            cells = _row_cells(raw, row, row_style, percent)
            if not rows and len([c for c in cells if c.text]) == 1 and _merged(row.group(2)):
                caption = cells[0].text  # a title across the table
                labels = caption_numbers(raw, cells[0].start, cells[0].end)
                continue
            rows.append(cells)
        if len(rows) >= 2:
            grids.append(Grid("spreadsheet_xml", caption, sheet.start(), sheet.end(), rows, labels))
    return grids


def _merged(row_body: str) -> bool:
    return "MergeAcross" in row_body


def _row_cells(raw, row, row_style, percent) -> list[GridCell]:
    out: list[GridCell] = []
    for cell in _CELL.finditer(raw, row.start(2), row.end(2)):
        attrs = dict(_ATTR.findall(cell.group(1)))
        index = _count(attrs.get("Index")) - 1
        while index > len(out):  # columns skipped: empty cells
            out.append(GridCell("", cell.start(), cell.start()))
        data = _DATA.search(raw, cell.start(2), cell.end(2)) if cell.group(2) else None
        if data is None:
            out.append(GridCell("", cell.start(), cell.start()))
        else:
            kind = dict(_ATTR.findall(data.group(1))).get("Type", "String")
            style = attrs.get("StyleID", row_style)
            text = _read_as(clean_cell(data.group(2)), kind, style in percent)
            out.append(
                GridCell(text, data.start(2), data.end(2))
                if text
                else GridCell("", data.start(2), data.start(2))
            )
        for _ in range(_count(attrs.get("MergeAcross"))):
            out.append(GridCell("", cell.end(), cell.end()))
    return out


def _count(attribute: str | None) -> int:
    """An ss:Index or ss:MergeAcross as a count; one that is not a whole number counts 0
    (Excel would refuse the file; the cells are read in order instead)."""
    return int(attribute) if attribute and attribute.isdigit() else 0


def _read_as(text: str, kind: str, percent: bool) -> str:
    """A percent-formatted Number as Excel shows it ("0.884" -> "88.4%")."""
    if kind != "Number" or not percent:
        return text
    try:
        return f"{float(text) * 100:.10g}%"
    except ValueError:
        return text
