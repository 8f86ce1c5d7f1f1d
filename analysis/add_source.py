"""Adding a plan is one command: copy the text into data/raw, infer what the text states
(title, period, issue date, document type, province), append a validated entry to
sources.yaml, and rebuild.

sources.yaml is edited as text, so its comments and layout survive; the new version is
written to a temporary file and validated before it replaces the old one, so a failure
leaves sources.yaml as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis import paths
from analysis.errors import InputError, line_of
from analysis.sources import _ID, DOCUMENT_TYPES, load_sources
from analysis.yamlio import load_yaml

HEAD_LINES = 20  # the title and a dated covering notice are among the first non-empty lines
TAIL_LINES = 8  # a printing line or signature date is among the last
TITLE_WORDS = ("规划", "要点", "计划", "方案")
PROVINCES = {
    "北京市": "Beijing",
    "天津市": "Tianjin",
    "上海市": "Shanghai",
    "重庆市": "Chongqing",
    "河北省": "Hebei",
    "山西省": "Shanxi",
    "辽宁省": "Liaoning",
    "吉林省": "Jilin",
    "黑龙江省": "Heilongjiang",
    "江苏省": "Jiangsu",
    "浙江省": "Zhejiang",
    "安徽省": "Anhui",
    "福建省": "Fujian",
    "江西省": "Jiangxi",
    "山东省": "Shandong",
    "河南省": "Henan",
    "湖北省": "Hubei",
    "湖南省": "Hunan",
    "广东省": "Guangdong",
    "海南省": "Hainan",
    "四川省": "Sichuan",
    "贵州省": "Guizhou",
    "云南省": "Yunnan",
    "陕西省": "Shaanxi",
    "甘肃省": "Gansu",
    "青海省": "Qinghai",
    "内蒙古自治区": "Inner Mongolia",
    "广西壮族自治区": "Guangxi",
    "西藏自治区": "Tibet",
    "宁夏回族自治区": "Ningxia",
    "新疆维吾尔自治区": "Xinjiang",
}
DEFAULT_ADMIN_LEVEL = "prefecture-level city"
COUNTY_ADMIN_LEVEL = "county-level city"  # the default when a parent city is given

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_YEAR = r"((?:19|20)\d{2})"
_DASH = r"[－\-–—~～至到]"
_RANGE = re.compile(rf"(?<!\d){_YEAR}\s*年?\s*{_DASH}\s*{_YEAR}(?!\d)")
_ANNUAL = re.compile(rf"(?<!\d){_YEAR}\s*年度?[^。；，,;\d]{{0,15}}?(?:工作要点|要点|工作计划)")
_FYP = re.compile(
    r"[“\"「](十[一二三四五六七八九]?)五[”\"」]|(十[一二三四五六七八九]?)五(?=规划|时期|期间)"
)
_FYP_LONG = re.compile(r"第(十[一二三四五六七八九]?)个五年规划")
_ANNUAL_WORDS = re.compile(r"年度|工作要点|工作计划")
_DATE = re.compile(rf"{_YEAR}\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日")
_CN_DATE = re.compile(
    r"([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_ENUMERATION = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)）])"
)
_SUFFIX_LINE = re.compile(r"^[（(][^（）()]{1,20}[）)]$")  # （2021－2025年） under a title
_SENTENCE_END = tuple("。；，：,;:！？!?")
_STRIP = " \t\r\u3000\ufeff#*"


# ---------------------------------------------------------------- inference


@dataclass(frozen=True)
class Found:
    """A value the text states, with the (1-based) line it came from."""

    value: Any
    line: int
    text: str  # the line, cleaned of markup; two lines are joined with " / "
    last_line: int | None = None  # when the value spans two lines
    note: str = ""

    def where(self) -> str:
        lines = f"lines {self.line}-{self.last_line}" if self.last_line else f"line {self.line}"
        note = f"; {self.note}" if self.note else ""
        return f"{lines}: {_shorten(self.text)}{note}"


@dataclass(frozen=True)
class Inferred:
    title_zh: Found | None = None
    period: Found | None = None  # (start, end)
    issue_date: Found | None = None  # datetime.date; note says where in the text
    document_type: Found | None = None
    province: Found | None = None  # (name_zh, name_en)


def infer_metadata(text: str) -> Inferred:
    """What the text states about itself; None for what it does not state."""
    lines = _lines(text)
    title = _find_title(lines)
    candidates = [*_statement_lines(lines, title), *_range_statements(lines)]
    return Inferred(
        title_zh=title,
        period=_first(candidates, _period_in),
        issue_date=_find_issue_date(lines),
        document_type=_first(candidates, _document_type_in),
        province=_find_province(lines),
    )


def _lines(text: str) -> list[tuple[int, str]]:
    """(line number, cleaned line) of every non-empty line."""
    out = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = _TAG.sub("", raw).strip(_STRIP)
        if line:
            out.append((number, line))
    return out


def _heading_like(line: str) -> bool:
    return (
        len(line) <= 40
        and "。" not in line
        and not line.endswith(_SENTENCE_END)
        and not _ENUMERATION.match(line)
    )


def _is_title(line: str) -> bool:
    notice = "《" in line or "印发" in line or line.endswith("通知")
    return _heading_like(line) and any(w in line for w in TITLE_WORDS) and not notice


def _find_title(lines: list[tuple[int, str]]) -> Found | None:
    for i, (number, line) in enumerate(lines[:HEAD_LINES]):
        if not _is_title(line):
            continue
        if i + 1 < len(lines) and _SUFFIX_LINE.match(lines[i + 1][1]):
            below_number, below = lines[i + 1]
            return Found(line + below, number, f"{line} / {below}", last_line=below_number)
        return Found(line, number, line)
    return None


def _statement_lines(lines, title: Found | None) -> list[Found]:
    """Where the text names itself: the title, then the heading-like lines at the top."""
    out = [Found(title.value, title.line, title.text, title.last_line)] if title else []
    title_lines = {title.line, title.last_line} if title else set()
    for number, line in lines[:HEAD_LINES]:
        if number not in title_lines and _heading_like(line):
            out.append(Found(line, number, line))
    return out


def _range_statements(lines) -> list[Found]:
    """Body sentences that give the plan's own years (本规划期限为2021—2025年)."""
    return [
        Found(line, number, line)
        for number, line in lines
        if ("本规划" in line or "规划期" in line) and _RANGE.search(line)
    ]


