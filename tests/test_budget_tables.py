"""Budget execution reports (analysis/extraction/budget_tables.py and the prose rules for
budgeted amounts): the outturn is the year's value, the budget and its execution rate are not."""

from __future__ import annotations

from tests.test_extraction import observed

SPEND = "education_fiscal_expenditure"

# my own wording: a city's 2022 execution report, a budget table with a total and parts, a
# table of the two 只增不减 tests with a per-pupil row, and prose with budgeted amounts
REPORT = """关于2022年度全市教育经费预算执行情况的报告

一、2022年度预算执行和决算情况
　　2022年全市教育支出年初预算安排为45,200万元，后调整为47,900万元，全年决算数为47,350万元，完成调整预算的98.9%。教育支出增幅高于财政支出增幅1.6个百分点。

表1　2022年全市教育支出执行情况（单位：万元）
| 支出项目 | 年初预算数 | 调整预算数 | 决算数 | 执行率（%） | 比上年增长（%） |
|---|---|---|---|---|---|
| 教育支出 | 45,200 | 47,900 | 47,350 | 98.9 | 4.4 |
| 其中：普通教育 | 38,100 | 40,300 | 39,900 | 99.0 | 4.1 |
| 职业教育 | 3,200 | 3,350 | 3,310 | 98.8 | 6.2 |

表2　“两个只增不减”情况
| 项目 | 2021年决算 | 2022年决算 |
|---|---|---|
| 一般公共预算教育支出（万元） | 45,350 | 47,350 |
| 按在校学生人数平均的一般公共预算教育支出（元） | 13,120 | 13,640 |

二、规划目标实施情况
　　2022年全市学前三年毛入园率为89.4%（目标93%以上）。
"""

EXPECTED = [
    (SPEND, 2022, "=", 473500000.0, None, "level"),  # the prose outturn
    (SPEND, 2022, "=", 473500000.0, None, "level"),  # table 1's
    (SPEND, 2022, "=", 4.4, None, "increase"),
    (SPEND, 2021, "=", 453500000.0, None, "level"),
    (SPEND, 2022, "=", 473500000.0, None, "level"),  # table 2's
    ("preschool_gross_enrollment_rate", 2022, "=", 89.4, None, "level"),
    ("preschool_gross_enrollment_rate", 2025, ">=", 93.0, None, "level"),
]


def test_a_budget_execution_report_gives_outturns_not_budgets(extractor):
    kw = {"title": "关于2022年度全市教育经费预算执行情况的报告"}
    assert observed(extractor, REPORT, **kw) == sorted(EXPECTED)
