"""A wiki or 百科 page's source (wiki_markup.py, extraction/wiki_tables.py): links,
headings and bold out of the sentences, its tables read like HTML's, footnote references
and web addresses never part of a value."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, INC, CON = (
    "preschool_gross_enrollment_rate",
    "inclusive_kindergarten_coverage",
    "compulsory_consolidation_rate",
)

# my own wording: a county's entry, a header row with attributes, a colspan group heading,
# a cell going on below its line, a link inside a cell, references inside cells
TABLE = """== 主要指标 ==
{| class="wikitable sortable"
|+ 表1 主要发展指标<ref>县教育局，2021年。</ref>
|-
! scope="col" | 指标 !! scope="col" | 2020年 !! 2025年目标
|-
| colspan="3" | '''一、学前教育'''
|-
| [[学前教育|学前]]三年毛入园率（%） || 87.5<sup>[2]</sup> || ≥92
|-
| 普惠性幼儿园
覆盖率（%）
| 81.0 || 88
|-
| rowspan="2" | 九年义务教育巩固率（%）
| 94.6 || 96
|}
"""

PROSE = """'''平川县'''位于[[某省]]东部。
== 发展目标 ==
到2025年，[[学前教育|学前]]三年毛入园率达到92%<sup>[3]</sup>以上。
"""


def test_a_wiki_table_reads_like_an_html_table(extractor):
    assert observed(extractor, TABLE) == [
        (CON, 2020, "=", 94.6, None, "level"),
        (CON, 2025, "=", 96.0, None, "level"),
        (INC, 2020, "=", 81.0, None, "level"),
        (INC, 2025, "=", 88.0, None, "level"),
        (PRE, 2020, "=", 87.5, None, "level"),
        (PRE, 2025, ">=", 92.0, None, "level"),
    ]


def test_a_wiki_tables_references_are_footnotes(extractor):
    result = extractor.extract(source(), clean(TABLE))
    at = {r["char_start"]: r["disposition"] for r in result.ledger}
    assert at[TABLE.index("[2]") + 1] == "section_number"  # <sup>[2]</sup>
    assert at[TABLE.index("表1") + 1] == "section_number"  # the caption's table number
    assert at[TABLE.index("2021年")] == "section_number"  # in the caption's <ref>
    assert at[TABLE.index('"2"') + 1] == at[TABLE.index('"3"') + 1] == "markup"  # spans
    values = {r["quote"] for r in result.ledger if r["disposition"] == "observation"}
    assert "87.5" in values  # the value's span stops before its reference
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_a_link_and_a_reference_leave_the_sentence_whole(extractor):
    """ "[[学前教育|学前]]三年毛入园率" reads 学前三年毛入园率; "92%<sup>[3]</sup>以上" 92%以上."""
    assert observed(extractor, PROSE) == [(PRE, 2025, ">=", 92.0, None, "level")]
    text = clean(PROSE).paragraphs.text
    assert "学前三年毛入园率达到92%以上" in text and "[[" not in text and "'''" not in text


def test_a_wiki_heading_ends_its_paragraph():
    text = "== 发展基础 ==\n2020年，全县学前三年毛入园率为87.5%。\n[[学前教育]]\n"
    assert clean(text).paragraphs.text.startswith("发展基础\n2020年")


def test_a_web_address_is_markup(extractor):
    text = "详见 https://www.example.gov.cn/2021/1028/44.html 。学前三年毛入园率达到92%。\n"
    result = extractor.extract(source(), clean(text))
    quotes = {r["quote"]: r["disposition"] for r in result.ledger}
    assert quotes["2021"] == quotes["1028"] == quotes["44"] == "markup"


@pytest.mark.parametrize(
    "text, year",
    [
        ("截至2022年底，学前三年毛入园率达到90%；两年累计新建幼儿园12所。", 2022),
        ("三年来，全县累计新建幼儿园12所。", 2023),
        ("两年合计新建幼儿园12所，完成五年任务的四成。", 2022),
        ("“十四五”期间新建幼儿园12所。", 2025),
    ],
)
def test_a_total_over_the_plans_first_years_is_of_its_last(extractor, text, year):
    found = [o for o in observed(extractor, text) if o[0] == "new_kindergartens_built"]
    assert found == [("new_kindergartens_built", year, "=", 12.0, None, "cumulative")]


def test_a_total_over_five_years_in_a_review_stays_the_reviews(extractor):
    """ "“十三五”时期，…五年累计" is the last plan's total: no elapsed years of this one."""
    text = "“十三五”时期，全县五年累计新建幼儿园12所。"
    assert observed(extractor, text) == [
        ("new_kindergartens_built", 2020, "=", 12.0, None, "cumulative")
    ]
