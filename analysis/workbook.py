"""The Excel workbook for people: a comparison sheet first, then one sheet per table.

Every sheet has a readable name (data/curated/data_package.yaml `sheet:`) and readable
headers; the city and indicator names stand before their ids; the header row and the name
columns stay frozen, every sheet has an autofilter and prints landscape, one page wide,
with the header row repeated. The bytes depend only on the rows: xlsxwriter is given a
fixed creation date and writes its zip entries in memory (dated 1980-01-01).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import xlsxwriter

from analysis.database import SCHEMAS

if TYPE_CHECKING:  # the descriptions are read by data_package, which imports this module
    from analysis.data_package import Descriptions, TableDoc

# Value columns that carry one observation: the workbook puts its quote beside them.
QUOTED_VALUES = {
    "baseline_2020": "baseline_observation_id",
    "midpoint_2022": "midpoint_observation_id",
    "target_2025": "target_observation_id",
}
# xlsxwriter stamps the workbook with its creation time unless told otherwise; a fixed
# date keeps the file byte-identical between runs (it is not the export time).
WORKBOOK_CREATED = dt.datetime(2025, 1, 1)
MAX_COLUMN_WIDTH = 60
WRAPPED_WIDTH = 70  # quotes and sources wrap in a column this wide
# What a column holds, in words a spreadsheet user knows (the README's "type" column).
KINDS = {
    "VARCHAR": "text",
    "INTEGER": "whole number",
    "DOUBLE": "number",
    "BOOLEAN": "TRUE/FALSE",
    "DATE": "date",
}
# Name columns put before an id column on the data sheets (the id stays, after them).
CITY_NAME = "city_name"
INDICATOR_NAME = "indicator_name"
_NAME_DESCRIPTIONS = {
    CITY_NAME: "The city's English and Chinese name (from the sources sheet); city_id follows.",
    INDICATOR_NAME: "The indicator's English name (from the indicators sheet); its id follows.",
}
# The words of a column id that a header spells differently: acronyms in capitals,
# abbreviations written out; (zh)/(en) as the data package names the language columns.
_WORDS = {
    "id": "ID",
    "ids": "IDs",
    "cagr": "CAGR",
    "sha256": "SHA-256",
    "char": "character",
    "chars": "characters",
    "10k": "10,000",
    "zh": "(zh)",
    "en": "(en)",
    "n": "number of",
}
_YEAR_RANGE = re.compile(r"\b(\d{4}) (\d{4})\b")


def column_label(column: str) -> str:
    """A header people read, from a column id: "city_name_zh" -> "City name (zh)",
    "past_rate_2015_2020" -> "Past rate 2015-2020", "cagr_ratio" -> "CAGR ratio"."""
    words = [_WORDS.get(w, w) for w in column.split("_")]
    text = _YEAR_RANGE.sub(r"\1-\2", " ".join(words))
    return text[0].upper() + text[1:]


@dataclass(frozen=True)
class Column:
    key: str  # the column's id (the CSV column, or a workbook-only name)
    label: str  # the header
    kind: str  # DuckDB type of the cells
    description: str
    unit: str | None = None
    wrap: bool = False  # long text: wrapped in a fixed-width column


@dataclass(frozen=True)
class Sheet:
    name: str
    table: str | None  # the exported table shown, None for the comparison
    columns: list[Column]
    rows: list[list]
    frozen_columns: int = 0  # the name columns kept in view when scrolling right
    # per cell Excel number format (None: the column's kind decides); same shape as rows
    number_formats: list[list[str | None]] | None = None
    description: str = ""


# ---------------------------------------------------------------- the data sheets


def _after(columns: list[str], value: str) -> int:
    """Position just after a value column and its `<value>_upper` partner, if any."""
    at = columns.index(value) + 1
    if at < len(columns) and columns[at] == f"{value}_upper":
        at += 1
    return at


def workbook_columns(table: str) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """The table's columns with each source quote right after the value(s) it states and
    the city and indicator names before their ids.

    Returns the columns and the added quote columns, each with its value and id column.
    """
    columns = list(SCHEMAS[table])
    if "value" in columns and "quote" in columns:
        columns.remove("quote")
        columns.insert(_after(columns, "value"), "quote")
    added = {}
    for value, observation_id in QUOTED_VALUES.items():
        if value in columns and observation_id in columns:
            added[f"{value}_quote"] = (value, observation_id)
            columns.insert(_after(columns, value), f"{value}_quote")
    # the names go first, so a reader sees who and what before any id
    names = []
    if "city_id" in columns and "city_name_en" not in columns:
        names.append(CITY_NAME)
    if "indicator_id" in columns and "name_en" not in columns:
        names.append(INDICATOR_NAME)
    return names + columns, added


def data_sheet(con, table: str, docs: Descriptions, quotes: dict, rows: list[dict]) -> Sheet:
    """One exported table as a sheet: `rows` are its records in export order."""
    doc: TableDoc = docs.tables[table]
    keys, added = workbook_columns(table)
    cities = {
        r[0]: f"{r[1]} {r[2]}"
        for r in con.execute(
            "SELECT city_id, city_name_en, city_name_zh FROM plans.sources"
        ).fetchall()
    }
    indicators = dict(con.execute("SELECT indicator_id, name_en FROM plans.indicators").fetchall())
    columns = []
    for key in keys:
        if key in added:
            value, observation_id = added[key]
            text = docs.quote_column.format(value=value, observation_id=observation_id)
            description = " ".join(text.split())
            columns.append(Column(key, column_label(key), "VARCHAR", description, wrap=True))
        elif key in _NAME_DESCRIPTIONS:
            label = "City" if key == CITY_NAME else "Indicator"
            columns.append(Column(key, label, "VARCHAR", _NAME_DESCRIPTIONS[key]))
        else:
            fd = doc.fields[key]
            kind = SCHEMAS[table][key]
            wrap = key == "quote"  # a verbatim quote can run to several lines
            columns.append(Column(key, column_label(key), kind, fd.description, fd.unit, wrap))

    def cell(record: dict, key: str):
        if key in added:
            return quotes.get(record[added[key][1]])
        if key == CITY_NAME:
            return cities.get(record["city_id"])
        if key == INDICATOR_NAME:
            return indicators.get(record["indicator_id"])
        return record[key]

    body = [[cell(r, k) for k in keys] for r in rows]
    frozen = sum(k in _NAME_DESCRIPTIONS for k in keys)
    title = f"{doc.title}: " if doc.title else ""
    return Sheet(doc.sheet, table, columns, body, frozen, description=title + doc.description)


# ---------------------------------------------------------------- writing


def _width(value) -> int:
    """Display width of a cell: CJK characters take two columns."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return max(
        (
            sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
            for line in text.split("\n")
        ),
        default=0,
    )


