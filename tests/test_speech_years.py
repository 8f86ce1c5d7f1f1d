"""A speech at a year's conference: its 去年, 今年 and the last period it looks back on
(extraction/evaluation.occasion_year, prose_years, year_carry)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

GER, HS = "preschool_gross_enrollment_rate", "upper_secondary_gross_enrollment_rate"
INVEST, PLACES = "education_investment", "school_places_added"

HEAD = "在全县2022年教育工作会议上的讲话\n\n副县长　某某\n（2022年2月18日）\n\n同志们：\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 去年 is the year before the conference, 今年 its own year, 到2025年 the plan's
        (
            "一、成绩要看够\n\n去年，全县学前三年毛入园率达到百分之九十二点五。\n\n"
            "二、任务要抓实\n\n今年全县学前三年毛入园率要达到百分之九十三以上。"
            "到二〇二五年，学前三年毛入园率达到百分之九十五以上。",
            [
                (GER, 2021, "=", 92.5, None, "level"),
                (GER, 2022, ">=", 93.0, None, "level"),
                (GER, 2025, ">=", 95.0, None, "level"),
            ],
        ),
        # a review section's values are of the year before; 全年 in the tasks is this year
        (
            "一、主要成绩\n\n全县新增学位两千三百个。\n\n二、重点任务\n\n全年新增学位一千八百个。",
            [
                (PLACES, 2021, "=", 2300.0, None, "cumulative"),
                (PLACES, 2022, "=", 1800.0, None, "cumulative"),
            ],
        ),
        # "先说“十三五”。这五年，…": the speaker's topic sentence opens the last period,
        # also under a heading glued to it
        (
            "一、成绩要看够，账要算清楚\n\n先说“十三五”。这五年，全县累计投入教育资金二十一点六亿元，"
            "新增学位一点二万个。",
            [
                (INVEST, 2020, "=", 2160000000.0, None, "cumulative"),
                (PLACES, 2020, "=", 12000.0, None, "cumulative"),
            ],
        ),
        # a change measured from the last period's start ends at the baseline
        (
            "一、主要成绩\n\n高中阶段毛入学率比二〇一五年提高了十个百分点，比上年提高一点八个百分点。",
            [(HS, 2020, "=", 10.0, None, "increase"), (HS, 2021, "=", 1.8, None, "increase")],
        ),
    ],
)
def test_a_speech_dates_by_its_conference(extractor, body, expected):
    assert observed(extractor, HEAD + body) == expected


def test_the_same_sentences_in_a_plan_keep_the_plan_years(extractor):
    # no conference, no salutation: 今年 is no year of its own and a review is the baseline
    text = (
        "一、主要成绩\n\n全县新增学位两千三百个。\n\n先说“十三五”。这五年，全县新增学位一点二万个。"
    )
    assert observed(extractor, text) == [
        (PLACES, 2020, "=", 2300.0, None, "cumulative"),
        (PLACES, 2020, "=", 12000.0, None, "cumulative"),
    ]
