"""Every number in a cleaned text, with its scale, unit and comparator words.

Arabic numbers ("1,200", "92.5", "1.5亿元"), Chinese numerals that state a quantity
("两千人", "百分之九十五", "一千二百名"), percentages, ranges ("95%—97%") and the words
around a number that qualify it (以上, 不低于, 约, 余, 左右 ...). Nothing here knows
indicators: the binder decides what a number is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

import cn2an

from analysis.rules import Rules

# a group of three digits after a comma, not the start of a longer number ("88，2025年")
ARABIC = r"\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万亿点"
# the financial (uppercase) numerals of an amount of money ("人民币叁亿贰仟万元"): read only
# before 元 or 圆, as 伍 and 陆 are also in words (队伍, 陆续)
FINANCIAL_DIGITS = "壹贰叁肆伍陆柒捌玖拾佰仟"
_ANY_DIGIT = CHINESE_DIGITS + FINANCIAL_DIGITS
CHINESE = (
    rf"(?:[{CHINESE_DIGITS}]+"
    rf"|[{_ANY_DIGIT}]*[{FINANCIAL_DIGITS}][{_ANY_DIGIT}]*(?=[元圆]))"
)
SCALES = {"万": 1e4, "亿": 1e8, "千": 1e3, "百万": 1e6, "千万": 1e7, "十万": 1e5}
_SCALE_RE = "|".join(sorted(SCALES, key=len, reverse=True))
# words naming who set a value: a target quoted, not the whole a share is of
_SET_BY = re.compile(r"规划|纲要|提出|确定|要求|目标|设定")


# Not frozen: a frozen dataclass's __init__ sets each of its 12 fields through
# object.__setattr__ (~7 µs a number, the largest part of making one); nothing changes a
# Quantity once made (dataclasses.replace makes a new one), and unsafe_hash hashes it by
# its fields as frozen=True did.
@dataclass(slots=True, unsafe_hash=True)
class Quantity:
    """One number as written: ``text[start:end]`` is the number with scale, unit and suffix."""

    start: int
    end: int
    num_start: int  # the digits alone
    num_end: int
    value: float  # scale applied
    unit_token: str | None  # as written: "%", "万人", "亿元", "个百分点"
    unit: str | None  # codebook unit: percent, persons, count, yuan, ... or "other"
    points: bool  # "个百分点": a change in percentage points
    comparator: str | None  # from a suffix (以上, 左右, 余) or a prefix word
    upper: float | None  # a range's second value
    chinese: bool  # written in Chinese numerals
    approximate: bool  # 约, 左右, 余


_ARABIC_RE = re.compile(ARABIC)
# the groups of QuantityFinder's pattern that _quantity reads, in its order
_GROUPS = ("num", "unit", "pct", "den", "scale", "num2", "unit2", "yu", "suffix")
# the first character of every quantity (百 starts 百分之 too): find's shortcut
_QUANTITY_START = re.compile(rf"[\d{_ANY_DIGIT}]")


def _to_float(text: str) -> float | None:
    # digits alone (most numbers) are ARABIC's second branch: no fullmatch needed
    if text.isdecimal() or _ARABIC_RE.fullmatch(text):
        value = float(text.replace(",", ""))
    else:
        try:
            value = float(_cn(text))
        except (ValueError, KeyError, IndexError):
            return None
    # A 300-digit number is text, not a value: beyond this it cannot be a plan's quantity.
    return value if value == value and abs(value) < 1e15 else None


def doublings(text: str) -> list[Quantity]:
    """ "翻一番" (×2), "翻两番" (×4): a change in times, written without a numeral's unit."""
    out = []
    for m in re.finditer(r"翻(一|两)?番", text):
        value = 4.0 if m.group(1) == "两" else 2.0
        out.append(
            Quantity(*m.span(), *m.span(), value, "倍", "times", False, "=", None, True, False)
        )
    return out


