"""The new registry entry: what the user gave, what the text states, or a default, each
choice recorded with its reason (add-source prints them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.errors import InputError
from analysis.plan_metadata import DASH_PATTERN, PROVINCES, YEAR_PATTERN, Found, Inferred

DEFAULT_ADMIN_LEVEL = "prefecture-level city"
COUNTY_ADMIN_LEVEL = "county-level city"  # the default when a parent city is given

# ---------------------------------------------------------------- the request


@dataclass(frozen=True)
class NewSource:
    """What the user says about the new plan; None means: infer it, or use the default."""

    city_id: str
    city_zh: str
    city_en: str
    province_zh: str | None = None
    province_en: str | None = None
    admin_level: str | None = None
    parent_city_zh: str | None = None
    parent_city_en: str | None = None
    document_type: str | None = None
    period: tuple[int, int] | None = None
    issue_date: dt.date | None = None
    baseline_year: int | None = None
    source_id: str | None = None
    title_zh: str | None = None
    title_en: str | None = None


def parse_period(text: str) -> tuple[int, int]:
    """'2021-2025' (any dash) or '2022'."""
    match = re.fullmatch(rf"\s*{YEAR_PATTERN}\s*(?:{DASH_PATTERN}\s*{YEAR_PATTERN}\s*)?", text)
    if not match:
        raise ValueError(f"{text!r} is not YEAR or YEAR-YEAR (e.g. 2021-2025 or 2022)")
    start = int(match.group(1))
    end = int(match.group(2) or start)
    if end < start:
        raise ValueError(f"{text!r} ends before it starts")
    return start, end


@dataclass(frozen=True)
class Decision:
    """One field of the new entry and how its value was chosen."""

    field: str
    value: Any
    how: str  # given | inferred | default
    detail: str = ""

    def line(self) -> str:
        value = "null" if self.value is None else self.value
        if self.field == "period":
            value = "-".join(map(str, dict.fromkeys(self.value)))  # 2021-2025, or 2022
        detail = f"  ({self.detail})" if self.detail else ""
        return f"  {self.how:<8} {self.field:<15} {value}{detail}"


# ---------------------------------------------------------------- choosing the values


def _choose(field_name: str, given, found: Found | None, default, why_default: str):
    if given is not None:
        return Decision(field_name, given, "given")
    if found is not None:
        return Decision(field_name, found.value, "inferred", f"from {found.where()}")
    return Decision(field_name, default, "default", why_default)


def _period(request: NewSource, inferred: Inferred, path: Path) -> Decision:
    decision = _choose("period", request.period, inferred.period, None, "")
    if decision.value is None:
        raise InputError(
            path,
            "the text states no plan period (no 2021－2025年, “十四五” or 2022年…工作要点 "
            "in its title or heading lines); pass --period 2021-2025 or --period 2022",
        )
    return decision


def _document_type(request: NewSource, inferred: Inferred, period: tuple[int, int]) -> Decision:
    if request.document_type is not None:
        return Decision("document_type", request.document_type, "given")
    single = period[0] == period[1]
    found = inferred.document_type
    if found is not None and (found.value == "annual_work_plan") == single:
        return Decision("document_type", found.value, "inferred", f"from {found.where()}")
    derived = "annual_work_plan" if single else "five_year_plan"
    why = "the period is a single year" if single else "the period spans several years"
    return Decision("document_type", derived, "default", why)


def _title_zh(request, inferred, city_zh: str, period, document_type: str) -> Decision:
    start, end = period
    if document_type == "annual_work_plan":
        default = f"{city_zh}{start}年教育工作要点"
    else:
        default = f"{city_zh}教育发展规划（{start}－{end}年）"
    why = "the text states no title; composed from the city and period: check it"
    return _choose("title_zh", request.title_zh, inferred.title_zh, default, why)


def _title_en(request: NewSource, period, document_type: str) -> Decision:
    start, end = period
    if document_type == "annual_work_plan":
        default = f"{request.city_en} {start} annual education work plan"
    elif document_type == "outline":
        default = f"{request.city_en} {_plan_name(period)} (outline)"
    else:
        default = f"{request.city_en} {_plan_name(period)} ({start}-{end})"
    why = "composed from --city-en, the period and the document type: check it"
    return _choose("title_en", request.title_en, None, default, why)


def _plan_name(period: tuple[int, int]) -> str:
    """'14th Five-Year Education Development Plan' for 2021-2025, and so on."""
    start, end = period
    offset, rest = divmod(start - 2006, 5)
    if end - start == 4 and rest == 0 and 0 <= offset <= 8:  # the 11th to the 19th
        return f"{11 + offset}th Five-Year Education Development Plan"
    return "Education Development Plan"


def _title_note(title: Decision, text: str) -> Decision | None:
    if title.how == "default":
        return Decision(
            "title_note", "the title is not in the text; composed by add-source", "default"
        )
    if title.how == "given" and _squash(title.value) not in _squash(text):
        note = "the title is not in the text; supplied with --title-zh"
        return Decision("title_note", note, "given")
    return None


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _issue_date(request: NewSource, inferred: Inferred) -> list[Decision]:
    if request.issue_date is not None:
        return [
            Decision("issue_date", request.issue_date, "given"),
            Decision("issue_date_note", "supplied with --issue-date", "given"),
        ]
    found = inferred.issue_date
    if found is None:
        why = "the text states no issue date"
        return [
            Decision("issue_date", None, "default", why),
            Decision("issue_date_note", why, "default"),
        ]
    note = f"{found.note}, line {found.line} of the text ({found.text})"
    return [
        Decision("issue_date", found.value, "inferred", f"from {found.where()}"),
        Decision("issue_date_note", note, "inferred"),
    ]


def _province(request: NewSource, inferred: Inferred, path: Path) -> list[Decision]:
    zh, en = request.province_zh, request.province_en
    if zh is None and en is None and inferred.province is not None:
        found = inferred.province
        detail = f"from {found.where()}"
        return [
            Decision("province_zh", found.value[0], "inferred", detail),
            Decision("province_en", found.value[1], "inferred", "the English name of province_zh"),
        ]
    if zh is not None and en is None and zh in PROVINCES:
        return [
            Decision("province_zh", zh, "given"),
            Decision("province_en", PROVINCES[zh], "default", "the English name of province_zh"),
        ]
    if zh is None or en is None:
        raise InputError(
            path,
            "the text names no province (or --province-zh is not one the tool knows); "
            "pass --province-zh and --province-en, e.g. --province-zh 吉林省 --province-en Jilin",
        )
    return [Decision("province_zh", zh, "given"), Decision("province_en", en, "given")]


def _admin_level(request: NewSource) -> Decision:
    if request.admin_level is not None:
        return Decision("admin_level", request.admin_level, "given")
    if request.parent_city_zh is not None:
        return Decision("admin_level", COUNTY_ADMIN_LEVEL, "default", "a parent city is given")
    return Decision("admin_level", DEFAULT_ADMIN_LEVEL, "default", "not stated")


def _baseline_year(request: NewSource, period: tuple[int, int]) -> Decision:
    why = "the year before the period: period_start - 1"
    return _choose("baseline_year", request.baseline_year, None, period[0] - 1, why)


def default_source_id(city_id: str, document_type: str, period: tuple[int, int]) -> str:
    start, end = period
    if document_type == "annual_work_plan":
        return f"{city_id}_work_plan_{start}"
    if document_type == "outline":
        return f"{city_id}_fyp_outline_{start}_{end}"
    return f"{city_id}_fyp_{start}_{end}"


def decide(request: NewSource, inferred: Inferred, text: str, path: Path) -> list[Decision]:
    """Every inferred or defaulted field; explicit options always win over the text."""
    period = _period(request, inferred, path)
    doc = _document_type(request, inferred, period.value)
    title = _title_zh(request, inferred, request.city_zh, period.value, doc.value)
    source_id = request.source_id or default_source_id(request.city_id, doc.value, period.value)
    how = "given" if request.source_id else "default"
    return [
        Decision("source_id", source_id, how, "" if request.source_id else "from city and period"),
        *_province(request, inferred, path),
        _admin_level(request),
        title,
        _title_en(request, period.value, doc.value),
        *filter(None, [_title_note(title, text)]),
        doc,
        period,
        *_issue_date(request, inferred),
        _baseline_year(request, period.value),
    ]


def make_entry(request: NewSource, decisions: list[Decision], file: str, sha256: str) -> dict:
    """The registry entry, its keys in the order of the existing entries."""
    chosen = {d.field: d.value for d in decisions}
    start, end = chosen["period"]
    entry = {
        "source_id": chosen["source_id"],
        "city_id": request.city_id,
        "file": file,
        "sha256": sha256,
        "city_name_zh": request.city_zh,
        "city_name_en": request.city_en,
        "province_zh": chosen["province_zh"],
        "province_en": chosen["province_en"],
        "admin_level": chosen["admin_level"],
        "parent_city_zh": request.parent_city_zh,
        "parent_city_en": request.parent_city_en,
        "title_zh": chosen["title_zh"],
        "title_en": chosen["title_en"],
    }
    if "title_note" in chosen:
        entry["title_note"] = chosen["title_note"]
    entry |= {
        "document_type": chosen["document_type"],
        "period_start": start,
        "period_end": end,
        "issue_date": chosen["issue_date"],
        "issue_date_note": chosen["issue_date_note"],
        "baseline_year": chosen["baseline_year"],
        "known_defects": [],
    }
    return entry
