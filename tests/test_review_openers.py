"""A review opened by a paragraph's first sentence (analysis/extraction/review_openers.py)."""

from __future__ import annotations

import re

import pytest

from analysis.extraction.named_periods import period_end
from analysis.extraction.prose_years import Context
from analysis.extraction.review_openers import (
    _OPENER,
    _TARGET_WORDS,
    opens_review,
    review_opens_within,
)
from tests.test_extraction import observed

CTX = Context(baseline_year=2020, period_end=2025, annual=False, period_start=2021)


def _plain_opens_review(paragraph, path, ctx) -> bool:
    """opens_review without its whole-paragraph shortcut."""
    if any(_TARGET_WORDS.search(t) for t in path):
        return False
    first = re.split(r"[。！!]", paragraph, maxsplit=1)[0]
    for m in _OPENER.finditer(first):
        if m.group(1) is not None and period_end(m.group(1)) > ctx.baseline_year:
            continue
        return True
    return False


@pytest.mark.parametrize(
    ("paragraph", "path", "expected"),
    [
        ("“十三五”时期，全市教育事业取得历史性成就。", (), True),
        ("过去五年，学前教育毛入园率达到90%。", ("一、发展基础",), True),
        ("5年来，新建幼儿园20所。", (), True),
        # the plan's own period; a basis; an opener only after the first sentence
        ("“十四五”时期，全市教育事业将迈上新台阶。", (), False),
        ("在“十三五”发展的基础上，继续推进。", (), False),
        ("全市教育持续发展。“十三五”时期，成效显著。", (), False),
        # under a heading of targets
        ("过去五年，毛入园率达到90%。", ("二、主要目标",), False),
        ("", (), False),
    ],
)  # fmt: skip
def test_opens_review_matches_the_plain_first_sentence_scan(paragraph, path, expected):
    assert opens_review(paragraph, path, CTX) is expected
    assert _plain_opens_review(paragraph, path, CTX) is expected


@pytest.mark.parametrize(
    "paragraph",
    ["全市教育持续发展，成效显著。", "过去三年，毛入园率达到90%。", "十三五期间，成效显著。"],
)
def test_a_paragraph_without_five_opens_nothing(paragraph):
    assert opens_review(paragraph, (), CTX) is _plain_opens_review(paragraph, (), CTX)


@pytest.mark.parametrize(
    ("paragraph", "path", "expected"),
    [
        ("局长汇报了编制过程，共征求意见40条。“十三五”时期，全县教育成效显著。", (), "“十三五”时期"),
        ("会议听取了汇报。过去五年，全市新建学校30所。", (), "过去五年"),
        # the plan's own period, a first sentence (opens_review's), a heading of targets
        ("会议听取了汇报。“十四五”时期，全县将新建学校10所。", (), None),
        ("“十三五”时期，全县教育成效显著。", (), None),
        ("会议听取了汇报。“十三五”时期，全县教育成效显著。", ("二、主要目标",), None),
    ],
)  # fmt: skip
def test_a_later_sentence_opens_a_review(paragraph, path, expected):
    at = review_opens_within(paragraph, path, CTX)
    assert (None if at is None else paragraph[at : at + len(expected)]) == expected


def test_values_after_a_later_opener_are_the_baselines(extractor):
    # my own wording: a report on the drafting, then the results; the next paragraph's
    # targets are not reviewed
    text = (
        "县教育局汇报，规划编制历时6个月，召开座谈会4场。“十三五”时期，全县教育发展成效显著。"
        "学前三年毛入园率86.3%，九年义务教育巩固率95.1%。\n"
        "规划提出，学前三年毛入园率达到92%。\n"
    )
    assert observed(extractor, text) == sorted(
        [
            ("preschool_gross_enrollment_rate", 2020, "=", 86.3, None, "level"),
            ("compulsory_consolidation_rate", 2020, "=", 95.1, None, "level"),
            ("preschool_gross_enrollment_rate", 2025, "=", 92.0, None, "level"),
        ]
    )
