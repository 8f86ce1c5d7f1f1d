"""LaTeX math from PDF-to-Markdown converters reads as the numbers it writes
(analysis/latex_math.py); image links are markup."""

from __future__ import annotations

import pytest

from analysis.latex_math import latex_text
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE = "preschool_gross_enrollment_rate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$9 2 . 5 \\%$", "92.5%"),
        ("$\\geqslant 9 7$", "≥97"),
        ("\\(\\leq\\) 45人", "≤ 45人"),
        ("$1 . 3 \\times 1 0 ^ { 4 }$ 名", "1.3万 名"),
        ("$2.6 \\times 10^{8}$元", "2.6亿元"),
        ("$\\mathrm{9 6}\\%$", "96%"),
        # no math: a price in dollars, or Chinese between two dollar signs
        ("US$ 12 and $ 15", "US$ 12 and $ 15"),
        ("$全县$", "$全县$"),
    ],
)
def test_latex_text(text, expected):
    assert latex_text(text) == expected


# my own wording: a converter's output with an image link, inline math in prose and in an
# HTML table's cells, and a footer line
CONVERTED = (
    "![](images/9c2e41f0a77b3d5e.jpg)\n\n# 二、发展目标\n\n"
    "到 2025 年，学前三年毛入园率达到 $9 4 . 5 \\%$ 以上，“十四五”期间招聘教师 "
    "$1 . 3 \\times 1 0 ^ { 3 }$ 名。\n\n"
    "<table><tr><td>指标</td><td>2020年</td><td>2025年</td></tr>"
    "<tr><td>九年义务教育巩固率（%）</td><td>$9 6 . 1$</td><td>$\\geqslant 9 7$</td></tr></table>\n"
)


def test_a_converted_plan(extractor):
    assert observed(extractor, CONVERTED) == sorted(
        [
            (PRE, 2025, ">=", 94.5, None, "level"),
            ("teachers_recruited", 2025, "=", 1300.0, None, "cumulative"),
            ("compulsory_consolidation_rate", 2020, "=", 96.1, None, "level"),
            ("compulsory_consolidation_rate", 2025, ">=", 97.0, None, "level"),
        ]
    )
    result = extractor.extract(source(), clean(CONVERTED))
    link = [r for r in result.ledger if r["char_start"] < CONVERTED.index(".jpg")]
    assert {r["disposition"] for r in link} == {"markup"}
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]
