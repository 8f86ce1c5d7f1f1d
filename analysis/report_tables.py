"""The notebooks' tables as a reader sees them: bilingual headers, names, rounded numbers.

``analysis.report`` returns plain DataFrames with ids and full precision, which is what
code and the CSV exports want. A reader wants "城市 City" over a column of "Baicheng
白城市", a 2025 target written "≥ 99", "not stated 未说明" where a plan gives no value,
"on track 按进度" instead of ``on_track``, and every row and column of the table. This
module turns any of those frames into such a table, by the names of its columns: the
header, the kind of value and the words for ids are data, in
``data/curated/report_tables.yaml``; the city, indicator and theme names come from the
database. A column the file does not describe keeps its raw name (shown as code) and is
listed by ``undescribed()``, which the tests run over every table of every notebook.

Pivot tables (cities by status, indicators by city) have ids as column labels and the
kind of id as the name of the column axis (``city_id``, ``progress_status``); their
labels are looked up the same way, and their cells, which have no column name to look
up, are counts when whole numbers, shares (0-1) when every value lies between 0 and 1,
scores otherwise.

``show_in_notebook()`` registers the table as the HTML display of every DataFrame in the
running IPython kernel, plus a ``text/csv`` copy that the HTML report offers for download.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import paths
from analysis.validation import load_checked

#: How a comparator is written in front of a value (``=`` writes nothing).
COMPARATOR_SIGNS = {"=": "", "~": "≈ ", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ "}
FLAG_WORDS = {True: "yes 是", False: "no 否"}
MINUS = "\u2212"  # a typographic minus: a hyphen is easily read as a dash
#: Shown in JupyterLab too, where the report's style sheet does not apply: long tables
#: scroll inside their box instead of being cut, wide ones scroll sideways.
CONTAINER_STYLE = "max-height: 36em; overflow: auto;"


@dataclass(frozen=True)
class TableStyle:
    """data/curated/report_tables.yaml, validated."""

    missing: str
    decimals: dict[str, int]
    units: dict[str, int]
    columns: dict[str, dict[str, str]]
    words: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Names:
    """Ids as readers know them: "Baicheng 白城市", and each indicator's unit."""

    cities: dict[str, str] = field(default_factory=dict)
    indicators: dict[str, str] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)
    indicator_units: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Cell:
    text: str
    css: str  # "number", "missing", "undescribed" (an id without words) or "" (text)


@dataclass(frozen=True)
class Table:
    headers: list[Cell]  # css "undescribed" when the style file has no header for it
    rows: list[list[Cell]]
    exact: list[list[str]]  # the same cells with numbers unrounded, for the CSV copy
    undescribed: list[str]  # column names and ids the style file has no words for


def load_table_style(path: Path = paths.REPORT_TABLES_YAML) -> TableStyle:
    data, _ = load_checked(path, "report_tables")
    return TableStyle(
        missing=data["missing"],
        decimals=dict(data["decimals"]),
        units=dict(data["units"]),
        columns={name: dict(spec) for name, spec in data["columns"].items()},
        words={group: {str(k): v for k, v in ws.items()} for group, ws in data["words"].items()},
    )


def names_from_database(database: Path = paths.DATABASE) -> Names:
    """The names of every city, indicator and theme in the built database."""
    from analysis.report import query

    def labels(sql: str) -> dict[str, str]:
        return {r[0]: f"{r[1]} {r[2]}" for r in query(sql, database=database).itertuples(False)}

    units = query("SELECT indicator_id, unit FROM indicators", database=database)
    return Names(
        cities=labels("SELECT city_id, city_name_en, city_name_zh FROM sources"),
        indicators=labels("SELECT indicator_id, name_en, name_zh FROM indicators"),
        themes=labels("SELECT theme_id, name_en, name_zh FROM themes"),
        indicator_units=dict(units.itertuples(False)),
    )


# ---------------------------------------------------------------- the table


def publication_table(df: pd.DataFrame, style: TableStyle, names: Names) -> Table:
    """The frame with every row and column, each cell written for a reader."""
    axis = df.columns.name  # the kind of id the labels of a pivot table's columns are
    frame = df.reset_index() if _has_named_index(df) else df
    formatter = _Formatter(style, names)
    headers = [formatter.header(column, axis) for column in frame.columns]
    rows, exact = [], []
    for record in frame.to_dict("records"):
        cells = [formatter.cell(column, record, axis, frame) for column in frame.columns]
        rows.append([display for display, _ in cells])
        exact.append([value for _, value in cells])
    return Table(headers, rows, exact, sorted(set(formatter.undescribed)))


def _has_named_index(df: pd.DataFrame) -> bool:
    return any(name is not None for name in df.index.names)