class _Formats:
    """xlsxwriter formats made once per (number format, wrap) and reused."""

    def __init__(self, workbook):
        self.workbook = workbook
        self.made: dict[tuple, object] = {}

    def get(self, num_format: str | None = None, wrap: bool = False, bold: bool = False):
        key = (num_format, wrap, bold)
        if key not in self.made:
            spec: dict = {"valign": "top"}
            if num_format:
                spec["num_format"] = num_format
            if wrap:
                spec["text_wrap"] = True
            if bold:
                spec.update(bold=True, text_wrap=True, bottom=1)
            self.made[key] = self.workbook.add_format(spec)
        return self.made[key]


def _write_cell(ws, row: int, col: int, value, duck_type: str, fmt) -> None:
    if value is None:
        return  # missing stays an empty cell
    if duck_type == "VARCHAR":
        ws.write_string(row, col, value, fmt)  # never write(): "=" and ">=" would be formulas
    elif duck_type in ("INTEGER", "DOUBLE"):
        ws.write_number(row, col, value, fmt)
    elif duck_type == "BOOLEAN":
        ws.write_boolean(row, col, value, fmt)
    elif duck_type == "DATE":
        ws.write_datetime(row, col, value, fmt)
    else:
        raise ValueError(f"no workbook cell type for DuckDB type {duck_type}")


