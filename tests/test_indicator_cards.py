"""Indicator cards (analysis/extraction/record_tables.py): one block of "key：value" lines
per indicator, in the layouts other than "【指标1】name" that plans use: a line that only
marks the card above a name key, columns named by role instead of year, a note line."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

PRE, CONS, YEARS = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "mean_schooling_years_working_age",
)

CARDS = [
    # a mark line in words above a name key; the value columns named by role (基期值/目标值)
    ("二、主要指标\n指标卡片一\n名称：九年义务教育巩固率\n单位：%\n基期值：96.2\n目标值：≥97\n性质：约束性\n"
     "指标卡片二\n名称：学前三年毛入园率\n单位：%\n基期值：90\n目标值：95以上\n性质：预期性\n",
     [(CONS, 2020, "=", 96.2, None, "level"), (CONS, 2025, ">=", 97.0, None, "level"), (PRE, 2020, "=", 90.0, None, "level"), (PRE, 2025, ">=", 95.0, None, "level")]),
    # a numbered mark in brackets, the years with a label ("2020年现状"), blank lines between
    # cards, a note line and a "—" cell; a value in years must not run into the next line's year
    ("（1）\n指标名称：劳动年龄人口平均受教育年限\n单位：年\n2020年现状：10.6\n2025年目标：11.2\n\n"
     "（2）\n指标名称：学前三年毛入园率\n单位：%\n2020年现状：—\n2025年目标：≥93\n备注：2020年数据待核。\n",
     [(YEARS, 2020, "=", 10.6, None, "level"), (YEARS, 2025, "=", 11.2, None, "level"), (PRE, 2025, ">=", 93.0, None, "level")]),
    # a card mark with a number ("▲指标3"), ASCII colons after a converter, labelled years
    ("▲指标3\n指标:九年义务教育巩固率\n基期值(2020年):95.5\n目标值(2025年):97\n"
     "▲指标4\n指标:劳动年龄人口平均受教育年限\n基期值(2020年):10.2\n目标值(2025年):10.8\n",
     [(CONS, 2020, "=", 95.5, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), (YEARS, 2020, "=", 10.2, None, "level"), (YEARS, 2025, "=", 10.8, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CARDS)
def test_indicator_cards(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_card_mark_line_is_a_section_number(extractor):
    from analysis.normalise import clean
    from tests.test_extraction import source

    text = (
        "（1）\n指标名称：学前三年毛入园率\n单位：%\n2020年：90\n2025年：95\n"
        "（2）\n指标名称：九年义务教育巩固率\n单位：%\n2020年：96\n2025年：97\n"
    )
    ledger = extractor.extract(source(), clean(text)).ledger
    assert sorted(
        r["disposition"] for r in ledger if r["quote"] in ("（1）", "（2）", "1", "2")
    ) == [
        "section_number",
        "section_number",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a short line over a name key, but no year or role among the keys: a task list
        "重点项目一\n项目：城区学校扩容工程\n牵头单位：市教育局\n完成时限：2023年底\n"
        "重点项目二\n项目：乡村学校提升工程\n牵头单位：各县区政府\n完成时限：2024年底\n",
        # a long line over a name key is a heading, not a mark: one card is no table
        "为便于监测，以下列出各项主要指标的基期值和目标值\n指标：毛入园率\n2020年：90\n2025年：95\n",
    ],
)
def test_what_is_not_a_card_table(text):
    from analysis.extraction.read_tables import read_records
    from analysis.extraction.table_readers import TextLines
    from analysis.normalise import clean

    assert read_records(TextLines(clean(text)), []) == []


# a page break inside the cards: a lone page number within a card and between two cards
PAGED = (
    "指标名称：九年义务教育巩固率\n单位：%\n2020年：96\n12\n2025年：97\n"
    "指标名称：学前三年毛入园率\n单位：%\n2020年：90\n2025年：95\n13\n"
    "指标名称：劳动年龄人口平均受教育年限\n单位：年\n2020年：10.5\n2025年：11\n"
)


def test_a_page_number_inside_the_cards(extractor):
    from analysis.normalise import clean
    from tests.test_extraction import source

    assert observed(extractor, PAGED) == sorted(
        [(CONS, 2020, "=", 96.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level"),
         (PRE, 2020, "=", 90.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level"),
         (YEARS, 2020, "=", 10.5, None, "level"), (YEARS, 2025, "=", 11.0, None, "level")]
    )  # fmt: skip
    ledger = extractor.extract(source(), clean(PAGED)).ledger
    assert sorted((r["quote"], r["disposition"]) for r in ledger if r["quote"] in ("12", "13")) == [
        ("12", "page_number"),
        ("13", "page_number"),
    ]


# a card on one line: its "key：value" pairs side by side, after a name key or a title line
ONE_LINE = [
    ("主要指标如下。\n"
     "指标名称：学前三年毛入园率；计量单位：%；2020年现状：90.3；2025年目标：≥93；指标属性：预期性\n"
     "指标名称：劳动年龄人口平均受教育年限；计量单位：年；2020年现状：10.5；2025年目标：11；指标属性：约束性\n",
     [(PRE, 2020, "=", 90.3, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), (YEARS, 2020, "=", 10.5, None, "level"), (YEARS, 2025, "=", 11.0, None, "level")]),
    ("（一）九年义务教育巩固率\n基期值：95.8　目标值：≥97　属性：约束性\n"
     "（二）学前三年毛入园率\n基期值：88　目标值：92　属性：预期性\n",
     [(CONS, 2020, "=", 95.8, None, "level"), (CONS, 2025, ">=", 97.0, None, "level"), (PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
    # a name longer than any value (21 characters) is still the card's name
    ("指标名称：财政性教育经费支出占地区生产总值比例（%）；2020年：3.9；2025年：≥4\n"
     "指标名称：学前三年毛入园率（%）；2020年：88；2025年：92\n",
     [("education_gdp_share", 2020, "=", 3.9, None, "level"), ("education_gdp_share", 2025, ">=", 4.0, None, "level"), (PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ONE_LINE)
def test_a_card_on_one_line(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_line_of_pairs_in_prose_is_no_card(extractor):
    # one line of pairs alone (a notice's contact line) is no table
    text = (
        "联系人：王明；联系电话：0762-3381526；邮箱：edu@example.cn\n普惠性幼儿园覆盖率达到90%。\n"
    )
    assert observed(extractor, text) == [
        ("inclusive_kindergarten_coverage", 2025, "=", 90.0, None, "level")
    ]
