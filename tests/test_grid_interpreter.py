"""Reading grids into values (analysis/extraction/grid_interpreter.py): row-level rules."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE = "preschool_gross_enrollment_rate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a row whose name says its cells are changes ("（较2020年增加，百分点）") holds
        # increases, beside rows of levels
        ("指标|2023年|2025年\n学前三年毛入园率（%）|92|95\n学前三年毛入园率（较2020年增加，百分点）|2|5\n", [(PRE, 2023, "=", 92.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level"), (PRE, 2023, "=", 2.0, None, "increase"), (PRE, 2025, "=", 5.0, None, "increase")]),
        ("指标\t2025年\n学前三年毛入园率提高（百分点）\t3\n", [(PRE, 2025, "=", 3.0, None, "increase")]),
    ],
)  # fmt: skip
def test_a_row_of_changes_named_so(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_the_training_volume_ratio_named_without_its_school_word(extractor):
    text = "指标\t2020年\t2025年\n年培训人次与在校生规模之比（倍）\t1.1\t≥1.8\n"
    assert observed(extractor, text) == [
        ("vocational_training_volume_ratio", 2020, "=", 1.1, None, "level"),
        ("vocational_training_volume_ratio", 2025, ">=", 1.8, None, "level"),
    ]


def test_a_row_named_with_its_completing_verb_after_the_phrase(extractor):
    # "…幼儿园投入使用（所）" ('投入' alone names another indicator): the verb after the phrase
    # names the act counted; the phrase is the row's
    text = "指标|2023年|2025年\n城镇小区配套幼儿园投入使用（所，累计）|3|8\n"
    assert observed(extractor, text) == [
        ("residential_kindergartens_opened", 2023, "=", 3.0, None, "cumulative"),
        ("residential_kindergartens_opened", 2025, "=", 8.0, None, "cumulative"),
    ]


def test_a_part_named_with_qizhong_is_not_its_totals_indicator(extractor):
    """ "其中：社会投入" beside 教育项目投资 matches investment too, but is a part of it: the
    total's columns are read, the part's are not (transposed and plain tables alike)."""
    transposed = (
        "表2　教育投入分年度安排（单位：亿元）\n"
        "年度　　教育项目投资　　其中：财政资金　　其中：社会投入\n"
        "2021年　　22.4　　19.0　　3.4\n"
        "2022年　　24.0　　20.1　　3.9\n"
    )
    assert observed(extractor, transposed) == [
        ("education_investment", 2021, "=", 2240000000.0, None, "cumulative"),
        ("education_investment", 2022, "=", 2400000000.0, None, "cumulative"),
    ]
    plain = "指标|2021年|2022年\n教育投资（亿元）|22.4|24.0\n其中：社会投入（亿元）|3.4|3.9\n"
    assert observed(extractor, plain) == [
        ("education_investment", 2021, "=", 2240000000.0, None, "cumulative"),
        ("education_investment", 2022, "=", 2400000000.0, None, "cumulative"),
    ]


def test_a_sub_column_named_qizhong_is_ledgered_as_a_part(extractor):
    """Two header rows: each year over 全县 and 其中农村. The county's column is read; the
    rural part is ledgered part_of_total, not left unaccounted."""
    from analysis.normalise import clean
    from tests.test_extraction import source

    text = (
        "指标\t单位\t2020年\t\t2025年\t\t属性\n"
        "\t\t全县\t其中农村\t全县\t其中农村\t\n"
        "学前三年毛入园率\t%\t86.5\t82.0\t≥92\t≥90\t约束性\n"
        "幼儿园数\t所\t72\t51\t82\t56\t预期性\n"
    )
    result = extractor.extract(source(), clean(text))
    got = sorted((o.indicator_id, o.year, o.comparator, o.value) for o in result.observations)
    assert got == [
        ("kindergarten_count", 2020, "=", 72.0),
        ("kindergarten_count", 2025, "=", 82.0),
        (PRE, 2020, "=", 86.5),
        (PRE, 2025, ">=", 92.0),
    ]
    parts = sorted(r["quote"] for r in result.ledger if r["disposition"] == "part_of_total")
    assert parts == ["51", "56", "82.0", "≥90"]
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_a_years_task_list_dated_by_its_caption(extractor):
    """An annual plan's annex "2024年重点任务清单": 序号 | 重点任务 | 目标值 | 牵头单位 |
    完成时限. The target column's year is the caption's; the task column names the
    indicator (not the last free column, the unit responsible); a completion date with its
    day is a date."""
    from analysis.normalise import clean
    from tests.test_extraction import source

    text = (
        "附件\n2024年重点任务清单\n\n"
        "| 序号 | 重点任务 | 目标值 | 牵头单位 | 完成时限 |\n"
        "| 1 | 普惠性幼儿园覆盖率 | ≥92% | 学前教育科 | 2024年12月31日 |\n"
        "| 2 | 招聘教师 | 260名 | 人事科、县人社局 | 2024年8月 |\n"
    )
    result = extractor.extract(
        source("annual_work_plan", start=2024, end=2024, baseline=2023), clean(text)
    )
    got = sorted(
        (o.indicator_id, o.year, o.comparator, o.value, o.value_kind) for o in result.observations
    )
    assert got == [
        ("inclusive_kindergarten_coverage", 2024, ">=", 92.0, "level"),
        ("teachers_recruited", 2024, "=", 260.0, "cumulative"),
    ]
    dates = sorted(r["quote"] for r in result.ledger if r["disposition"] in ("year", "date"))
    assert "2024年12月31日" in dates and not result.unread_tables


def test_an_online_tables_date_and_progress_columns_are_ledgered(extractor):
    """A shared document's indicator table carries property columns: a deadline date and
    the row's progress to its target. Neither holds a value; both are ledgered."""
    text = (
        "| 指标 | 2020基期 | 2022实际 | 2025目标 | 负责人 | 截止日期 | 进度 % |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 学前三年毛入园率（%） | 88.2 | 90.5 | ≥92 | @张三 | 2025-12-31 | 98.4 |\n"
    )
    result = extractor.extract(source(), clean(text))
    assert sorted((o.year, o.value) for o in result.observations) == [
        (2020, 88.2),
        (2022, 90.5),
        (2025, 92.0),
    ]
    ledger = {r["quote"]: r["disposition"] for r in result.ledger}
    assert ledger["98.4"] == "no_indicator"
    assert {ledger[q] for q in ("2025-12-31", "2025", "12", "31") if q in ledger} == {"date"}