def _first(candidates: list[Found], read) -> Found | None:
    for candidate in candidates:
        value = read(candidate.value)
        if value is not None:
            return dataclasses.replace(candidate, value=value)
    return None


def _period_in(line: str) -> tuple[int, int] | None:
    for match in _RANGE.finditer(line):
        start, end = int(match.group(1)), int(match.group(2))
        if 0 < end - start <= 10:
            return start, end
    if match := _ANNUAL.search(line):
        return int(match.group(1)), int(match.group(1))
    if match := _FYP.search(line) or _FYP_LONG.search(line):
        start = _fyp_start(next(g for g in match.groups() if g))
        return start, start + 4
    return None


def _fyp_start(numeral: str) -> int:
    """First year of the n-th five-year plan (十一五 = 2006-2010, 十四五 = 2021-2025)."""
    return 2006 + 5 * (_cn_number(numeral) - 11)


def _cn_number(numeral: str) -> int:
    """一 .. 九十九 in Chinese numerals."""
    if "十" not in numeral:
        return _CN_DIGITS[numeral]
    tens, _, ones = numeral.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _document_type_in(line: str) -> str | None:
    period = _period_in(line)
    years = set(re.findall(rf"(?<!\d){_YEAR}(?!\d)", line))
    if _ANNUAL_WORDS.search(line) and len(years) == 1:
        return "annual_work_plan"
    if _FYP.search(line) or "五年规划" in line:
        return "five_year_plan"
    if period and period[1] - period[0] == 4 and "规划" in line:
        return "five_year_plan"
    return None


