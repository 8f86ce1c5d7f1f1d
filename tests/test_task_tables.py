"""A table of tasks whose target column holds sentences and whose deadline column dates
them (analysis/extraction/task_tables.py): each target cell is read as prose, and a value
the cell does not date takes the year of its row's deadline."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.extraction.task_tables import deadline_clauses
from analysis.normalise import clean
from analysis.sources import Source
from tests.test_extraction import observation_rows

PRE, INCL, BUILT, PLACES = (
    "preschool_gross_enrollment_rate",
    "inclusive_kindergarten_coverage",
    "new_kindergartens_built",
    "school_places_added",
)


def _read(extractor, text):
    meta = {"document_type": "five_year_plan", "period_start": 2021, "period_end": 2025,
            "baseline_year": 2020}  # fmt: skip
    result = extractor.extract(Source("t_plan", "t", paths.ROOT / "t.txt", meta), clean(text))
    rows = observation_rows(result)
    unaccounted = [r["quote"] for r in result.ledger if r["disposition"] == "unaccounted"]
    return rows, unaccounted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pipes, the deadline column first after the number, "年底" and a span of years
        ("|编号|工作任务|完成时间|任务目标|责任单位|\n|---|---|---|---|---|\n|1|普惠发展|2024年底|普惠性幼儿园覆盖率达到85%以上|市教育局|\n|2|扩充资源|2022—2024年|新建幼儿园16所，新增学位2,400个|市发改委|\n", [(BUILT, 2024, "=", 16.0, None, "cumulative"), (INCL, 2024, ">=", 85.0, None, "level"), (PLACES, 2024, "=", 2400.0, None, "cumulative")]),
        # tabs; a year stated in the cell beats the deadline; 时间节点 with a month
        ("序号\t主要任务\t具体目标\t时间节点\n1\t学前普及\t2023年学前三年毛入园率达到93%\t2025年12月\n2\t普惠扩面\t普惠性幼儿园覆盖率达到90%\t2022年6月底前\n", [(INCL, 2022, "=", 90.0, None, "level"), (PRE, 2023, "=", 93.0, None, "level")]),
        # no deadline column: the plan's end year
        ("序号\t重点任务\t目标要求\t牵头单位\n1\t学前普及\t学前三年毛入园率达到96%\t县教育局\n", [(PRE, 2025, "=", 96.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_task_tables_targets_are_read_with_their_rows_deadline(extractor, text, expected):
    rows, unaccounted = _read(extractor, text)
    assert rows == sorted(expected)
    assert unaccounted == []


def test_a_table_of_single_values_is_not_a_task_table(extractor):
    """A target column of bare numbers is an ordinary indicator table (read by the grid
    interpreter with its 2025 column), not sentences to read as prose."""
    text = "指标\t2020年\t2025年\t完成时限\n学前三年毛入园率（%）\t88\t95\t2025年底前\n"
    rows, _ = _read(extractor, text)
    assert rows == [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]


def test_a_project_tables_descriptions_take_the_rows_completion_years(extractor):
    """A project table (a money column) stays the interpreter's: each project's money is a
    part of a total the table does not state (no value), and the counts in a description
    cell are due when the row's 建设年限 ends."""
    text = (
        "序号\t项目名称\t建设内容\t总投资（万元）\t建设年限\n"
        "1\t学前扩容\t新建幼儿园9所，新增学位2700个\t15000\t2021—2024年\n"
        "2\t城区学前补短板\t新建幼儿园3所\t4000\t2022年\n"
    )
    rows, unaccounted = _read(extractor, text)
    assert rows == sorted(
        [
            (BUILT, 2022, "=", 3.0, None, "cumulative"),
            (BUILT, 2024, "=", 9.0, None, "cumulative"),
            (PLACES, 2024, "=", 2700.0, None, "cumulative"),
        ]
    )
    assert unaccounted == []


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        # the next row starts "12 名…", which reads like a wrapped "12名": still a new row
        ("3\t培训\t培训教师3万人次\t2025年底前\n12\t名校长培养\t培养名校长10名\t2023年\n", 2),
        # a wrapped line of prose is still joined
        ("全市新建幼儿园\n12所，新增学位3600个。\n", 1),
    ],
)
def test_a_tab_separated_row_ends_its_paragraph(text, paragraphs):
    assert clean(text).paragraphs.text.strip("\n").count("\n") + 1 == paragraphs


# A rectification ledger (整改台账): a 问题 column states the shortfalls found, a column
# whose header ends in 目标/措施 the targets, and a column ending in 时限 the deadlines, one
# clause each, by label or in order. A note above the table dates the 问题 column.
RECTIFICATION = (
    "注：“存在问题”栏数据均为2022年核查数。\n\n"
    "| 序号 | 存在问题 | 整改措施 | 办结时限 | 责任科室 |\n"
    "|---|---|---|---|---|\n"
    "| 1 | 普惠性幼儿园覆盖率仅为79.5%，距规划目标（88%）尚有差距 | 新建公办幼儿园3所；普惠性幼儿园覆盖率达到84% | 新建：2024年6月30日前；覆盖率：2023年12月31日前 | 学前科 |\n"
    "| 2 | 专任教师缺编约90名，学前三年毛入园率86.2% | 学前三年毛入园率达到90%；招聘教师120名 | 2023年12月31日；2025年12月31日 | 人事科 |\n"
    "| 3 | 4所城区幼儿园未按期建成 | 4所城区幼儿园2024年秋季投入使用 | 2024年9月1日起 | 基建科 |\n"
)


def test_a_rectification_ledger_dates_each_clause_by_its_deadline(extractor):
    rows, unaccounted = _read(extractor, RECTIFICATION)
    assert rows == sorted(
        [
            # the 问题 column: the year the note gives it; the target named before its value
            (INCL, 2022, "=", 79.5, None, "level"),
            (INCL, 2025, "=", 88.0, None, "level"),
            (PRE, 2022, "=", 86.2, None, "level"),
            # labelled deadlines go to the clause sharing the label, unlabelled ones in order
            ("new_public_kindergartens", 2024, "=", 3.0, None, "cumulative"),
            (INCL, 2023, "=", 84.0, None, "level"),
            (PRE, 2023, "=", 90.0, None, "level"),
            ("teachers_recruited", 2025, "=", 120.0, None, "cumulative"),
        ]
    )  # 缺编约90名 (a shortage) and "4所…未按期建成" (not done) give nothing
    assert unaccounted == []


@pytest.mark.parametrize(
    ("cell", "clauses"),
    [
        ("2023年12月31日；2025年12月31日", [("", 2023), ("", 2025)]),
        ("大班额：2022年底前；标准班额：2023年9月1日前", [("大班额", 2022), ("标准班额", 2023)]),
        ("巩固率：2023年、2025年12月31日前", [("巩固率", 2025)]),
        ("体育活动：2022年9月1日起", [("体育活动", 2022)]),
        ("2024年8月31日前", [("", 2024)]),
        ("长期坚持", None),
        ("辍学率：2022年底前；其余：长期", None),
    ],
)
def test_deadline_cells_with_several_clauses(cell, clauses):
    assert deadline_clauses(cell) == clauses


def test_a_pipe_tables_rows_are_paragraphs_of_their_own():
    """A year in one row (or cell) never dates the next row's values."""
    text = "| 1 | 2023年9月1日前 | 新建学校2所 |\n| 2 | 2025年底前 | 新增学位900个 |\n"
    assert clean(text).paragraphs.text.strip("\n").count("\n") == 1
