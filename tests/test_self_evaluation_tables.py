"""A performance self-evaluation's table (绩效自评表): indicator levels, points and reasons are
no values; the year's target and actual columns are the year's. A standards table's 实际值
column is the year its caption names."""

from __future__ import annotations

from analysis.normalise import clean
from tests.test_extraction import source

# my own wording: two indicator levels, points before the values, a reason column
TABLE = (
    "表2　2023年度项目绩效目标完成情况\n"
    "| 一级指标 | 二级指标 | 指标名称 | 权重 | 年度目标值 | 实际完成值 | 得分 | 差异原因 |\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| 产出指标 | 数量指标 | 招聘教师数（名） | 10 | 120 | 126 | 10 | — |\n"
    "|  | 质量指标 | 九年义务教育巩固率 | 10 | ≥97% | 96.6% | 8.5 | 3名学生随父母外出务工未返校 |\n"
)


def test_a_self_evaluation_table(extractor):
    result = extractor.extract(source(title="某县教育局2023年度项目支出绩效自评报告"), clean(TABLE))
    got = sorted((o.indicator_id, o.year, o.comparator, o.value) for o in result.observations)
    assert got == [
        ("compulsory_consolidation_rate", 2023, "=", 96.6),
        ("compulsory_consolidation_rate", 2023, ">=", 97.0),
        ("teachers_recruited", 2023, "=", 120.0),
        ("teachers_recruited", 2023, "=", 126.0),
    ]
    points = sorted(r["quote"] for r in result.ledger if "points" in (r["reason"] or ""))
    assert points == ["10", "10", "10", "8.5"]
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


# my own wording: a 督导评估 self-assessment's standards table under a caption naming its year
STANDARDS = (
    "表4　部分评估指标达标情况（2023年）\n"
    "| 指标 | 标准值 | 实际值 | 是否达标 |\n|---|---|---|---|\n"
    "| 标准班额比例 | 100% | 100% | 是 |\n"
    "| 每百名学生拥有体育专任教师数（人） | ≥0.9 | 1.12 | 是 |\n"
    "| 九年义务教育巩固率 | — | 97.9% | — |\n"
)


def test_a_standards_table_gives_the_actual_values_of_its_year(extractor):
    result = extractor.extract(
        source(title="某县义务教育优质均衡发展督导评估自评报告"), clean(STANDARDS)
    )
    got = sorted((o.indicator_id, o.year, o.comparator, o.value) for o in result.observations)
    # the standards are no values; a count per hundred pupils is no count of teachers
    assert got == [
        ("compulsory_consolidation_rate", 2023, "=", 97.9),
        ("standard_class_size_share", 2023, "=", 100.0),
    ]


def test_index_scores_and_ranks_are_no_values(extractor):
    # my own wording: a monitoring index table with a weighted score column, and a ranking
    # of townships by their index
    text = (
        "表1　监测指标及得分\n"
        "| 三级指标 | 权重 | 2020年 | 2022年 | 2025年目标 | 加权得分 |\n"
        "|---|---|---|---|---|---|\n"
        "| 学前三年毛入园率 | 8 | 88.2 | 91.4 | ≥95 | 7.70 |\n"
        "\n表2　乡镇监测指数排名\n"
        "| 排名 | 乡镇 | 2020年指数 | 2022年指数 |\n"
        "|---|---|---|---|\n"
        "| 1 | 东岭镇 | 86.40 | 95.10 |\n"
        "| 2 | 西坪乡 | 80.25 | 90.70 |\n"
    )
    result = extractor.extract(source(), clean(text))
    got = sorted((o.indicator_id, o.year, o.comparator, o.value) for o in result.observations)
    assert got == [
        ("preschool_gross_enrollment_rate", 2020, "=", 88.2),
        ("preschool_gross_enrollment_rate", 2022, "=", 91.4),
        ("preschool_gross_enrollment_rate", 2025, ">=", 95.0),
    ]
    assert not [r["quote"] for r in result.ledger if r["disposition"] == "unaccounted"]


def test_a_year_target_column_named_as_the_indicators_value(extractor):
    # "年度指标值" beside "实际完成值" in a tab-separated table: both are the caption's year
    text = (
        "表1　2023年度项目绩效指标完成情况\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t招聘教师（名）\t≥150\t162\t5\t5\n"
        "\t质量指标\t学前三年毛入园率\t≥94%\t94.6%\t6\t6\n"
        "合计\t\t\t\t\t11\t11\n"
    )
    result = extractor.extract(source(title="某县2023年度项目支出绩效自评报告"), clean(text))
    got = sorted((o.indicator_id, o.year, o.comparator, o.value) for o in result.observations)
    assert got == [
        ("preschool_gross_enrollment_rate", 2023, "=", 94.6),
        ("preschool_gross_enrollment_rate", 2023, ">=", 94.0),
        ("teachers_recruited", 2023, "=", 162.0),
        ("teachers_recruited", 2023, ">=", 150.0),
    ]