def scaled(value: float, factor: float) -> float:
    """value × factor as written: 82.4亿 is 8240000000, not the float product
    8240000000.000001 (the decimal digits as printed are multiplied exactly)."""
    if factor == 1:
        return value
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def _zero_value(text: str, m: re.Match) -> bool:
    """ "辍学率降为零": zero as the value after a verb (零辍学, 零容忍 are words)."""
    return (
        m.group("num") == "零"
        and re.search(r"[为至到]\s*$", text[max(0, m.start() - 2) : m.start()]) is not None
    )


@lru_cache(maxsize=4096)
def _cn(text: str) -> float:
    if text[-1] in "万亿" and "点" in text:  # "一点五万": cn2an reads no scale after a decimal
        return scaled(_cn(text[:-1]), SCALES[text[-1]])
    return float(cn2an.cn2an(text, "smart"))


# a quantity never runs over a paragraph's end (a list item's bullet "- " is no range)
_SPACE = r"[^\S\n]*"


class QuantityFinder:
    """Compiled once from the rules' unit and comparator tables."""

    def __init__(self, rules: Rules):
        self.rules = rules
        units = sorted(rules.quantity_units, key=len, reverse=True)
        unit_re = "|".join(re.escape(u) for u in units)
        suffix_re = "|".join(
            re.escape(s) for s in sorted(rules.comparator_suffixes, key=len, reverse=True)
        )
        sep = re.escape(rules.range_separators)
        one = (
            # "百分之九十五"; "五分之一" (a fraction in words: a percentage, 20%)
            rf"(?:(?P<pct>百分之)|(?P<den>[二三四五六七八九十])分之)?"
            rf"(?P<num>{ARABIC}|{CHINESE}){_SPACE}(?P<scale>{_SCALE_RE})?"
            rf"{_SPACE}(?P<yu>余|多)?{_SPACE}(?P<unit>{unit_re})?"
            # "九成五": the digit after 成 is the percent's units digit (95%)
            r"(?:(?<=成)(?P<tenth>[一二三四五六七八九])(?![一二三四五六七八九十百千万亿]))?"
        )
        two = (
            rf"(?:{_SPACE}(?:[{sep}]|到){_SPACE}(?P<pct2>百分之)?(?P<num2>{ARABIC}|{CHINESE})"
            rf"{_SPACE}(?P<scale2>{_SCALE_RE})?{_SPACE}(?P<unit2>{unit_re})?)?"
        )
        self._re = re.compile(one + two + rf"(?:{_SPACE}(?P<suffix>{suffix_re}))?")
        self._prefix = sorted(rules.comparator_prefixes, key=len, reverse=True)
        # "不少于综合实践活动课时的50%": a comparator word, then the whole the share is of
        # (no number, clause break or second 的 in it)
        words = "|".join(re.escape(w) for w in self._prefix if w[0] >= "\u4e00")
        self._before_whole = re.compile(rf"({words})[^\d，,。；;：:\s的]{{1,14}}的\s*$")
        self._any_prefix = tuple(self._prefix)  # one C call rules out most numbers

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
        end = len(text) if end is None else end
        out = []
        pos = start
        while pos < end:
            # a quantity starts on a digit, a Chinese numeral or 百(分之): jump there in one
            # C scan, then match (the full pattern's search tries it at every position)
            at = _QUANTITY_START.search(text, pos, end)
            if at is None:
                break
            m = self._re.match(text, at.start(), end)
            if m is None:
                pos = at.start() + 1
                continue
            # _quantity's first test, made here without a call for the most common miss:
            # Chinese numerals with no 百分之, scale or unit are a word (十四五, 进一步); the
            # groups are taken in one call, for both
            groups = m.group(*_GROUPS)
            num, unit, pct, den, scale = groups[:5]
            if not num[0].isdigit() and not (pct or den or unit or scale) and num != "零":
                q = None
            else:
                q = self._quantity(text, m, groups)
            pos = m.end() if m.end() > m.start() else m.start() + 1
            if q is not None:
                out.append(q)
        return self._bounded_ranges(text, out)

    def _bounded_ranges(self, text: str, found: list[Quantity]) -> list[Quantity]:
        """ "6%以上、8%以下" (a floor and a ceiling side by side) is one range."""
        out: list[Quantity] = []
        for q in found:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.comparator in (">=", ">")
                and q.comparator in ("<=", "<")
                and prev.unit == q.unit
                and prev.upper is None
                and text[prev.end : q.start].strip() in ("、", ",", "，", "")
            ):
                out[-1] = replace(prev, end=q.end, upper=q.value, comparator=None)
                continue
            out.append(q)
        return out

    def _quantity(self, text: str, m: re.Match, groups: tuple) -> Quantity | None:
        """`groups`: m.group(*_GROUPS), taken by find in one call."""
        num, unit_token, pct_word, den, scale, num2, unit2, yu, suffix = groups
        chinese = not num[0].isdigit()
        pct = bool(pct_word or den)
        num_start, num_end = m.span("num")
        at = num_start
        if at > 1 and text[at - 1] == "." and text[at - 2].isdigit():
            return None  # the tail of a malformed number ("1..5"): its head was read
        if chinese and not (pct or unit_token or scale) and not _zero_value(text, m):
            return None  # 十四五, 一流, 三全育人: words, not quantities
        if chinese and (len(num) == 1 and num in "点百千万亿") and not (pct and num == "百"):
            return None
        value = 100.0 if pct and num == "百" else _to_float(num)  # 百分之百
        if value is None:
            return None
        value = scaled(value, SCALES.get(scale or "", 1))
        if den:  # 五分之一: a fraction in percent
            value = round(value * 100 / ("二三四五六七八九十".index(den) + 2), 2)
        upper = None
        if num2 is not None:
            # "2020—2025年" is a span of years, "95%—97%" a range; "3到5所" too
            second = _to_float(num2)
            if second is None:
                return None
            upper = scaled(second, SCALES.get(m.group("scale2") or "", 1))
            unit_token = unit_token or unit2
            pct = pct or bool(m.group("pct2"))
        if pct:
            unit_token = "%"
        if unit_token == "半":  # 一半 is 50%; no other number is followed by 半 as a unit
            if num != "一" or num2 is not None:
                return None
            value = 50.0
        if unit_token == "成":  # tenths: 三成 is 30%, 九成五 is 95%
            value = scaled(value, 10)
            if m.group("tenth"):
                value += "一二三四五六七八九".index(m.group("tenth")) + 1
            upper = scaled(upper, 10) if upper is not None else None
        unit = self.rules.quantity_units.get(unit_token or "")
        if unit_token in ("万人", "万元", "亿元", "千元", "万人次"):
            value = scaled(value, SCALES[unit_token[0]])
            if upper is not None and unit2 == unit_token:
                upper = scaled(upper, SCALES[unit_token[0]])
        comparator = None
        approximate = False
        if yu:
            comparator, approximate = ">", True
        if suffix:
            comparator = self.rules.comparator_suffixes[suffix]
            approximate = approximate or comparator == "~"
        start, end = m.span()
        if comparator is None:
            comparator = self._prefix_comparator(text, start)
            approximate = comparator == "~"
        return Quantity(
            start,
            end,
            num_start,
            num_end,
            value,
            unit_token,
            unit,
            bool(unit_token and "百分点" in unit_token),  # points
            comparator,
            upper,
            chinese,
            approximate,
        )

    def _prefix_comparator(self, text: str, at: int) -> str | None:
        """A comparator word just before the number ("不低于95%", "约1.5亿元")."""
        before = text[max(0, at - 8) : at].rstrip()
        if not before.endswith(self._any_prefix):
            # the pattern ends in 的 and spaces: without them there, no search
            if not text[max(0, at - 24) : at].rstrip().endswith("的"):
                return None
            whole = self._before_whole.search(text, max(0, at - 24), at)
            if whole is None or _SET_BY.search(whole.group()):
                # "低于《规划》提出的18%": the word compares another value with a target
                return None
            return self.rules.comparator_prefixes[whole.group(1)]
        for word in self._prefix:
            if before.endswith(word):
                return self.rules.comparator_prefixes[word]
        # "达到或超过", "不低于 2020 年的": the word may sit a few characters earlier
        return None
