"""A sentence after a semicolon that names nothing (analysis/extraction/prose_carry.py)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

GER, HS = "preschool_gross_enrollment_rate", "upper_secondary_gross_enrollment_rate"
YRS, SHARE = "mean_schooling_years_working_age", "education_budget_share"
VOC, FIN = "secondary_vocational_enrollment", "education_fiscal_expenditure"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the value before the sentence's own first phrase keeps the phrase before the semicolon
        ("到2023年，教育支出占一般公共预算支出比例达到17%；到2025年，不低于17.5%，高中阶段教育毛入学率达到95%。",
         [(SHARE, 2023, "=", 17.0, None, "level"), (SHARE, 2025, ">=", 17.5, None, "level"), (HS, 2025, "=", 95.0, None, "level")]),
        # a decimal number of years is a value of a years indicator, not a count of years
        ("2023年劳动年龄人口平均受教育年限达到10.9年；2025年达到11.2年。",
         [(YRS, 2023, "=", 10.9, None, "level"), (YRS, 2025, "=", 11.2, None, "level")]),
        # ... while "5年来" (a review opener) counts years
        ("近5年来，全县新建幼儿园8所。", [("new_kindergartens_built", 2020, "=", 8.0, None, "cumulative")]),
        # a comparison with a year may stand before the change; 成 is tenths of the level
        ("学前三年毛入园率：2020年86.5%；2025年较2020年提升4个百分点左右。",
         [(GER, 2020, "=", 86.5, None, "level"), (GER, 2025, "~", 4.0, None, "increase")]),
        ("中职在校生：2020年4,100人；2025年较2020年增加三成。",
         [(VOC, 2020, "=", 4100.0, None, "level"), (VOC, 2025, "=", 30.0, None, "increase")]),
        ("财政性教育经费支出：2020年9.2亿元；2025年较2020年增长两成以上。",
         [(FIN, 2020, "=", 920000000.0, None, "level"), (FIN, 2025, ">=", 20.0, None, "increase")]),
        ("劳动年龄人口平均受教育年限：2020年10.1年；2025年提高0.6年。",
         [(YRS, 2020, "=", 10.1, None, "level"), (YRS, 2025, "=", 0.6, None, "increase")]),
        # "N项指标分别": the last N phrases of the sentence before, in order
        ("2023年高中阶段教育毛入学率达到93%，学前三年毛入园率达到90%；2025年二项指标分别达到95%、92%。",
         [(GER, 2023, "=", 90.0, None, "level"), (GER, 2025, "=", 92.0, None, "level"), (HS, 2023, "=", 93.0, None, "level"), (HS, 2025, "=", 95.0, None, "level")]),
        # as many values as counted names, or nothing is guessed
        ("2023年高中阶段教育毛入学率达到93%，学前三年毛入园率达到90%；2025年二项指标分别达到95%。",
         [(GER, 2023, "=", 90.0, None, "level"), (HS, 2023, "=", 93.0, None, "level")]),
        # a deadline with no comma after it dates its own clause, not the clauses after its
        # "；"; with a comma it opens the sentence's scope (my own wording)
        ("新增学位3000个；到2023年底标准班额比例达到100%；招聘教师800名。",
         [("school_places_added", 2025, "=", 3000.0, None, "cumulative"), ("standard_class_size_share", 2023, "=", 100.0, None, "level"), ("teachers_recruited", 2025, "=", 800.0, None, "cumulative")]),
        ("到2023年，标准班额比例达到100%；招聘教师800名。",
         [("standard_class_size_share", 2023, "=", 100.0, None, "level"), ("teachers_recruited", 2023, "=", 800.0, None, "cumulative")]),
        # a sentence after a full stop keeps nothing
        ("学前三年毛入园率达到90%。2025年达到92%。", [(GER, 2025, "=", 90.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_sentence_after_a_semicolon_keeps_the_phrases_before(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


NEW_S, PLACES, KITCHEN = "new_schools_built", "school_places_added", "transparent_kitchen_rate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the end of a span of years is the year a value done within it is due
        ("2021—2022年新建改扩建中小学校20所，2023—2025年再建成26所。",
         [(NEW_S, 2022, "=", 20.0, None, "cumulative"), (NEW_S, 2025, "=", 26.0, None, "cumulative")]),
        # a time part of a total, and the next part after it
        ("全年新增学位2.4万个，其中春季开学前交付0.9万个，年底前再交付1.5万个。",
         [(PLACES, 2025, "=", 24000.0, None, "cumulative"), (PLACES, 2025, "=", 9000.0, None, "cumulative"), (PLACES, 2025, "=", 15000.0, None, "cumulative")]),
        ("“十四五”期间新增学位5万个，其中到2023年完成2.2万个。",
         [(PLACES, 2023, "=", 22000.0, None, "cumulative"), (PLACES, 2025, "=", 50000.0, None, "cumulative")]),
        ("到2025年，阳光厨房“明厨亮灶”建设率2023年达到90%，2025年达到100%。",
         [(KITCHEN, 2023, "=", 90.0, None, "level"), (KITCHEN, 2025, "=", 100.0, None, "level")]),
        # a part that names itself is no time part; nor a value in another unit
        ("到2025年，新增学位5万个，其中农村学校完成2万个。", [(PLACES, 2025, "=", 50000.0, None, "cumulative")]),
        ("到2025年，新增学位5万个，完成培训3万人次。", [(PLACES, 2025, "=", 50000.0, None, "cumulative")]),
        # nor a count of something named after it
        ("到2025年，新建改扩建中小学校20所，年底前再建成3个实训基地。", [(NEW_S, 2025, "=", 20.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_a_clause_of_when_a_verb_and_a_value_goes_on_the_clause_before(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
