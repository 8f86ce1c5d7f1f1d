"""What a plan's text states about itself: its title, period, issue date, document type
and province, each with the line it came from (add-source prints them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

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

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
YEAR_PATTERN = r"((?:19|20)\d{2})"
DASH_PATTERN = r"[－\-–—~～至到]"
_RANGE = re.compile(rf"(?<!\d){YEAR_PATTERN}\s*年?\s*{DASH_PATTERN}\s*{YEAR_PATTERN}(?!\d)")
_ANNUAL = re.compile(
    rf"(?<!\d){YEAR_PATTERN}\s*年度?[^。；，,;\d]{{0,15}}?(?:工作要点|要点|工作计划)"
)
_FYP = re.compile(
    r"[“\"「](十[一二三四五六七八九]?)五[”\"」]|(十[一二三四五六七八九]?)五(?=规划|时期|期间)"
)
_FYP_LONG = re.compile(r"第(十[一二三四五六七八九]?)个五年规划")
_ANNUAL_WORDS = re.compile(r"年度|工作要点|工作计划")
_DATE = re.compile(rf"{YEAR_PATTERN}\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日")
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
    years = set(re.findall(rf"(?<!\d){YEAR_PATTERN}(?!\d)", line))
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
