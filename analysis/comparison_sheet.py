"""The workbook's first sheet: one row per city and indicator compared, for people.

Read from indicator_metrics (one row per comparison), with the names from the sources and
indicators tables and the sources from the observations the values come from: each source
gives the plan's title, the raw file, the line and character span, and the quote, so any
number on the sheet can be found in the plan. Values keep the numbers the plans state; the
number format shows the unit and the comparator (">99", "≥95"), so a target stays a
number a reader can sort and filter.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.errors import InputError
from analysis.unit_names import UNIT_LABELS
from analysis.workbook import Column, Sheet

if TYPE_CHECKING:
    from analysis.data_package import WorkbookDoc

# How each comparator reads in front of a number ("=" reads as nothing).
COMPARATOR_SIGNS = {"=": "", ">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "~"}
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
YEARS = {"baseline": 2020, "midpoint": 2022, "target": 2025}

_QUERY = """
SELECT m.*, s.city_name_en, s.city_name_zh, s.title_zh AS source_title,
       i.name_en AS indicator_name_en, i.name_zh AS indicator_name_zh
FROM plans.indicator_metrics m
JOIN plans.sources s USING (source_id)
JOIN plans.indicators i USING (indicator_id)
ORDER BY s.city_name_en, s.city_id, i.name_en, m.indicator_id
"""
_OBSERVATIONS = (
    "SELECT o.observation_id, s.file, o.line, o.char_start, o.char_end, o.quote "
    "FROM plans.observations o JOIN plans.sources s USING (source_id)"
)

COLUMNS = [
    Column("city_name_en", "City", "VARCHAR", "The city's English name."),
    Column("city_name_zh", "城市", "VARCHAR", "The city's Chinese name."),
    Column("indicator_name_en", "Indicator", "VARCHAR", "The indicator's English name."),
    Column("indicator_name_zh", "指标", "VARCHAR", "The indicator's Chinese name."),
    Column("unit", "Unit", "VARCHAR", "The indicator's unit, as the charts name it."),
    Column("unit_zh", "单位", "VARCHAR", "The indicator's unit in Chinese, as the charts name it."),
    Column("baseline_2020", "Baseline 2020", "DOUBLE", "The 2020 value the plan states."),
    Column("midpoint_2022", "Stated 2022", "DOUBLE", "The 2022 value the plan states, if any."),
    Column(
        "target_2025",
        "Target 2025",
        "DOUBLE",
        "The 2025 target, shown with its comparator (≥95 means 'at least 95').",
    ),
    Column("gap", "Gap", "DOUBLE", "Target minus baseline, in the indicator's unit."),
    Column(
        "growth_per_year_2020_2025",
        "Growth per year 2020-2025",
        "DOUBLE",
        "Change needed each year from the 2020 baseline to the target (pts/yr for "
        "percentages, %/yr for compound growth of counts).",
    ),
    Column(
        "growth_per_year_from_latest",
        "Growth per year from latest",
        "DOUBLE",
        "Change needed each year from the latest value (see 'Latest is').",
    ),
    Column("latest_basis", "Latest is", "VARCHAR", "What the latest value is."),
    Column("gap_status", "Gap status", "VARCHAR", "Whether the baseline already meets the target."),
    Column(
        "progress_status",
        "Progress",
        "VARCHAR",
        "Progress against the straight path to the target (analysis/metrics.py).",
    ),
    Column("trend_basis", "Progress rests on", "VARCHAR", "What the progress status rests on."),
    Column(
        "has_conflict",
        "Plan states other values",
        "BOOLEAN",
        "TRUE when the plan states conflicting values (see the Metrics per city sheet).",
    ),
    Column(
        "sources",
        "Sources",
        "VARCHAR",
        "For each value: the plan's title, raw file, line, character span and quote.",
        wrap=True,
    ),
]
FROZEN_COLUMNS = 4  # city and indicator names, English and Chinese
_VALUE_COLUMNS = ("baseline_2020", "midpoint_2022", "target_2025", "gap")
_GROWTH_COLUMNS = ("growth_per_year_2020_2025", "growth_per_year_from_latest")
_STATUS_COLUMNS = ("latest_basis", "gap_status", "progress_status", "trend_basis")
_UNIT_COLUMNS = {"unit": 1, "unit_zh": 0}  # -> position in a UNIT_LABELS entry (zh, en)


def _unit_name(unit: str, language: int) -> str:
    """The unit as the charts name it; a unit without a name is an error, not its id."""
    if unit not in UNIT_LABELS:
        raise InputError(
            "analysis/unit_names.py", f"workbook: no readable name for the codebook unit {unit!r}"
        )
    return UNIT_LABELS[unit][language]


def _quoted(text: str) -> str:
    """A literal inside an Excel number format."""
    return '"' + text.replace('"', "") + '"' if text else ""


def _signed(number_format: str) -> str:
    """The format with a sign on positive numbers: a gap or growth reads "+5" or "-2"."""
    return f"+{number_format};-{number_format};{number_format}"


def _gap_format(doc: WorkbookDoc, unit: str) -> str:
    if unit == "percent":  # a difference of percentages is in percentage points
        return _signed("0.0#" + _quoted(doc.unit_suffixes["gap_percent"]))
    return _signed(_number_format(doc, unit))


def _number_format(doc: WorkbookDoc, unit: str) -> str:
    if unit not in doc.number_formats:
        raise InputError(
            doc.path,
            f"workbook: number_formats has no format for unit {unit!r} (a codebook unit)",
            doc.formats_line,
        )
    return doc.number_formats[unit]


def _growth_format(doc: WorkbookDoc, unit: str, kind: str) -> str:
    if kind == "compound":
        return _signed("0.0#" + _quoted(doc.unit_suffixes["compound"]))
    if unit == "percent":  # growth in percentage points, not per cent
        return _signed("0.0#" + _quoted(doc.unit_suffixes["linear_percent"]))
    return _signed(_number_format(doc, unit) + _quoted(doc.unit_suffixes["linear"]))


def _source_lines(record: dict, title: str, observations: dict) -> str:
    lines = []
    for role, year in YEARS.items():
        observation_id = record[f"{role}_observation_id"]
        if observation_id is None:
            continue
        file, line, start, end, quote = observations[observation_id]
        quote = _LINE_BREAK.sub("", quote)  # a PDF line break inside Chinese text is no space
        lines.append(f"{year}: {title} ({file}, line {line}, chars {start}-{end}) 「{quote}」")
    return "\n".join(lines)


def comparison_sheet(con, doc: WorkbookDoc) -> Sheet:
    """Every comparison in the database, one row each, with per-cell number formats."""
    cursor = con.execute(_QUERY)
    names = [d[0] for d in cursor.description]
    records = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    observations = {r[0]: r[1:] for r in con.execute(_OBSERVATIONS).fetchall()}
    rows, formats = [], []
    for r in records:
        value_format = _number_format(doc, r["unit"])
        growth_format = _growth_format(doc, r["unit"], r["growth_kind"])
        target_sign = COMPARATOR_SIGNS.get(r["target_comparator"] or "=", r["target_comparator"])
        baseline_sign = COMPARATOR_SIGNS.get(
            r["baseline_comparator"] or "=", r["baseline_comparator"]
        )
        row, row_formats = [], []
        for column in COLUMNS:
            key = column.key
            if key == "sources":
                value = _source_lines(r, r["source_title"], observations) or None
            elif key in _UNIT_COLUMNS:
                value = _unit_name(r["unit"], _UNIT_COLUMNS[key])
            elif key in _STATUS_COLUMNS:
                value = doc.status_words.get(r[key], r[key]) if r[key] is not None else None
            else:
                value = r[key]
            if key == "target_2025":
                number_format = _quoted(target_sign) + value_format
            elif key == "baseline_2020":
                number_format = _quoted(baseline_sign) + value_format
            elif key == "gap":
                number_format = _gap_format(doc, r["unit"])
            elif key in _VALUE_COLUMNS:
                number_format = value_format
            elif key in _GROWTH_COLUMNS:
                number_format = growth_format
            else:
                number_format = None
            row.append(value)
            row_formats.append(number_format)
        rows.append(row)
        formats.append(row_formats)
    description = (
        "Comparison: one row per city and indicator with a 2020 baseline or a 2025 target "
        "(the indicator_metrics table), values as the plans state them, gap, growth needed "
        "per year, status and the source of every value."
    )
    return Sheet("Comparison", None, list(COLUMNS), rows, FROZEN_COLUMNS, formats, description)