def _find_issue_date(lines) -> Found | None:
    """A printing line (…2022年11月28日印发), else a dated notice at the top, else a date
    line at the end; dates in the body are about other things."""
    for number, line in [*lines[:HEAD_LINES], *lines[HEAD_LINES:][-TAIL_LINES:]]:
        for date, span in _dates_in(line):
            if (
                "印发" in line[span[1] : span[1] + 3]
                or "印发" in line[max(0, span[0] - 8) : span[0]]
            ):
                return Found(date, number, line, note="the printing line")
    for where, part in (("top", lines[:HEAD_LINES]), ("end", lines[-TAIL_LINES:])):
        for number, line in part:
            dates = _dates_in(line)
            if len(dates) == 1 and len(line) - (dates[0][1][1] - dates[0][1][0]) <= 2:
                label = "date of the notice at the top" if where == "top" else "date at the end"
                return Found(dates[0][0], number, line, note=label)
    return None


def _dates_in(line: str) -> list[tuple[dt.date, tuple[int, int]]]:
    out = []
    for match in _DATE.finditer(line):
        out.extend(_date(int(match.group(1)), int(match.group(2)), int(match.group(3)), match))
    for match in _CN_DATE.finditer(line):
        year = int("".join(str(_CN_DIGITS[c]) for c in match.group(1)))
        month, day = _cn_number(match.group(2)), _cn_number(match.group(3))
        out.extend(_date(year, month, day, match))
    return sorted(out, key=lambda d: d[1])


def _date(year: int, month: int, day: int, match: re.Match) -> list:
    try:
        return [(dt.date(year, month, day), match.span())]
    except ValueError:  # 2022年13月40日 is not a date
        return []


def _find_province(lines) -> Found | None:
    """The province named most often (ties: the first named)."""
    pattern = re.compile("|".join(map(re.escape, PROVINCES)))
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, str]] = {}
    for number, line in lines:
        for name in pattern.findall(line):
            counts[name] += 1
            first.setdefault(name, (number, line))
    if not counts:
        return None
    name = max(counts, key=lambda n: (counts[n], -first[n][0]))
    number, line = first[name]
    note = f"the province named most often ({counts[name]}x)"
    return Found((name, PROVINCES[name]), number, line, note=note)


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


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
    match = re.fullmatch(rf"\s*{_YEAR}\s*(?:{_DASH}\s*{_YEAR}\s*)?", text)
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


# ---------------------------------------------------------------- checks


def read_plan(path: Path) -> tuple[bytes, str]:
    """The plan's bytes and text; refuses anything but non-empty UTF-8."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8", errors="replace")
        raise InputError(
            path,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            + _conversion_hint(path, data),
            line_of(prefix, len(prefix)),
        ) from exc
    if not text.strip():
        raise InputError(path, "the file is empty")
    return data, text


def _likely_encoding(data: bytes) -> str | None:
    """The encoding a non-UTF-8 plan most likely uses, or None when it is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    # GB18030 is a superset of GBK and GB2312, the encodings Chinese government sites use.
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n\f")
    return None if controls > len(text) // 100 else "GB18030"


def _conversion_hint(path: Path, data: bytes) -> str:
    encoding = _likely_encoding(data)
    if encoding is None:
        return "it does not look like text in UTF-8, UTF-16 or GBK/GB18030: add a plain-text export"
    target = path.with_suffix(".utf8" + path.suffix)
    return (
        f"it looks like {encoding}: convert it and add the converted file: "
        f"iconv -f {encoding} -t UTF-8 '{path}' > '{target}'"
    )


def _check_request(request: NewSource, path: Path) -> None:
    for option, value in (("--city-id", request.city_id), ("--source-id", request.source_id)):
        if value is not None and not _ID.match(value):
            raise InputError(path, f"{option} {value!r} must be snake_case: a-z, 0-9 and _")
    if request.period is not None and request.period[0] > request.period[1]:
        raise InputError(path, f"--period {request.period} ends before it starts")
    if request.document_type is not None and request.document_type not in DOCUMENT_TYPES:
        raise InputError(path, f"--document-type must be one of {sorted(DOCUMENT_TYPES)}")
    for option, value in (("--city-zh", request.city_zh), ("--city-en", request.city_en)):
        if not value or not value.strip():
            raise InputError(path, f"{option} must not be empty")


