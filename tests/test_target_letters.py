"""A target letter for one year of the period (目标责任书): its table of targets with
numbered category rows, a name column headed 考评指标, points (分值) and a scoring rule
(考核办法) beside each row, a column of the plan's targets headed by the plan cited
("《纲要》2025年目标"); its 年内 and its targets with no year are the year it is signed for."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, CON, PLACES = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "school_places_added",
)

# my own wording and layout: tab-separated, a category row with its points in brackets
# between the rows, the responsible office in the last column
LETTER = (
    "一、年度考核指标\n\n"
    "序号\t考评指标\t2023年完成\t2024年目标\t《纲要》2025年目标\t分值\t考核办法\t责任科室\n"
    "（一）普及水平（30分）\n"
    "1\t学前三年毛入园率\t91.2%\t≥92%\t≥93%\t10\t每低0.5个百分点扣1分\t基教科\n"
    "2\t九年义务教育巩固率\t96.8%\t≥97%\t97.5%\t20\t低于97%不得分\t基教科\n"
    "（二）条件保障（20分）\n"
    "3\t新增学位（个）\t2,400\t1,800\t9,000\t20\t按完成比例计分\t规划科\n\n"
    "二、区政府责任\n\n"
    "年内新建幼儿园3所，统筹教育项目资金不少于2.4亿元。\n"
)
TABLE_ROWS = [
    (CON, 2023, "=", 96.8, None, "level"),
    (CON, 2024, ">=", 97.0, None, "level"),
    (CON, 2025, "=", 97.5, None, "level"),
    (PRE, 2023, "=", 91.2, None, "level"),
    (PRE, 2024, ">=", 92.0, None, "level"),
    (PRE, 2025, ">=", 93.0, None, "level"),
    (PLACES, 2023, "=", 2400.0, None, "cumulative"),
    (PLACES, 2024, "=", 1800.0, None, "cumulative"),
    (PLACES, 2025, "=", 9000.0, None, "cumulative"),
]


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("泊川区2024年度教育发展目标责任书", 2024),
        ("泊川区教育局2024年度目标管理责任书", 2024),
        # no letter: a value with no year of its own is the plan's end
        ("泊川区“十四五”教育发展规划", 2025),
    ],
)
def test_a_letters_table_and_its_duties(extractor, title, year):
    assert observed(extractor, LETTER, title=title) == sorted(
        [
            *TABLE_ROWS,
            ("education_investment", year, ">=", 240000000.0, None, "cumulative"),
            ("new_kindergartens_built", year, "=", 3.0, None, "cumulative"),
        ]
    )


def test_a_letters_points_and_scoring_rules_are_no_values(extractor):
    result = extractor.extract(source(title="泊川区2024年度教育发展目标责任书"), clean(LETTER))
    why = {r["quote"]: (r["disposition"], r["reason"]) for r in result.ledger}
    assert why["每低0.5个百分点扣1分"] == ("no_indicator", "a scoring rule (评分标准), not a value")
    assert why["低于97%不得分"][0] == "no_indicator"
    assert why["10"][0] == "no_indicator"  # 分值
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]
    assert not result.unread_tables
