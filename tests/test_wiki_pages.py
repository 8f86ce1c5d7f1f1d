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


# my own wording: a 百科 entry whose infobox states the year of its figures, headings whose
# words name no known section (沿革, 学前), a state-of-things section going on past its
# first paragraph
ENTRY = """{{Infobox 学区
| 名称 = 青禾县教育
| 数据年份 = 2023
| 幼儿园数 = 48所
| 小学在校生 = 2.64万人
| 专任教师 = 2,910人
}}
'''青禾县教育'''是[[某省]]青禾县的各级各类教育。

== 沿革 ==
1978年恢复高考后，县一中首届考生120人。

== 教育概况 ==
截止2023年末，全县有各级各类学校96所，小学在校生2.64万人。

[[学前教育|学前]]三年毛入园率95.1%，九年义务教育巩固率97.8%。

=== 学前 ===
普惠性幼儿园覆盖率92.4%。

== 发展规划 ==
学前三年毛入园率达到97%，新建幼儿园6所。
"""


def test_an_infobox_dates_its_fields_and_a_state_section_its_later_paragraphs(extractor):
    assert observed(extractor, ENTRY) == [
        (CON, 2023, "=", 97.8, None, "level"),
        ("full_time_teacher_count", 2023, "=", 2910.0, None, "level"),
        (INC, 2020, "=", 92.4, None, "level"),  # a subsection: no point in time stated
        ("kindergarten_count", 2023, "=", 48.0, None, "level"),
        ("new_kindergartens_built", 2025, "=", 6.0, None, "cumulative"),
        (PRE, 2023, "=", 95.1, None, "level"),
        (PRE, 2025, "=", 97.0, None, "level"),
        ("primary_enrollment", 2023, "=", 26400.0, None, "level"),
        ("primary_enrollment", 2023, "=", 26400.0, None, "level"),
        ("school_count", 2023, "=", 96.0, None, "level"),
    ]
    at = {
        r["char_start"]: r["disposition"] for r in extractor.extract(source(), clean(ENTRY)).ledger
    }
    assert at[ENTRY.index("2023\n")] == "year"  # the infobox's year field
