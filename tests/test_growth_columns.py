"""A 纲要 table's column of growth after the year columns, named for both of its forms:
a yearly rate and, in brackets, the five-year total ("年均增长（累计）", "年均增速/[累计]",
"年均增长〔累计〕"). Its cells are changes to the last year shown, as in a column of
changes ("增减"): a bracketed total of a years indicator is an increase of it."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from tests.test_extraction import observed, source

YEARS, CONS = "mean_schooling_years_working_age", "compulsory_consolidation_rate"

TABLES = [
    ("| 指标 | 单位 | 2020年 | 2025年 | 年均增速〔累计〕 | 属性 |\n|---|---|---|---|---|---|\n"
     "| 地区生产总值 | 亿元 | 1200 | — | 6% | 预期性 |\n"
     "| 劳动年龄人口平均受教育年限 | 年 | 10.4 | 11 | 〔0.6〕 | 约束性 |\n"
     "| 九年义务教育巩固率 | % | 95 | 97 | 〔2〕 | 约束性 |\n",
     [(YEARS, 2020, "=", 10.4, None, "level"), (YEARS, 2025, "=", 11.0, None, "level"), (YEARS, 2025, "=", 0.6, None, "increase"),
      (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), (CONS, 2025, "=", 2.0, None, "increase")]),
    ("指标\t单位\t2020年\t2025年\t年均增长/[累计]\t属性\n"
     "常住人口城镇化率\t%\t52\t58\t[6]\t预期性\n"
     "劳动年龄人口平均受教育年限\t年\t9.9\t10.7\t[0.8]\t约束性\n",
     [(YEARS, 2020, "=", 9.9, None, "level"), (YEARS, 2025, "=", 10.7, None, "level"), (YEARS, 2025, "=", 0.8, None, "increase")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TABLES)
def test_a_growth_column_holds_increases(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# a plain yearly column ("年均增长", "年均提高（百分点）"): each cell a year's change to the
# last year shown, qualified 年均 as the prose's "年均增长5%" is (first met in blind23 r1)
YEARLY = [
    ("指标\t单位\t2020年\t2025年\t年均提高（百分点）\n"
     "九年义务教育巩固率\t%\t95.1\t97\t0.38\n"
     "劳动年龄人口平均受教育年限\t年\t10.1\t10.6\t—\n",
     [(CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), (CONS, 2025, "=", 0.38, None, "increase"),
      (YEARS, 2020, "=", 10.1, None, "level"), (YEARS, 2025, "=", 10.6, None, "level")]),
    ("| 指标 | 单位 | 2020年 | 2025年 | 年均增长 |\n|---|---|---|---|---|\n"
     "| 普通高中在校生数 | 人 | 8800 | 9900 | 2.4% |\n"
     "| 九年义务教育巩固率 | % | 95.1 | 97 | 0.4个百分点 |\n",
     [("general_high_school_enrollment", 2020, "=", 8800.0, None, "level"), ("general_high_school_enrollment", 2025, "=", 9900.0, None, "level"),
      ("general_high_school_enrollment", 2025, "=", 2.4, None, "increase"),
      (CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), (CONS, 2025, "=", 0.4, None, "increase")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), YEARLY)
def test_a_yearly_column_holds_qualified_increases(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
    result = extractor.extract(source(), clean(text))
    notes = {(o.value_kind, o.note) for o in result.observations}
    assert notes == {("level", None), ("increase", "qualified by 年均")}
