"""Amounts stated per year ("每年招聘教师不少于800名", "年均新增专业5个"): a target of the
plan (at its end year, in the indicator's kind), not a per-unit norm such as 每生每年…元."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

TR, TT = "teachers_recruited", "teacher_training_person_times"
INC = "inclusive_kindergarten_coverage"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count per year, then the period's total after a comma: both at the end year
        ("二、主要任务\n每年招录教师不少于500名，五年累计招录2600名以上；每年培训教师3万人次。\n", [(TR, 2025, ">=", 500.0, None, "cumulative"), (TR, 2025, ">=", 2600.0, None, "cumulative"), (TT, 2025, "=", 30000.0, None, "cumulative")]),
        ("二、主要任务\n新建公办幼儿园每年5所以上，到2025年累计达到28所。\n", [("new_public_kindergartens", 2025, ">=", 5.0, None, "cumulative"), ("new_public_kindergartens", 2025, "=", 28.0, None, "cumulative")]),
        ("二、主要任务\n新增专业年均3个，发放学生资助资金每年1.2亿元左右。\n", [("vocational_majors_added", 2025, "=", 3.0, None, "cumulative"), ("student_aid_disbursed", 2025, "~", 120000000.0, None, "cumulative")]),
        # a rate raised by points every year is an increase; its level after it still binds
        ("二、主要任务\n普惠性幼儿园覆盖率每年提高1个百分点，2025年达到90%。\n", [(INC, 2025, "=", 1.0, None, "increase"), (INC, 2025, "=", 90.0, None, "level")]),
        # per-unit norms and counts of other things stay out
        ("二、主要任务\n生均公用经费小学每生每年不低于800元。\n", []),
        ("二、主要任务\n每年至少召开2次专题会议研究教育工作。\n", []),
        ("二、主要任务\n每个乡镇每年新建1所公办幼儿园。\n", []),
    ],
)  # fmt: skip
def test_an_amount_per_year_is_a_target_at_the_plans_end(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_an_amount_per_year_says_so_and_the_total_does_not(extractor):
    from analysis.normalise import clean
    from tests.test_extraction import source

    text = "二、主要任务\n每年招录教师不少于500名，五年累计招录2600名以上。\n"
    result = extractor.extract(source(), clean(text))
    notes = sorted((o.value, o.note) for o in result.observations)
    assert notes == [(500.0, "qualified by 每年"), (2600.0, None)]
