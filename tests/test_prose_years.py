"""The year that governs a value in prose (analysis/extraction/prose_years.py)."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.codebook import AliasMatcher, load_codebook
from analysis.extraction.extract import Extractor
from analysis.rules import load_rules
from tests.test_extraction import observed

PRE, CONS, INC = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "inclusive_kindergarten_coverage",
)


@pytest.fixture(scope="module")
def extractor():
    book = load_codebook(paths.CODEBOOK_YAML)
    return Extractor(book, AliasMatcher(book), load_rules(paths.EXTRACTION_RULES_YAML))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a review of the last period: "由X提高到Y" starts where the period started
        # (the baseline year less the period's length), not at the baseline
        ("一、发展成效\n全市普惠性幼儿园覆盖率由71.2%提升至84.5%。\n", [(INC, 2015, "=", 71.2, None, "level"), (INC, 2020, "=", 84.5, None, "level")]),
        # the same after a clause that names its years
        ("一、发展基础\n学前三年毛入园率由2015年的80%提高到2020年的88%，普惠性幼儿园覆盖率从70%增至85%。\n", [(PRE, 2015, "=", 80.0, None, "level"), (PRE, 2020, "=", 88.0, None, "level"), (INC, 2015, "=", 70.0, None, "level"), (INC, 2020, "=", 85.0, None, "level")]),
        # a period named in the sentence outside a review section
        ("“十三五”期间，普惠性幼儿园覆盖率由71.2%提升至84.5%。\n", [(INC, 2015, "=", 71.2, None, "level"), (INC, 2020, "=", 84.5, None, "level")]),
        # a period named as a basis or a result to build on dates nothing
        ("在“十三五”时期发展的基础上，学前三年毛入园率提高到95%。\n", [(PRE, 2025, "=", 95.0, None, "level")]),
        ("巩固“十三五”期间成果，学前三年毛入园率由88%提高到95%。\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
        # a target's from-value is still the baseline
        ("二、发展目标\n到2025年，学前三年毛入园率由88%提高到95%。\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
    ],
)  # fmt: skip
def test_the_year_of_a_from_value(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_an_annual_reviews_from_value_is_still_the_baseline(extractor):
    text = "一、2021年工作回顾\n学前三年毛入园率由88%提高到90%。\n"
    got = observed(
        extractor, text, document_type="annual_work_plan", start=2022, end=2022, baseline=2021
    )
    assert got == [(PRE, 2021, "=", 88.0, None, "level"), (PRE, 2021, "=", 90.0, None, "level")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a review under a "第X节" between its chapter and its numbered items: the 节's
        # title, not the chapter's, says it reviews the last period
        ("第一章 总体情况\n第二节 工作成效\n（一）普及程度。全市学前三年毛入园率为89.1%。\n第三节 目标任务\n学前三年毛入园率达到95%。\n", [(PRE, 2020, "=", 89.1, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
        # a new 节 closes the one before it
        ("第一章 背景\n第一节 成效回顾\n学前三年毛入园率88%。\n第二节 形势\n学前三年毛入园率将达到95%。\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
        # the problems a plan starts from are the state at its baseline
        ("二、主要问题\n普惠性幼儿园覆盖率仅为79.5%，低于全省平均水平。\n", [(INC, 2020, "=", 79.5, None, "level")]),
        ("（三）存在的不足\n普惠性幼儿园覆盖率仅为79.5%。\n", [(INC, 2020, "=", 79.5, None, "level")]),
    ],
)  # fmt: skip
def test_a_review_section_at_any_heading_level(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
