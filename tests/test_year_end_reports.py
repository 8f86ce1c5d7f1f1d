"""A year-end report (述职报告, 工作总结) dates its account to the year it reports on and
its plans (工作打算, 设想) to the year after; the plan's targets it restates keep the
plan's end (extraction/evaluation.py, review_openers, prose_years, prose_lists)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

GER, PLACES = "preschool_gross_enrollment_rate", "school_places_added"
TEACHERS, SCHOOLS = "teachers_recruited", "new_schools_built"
CLASS = "standard_class_size_share"

TITLE = "某区教育局长2023年度述职报告"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the account is of 2023; a bare "2025年底" due date in it is no status year
        (
            "一、主要工作\n\n学前三年毛入园率达到92.1%，标准班额比例（目标2025年底达到100%）"
            "升至95.5%。\n\n二、2024年工作设想\n\n全年新增学位800个以上。",
            [
                (GER, 2023, "=", 92.1, None, "level"),
                (PLACES, 2024, ">=", 800.0, None, "cumulative"),
                (CLASS, 2023, "=", 95.5, None, "level"),
                (CLASS, 2025, "=", 100.0, None, "level"),
            ],
        ),
        # counts done so far, then the plan's targets in brackets after 目标, in order;
        # a thousands comma inside a listed value does not end the list
        (
            "一、规划执行\n\n三年来累计新增学位3,150个，招聘教师410名，新建中小学校6所，"
            "分别完成规划目标（5,000个、700名、9所）的63%、58.6%和66.7%。",
            [
                (PLACES, 2023, "=", 3150.0, None, "cumulative"),
                (PLACES, 2025, "=", 5000.0, None, "cumulative"),
                (SCHOOLS, 2023, "=", 6.0, None, "cumulative"),
                (SCHOOLS, 2025, "=", 9.0, None, "cumulative"),
                (TEACHERS, 2023, "=", 410.0, None, "cumulative"),
                (TEACHERS, 2025, "=", 700.0, None, "cumulative"),
            ],
        ),
    ],
)
def test_a_year_end_report_dates_its_account_and_its_plans(extractor, body, expected):
    assert observed(extractor, body, title=TITLE) == sorted(expected)


def test_a_list_item_may_open_on_its_own_verb(extractor):
    # "…4所、新建公办幼儿园5所，…分别…": the second item's 新建 belongs to it
    text = (
        "一、主要任务\n\n到2025年，新建改扩建中小学校4所、新建公办幼儿园5所，分别占全市的10%和12%。"
    )
    got = observed(extractor, text)
    assert ("new_public_kindergartens", 2025, "=", 5.0, None, "cumulative") in got
    assert ("new_schools_built", 2025, "=", 4.0, None, "cumulative") in got


FTT, PTT = "full_time_teacher_count", "preschool_teacher_professional_training_share"
TRAIN, CONS = "teacher_training_person_times", "compulsory_consolidation_rate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the plan cited in a bracket after a value of the same phrase: its target
        (
            "专任教师由2020年的3,905人增加到2022年的4,010人（《教育规划》2025年为4,300人左右）。",
            [
                (FTT, 2020, "=", 3905.0, None, "level"),
                (FTT, 2022, "=", 4010.0, None, "level"),
                (FTT, 2025, "~", 4300.0, None, "level"),
            ],
        ),
        # a clause whose subject is the plan goes on the phrase before, for the plan's year
        (
            "2022年，学前教育教师接受专业教育比例为80.1%，《规划》要求达到88%。"
            "2022年培训教师4,120人次，《规划》五年培训2万人次。",
            [
                (PTT, 2022, "=", 80.1, None, "level"),
                (PTT, 2025, "=", 88.0, None, "level"),
                (TRAIN, 2022, "=", 4120.0, None, "cumulative"),
                (TRAIN, 2025, "=", 20000.0, None, "cumulative"),
            ],
        ),
        # a deadline opening a later clause is that clause's own; the clauses after it keep
        # the sentence's 到2025年
        (
            "到2025年，学前三年毛入园率达到93%，2024年底前标准班额比例达到100%，"
            "九年义务教育巩固率达到97%以上。",
            [
                (CONS, 2025, ">=", 97.0, None, "level"),
                (GER, 2025, "=", 93.0, None, "level"),
                (CLASS, 2024, "=", 100.0, None, "level"),
            ],
        ),
    ],
)
def test_the_plan_cited_as_who_set_a_value(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_notice_states_where_things_stand_at_its_status_year(extractor):
    # a 公告 part-way through the period: "截至2022年底" dates what it says is so; the
    # plan's targets it cites keep the plan's end
    text = (
        "某县2023年公开招聘教师公告\n\n截至2022年底，全县有专任教师4,010人。"
        "全县学前三年毛入园率92.2%，规划确定的目标为95%。"
    )
    got = observed(extractor, text, title="某县2023年公开招聘教师公告")
    assert got == [
        (FTT, 2022, "=", 4010.0, None, "level"),
        (GER, 2022, "=", 92.2, None, "level"),
        (GER, 2025, "=", 95.0, None, "level"),
    ]
