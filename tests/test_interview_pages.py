"""Pages that retell a plan: an infographic (一图读懂: each value on a line above its name,
the blocks under short decorated title lines) and an interview (答记者问: 问：… then 答：…).
A title line starts its own paragraph even after a line with no sentence end, so the review
block is a review; each question is a section, so a review opened by one answer ends at
the next question."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

PRESCHOOL = "preschool_gross_enrollment_rate"
INCLUSIVE = "inclusive_kindergarten_coverage"
ENROLLED = "kindergarten_enrollment"

INFOGRAPHIC = (
    "上下滑动查看\n\n◇“十三五”主要成就\n\n3.2万人\n在园幼儿\n\n88.5%\n学前三年毛入园率\n\n"
    "◇2025年发展目标\n\n≥92%\n学前三年毛入园率\n"
)
INTERVIEW = (
    "市教育局局长接受专访\n"
    "记者：过去五年我市学前教育有哪些变化？\n"
    "答：“十三五”时期，全市普惠性幼儿园覆盖率达到85.6%。\n"
    "问：今后五年怎么干？\n"
    "答：普惠性幼儿园覆盖率达到90%以上，学前三年毛入园率达到93%。\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (INFOGRAPHIC, [(ENROLLED, 2020, "=", 32000.0, None, "level"), (PRESCHOOL, 2020, "=", 88.5, None, "level"), (PRESCHOOL, 2025, ">=", 92.0, None, "level")]),
        (INTERVIEW, [(INCLUSIVE, 2020, "=", 85.6, None, "level"), (INCLUSIVE, 2025, ">=", 90.0, None, "level"), (PRESCHOOL, 2025, "=", 93.0, None, "level")]),
    ],
    ids=["infographic", "interview"],
)  # fmt: skip
def test_a_retold_plan_keeps_review_and_goals_apart(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
