"""A word processor's comments saved with a draft's text (analysis/comment_anchors.py):
anchors and the listed comments leave the views; their numbers are a reviewer's."""

from __future__ import annotations

from analysis.comment_anchors import comment_anchor_spans
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, CONS = "preschool_gross_enrollment_rate", "compulsory_consolidation_rate"

# my own wording: anchors after a value, inside a comparator, before a value; comments
# that restate, challenge and propose numbers
DRAFT = (
    "到2025年，学前三年毛入园率达到94%[HX1]以上，九年义务教育巩固率达到[批注2]97.5%。\n"
    "新增学位8,000个[QY3]。\n"
    "\n"
    "批注：\n"
    "[HX1] 韩雪（县发改局）：市里定的是95%，建议提高到95%以上。\n"
    "[批注2] 钱宇：2020年为96.1%，目标是否偏高？\n"
    "[QY3] 钱宇：其中幼儿园学位2,400个。\n"
)


def test_anchors_and_comments_leave_the_plans_values(extractor):
    assert observed(extractor, DRAFT) == [
        (CONS, 2025, "=", 97.5, None, "level"),
        (PRE, 2025, ">=", 94.0, None, "level"),
        ("school_places_added", 2025, "=", 8000.0, None, "cumulative"),
    ]


def test_a_comments_numbers_are_ledgered_as_a_reviewers(extractor):
    result = extractor.extract(source(), clean(DRAFT))
    struck = {r["quote"] for r in result.ledger if r["disposition"] == "struck"}
    assert {"95", "96.1", "2,400", "2020", "1", "3"} <= struck
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_bracketed_references_without_listed_comments_stay():
    """ "[1]" and "[A2]" with no comment lines are references, not comment anchors."""
    text = "学前三年毛入园率达到94%[1]，巩固率97%[A2]。\n参考资料：\n[1] 统计公报\n"
    assert comment_anchor_spans(text) == []
    assert "[A2]" in clean(text).paragraphs.text