def _print_setup(ws, n_rows: int, n_columns: int) -> None:
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # one page wide, as many pages tall as the rows need
    ws.repeat_rows(0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.autofilter(0, 0, n_rows, n_columns - 1)


def _write_sheet(workbook, sheet: Sheet, formats: _Formats) -> None:
    ws = workbook.add_worksheet(sheet.name)
    header = formats.get(bold=True)
    for col, column in enumerate(sheet.columns):
        ws.write_string(0, col, column.label, header)
        if column.wrap:
            width = WRAPPED_WIDTH
        else:
            cells = [_width(r[col]) for r in sheet.rows if r[col] is not None]
            width = min(max([len(column.label), *cells]) + 2, MAX_COLUMN_WIDTH)
        ws.set_column(col, col, width)
    for i, row in enumerate(sheet.rows, start=1):
        for col, value in enumerate(row):
            column = sheet.columns[col]
            num_format = sheet.number_formats[i - 1][col] if sheet.number_formats else None
            if column.kind == "DATE":
                num_format = "yyyy-mm-dd"
            fmt = formats.get(num_format, column.wrap)
            _write_cell(ws, i, col, value, column.kind, fmt)
    ws.freeze_panes(1, sheet.frozen_columns)
    _print_setup(ws, len(sheet.rows), len(sheet.columns))


def _write_readme(workbook, docs: Descriptions, sheets: list[Sheet], formats: _Formats) -> None:
    """What the workbook is, then every sheet and column described."""
    ws = workbook.add_worksheet("README")
    ws.write_string(
        0, 0, docs.package["title"], workbook.add_format({"bold": True, "font_size": 14})
    )
    # the description spans the six columns, wrapped, in a row tall enough for it
    ws.merge_range(
        1, 0, 1, 5, " ".join(docs.package["description"].split()), formats.get(wrap=True)
    )
    ws.set_row(1, 120)
    header = ["sheet", "column", "column id", "type", "unit", "description"]
    for col, name in enumerate(header):
        ws.write_string(3, col, name, formats.get(bold=True))
    row = 4
    for sheet in sheets:
        summary = f"{sheet.description} ({len(sheet.rows)} rows)"
        ws.write_string(row, 0, sheet.name, formats.get(bold=True))
        ws.write_string(row, 5, " ".join(summary.split()), formats.get(wrap=True, bold=True))
        row += 1
        for column in sheet.columns:
            ws.write_string(row, 0, sheet.name)
            ws.write_string(row, 1, column.label)
            ws.write_string(row, 2, column.key)
            ws.write_string(row, 3, KINDS[column.kind])
            if column.unit:
                ws.write_string(row, 4, column.unit, formats.get(wrap=True))
            ws.write_string(row, 5, column.description, formats.get(wrap=True))
            row += 1
    for col, width in enumerate((18, 28, 28, 12, 24, 90)):
        ws.set_column(col, col, width)
    ws.freeze_panes(4, 0)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(3)


def write_workbook(path: Path, docs: Descriptions, sheets: list[Sheet]) -> None:
    """The comparison (the first of `sheets`) opens first; the README follows it."""
    # in_memory: xlsxwriter then dates every zip entry 1980-01-01 instead of using the
    # modification times of its temporary files
    workbook = xlsxwriter.Workbook(str(path), {"in_memory": True})
    workbook.set_properties({"title": docs.package["title"], "created": WORKBOOK_CREATED})
    formats = _Formats(workbook)
    first, rest = sheets[0], sheets[1:]
    _write_sheet(workbook, first, formats)
    _write_readme(workbook, docs, sheets, formats)
    for sheet in rest:
        _write_sheet(workbook, sheet, formats)
    workbook.close()