def _check_not_registered(registry: Path, entry: dict) -> None:
    """A city, source id or file name already in the registry is refused."""
    load_sources(registry)  # the registry itself must be valid before it is extended
    data = load_yaml(registry)
    taken = [*data["sources"], *(data.get("references") or [])]
    for key in ("city_id", "source_id", "file"):
        for existing in taken:
            if key in existing and str(existing[key]) == str(entry[key]):
                owner = existing.get("source_id") or existing.get("reference_id")
                raise InputError(
                    registry,
                    f"{key} {entry[key]!r} is already registered (by {owner!r}); "
                    f"{_DUPLICATE_ADVICE[key]}",
                    existing.line,
                )


_DUPLICATE_ADVICE = {
    "city_id": "choose another --city-id, or edit the existing entry by hand",
    "source_id": "choose another --source-id",
    "file": "rename the new file (its name becomes file: in sources.yaml)",
}


def _destination(plan: Path, data: bytes, raw_dir: Path) -> tuple[Path, bool]:
    """Where the plan goes in data/raw, and whether it must be copied there."""
    dest = raw_dir / plan.name
    if plan.name.startswith(".") or plan.name.lower().startswith("readme"):
        raise InputError(plan, "hidden and README files are not plans; rename the file")
    if not dest.exists():
        return dest, True
    if dest.resolve() == plan.resolve() or dest.read_bytes() == data:
        return dest, False  # already in place (e.g. dropped into data/raw by hand)
    raise InputError(
        dest,
        f"a different file named {plan.name!r} is already in {raw_dir}; "
        "rename the new file and try again (nothing was copied)",
    )


# ---------------------------------------------------------------- editing sources.yaml

_TOP_KEY = re.compile(r"^[^\s#\-][^:]*:")
_SOURCES_KEY = re.compile(r"^sources:\s*(#.*)?$")
_ITEM = re.compile(r"^(\s*)- ")


def render_entry(entry: dict, indent: str = "  ") -> list[str]:
    """The entry as YAML lines (a one-item list), indented like the existing items."""
    dumped = yaml.safe_dump(
        [entry], allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000
    )
    return [indent + line for line in dumped.splitlines()]


