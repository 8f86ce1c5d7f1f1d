"""A plan saved as raw RTF source (rtf_markup.py): control words, groups and the font and
colour tables out of the text, escapes read as their characters, a number split by a
formatting group read as one, \\cell tables read as tables, and the control words' numbers
ledgered as markup."""

from __future__ import annotations

from itertools import pairwise

import pytest

from analysis.normalise import clean
from analysis.rtf_markup import control_spans, is_rtf
from tests.test_extraction import observed, source

PRE, INC, CON = (
    "preschool_gross_enrollment_rate",
    "inclusive_kindergarten_coverage",
    "compulsory_consolidation_rate",
)

# my own wording, as WordPad and Word write it: GBK bytes as \'hh escapes (学前三年毛入园率),
# \uN? escapes (覆盖率), a bold group inside a number's digits, one around a whole number,
# a stylesheet and an ignorable destination, CRLF line ends
PROSE = (
    "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}\r\n"
    "{\\stylesheet{\\s1\\fs28 Normal 12;}}{\\*\\rsidtbl \\rsid1204577}\r\n"
    "\\pard\\sl500\\fs30 \\'b5\\'bd2025\\'c4\\'ea\\'a3\\'ac"
    "\\'d1\\'a7\\'c7\\'b0\\'c8\\'fd\\'c4\\'ea\\'c3\\'ab\\'c8\\'eb\\'d4\\'b0\\'c2\\'ca"
    "\\'b4\\'ef\\'b5\\'bd9{\\b 3}.5%\\'a3\\'bb\\par\r\n"
    "\\pard\\sl500 普惠性幼儿园\\u-30330?\\u30422?\\u29575?达到{\\cf2\\b 88}%以上。\\par\r\n"
    "}"
)

TABLE = (
    "{\\rtf1\\ansi\\ansicpg936\\uc1\n"
    "\\pard\\qc 表2 主要指标\\par\n"
    "\\trowd\\trgaph100\\cellx4000\\cellx6000\\cellx8000\n"
    "\\pard\\sl500\\intbl 指标\\cell 2020年\\cell 2025年\\cell\\row\n"
    "\\trowd\\trgaph100\\cellx4000\\cellx6000\\cellx8000\n"
    "\\pard\\intbl 九年义务教育巩固率（%）\\cell 95.1\\cell \\u8805?96\\cell\\row\n"
    "\\trowd\\trgaph100\\cellx4000\\cellx6000\\cellx8000\n"
    "\\pard\\intbl 学前三年毛入园率（%）\\cell 89.{\\i 4}\\cell 93\\cell\\row\n"
    "}"
)


def test_rtf_prose_reads_as_its_text(extractor):
    assert observed(extractor, PROSE) == [
        (INC, 2025, ">=", 88.0, None, "level"),
        (PRE, 2025, "=", 93.5, None, "level"),
    ]


def test_an_rtf_table_reads_as_a_table(extractor):
    assert observed(extractor, TABLE) == [
        (CON, 2020, "=", 95.1, None, "level"),
        (CON, 2025, ">=", 96.0, None, "level"),
        (PRE, 2020, "=", 89.4, None, "level"),
        (PRE, 2025, "=", 93.0, None, "level"),
    ]


def test_the_quote_of_a_split_number_runs_through_its_group(extractor):
    result = extractor.extract(source(), clean(PROSE))
    pre = next(o for o in result.observations if o.indicator_id == PRE)
    assert PROSE[pre.char_start : pre.char_end].endswith("9{\\b 3}.5%")


def test_control_words_numbers_are_markup_and_none_unaccounted(extractor):
    for text in (PROSE, TABLE):
        result = extractor.extract(source(), clean(text))
        rows = {r["char_start"]: r for r in result.ledger}
        assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]
        assert rows[text.index("\\sl500") + 3]["disposition"] == "markup"
    rows = {r["char_start"]: r for r in extractor.extract(source(), clean(PROSE)).ledger}
    assert rows[PROSE.index("1204577")]["disposition"] == "markup"  # a skipped destination


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{\\rtf1 a}", True),
        ("  {\\rtf1\\ansi", True),
        ("到2025年，{\\b 95}%以上", False),
        ("<html>{\\rtf1", False),
    ],
)
def test_is_rtf(text, expected):
    assert is_rtf(text) is expected


def test_control_spans_are_sorted_and_apart():
    spans = control_spans(TABLE)
    assert spans == sorted(spans)
    assert all(a[1] < b[0] for a, b in pairwise(spans))
    assert control_spans("学前三年毛入园率95%") == []


def test_an_unbalanced_or_cut_rtf_reads_without_error(extractor):
    for text in (PROSE[:-1], PROSE[:120], "{\\rtf1{{{\\b 9", "{\\rtf1\\u99999999?x}"):
        extractor.extract(source(), clean(text))