class _Formatter:
    def __init__(self, style: TableStyle, names: Names):
        self.style = style
        self.names = names
        self.undescribed: list[str] = []

    # -------- headers

    def header(self, column: Any, axis: str | None) -> Cell:
        spec = self.style.columns.get(str(column))
        if spec is not None:
            return Cell(spec["header"], "")
        if axis is not None:
            return self._id_cell(axis, str(column))
        self.undescribed.append(f"column {column}")
        return Cell(str(column), "undescribed")

    # -------- cells

    def cell(self, column: Any, record: dict, axis: str | None, frame) -> tuple[Cell, str]:
        value = record[column]
        spec = self.style.columns.get(str(column))
        if spec is None:  # a pivot table's cell, or an undescribed column
            kind = _pivot_kind(frame[column]) if axis is not None else "text"
            spec = {"kind": kind}
        missing = spec.get("missing", self.style.missing)
        if _is_missing(value):
            return Cell(missing, "missing"), ""
        kind = spec["kind"]
        if kind == "value":
            decimals = self._value_decimals(record)
            comparator = record.get(spec["comparator"]) if "comparator" in spec else None
            sign = "" if _is_missing(comparator) else COMPARATOR_SIGNS[str(comparator)]
            return Cell(sign + _number(value, decimals, strip=True), "number"), _exact(value)
        if kind in ("rate", "share", "score"):
            return Cell(_number(value, self.style.decimals[kind]), "number"), _exact(value)
        if kind == "count":
            return Cell(_number(value, 0), "number"), _exact(value)
        if kind == "year":
            return Cell(str(int(value)), "number"), str(int(value))
        if kind == "date":
            text = pd.Timestamp(value).strftime("%Y-%m-%d")
            return Cell(text, ""), text
        if kind == "flag":
            text = FLAG_WORDS[bool(value)]
            return Cell(text, ""), text
        if kind in ("city", "indicator", "theme", "words"):
            group = {"city": "city_id", "indicator": "indicator_id", "theme": "theme_id"}
            found = self._id_cell(group.get(kind, spec.get("words", str(column))), str(value))
            return found, found.text
        if kind == "cities":
            text = "; ".join(self.id_text("city_id", c.strip()) for c in str(value).split(","))
            return Cell(text, ""), text
        return Cell(str(value), ""), str(value)

    def _id_cell(self, group: str, value: str) -> Cell:
        text = self.id_text(group, value)
        return Cell(text, "undescribed" if text == value and self._unknown(group, value) else "")

    def _unknown(self, group: str, value: str) -> bool:
        return f"{group} {value}" in self.undescribed

    def id_text(self, group: str, value: str) -> str:
        """An id as words: a city, indicator or theme name, or the style file's words (which
        also name the rows that pool all themes, such as ``(micro)``, beside real ids)."""
        from_database = {
            "city_id": self.names.cities,
            "indicator_id": self.names.indicators,
            "theme_id": self.names.themes,
        }.get(group, {})
        known = {**self.style.words.get(group, {}), **from_database}
        if value not in known:
            self.undescribed.append(f"{group} {value}")
            return value
        return known[value]

    def _value_decimals(self, record: dict) -> int:
        """Decimals by the row's unit: its unit column, else its indicator's unit."""
        unit = record.get("unit")
        if _is_missing(unit):
            unit = self.names.indicator_units.get(record.get("indicator_id"))
        # a row that names no unit (a corrected observation): two decimals at most
        return self.style.units.get(unit, 2) if unit else 2


def _pivot_kind(values: pd.Series) -> str:
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    if pd.api.types.is_integer_dtype(values) or (numbers == numbers.round()).all():
        return "count"
    return "share" if numbers.between(0, 1).all() else "score"


def _is_missing(value: Any) -> bool:
    return value is None or (not isinstance(value, (list, dict)) and bool(pd.isna(value)))


def _number(value: Any, decimals: int, strip: bool = False) -> str:
    """Rounded, thousands separated, a true minus; ``strip`` drops trailing zeros (a
    stated 95 stays 95 beside a stated 80.36)."""
    number = float(value)
    text = f"{abs(number):,.{decimals}f}"
    if strip and "." in text:
        text = text.rstrip("0").rstrip(".")
    negative = number < 0 and any(ch not in "0.," for ch in text)
    return (MINUS if negative else "") + text


def _exact(value: Any) -> str:
    """A number as stored: integers without a decimal point, others in full."""
    number = float(value)
    return str(int(number)) if math.isfinite(number) and number == int(number) else repr(number)


# ---------------------------------------------------------------- HTML and CSV


def table_html(table: Table) -> str:
    head = "".join(_tag("th", h, ' scope="col"') for h in table.headers)
    body = "\n".join("<tr>" + "".join(_tag("td", c) for c in row) + "</tr>" for row in table.rows)
    return (
        f'<div class="publication-table" style="{CONTAINER_STYLE}">\n'
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>"
    )


def _tag(name: str, cell: Cell, attrs: str = "") -> str:
    css = f' class="{cell.css}"' if cell.css else ""
    return f"<{name}{attrs}{css}>{escape(cell.text)}</{name}>"


def table_csv(table: Table) -> str:
    """The table with the same headers and names, numbers unrounded, blanks for missing."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([h.text for h in table.headers])
    writer.writerows(table.exact)
    return out.getvalue()


def undescribed(df: pd.DataFrame, style: TableStyle, names: Names) -> list[str]:
    """Columns and ids of df that the style file and the database have no words for."""
    return publication_table(df, style, names).undescribed


# ---------------------------------------------------------------- in a notebook


def show_in_notebook(database: Path = paths.DATABASE) -> None:
    """Display every DataFrame in this IPython kernel as a publication table (HTML), with
    a ``text/csv`` copy beside it; ``text/plain`` stays pandas' own."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        raise RuntimeError("show_in_notebook() works inside IPython or Jupyter only")
    style, names = load_table_style(), names_from_database(database)
    formatters = shell.display_formatter.formatters

    def as_html(df: pd.DataFrame) -> str:
        return table_html(publication_table(df, style, names))

    def as_bundle(df: pd.DataFrame, include=None, exclude=None) -> dict[str, str]:
        return {"text/csv": table_csv(publication_table(df, style, names))}

    formatters["text/html"].for_type(pd.DataFrame, as_html)
    shell.display_formatter.mimebundle_formatter.for_type(pd.DataFrame, as_bundle)
