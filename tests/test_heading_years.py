"""A heading naming one year dates the values under it (extraction/heading_years.py)."""

from __future__ import annotations

import pytest

from analysis.extraction.heading_years import heading_year
from tests.test_extraction import observed

NEW_KG = "new_public_kindergartens"
CLASS = "standard_class_size_share"


@pytest.mark.parametrize(
    ("path", "year"),
    [
        (("三、2023年重点任务",), 2023),
        (("第二章 主要目标", "（二）2024年推进计划"), 2024),  # the innermost heading
        (("2022年完成情况", "1. 学前教育"), 2022),  # an outer heading when the inner names none
        (("一、“十四五”时期（2021—2025年）主要目标",), None),  # a span of years
        (("一、2020年以来主要成就",), None),  # since a year
        (("贯彻《2022年教育工作要点》情况",), None),  # a title's year
        (("2022年和2023年工作安排",), None),  # two years
        (("3.2.1 新建中小学120所，2022年底前消除大班额。",), None),  # a sentence, no heading
        (("1998年建校的学校",), None),  # outside the range asked for
        (("二、发展目标",), None),
    ],
)
def test_the_year_a_heading_names(path, year):
    assert heading_year(path, 2015, 2035) == year


def test_values_under_a_heading_naming_a_year_are_of_that_year(extractor):
    text = (
        "# 某市教育规划推进台账\n\n"
        "## 三、2023年重点任务\n\n"
        "- 新建公办幼儿园 15所，标准班额比例达到 98%\n\n"
        "## 四、规划目标\n\n"
        "- 新建公办幼儿园 60所，标准班额比例达到 100%\n"
    )
    assert observed(extractor, text) == [
        (NEW_KG, 2023, "=", 15.0, None, "cumulative"),
        (NEW_KG, 2025, "=", 60.0, None, "cumulative"),
        (CLASS, 2023, "=", 98.0, None, "level"),
        (CLASS, 2025, "=", 100.0, None, "level"),
    ]


def test_a_review_section_keeps_its_year_under_a_title_naming_the_plans_year(extractor):
    """An annual plan's title names its year; its review section is still the year before."""
    text = (
        "某区2022年教育工作要点\n\n一、2021年工作回顾\n标准班额比例达到96%。\n"
        "二、工作回顾\n新建公办幼儿园3所。\n三、主要目标\n标准班额比例达到98%。\n"
    )
    rows = observed(
        extractor, text, document_type="annual_work_plan", start=2022, end=2022, baseline=2021
    )
    assert rows == [
        (NEW_KG, 2021, "=", 3.0, None, "cumulative"),
        (CLASS, 2021, "=", 96.0, None, "level"),
        (CLASS, 2022, "=", 98.0, None, "level"),
    ]


def test_a_baseline_data_section_is_the_baseline(extractor):
    text = "## 一、基期数据\n\n- 标准班额比例 86.1%\n\n## 二、目标\n\n- 标准班额比例达到 100%\n"
    assert observed(extractor, text) == [
        (CLASS, 2020, "=", 86.1, None, "level"),
        (CLASS, 2025, "=", 100.0, None, "level"),
    ]
