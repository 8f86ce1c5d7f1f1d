"""A project schedule (a Gantt chart's table, as MS Project or WPS 项目 export it): the task
names hold the targets and are read as prose, dated by their 完成时间; durations, links,
shares done and resources are the schedule's own numbers; a task set in under another
states parts of the amounts above it unless it names its own year."""

from __future__ import annotations

from analysis.normalise import clean
from tests.test_extraction import observed, source

PLACES, SCHOOLS, MONEY, CLASS = (
    "school_places_added",
    "new_schools_built",
    "education_investment",
    "standard_class_size_share",
)

# my own layout: tab-separated, outline levels by full-width spaces, a year-level summary
# with its projects under it, a milestone with a rate
TABS = (
    "任务编号\t任务名称\t工期\t计划开始时间\t计划完成时间\t前置任务\t负责人\n"
    "1\t全县学校建设（新建学校6所，新增学位4,800个，总投资5.6亿元）\t900 天\t2022年2月1日\t2025年7月31日\t\t张伟\n"
    "2\t　2023年度（新建学校2所，新增学位1,500个）\t300 天\t2023年1月3日\t2023年12月29日\t\t李明\n"
    "3\t　　河西小学新建（新增学位900个）\t280 天\t2023年1月3日\t2023年10月9日\t\t李明\n"
    "4\t　　城关中学扩建（新增学位600个）\t200 天\t2023年3月1日\t2023年9月15日\t3SS+20 天\t王强\n"
    "5\t　　◆年底标准班额比例达到95%\t0 天\t2023年12月29日\t2023年12月29日\t4\t\n"
)


def test_a_schedules_task_names_are_read_and_its_projects_are_parts(extractor):
    assert observed(extractor, TABS) == [
        (MONEY, 2025, "=", 560000000.0, None, "cumulative"),
        (SCHOOLS, 2023, "=", 2.0, None, "cumulative"),
        (SCHOOLS, 2025, "=", 6.0, None, "cumulative"),
        (PLACES, 2023, "=", 1500.0, None, "cumulative"),
        (PLACES, 2025, "=", 4800.0, None, "cumulative"),
        (CLASS, 2023, "=", 95.0, None, "level"),
    ]


def test_a_schedules_own_numbers_are_ledgered(extractor):
    result = extractor.extract(source(), clean(TABS))
    why = {(r["quote"], r["line"]): r["disposition"] for r in result.ledger}
    assert why[("900 天", 2)] == "schedule_field"  # 工期
    assert why[("2022年2月1日", 2)] == "date"  # 计划开始时间
    assert why[("900个", 4)] == "part_of_total"  # a project under 2023年度
    assert why[("3SS+20 天", 5)] == "schedule_field"  # 前置任务
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


# my own layout: a Markdown table whose WBS numbers give the outline, no indentation
WBS = (
    "| WBS | 任务名称 | 开始时间 | 完成时间 | 完成百分比 |\n"
    "|---|---|---|---|---|\n"
    "| 1 | 学位扩容工程（新增学位3,000个） | 2021年3月1日 | 2024年8月30日 | 60% |\n"
    "| 1.1 | 东区幼儿园新建（新增学位360个） | 2021年3月1日 | 2022年8月31日 | 100% |\n"
    "| 1.2 | 南湖学校新建（新增学位1,440个） | 2022年3月1日 | 2024年8月30日 | 40% |\n"
)


def test_wbs_numbers_give_the_outline(extractor):
    assert observed(extractor, WBS) == [(PLACES, 2024, "=", 3000.0, None, "cumulative")]
    result = extractor.extract(source(), clean(WBS))
    why = {(r["quote"], r["line"]): r["disposition"] for r in result.ledger}
    assert why[("60%", 3)] == "schedule_field"  # a share done, no indicator's value
    assert why[("1,440个", 5)] == "part_of_total"
