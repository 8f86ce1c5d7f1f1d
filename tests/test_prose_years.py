"""The year that governs a value in prose (analysis/extraction/prose_years.py)."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.normalise import clean
from analysis.sources import Source
from tests.test_extraction import observed

PRE, CONS, INC = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "inclusive_kindergarten_coverage",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a review of the last period: "由X提高到Y" starts where the period started
        # (the baseline year less the period's length), not at the baseline
        ("一、发展成效\n全市普惠性幼儿园覆盖率由71.2%提升至84.5%。\n", [(INC, 2015, "=", 71.2, None, "level"), (INC, 2020, "=", 84.5, None, "level")]),
        # the same after a clause that names its years
        ("一、发展基础\n学前三年毛入园率由2015年的80%提高到2020年的88%，普惠性幼儿园覆盖率从70%增至85%。\n", [(PRE, 2015, "=", 80.0, None, "level"), (PRE, 2020, "=", 88.0, None, "level"), (INC, 2015, "=", 70.0, None, "level"), (INC, 2020, "=", 85.0, None, "level")]),
        # a review chapter worded loosely ("发展的基础"), its values under numbered topics
        ("第一章　发展的基础（Development Foundation）\n　　一、学前教育。普惠性幼儿园覆盖率达到85.3%。\n第二章　发展的目标\n　　到2025年，普惠性幼儿园覆盖率达到90%。\n", [(INC, 2020, "=", 85.3, None, "level"), (INC, 2025, "=", 90.0, None, "level")]),
        # a period named in the sentence outside a review section
        ("“十三五”期间，普惠性幼儿园覆盖率由71.2%提升至84.5%。\n", [(INC, 2015, "=", 71.2, None, "level"), (INC, 2020, "=", 84.5, None, "level")]),
        # a period named as a basis or a result to build on dates nothing
        ("在“十三五”时期发展的基础上，学前三年毛入园率提高到95%。\n", [(PRE, 2025, "=", 95.0, None, "level")]),
        ("巩固“十三五”期间成果，学前三年毛入园率由88%提高到95%。\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
        # an arrow between two values: the left one is the from-value (the baseline)
        ("三、主要指标\n1.九年义务教育巩固率 95.5%→97%；\n2.普惠性幼儿园覆盖率：85% -> 不低于90%。\n", [(CONS, 2020, "=", 95.5, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), (INC, 2020, "=", 85.0, None, "level"), (INC, 2025, ">=", 90.0, None, "level")]),
        # the value reached after the arrow may name its own period or year
        ("四、主要指标\n▪ 学前三年毛入园率：2020年88%，2025年92%\n▪ 补充教师：“十三五”4,200名→“十四五”5,000名以上\n▪ 普惠性幼儿园覆盖率：2020年82%→2025年90%\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), ("teachers_recruited", 2020, "=", 4200.0, None, "cumulative"), ("teachers_recruited", 2025, ">=", 5000.0, None, "cumulative"), (INC, 2020, "=", 82.0, None, "level"), (INC, 2025, "=", 90.0, None, "level")]),
        # "在2020年（的）基础上提高": the year is what the change is measured from
        ("二、发展目标\n普惠性幼儿园覆盖率在2020年的基础上提高5个百分点。\n", [(INC, 2025, "=", 5.0, None, "increase")]),
        # a target's from-value is still the baseline
        ("二、发展目标\n到2025年，学前三年毛入园率由88%提高到95%。\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
    ],
)  # fmt: skip
def test_the_year_of_a_from_value(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_the_end_of_a_named_plan_in_an_annual_plan_is_that_plans_end(extractor):
    """ "“十四五”末" in a 2022 work plan is 2025, the five-year plan's end, not the year of
    the annual plan (which 规划期末 or 年内 would be)."""
    text = (
        "二、2022年主要目标\n为实现“十四五”末学前三年毛入园率99%、公办园在园幼儿占比70%的目标，"
        "年内学前三年毛入园率达到98.8%。\n"
    )
    got = observed(
        extractor,
        text,
        document_type="annual_work_plan",
        start=2022,
        end=2022,
        baseline=2021,
    )
    assert got == [
        (PRE, 2022, "=", 98.8, None, "level"),
        (PRE, 2025, "=", 99.0, None, "level"),
        ("public_kindergarten_enrollment_share", 2025, "=", 70.0, None, "level"),
    ]


def test_an_annual_reviews_from_value_is_still_the_baseline(extractor):
    text = "一、2021年工作回顾\n学前三年毛入园率由88%提高到90%。\n"
    got = observed(
        extractor, text, document_type="annual_work_plan", start=2022, end=2022, baseline=2021
    )
    assert got == [(PRE, 2021, "=", 88.0, None, "level"), (PRE, 2021, "=", 90.0, None, "level")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paragraph that opens on the last period ("过去五年", "“十三五”以来") reviews it, and so
        # do the paragraphs after it, up to the next heading or title line ("第一节 …")
        ("第六章　发展教育\n\n　　过去五年，全市教育事业取得长足进步。\n　　——学前三年毛入园率达到88.5%，普惠性幼儿园覆盖率达到80%。\n\n第一节　主要目标\n\n　　学前三年毛入园率达到95%。\n", [(PRE, 2020, "=", 88.5, None, "level"), (INC, 2020, "=", 80.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
        ("第六章　发展教育\n\n　　“十三五”以来，全县学校面貌焕然一新。\n　　九年义务教育巩固率达到95.2%。\n\n二、发展目标\n\n　　九年义务教育巩固率达到97%。\n", [(CONS, 2020, "=", 95.2, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
        # a period named as a basis opens nothing
        ("第六章　发展教育\n\n各位代表：\n　　在“十三五”发展的基础上，全面提升教育质量。\n　　学前三年毛入园率达到95%。\n", [(PRE, 2025, "=", 95.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_review_opened_by_its_first_sentence(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def _evaluation(extractor, text, title="某县“十四五”教育事业发展规划执行情况中期评估"):
    meta = {
        "document_type": "five_year_plan",
        "period_start": 2021,
        "period_end": 2025,
        "baseline_year": 2020,
        "title_zh": title,
    }
    result = extractor.extract(Source("t_plan", "t", paths.ROOT / "t.txt", meta), clean(text))
    return sorted(
        (o.indicator_id, o.year, o.comparator, o.value, o.value_upper, o.value_kind)
        for o in result.observations
    )


def test_a_mid_term_evaluations_progress_is_the_year_it_evaluates(extractor):
    # the registry's title names an evaluation; its progress sections state the last year
    # with data (here "截至2022年底"), not the baseline and not the period's end
    text = (
        "一、规划执行进展\n\n截至2022年底，学前三年毛入园率达到91.5%。"
        "普惠性幼儿园覆盖率达到86%，新建幼儿园12所。\n\n"
        "二、后两年工作安排\n\n学前三年毛入园率达到95%。\n"
    )
    assert _evaluation(extractor, text) == sorted(
        [
            (PRE, 2022, "=", 91.5, None, "level"),
            (INC, 2022, "=", 86.0, None, "level"),
            ("new_kindergartens_built", 2022, "=", 12.0, None, "cumulative"),
            (PRE, 2025, "=", 95.0, None, "level"),
        ]
    )


def test_an_evaluations_targets_are_the_periods_end(extractor):
    # "距Y的目标" after a value of the year evaluated gives the same phrase its target;
    # "X所、Y个的目标" names targets: in an evaluation both are the plan's end year
    text = (
        "一、规划执行进展\n\n截至2022年底，普惠性幼儿园覆盖率达到86%，离92%的目标还有差距。"
        "规划确定的新建幼儿园30所、新增学位2万个的目标完成过半。\n"
    )
    assert _evaluation(extractor, text) == sorted(
        [
            (INC, 2022, "=", 86.0, None, "level"),
            (INC, 2025, "=", 92.0, None, "level"),
            ("new_kindergartens_built", 2025, "=", 30.0, None, "cumulative"),
            ("school_places_added", 2025, "=", 20000.0, None, "cumulative"),
        ]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a target a proposal revises ("建议将…由X调整为Y"): both are targets of the same year
        ("三、工作建议\n\n建议将九年义务教育巩固率目标由96.5%调整为97%，普惠性幼儿园覆盖率目标由88%修订为90%以上。\n", [(CONS, 2025, "=", 96.5, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), (INC, 2025, "=", 88.0, None, "level"), (INC, 2025, ">=", 90.0, None, "level")]),
        # a revision made, not proposed: the target replaced is no value (restated_value)
        ("2023年学前三年毛入园率目标由92%调整到93%。\n", [(PRE, 2023, "=", 93.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_revised_target(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list introduced by a colon ("…以下工作：一是…；二是…") keeps the year of its lead-in
        # in every item, though each item ends at a semicolon
        ("二、年度安排\n\n2022年，重点做好以下工作：一是新建幼儿园4所；二是学前三年毛入园率提高到90%；三是招聘教师200名。\n\n三、远期目标\n\n学前三年毛入园率达到95%。\n", [("new_kindergartens_built", 2022, "=", 4.0, None, "cumulative"), (PRE, 2022, "=", 90.0, None, "level"), ("teachers_recruited", 2022, "=", 200.0, None, "cumulative"), (PRE, 2025, "=", 95.0, None, "level")]),
        # the binder looks for a list only where a colon is (full-width or not, before 一是 or
        # （一）); with no colon the items keep no lead-in year; with no item mark, the
        # sentence opening on its year still dates its clauses after each "；" (session 28)
        ("二、年度安排\n\n2022年，重点做好以下工作:一是新建幼儿园4所；二是学前三年毛入园率提高到90%。\n", [("new_kindergartens_built", 2022, "=", 4.0, None, "cumulative"), (PRE, 2022, "=", 90.0, None, "level")]),
        ("二、年度安排\n\n2022年，重点做好以下工作：（一）新建幼儿园4所；（二）学前三年毛入园率提高到90%。\n", [("new_kindergartens_built", 2022, "=", 4.0, None, "cumulative"), (PRE, 2022, "=", 90.0, None, "level")]),
        ("二、年度安排\n\n2022年，重点做好以下工作。一是新建幼儿园4所；二是学前三年毛入园率提高到90%。\n", [("new_kindergartens_built", 2025, "=", 4.0, None, "cumulative"), (PRE, 2025, "=", 90.0, None, "level")]),
        ("二、年度安排\n\n2022年，重点做好以下工作：新建幼儿园4所；学前三年毛入园率提高到90%。\n", [("new_kindergartens_built", 2022, "=", 4.0, None, "cumulative"), (PRE, 2022, "=", 90.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_list_keeps_the_year_of_its_lead_in(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # years listed before the name, then 分别: the k-th value is the k-th year's
        ("2021年、2022年全市普惠性幼儿园覆盖率分别为85%和87%。\n", [(INC, 2021, "=", 85.0, None, "level"), (INC, 2022, "=", 87.0, None, "level")]),
        # but two names and two years before 分别 pair the values with the names
        ("2022年，学前三年毛入园率、普惠性幼儿园覆盖率分别为91%和87%。\n", [(PRE, 2022, "=", 91.0, None, "level"), (INC, 2022, "=", 87.0, None, "level")]),
    ],
)  # fmt: skip
def test_years_listed_before_the_name_and_fenbie(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


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


def test_a_statistics_bulletin_states_the_year_its_title_names(extractor):
    # a 2023 bulletin of a county's schools: its sections name fields, not progress, and no
    # sentence names a year; the values are 2023's, save what the plan is to reach
    text = (
        "一、基本情况\n\n全县共有幼儿园61所，比上年增加2所。\n\n"
        "二、义务教育\n\n九年义务教育巩固率为96.9%，比2020年提高0.8个百分点。\n\n"
        "三、下一步工作建议\n\n学前三年毛入园率达到93%。\n"
    )
    title = "某县2023年教育事业发展统计公报"
    assert _evaluation(extractor, text, title) == sorted(
        [
            ("kindergarten_count", 2023, "=", 61.0, None, "level"),
            ("kindergarten_count", 2023, "=", 2.0, None, "increase"),
            (CONS, 2023, "=", 96.9, None, "level"),
            (CONS, 2023, "=", 0.8, None, "increase"),
            (PRE, 2025, "=", 93.0, None, "level"),
        ]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan's review of the last period: the target in brackets was that period's
        (
            "一、“十三五”发展成就\n全县未完成的指标是学前三年毛入园率（目标90%，实际88.7%）。",
            [(PRE, 2020, "=", 90.0, None, "level"), (PRE, 2020, "=", 88.7, None, "level")],
        ),
        # elsewhere it is the plan's target for the period's end, not the sentence's year
        (
            "二、发展目标\n2022年学前三年毛入园率为91.3%（目标95%以上）。",
            [(PRE, 2022, "=", 91.3, None, "level"), (PRE, 2025, ">=", 95.0, None, "level")],
        ),
    ],
)
def test_a_target_in_brackets_after_the_actual_value(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "kw", "expected"),
    [
        # a reply letter: this year's value, then the gap to the plan's target
        (
            "2021年全市教育支出占一般公共预算支出比例为16.2%，低于《规划》提出的18%的目标。",
            {},
            [("education_budget_share", 2021, "=", 16.2, None, "level"),
             ("education_budget_share", 2025, "=", 18.0, None, "level")],
        ),
        # an annual plan: the year the sentence gives the plan's target
        (
            "到2025年，确保实现“十四五”规划确定的学前三年毛入园率95%的目标。",
            {"document_type": "annual_work_plan", "start": 2023, "end": 2023, "baseline": 2022},
            [(PRE, 2025, "=", 95.0, None, "level")],
        ),
    ],
)  # fmt: skip
def test_the_plans_target_named_after_its_value(extractor, text, kw, expected):
    assert observed(extractor, text, **kw) == sorted(expected)


@pytest.mark.parametrize(
    ("title", "text", "year"),
    [
        # a yearbook of 2024 records 2023, as its first entry says
        ("岚溪年鉴（2024）·教育", "【概况】　2023年，全县有幼儿园58所。\n【学前教育】　在园幼儿9,400人。", 2023),
        # no opening year: the year before the yearbook's
        ("岚溪年鉴（2024）·教育", "【概况】　全县有幼儿园58所。\n【学前教育】　在园幼儿9,400人。", 2023),
        # a self-evaluation names its year in its title
        ("岚溪县教育局2023年度部门整体支出绩效自评报告", "一、基本情况\n全县有幼儿园58所，在园幼儿9,400人。", 2023),
    ],
)  # fmt: skip
def test_yearbooks_and_self_evaluations_state_one_years_values(extractor, title, text, year):
    assert _evaluation(extractor, text, title) == sorted(
        [
            ("kindergarten_count", year, "=", 58.0, None, "level"),
            ("kindergarten_enrollment", year, "=", 9400.0, None, "level"),
        ]
    )


def test_a_review_paragraph_opening_on_a_point_in_time_keeps_it(extractor):
    # "截至2023年底，…。…": the paragraph's later sentences are as of then, in a review
    text = (
        "一、发展现状\n截至2023年底，全县有幼儿园47所。学前三年毛入园率91.6%，"
        "九年义务教育巩固率96.9%。\n二、发展目标\n学前三年毛入园率达到95%。"
    )
    assert observed(extractor, text) == sorted(
        [
            ("kindergarten_count", 2023, "=", 47.0, None, "level"),
            (PRE, 2023, "=", 91.6, None, "level"),
            ("compulsory_consolidation_rate", 2023, "=", 96.9, None, "level"),
            (PRE, 2025, "=", 95.0, None, "level"),
        ]
    )


def test_a_target_of_a_named_plan_period_is_that_periods_end(extractor):
    """ "为实现“十四五”新增学位6,000个的目标" in a 2023 work plan is the 2025 target, not a
    value of the year the sentence opens on."""
    text = "二、2023年工作安排\n2023年秋季前消除大班额，为实现“十四五”新增学位6,000个的目标打下基础。\n"
    got = observed(
        extractor, text, document_type="annual_work_plan", start=2023, end=2023, baseline=2022
    )
    assert got == [("school_places_added", 2025, "=", 6000.0, None, "cumulative")]


@pytest.mark.parametrize(
    ("note", "year"),
    [
        ("文中数据除注明外均为2022年数据，来源于市教育局。", 2022),
        ("以下数据均为2023年底数据。", 2023),
        ("本文所用数据截至2022年底。", 2022),
        ("数据来源：市教育局。", 2025),  # no year for the text's numbers: the plan's end
        ("本文数据截至2022年12月。", 2022),
        # a draft's statistics cut off within a year: its other values are targets
        ("文中数据截至2021年6月，部分指标待核定后调整。", 2025),
        ("文中数据截至2021年9月30日。", 2025),
        ("文中数据截止2022年三月底。", 2025),
    ],
)
def test_a_note_dating_the_texts_numbers_dates_values_with_no_year(extractor, note, year):
    """A news feature states once for all the year of its numbers; a value with a year or
    a period phrase of its own keeps it."""
    text = f"{note}\n学前三年毛入园率达到94.6%。到2025年，九年义务教育巩固率达到98%。\n"
    assert observed(extractor, text) == [
        (CONS, 2025, "=", 98.0, None, "level"),
        (PRE, year, "=", 94.6, None, "level"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gap to the plan's target named after the target's value
        ("截至2023年，普惠性幼儿园覆盖率为88.4%，距92%的规划目标尚差3.6个百分点。\n", [(INC, 2023, "=", 88.4, None, "level"), (INC, 2025, "=", 92.0, None, "level")]),
        ("截至2023年，九年义务教育巩固率为96.1%，距离97%的目标仍有差距。\n", [(CONS, 2023, "=", 96.1, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
        # the plan's requirement quoted after its value
        ("2023年学前三年毛入园率为93.2%，已达到规划“90%以上”的要求。\n", [(PRE, 2023, "=", 93.2, None, "level"), (PRE, 2025, ">=", 90.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_target_named_beside_a_reported_value_is_the_plans(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_baseline_named_with_its_year_in_brackets_goes_on_after_a_semicolon(extractor):
    text = "规划基期（2020年）全县共有幼儿园58所；在园幼儿1.2万人，义务教育在校生4.6万人。\n"
    assert observed(extractor, text) == [
        ("compulsory_enrollment", 2020, "=", 46000.0, None, "level"),
        ("kindergarten_count", 2020, "=", 58.0, None, "level"),
        ("kindergarten_enrollment", 2020, "=", 12000.0, None, "level"),
    ]
