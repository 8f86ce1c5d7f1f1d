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