def insert_entry(text: str, entry: dict, registry: Path) -> str:
    """sources.yaml with the entry appended to the `sources:` list, everything else as is."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if text.endswith("\r\n") else "\n"
    start = next((i for i, line in enumerate(lines) if _SOURCES_KEY.match(line.rstrip())), None)
    if start is None:
        raise InputError(registry, "no top-level block list 'sources:' to append to")
    end = next((i for i in range(start + 1, len(lines)) if _TOP_KEY.match(lines[i])), len(lines))
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and comments that introduce the next key stay with it
    items = (_ITEM.match(line) for line in lines[start + 1 : end])
    indent = next((m.group(1) for m in items if m), "  ")
    if not lines[end - 1].endswith("\n"):
        lines[end - 1] += newline
    block = [line + newline for line in render_entry(entry, indent)]
    return "".join(lines[:end] + block + lines[end:])


def _validate(candidate: Path, registry: Path, entry: dict) -> None:
    """The candidate registry loads, and differs from the old one by exactly the entry."""
    try:
        load_sources(candidate)
        new = load_yaml(candidate)
    except InputError as exc:
        raise InputError(
            registry, f"the new entry would make this file invalid: {exc.problem}", exc.line
        ) from exc
    old = load_yaml(registry)
    expected = {**old, "sources": [*old["sources"], entry]}
    if new != expected:
        raise InputError(
            registry, "appending the entry as text changed other entries; add it by hand"
        )


def _write_candidate(registry: Path, text: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=".sources-", suffix=".yaml", dir=registry.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    os.chmod(name, stat.S_IMODE(registry.stat().st_mode))
    return Path(name)


def _copy_plan(data: bytes, dest: Path) -> None:
    """Byte for byte; never overwrites (a file appearing meanwhile is an error)."""
    try:
        with open(dest, "xb") as fh:
            fh.write(data)
    except FileExistsError as exc:
        raise InputError(dest, "appeared while adding the plan; nothing was changed") from exc
    except OSError:
        dest.unlink(missing_ok=True)
        raise


def _publish(registry: Path, text: str, entry: dict, data: bytes, dest: Path, copy: bool):
    """Validate the new registry, copy the plan, then replace sources.yaml."""
    candidate = _write_candidate(registry, text)
    try:
        _validate(candidate, registry, entry)
        if copy:
            _copy_plan(data, dest)
        try:
            os.replace(candidate, registry)
        except OSError:
            if copy:
                dest.unlink(missing_ok=True)
            raise
    finally:
        candidate.unlink(missing_ok=True)


# ---------------------------------------------------------------- the command


@dataclass
class Added:
    """A registered plan: its entry, where it went, and how each value was chosen."""

    entry: dict
    registry: Path
    raw_path: Path
    copied: bool
    decisions: list[Decision]
    build: Any = None  # analysis.build.BuildResult once built

    @property
    def source_id(self) -> str:
        return self.entry["source_id"]

    def report(self) -> str:
        how = "copied to" if self.copied else "already in place at"
        lines = [
            f"{self.raw_path.name}: {how} {self.raw_path}",
            f"  sha256 {self.entry['sha256']}",
            f"registered {self.source_id!r} in {self.registry}; values chosen:",
            *(d.line() for d in self.decisions),
        ]
        return "\n".join(lines)


class BuildAfterAddFailed(InputError):
    """The plan was registered, but the build then refused an input."""

    def __init__(self, cause: InputError, added: Added):
        super().__init__(cause.path, cause.problem, cause.line)
        self.added = added

    def advice(self) -> str:
        a = self.added
        return (
            f"the plan was registered ({a.source_id!r} in {a.registry}, text at {a.raw_path}), "
            "but the build stopped; the previous database and exports are unchanged.\n"
            "Fix the problem above (a wrong value in the new entry: edit it in sources.yaml) "
            "and run: python -m analysis build\n"
            f"To withdraw the plan instead, delete its entry from {a.registry.name} "
            f"and the file {a.raw_path}."
        )


def register_source(plan: Path, request: NewSource, registry: Path = paths.SOURCES_YAML) -> Added:
    """Copy the plan next to the registry (into data/raw) and append its entry."""
    plan, registry = Path(plan), Path(registry)
    _check_request(request, plan)
    data, text = read_plan(plan)
    decisions = decide(request, infer_metadata(text), text, plan)
    sha256 = hashlib.sha256(data).hexdigest()
    entry = make_entry(request, decisions, plan.name, sha256)
    _check_not_registered(registry, entry)
    dest, copy = _destination(plan, data, registry.parent)
    new_text = insert_entry(registry.read_bytes().decode("utf-8"), entry, registry)
    _publish(registry, new_text, entry, data, dest, copy)
    return Added(entry, registry, dest, copy, decisions)


def build_after_add(added: Added, config=None):
    """The usual build over the registry that now holds the plan."""
    from analysis.build import BuildConfig, build

    config = dataclasses.replace(config or BuildConfig(), registry=added.registry)
    try:
        added.build = build(config)
    except InputError as exc:
        raise BuildAfterAddFailed(exc, added) from exc
    return added.build


def add_source(
    plan: Path,
    request: NewSource,
    registry: Path = paths.SOURCES_YAML,
    build_config=None,
    run_build: bool = True,
) -> Added:
    """Register the plan and (unless run_build is False) rebuild with it.

    The plan is copied into the registry's folder (data/raw), where the registry resolves
    its files. build_config defaults to the usual BuildConfig(); its registry is `registry`.
    """
    added = register_source(plan, request, registry)
    if run_build:
        build_after_add(added, build_config)
    return added
