"""Markdown footnotes (markdown_footnotes.py): a reference after a value leaves the views,
so the sentence binds as it would without it; a definition's text is ledgered as a
footnote's, never read as the plan's values."""

from __future__ import annotations

from analysis.markdown_footnotes import has_footnotes
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE = "preschool_gross_enrollment_rate"

# my own wording: a reference between a value and its change, a definition stating the
# province's value, one with an indented continuation line
TEXT = """## 一、发展基础

2020年全市学前三年毛入园率89.7%[^a]，比2015年提高7.4个百分点。

[^a]: 全省同期为90.2%。
[^b]: 数据来源：2020年教育事业统计，
    含民办幼儿园在园幼儿1.2万人。
"""


def test_a_reference_leaves_the_sentence_whole(extractor):
    assert observed(extractor, TEXT) == [
        (PRE, 2020, "=", 7.4, None, "increase"),
        (PRE, 2020, "=", 89.7, None, "level"),
    ]


def test_definitions_are_ledgered_as_footnotes(extractor):
    result = extractor.extract(source(), clean(TEXT))
    at = {r["char_start"]: (r["disposition"], r["reason"]) for r in result.ledger}
    for quote in ("90.2", "1.2"):
        assert at[TEXT.index(quote)] == ("markup", "a Markdown footnote's mark or text")
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_a_bracketed_caret_without_a_definition_is_no_footnote():
    assert not has_footnotes("学前三年毛入园率达到95%[^1]。\n")
    assert has_footnotes(TEXT)
