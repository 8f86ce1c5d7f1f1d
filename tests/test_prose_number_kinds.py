"""What a number in prose is not (analysis/extraction/prose_number_kinds.py): the
shortcuts of _not_a_value held to the plain tests they replace."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("2025", True),
        ("０５", True),  # full-width digits are decimal digits (NFKC makes them ASCII anyway)
        ("٣", True),  # any script's decimal digit, as \d
        ("1.5", False),
        ("1,200", False),
        ("²", False),  # a superscript is a digit but not a decimal one, nor \d
        ("一", False),
        ("", False),
    ],
)
def test_a_whole_number_is_decimal_digits_only(digits, expected):
    # _not_a_value's is_int: str.isdecimal for the regex \d+ in full
    assert digits.isdecimal() == expected
    assert (re.fullmatch(r"\d+", digits) is not None) == expected


_SAMPLES = [
    "",
    " ",
    "（",
    "（ ",
    "（\n",
    "〔2021",
    "】 ",
    "[x",
    "年（",
    "( a",
    "月",
    " 日",
    "\u3000月",
    "号",
    "x月",
    ":3",
    " : 5",
    "a:",
    "-1234567",
    "-12345",
    "x-1234567",
    "2.1 扩大",
    "十、",
]


@pytest.mark.parametrize("s", _SAMPLES)
def test_the_screens_by_str_methods_are_the_regexes_they_replace(s):
    # _not_a_value's before_r.endswith / after_l.startswith for anchored one-character classes
    opens = ("〔", "[", "【", "(", "（")
    assert s.rstrip().endswith(opens) == bool(re.search(r"[〔\[【(（]\s*$", s))
    assert s.rstrip().endswith(("〕", "]", "】")) == bool(re.search(r"[〕\]】]\s*$", s))
    assert s.lstrip().startswith(("月", "日")) == bool(re.match(r"\s*[月日]", s))
    # screens that only rule a regex out: it cannot match where the screen fails
    if re.match(r"\s*:\s*\d", s):
        assert ":" in s
    if re.match(r"-\d{6,8}", s):
        assert s.startswith("-")
    if re.match(r"\d", s):
        assert s[:1].isdecimal()
