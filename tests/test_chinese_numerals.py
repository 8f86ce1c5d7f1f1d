"""Plans written in Chinese numerals: decimals with a scale (一点五万人, 十二点六亿元) and
years (二〇二三年, 二零二五年, 一九九八年), read as their Arabic forms are."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.chinese_years import digit_years
from analysis.extraction.quantities import QuantityFinder
from analysis.rules import load_rules
from tests.test_extraction import observed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在校生零点八万人", [8000.0]),
        ("投入三十二点五亿元", [3250000000.0]),
        ("学位四点二万个", [42000.0]),
        ("四千二百个", [4200.0]),  # no decimal: as before
        ("一点五", []),  # no unit: a word, not a quantity
    ],
)
def test_a_chinese_decimal_with_a_scale_is_one_number(text, expected):
    finder = QuantityFinder(load_rules(paths.EXTRACTION_RULES_YAML))
    assert [q.value for q in finder.find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二〇二四年底前", "2024年底前"),
        ("二零二零年的", "2020年的"),
        ("一九九八年以来", "1998年以来"),
        ("二〇 二二年", "二〇 二二年"),  # not one word: left as written
        ("二〇二五", "二〇二五"),  # no 年: not a year
        ("第二〇二号", "第二〇二号"),
        # a 纲要 title's vision year, as running headers repeat it: left as written
        ("规划和二〇三五年远景目标纲要", "规划和二〇三五年远景目标纲要"),
        ("到二〇三五年，基本实现教育现代化", "到2035年，基本实现教育现代化"),
    ],
)
def test_a_year_in_chinese_digits_is_written_in_arabic_digits(text, expected):
    out = digit_years(text)
    assert out == expected and len(out) == len(text)


def test_the_year_pattern_is_its_plain_form_with_the_lookbehind_moved():
    """_YEAR tests the character before a year after the year's first two digits (so the
    regex engine can jump to them): the same matches as the lookbehind-first form, on every
    string of up to six characters from the characters either form looks at."""
    import itertools
    import re

    from analysis import chinese_years

    digits = chinese_years._DIGIT
    plain = re.compile(
        rf"(?<![{digits}十百千万萬])(?:一九|二[〇零○])[{digits}]{{2}}(?=年)(?!年远景|年遠景)"
    )
    alphabet = "〇一二九十万年远景x"
    tried = 0
    for n in range(7):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            assert [m.span() for m in chinese_years._YEAR.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], text
            tried += 1
    assert tried > 1_000_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("普通話普及率由二零二零年的百分之八十提高到百分之八十七。", [("mandarin_popularisation_rate", 2020, "=", 80.0, None, "level"), ("mandarin_popularisation_rate", 2025, "=", 87.0, None, "level")]),
        ("學前三年毛入園率二〇二四年達到百分之九十二。", [("preschool_gross_enrollment_rate", 2024, "=", 92.0, None, "level")]),
    ],
)  # fmt: skip
def test_values_take_a_year_written_in_chinese_digits(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_the_cleaned_views_keep_the_years_as_written():
    from analysis.normalise import clean

    assert clean("二〇二五年目标").paragraphs.text == "二〇二五年目标"
