"""The extraction readers on small crafted inputs: numbers, prose binding, table layouts."""

from __future__ import annotations

import re

import pytest

from analysis import paths
from analysis.errors import line_of
from analysis.extraction.quantities import QuantityFinder
from analysis.normalise import clean
from analysis.rules import load_rules
from analysis.sources import Source


@pytest.fixture(scope="module")
def rules():
    return load_rules(paths.EXTRACTION_RULES_YAML)


def source(
    document_type="five_year_plan", start=2021, end=2025, baseline=2020, title=None, city=None
):
    meta = {
        "document_type": document_type,
        "period_start": start,
        "period_end": end,
        "baseline_year": baseline,
    }
    if title is not None:
        meta["title_zh"] = title
    if city is not None:
        meta["city_name_zh"] = city
    return Source("t_plan", "t", paths.ROOT / "t.txt", meta)


def observed(extractor, text, **kw):
    return observation_rows(extractor.extract(source(**kw), clean(text)))


def observation_rows(result):
    """An extraction result's observations as sorted whole rows."""
    return sorted(
        (o.indicator_id, o.year, o.comparator, o.value, o.value_upper, o.value_kind)
        for o in result.observations
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("达到95%", (95.0, "percent", None, None)),
        ("１．５亿元", (150000000.0, "yuan", None, None)),
        ("3.2万人", (32000.0, "persons", None, None)),
        ("两千人", (2000.0, "persons", None, None)),
        ("百分之九十五", (95.0, "percent", None, None)),
        ("九成五以上", (95.0, "percent", ">=", None)),
        ("六成", (60.0, "percent", None, None)),
        ("1,200名", (1200.0, "persons", None, None)),
        ("100余人", (100.0, "persons", ">", None)),
        ("95%—97%", (95.0, "percent", None, 97.0)),
        ("不低于90%", (90.0, "percent", ">=", None)),
        ("99%以上", (99.0, "percent", ">=", None)),
        ("约1.5亿元", (150000000.0, "yuan", "~", None)),
        ("≥=7", (7.0, None, ">=", None)),
        ("提高5个百分点", (5.0, "percent", None, None)),
        ("实现百分之百", (100.0, "percent", None, None)),
        ("提高到三成", (30.0, "percent", None, None)),
        ("达到6成以上", (60.0, "percent", ">=", None)),
        # 逾/超 before a number: more than it; 近: close to it
        ("逾3.5亿元", (350000000.0, "yuan", ">", None)),
        ("超七成", (70.0, "percent", ">", None)),
        ("超120家", (120.0, "count", ">", None)),
        ("近2.1万人", (21000.0, "persons", "~", None)),
        # a fraction in words is a percentage
        ("四分之一以上", (25.0, "percent", ">=", None)),
        ("三分之二", (66.67, "percent", None, None)),
        ("一半以上", (50.0, "percent", ">=", None)),  # 一半: one half, 50%
    ],
)
def test_quantities(rules, text, expected):
    (q,) = QuantityFinder(rules).find(clean(text).paragraphs.text)
    assert (q.value, q.unit, q.comparator, q.upper) == expected


def test_a_300_digit_number_is_not_a_value(rules):
    assert QuantityFinder(rules).find("9" * 309 + "人") == []


PRE, CONS, INC = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "inclusive_kindergarten_coverage",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # year governs; never the comparison year
        ("到2025年，学前教育毛入园率达到95%。", [(PRE, 2025, "=", 95.0, None, "level")]),
        ("学前教育毛入园率比2020年提高3个百分点。", [(PRE, 2025, "=", 3.0, None, "increase")]),
        ("2023年学前教育毛入园率达到93%。", [(PRE, 2023, "=", 93.0, None, "level")]),
        ("学前教育毛入园率由87%提高到92%。", [(PRE, 2020, "=", 87.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
        # numbered indicator list: two years, one phrase
        ("（一）学前教育毛入园率：2020年为87.6%，2025年达到91%以上（预期性）", [(PRE, 2020, "=", 87.6, None, "level"), (PRE, 2025, ">=", 91.0, None, "level")]),
        # value before the name, and never the next indicator's number
        # the campus's activity time (校园 for 校内)
        ("全市中小学生每天校园体育活动时间不低于1小时。", [("daily_school_physical_activity_hours", 2025, ">=", 1.0, None, "level")]),
        # a generic phrase's second value after its first and a joiner, years listed before 分别
        ("2022年、2023年分别新建公办幼儿园6所、9所。", [("new_public_kindergartens", 2022, "=", 6.0, None, "cumulative"), ("new_public_kindergartens", 2023, "=", 9.0, None, "cumulative")]),
        # a comparator word between the from-year and its value: the value keeps that year
        ("学前教育毛入园率从2016年的不到八成提高到2020年的88%。", [(PRE, 2016, "<", 80.0, None, "level"), (PRE, 2020, "=", 88.0, None, "level")]),
        ("学前教育毛入园率达到92%和96.8%的九年义务教育巩固率。", [(CONS, 2025, "=", 96.8, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
        # lists and shared values
        ("学前教育毛入园率、普惠性幼儿园覆盖率分别达到96%和91%。", [(INC, 2025, "=", 91.0, None, "level"), (PRE, 2025, "=", 96.0, None, "level")]),
        ("学前教育毛入园率、普惠性幼儿园覆盖率均达到100%。", [(INC, 2025, "=", 100.0, None, "level"), (PRE, 2025, "=", 100.0, None, "level")]),
        # an elliptical list: the first term shares the second's ending
        ("小学、初中净入学率分别达到99.9%和99.6%。", [("junior_secondary_net_enrollment_rate", 2025, "=", 99.6, None, "level"), ("primary_net_enrollment_rate", 2025, "=", 99.9, None, "level")]),
        ("全县小学、初中净入学率均达到100%。", [("junior_secondary_net_enrollment_rate", 2025, "=", 100.0, None, "level"), ("primary_net_enrollment_rate", 2025, "=", 100.0, None, "level")]),
        # scales, Chinese numerals, money and counts
        ("“十四五”期间累计投入1.5亿元，补充教师两千人。", [("education_investment", 2025, "=", 150000000.0, None, "cumulative"), ("teachers_recruited", 2025, "=", 2000.0, None, "cumulative")]),
        ("学前教育毛入园率达到百分之九十五。", [(PRE, 2025, "=", 95.0, None, "level")]),
        ("新建、改扩建幼儿园12所。", [("new_kindergartens_built", 2025, "=", 12.0, None, "cumulative")]),
        # a count without a building verb is not a target; a per-unit norm is not a value
        ("全市有46所幼儿园被评为示范园。", []),
        ("每个乡镇建设1所公办幼儿园。", []),
        ("生均公用经费不低于800元。", []),
        # ranges
        ("道德与法治课时占比6%以上、8%以下。", [("moral_law_course_hour_share", 2025, "=", 6.0, 8.0, "range")]),
    ],
)  # fmt: skip
def test_prose(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_review_section_values_are_the_baseline(extractor):
    text = "一、发展回顾\n（一）学前教育\n学前教育毛入园率达到90%。\n二、发展目标\n学前教育毛入园率达到95%。\n"
    assert observed(extractor, text) == [
        (PRE, 2020, "=", 90.0, None, "level"),
        (PRE, 2025, "=", 95.0, None, "level"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a chapter title glued to the review paragraph under it (no sentence end on the
        # title line): the review's words are the paragraph's, not the chapter's title
        "第十章　办好人民满意的教育\n\n　　过去五年，全市学前教育毛入园率达到90%。\n\n"
        "第一节　普及学前教育\n　　学前教育毛入园率达到95%。\n",
        "第三部分 教育现代化\n“十三五”期间，学前教育毛入园率达到90%，成效显著。\n"
        "第二节 扩大普惠资源\n学前教育毛入园率达到95%。\n",
    ],
)
def test_a_review_opened_under_a_chapter_title_ends_at_the_next_heading(extractor, text):
    assert observed(extractor, text) == [
        (PRE, 2020, "=", 90.0, None, "level"),
        (PRE, 2025, "=", 95.0, None, "level"),
    ]


def test_annual_plan_years(extractor):
    text = "一、2021年工作回顾\n学前教育毛入园率达到90%。\n二、2022年工作目标\n年内学前教育毛入园率达到91%。\n"
    got = observed(
        extractor, text, document_type="annual_work_plan", start=2022, end=2022, baseline=2021
    )
    assert got == [(PRE, 2021, "=", 90.0, None, "level"), (PRE, 2022, "=", 91.0, None, "level")]


def test_in_an_annual_review_the_whole_year_is_the_year_reviewed(extractor):
    text = "一、2021年工作回顾\n全年新增学位2700个。\n二、2022年工作目标\n全年新增学位3600个。\n"
    got = observed(
        extractor, text, document_type="annual_work_plan", start=2022, end=2022, baseline=2021
    )
    assert got == [
        ("school_places_added", 2021, "=", 2700.0, None, "cumulative"),
        ("school_places_added", 2022, "=", 3600.0, None, "cumulative"),
    ]


def test_a_table_row_of_a_flow_indicator_is_cumulative(extractor):
    text = "序号\t指标\t单位\t2021年\t2022年\n1\t新增学位\t个\t2700\t3600\n2\t学前教育毛入园率\t%\t88\t90\n"
    assert observed(extractor, text) == [
        (PRE, 2021, "=", 88.0, None, "level"),
        (PRE, 2022, "=", 90.0, None, "level"),
        ("school_places_added", 2021, "=", 2700.0, None, "cumulative"),
        ("school_places_added", 2022, "=", 3600.0, None, "cumulative"),
    ]


TABLE_EXPECTED = [
    (PRE, 2020, "=", 88.0, None, "level"),
    (PRE, 2025, ">=", 92.0, None, "level"),
    (CONS, 2020, "=", 95.0, None, "level"),
]

LAYOUTS = {
    "pipes": "指标|单位|2020年|2025年\n学前教育毛入园率|%|88|≥92\n九年义务教育巩固率|%|95|—\n",
    "markdown": "| 指标 | 单位 | 2020年基期值 | 2025年目标值 |\n|---|:---:|---|---|\n| 学前教育毛入园率 | % | 88 | ≥92 |\n| 九年义务教育巩固率 | % | 95 | / |\n",
    "tabs": "序号\t指标\t2020年\t2025年\t属性\n1\t学前教育毛入园率（%）\t88\t≥92\t预期性\n2\t九年义务教育巩固率（%）\t95\t-\t约束性\n",
    "spaces": "指标　　单位　　2020年　　2025年\n学前教育毛入园率　　%　　88　　≥92\n九年义务教育巩固率　　%　　95　　\n",
    "html": "<table><tr><td>指标</td><td>2020年</td><td>2025年</td></tr><tr><td>学前教育毛入园率(%)</td><td>88</td><td>&gt;=92</td></tr>"
    "<tr><td>九年义务教育<br>巩固率(%)</td><td>95</td><td>&nbsp;</td></tr></table>\n",
    # footnote marks after values in HTML cells ("≥92①" is not 921)
    "html with footnote marks": "<table><tr><td>指标</td><td>2020年</td><td>2025年</td></tr><tr><td>学前教育毛入园率(%)</td>"
    "<td>88②</td><td>≥92①</td></tr><tr><td>九年义务教育巩固率(%)</td><td>95</td><td>—</td></tr></table>\n",
    # a page break inside an HTML table: page number and running header between two cells
    "html across a page break": "<table><tr><td>指标</td><td>2020年</td><td>2025年</td></tr>\n<tr><td>学前教育毛入园率(%)</td>"
    "<td>88</td>\n— 5 —\n某市教育发展规划\n<td>&gt;=92</td></tr>\n<tr><td>九年义务教育巩固率(%)</td><td>95</td><td>&nbsp;</td>"
    "</tr></table>\n某市教育发展规划\n",
    "transposed": "年份|学前教育毛入园率（%）|九年义务教育巩固率（%）\n2020年|88|95\n2025年|≥92|—\n",
    "one cell per line": "指标 |\n2020年 |\n2025年 |\n学前教育毛入园率 |\n88 |\n≥92 |\n九年义务教育巩固率 |\n95 |\n|\n",
    # labels before the years, cells wrapped in <p><span>, <br> inside the header
    "html labelled years": "<table><tr><td><p><span>指标</span></p></td><td><p><span>基期值<br>（2020年）</span></p></td>"
    "<td><p><span>目标值<br>（2025年）</span></p></td></tr>\n<tr><td><p>学前教育毛入园率(%)</p></td><td><p>88</p></td>"
    "<td><p>&ge;92</p></td></tr>\n<tr><td>九年义务教育巩固率(%)</td><td>95</td><td><p><span>&nbsp;</span></p></td></tr></table>\n",
    # a header on two lines (labels, then years) and an empty cell between two tabs
    "two-line header": "指标名称\t单位\t“十三五”末\t中期\t“十四五”末\n\t\t（2020年）\t\t（2023年）\t\t（2025年）\n"
    "学前教育毛入园率\t%\t88\t\t≥92\n九年义务教育巩固率\t%\t95\t\t\n",
    # one cell per line with no delimiter at all, a row number first
    "cell lines": "序号\n指标\n单位\n2020年\n2025年\n属性\n1\n学前教育毛入园率\n%\n88\n≥92\n预期性\n2\n九年义务教育巩固率\n%\n95\n—\n约束性\n",
    # ... a header on two rows, labels then years, the years row's other cells empty lines
    "cell lines, two-row header": "指标名称\n单位\n“十三五”末\n“十四五”末\n属性\n\n\n（2020年）\n（2025年）\n\n"
    "学前教育毛入园率\n%\n88\n≥92\n预期性\n九年义务教育巩固率\n%\n95\n—\n约束性\n",
    # ... years in the first header row, labels under them in a second ("基期值")
    "cell lines, labels under the years": "指标\n单位\n2020年\n2025年\n指标属性\n\n\n基期值\n目标值\n\n"
    "学前教育毛入园率\n%\n88\n≥92\n预期性\n九年义务教育巩固率\n%\n95\n—\n约束性\n",
    # ... with a page number left between two cells by a page break
    "cell lines, page number inside": "序号\n指标\n单位\n2020年\n2025年\n属性\n1\n学前教育毛入园率\n5\n%\n88\n≥92\n预期性\n2\n"
    "九年义务教育巩固率\n%\n95\n—\n约束性\n",
    # ... with an empty cell as an empty line (a word processor's table converted to text):
    # a category written once, then blank; a year left blank
    "cell lines, blank cells": "类别\n指标\n单位\n2020年\n2025年\n属性\n基础教育\n学前教育毛入园率\n%\n88\n≥92\n预期性\n"
    "\n九年义务教育巩固率\n%\n95\n\n约束性\n\n正文。\n",
    # column by column, each column under its own label: names, units, each year, 属性
    "labelled column blocks": "项目\n学前教育毛入园率\n九年义务教育巩固率\n计量单位\n%\n%\n2020年\n88\n95\n"
    "2025年\n≥92\n—\n指标属性\n预期性\n约束性\n\n正文。\n",
    # ... a page number left among the names and another between two columns
    "labelled column blocks, page numbers": "项目\n学前教育毛入园率\n12\n九年义务教育巩固率\n计量单位\n%\n%\n"
    "2020年\n88\n95\n2025年\n≥92\n—\n13\n指标属性\n预期性\n约束性\n\n正文。\n",
    # ... the unit column last, no attribute column
    "labelled column blocks, units last": "指标名称\n学前教育毛入园率\n九年义务教育巩固率\n2020年\n88\n95\n"
    "2025年\n≥92\n/\n单位\n%\n%\n",
    # ... a header with a longer name cell and a column after the years, left blank
    "cell lines, remarks column": "序号\n指标名称\n单位\n2020年\n2025年\n责任科室\n1\n学前教育毛入园率\n%\n88\n≥92\n"
    "基础教育科\n2\n九年义务教育巩固率\n%\n95\n—\n\n\n正文。\n",
    # ... values with their comparator in words ("达到92%", "95以上")
    "cell lines, worded values": "指标\n2020年\n2025年\n学前教育毛入园率（%）\n88\n92以上\n九年义务教育巩固率（%）\n95\n—\n",
    # ... a category row across the table (its other cells empty lines), a column of changes
    "cell lines, category rows": "指标（单位）\n2020年（基期）\n2025年\n**基础教育**\n\n\n学前教育毛入园率（%）\n88\n≥92\n"
    "九年义务教育巩固率（%）\n95\n—\n",
    # ... transposed: years as rows, an indicator per column
    "cell lines, transposed": "年度\n学前教育毛入园率（%）\n九年义务教育巩固率（%）\n2020年\n88\n95\n2025年\n≥92\n—\n",
    "cell lines, transposed with remarks": "年份\n学前教育毛入园率（%）\n九年义务教育巩固率（%）\n备注\n2020\n88\n95\n实际数\n"
    "2025\n≥92\n—\n预测数\n",
    # column by column with each year's label before its values
    "year blocks": "指标\n学前教育毛入园率（%）\n九年义务教育巩固率（%）\n2020年\n88\n95\n2025年\n≥92\n—\n",
    # box drawing from a PDF converter, with a category row across the table
    "box drawing": "┌──┬────────┬────┬────┐\n│序号│指　　标　　　　│2020年　│2025年　│\n├──┼────────┼────┼────┤\n"
    "│一、普及水平　　　　　　　　　│\n├──┼────────┼────┼────┤\n│1　│学前教育毛入园率　│88%　　│≥92%　 │\n"
    "│2　│九年义务教育巩固率│95%　　│　　　　│\n└──┴────────┴────┴────┘\n",
    # rule lines from a PDF converter above, inside and below a table of tabs or spaces
    "tabs between rules": "────────────\n指标\t单位\t2020年\t2025年\n────────────\n学前教育毛入园率\t%\t88\t≥92\n"
    "九年义务教育巩固率\t%\t95\t—\n────────────\n",
    # ... a header on two lines, then a rule as wide as the page
    "tabs, two-line header, long rule": "指标\t单位\t基期值\t目标值\n\t\t2020年\t2025年\n"
    + "─" * 60
    + "\n"
    "学前教育毛入园率\t%\t88\t≥92\n九年义务教育巩固率\t%\t95\t—\n" + "─" * 60 + "\n",
    # cells two full-width spaces apart, an empty cell a longer run (leading or inside),
    # empty last cells left out
    "spaces, empty cells": "类别　　指标　　单位　　2020年　　2025年　　属性\n"
    "基础教育　　学前教育毛入园率　　%　　88　　≥92　　预期性\n　　九年义务教育巩固率　　%　　95\n",
    "spaces, empty cell inside": "序号  指标  单位  2020年  2025年  备注\n1  学前教育毛入园率  %  88  ≥92  新增\n"
    "2  九年义务教育巩固率  %  95    约束性\n",
    "spaces between rules": "━━━━━━━━━━━━\n指标　　单位　　2020年　　2025年\n━━━━━━━━━━━━\n"
    "学前教育毛入园率　　%　　88　　≥92\n九年义务教育巩固率　　%　　95　　—\n━━━━━━━━━━━━\n",
    # column blocks under a header spaced into cells ("指　标　　单　位　　2020 年")
    "column blocks, spaced header": "指　标　　单　位　　2020 年　　2025 年\n学前教育\n学前教育毛入园率\n九年义务教育巩固率\n%\n%\n88\n95\n≥92\n—\n",
}


def test_a_cell_line_table_takes_a_range_under_a_year(extractor):
    text = "指标\n2020年\n2025年\n高中阶段教育毛入学率（%）\n90\n93—95\n学前教育毛入园率（%）\n88\n≥92\n"
    assert observed(extractor, text) == [
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, ">=", 92.0, None, "level"),
        ("upper_secondary_gross_enrollment_rate", 2020, "=", 90.0, None, "level"),
        ("upper_secondary_gross_enrollment_rate", 2025, "=", 93.0, 95.0, "range"),
    ]


def test_a_cell_line_header_may_end_in_a_column_of_changes():
    from analysis.extraction.line_tables import read_cell_lines
    from analysis.extraction.table_readers import TextLines

    text = "指标\n2020年现状\n2025年目标\n增幅\n学前教育毛入园率（%）\n88\n92\n+4个百分点\n"
    grids = read_cell_lines(TextLines(clean(text)), [])
    assert [[c.text for c in row] for g in grids for row in g.rows] == [
        ["指标", "2020年现状", "2025年目标", "增幅"],
        ["学前教育毛入园率(%)", "88", "92", "+4个百分点"],
    ]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_table_layout_gives_the_same_values(extractor, layout):
    assert observed(extractor, LAYOUTS[layout]) == sorted(TABLE_EXPECTED)


def test_a_table_broken_by_a_page_goes_on_under_its_header(extractor):
    text = (
        "指标  单位  2020年  2025年\n学前教育毛入园率  %  88  ≥92\n九年义务教育巩固率  %  95  —\n"
        "\n— 9 —\n\n某市教育事业发展规划\n"
        "高中阶段教育毛入学率  %  90  93\n劳动年龄人口平均受教育年限  年  10.5  11\n"
    )
    result = extractor.extract(source(), clean(text))
    assert result.unread_tables == []
    assert observed(extractor, text) == sorted(
        [
            *TABLE_EXPECTED,
            ("upper_secondary_gross_enrollment_rate", 2020, "=", 90.0, None, "level"),
            ("upper_secondary_gross_enrollment_rate", 2025, "=", 93.0, None, "level"),
            ("mean_schooling_years_working_age", 2020, "=", 10.5, None, "level"),
            ("mean_schooling_years_working_age", 2025, "=", 11.0, None, "level"),
        ]
    )


def test_a_sentence_between_two_tables_stops_the_continuation(extractor):
    text = (
        "指标  单位  2020年  2025年\n学前教育毛入园率  %  88  ≥92\n九年义务教育巩固率  %  95  —\n"
        "上表为全市主要指标，各县（市、区）应结合实际制定本地指标。\n"
        "甲县  乙县  丙县  丁县\n12  13  14  15\n"
    )
    result = extractor.extract(source(), clean(text))
    assert [t["problem"] for t in result.unread_tables] == ["no header row of year cells found"]


def test_tab_rows_with_a_blank_category_and_two_tables_apart(extractor):
    text = (
        "专栏1\t主要指标\n类别\t指标\t单位\t2020年\t2025年\n学前教育\t学前教育毛入园率\t%\t88\t≥92\n"
        "\t普惠性幼儿园覆盖率\t%\t\t90\n\n专栏2\t分年度指标\n指标\t2020\t2023\n九年义务教育巩固率（%）\t95\t96\n"
    )
    assert observed(extractor, text) == [
        (CONS, 2020, "=", 95.0, None, "level"),
        (CONS, 2023, "=", 96.0, None, "level"),
        ("inclusive_kindergarten_coverage", 2025, "=", 90.0, None, "level"),
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, ">=", 92.0, None, "level"),
    ]


def test_units_from_the_unit_column_scale_values(extractor):
    text = "指标|单位|2020年|2025年\n小学在校生数|万人|3.2|3.5\n"
    assert observed(extractor, text) == [
        ("primary_enrollment", 2020, "=", 32000.0, None, "level"),
        ("primary_enrollment", 2025, "=", 35000.0, None, "level"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a row named as a change whose basis is only in its unit cell ("提高 | 百分点")
        "指标\t单位\t2020年\t2025年\n学前教育毛入园率\t%\t88\t92\n学前教育毛入园率增加\t百分点\t-\t4\n",
        "指标|计量单位|2020年|2025年\n学前教育毛入园率|%|88|92\n学前教育毛入园率提升|个百分点|/|4\n",
    ],
)
def test_a_change_row_named_by_its_unit_holds_increases(extractor, text):
    assert observed(extractor, text) == [
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, "=", 4.0, None, "increase"),
        (PRE, 2025, "=", 92.0, None, "level"),
    ]


def test_a_unit_one_space_after_a_name_in_a_row_without_its_category(extractor):
    # the category cell is blank and the unit is typed one space after a long name: the
    # row is two cells short until the unit is a cell of its own
    text = (
        "类别　　　指标　　　　　　　　　单位　　　2020年　　2025年\n"
        "普及　　　学前教育毛入园率　　　%　　　　88　　　　92\n"
        "　　　　　小学在校生数（全口径） 万人　　3.2　　　3.5\n"
    )
    assert observed(extractor, text) == [
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, "=", 92.0, None, "level"),
        ("primary_enrollment", 2020, "=", 32000.0, None, "level"),
        ("primary_enrollment", 2025, "=", 35000.0, None, "level"),
    ]


def test_an_unreadable_table_is_reported_not_dropped(extractor):
    text = "项目|甲|乙\n学前教育毛入园率|88|92\n九年义务教育巩固率|95|96\n"
    result = extractor.extract(source(), clean(text))
    assert len(result.unread_tables) == 1
    assert {r["disposition"] for r in result.ledger} == {"unread_table"}


def test_every_number_gets_a_ledger_row(extractor):
    text = "根据〔2021〕5号文件，2022年11月28日印发。联系电话0436-1234567。5年来，全市人口120万人。\n— 8 —\n学前教育毛入园率达到95%。\n"
    result = extractor.extract(source(), clean(text))
    got = sorted((r["quote"], r["disposition"]) for r in result.ledger)
    assert got == sorted(
        [
            ("2021", "document_number"), ("5号", "document_number"), ("2022年", "year"),
            ("11月", "date"), ("28日", "date"), ("0436-1234567", "phone_number"),
            ("5年", "count_of_years"),
            ("120万人", "context_statistic"), ("8", "page_number"), ("95%", "observation"),
        ]
    )  # fmt: skip


def test_numbers_on_dropped_debris_lines_are_page_debris_in_the_ledger(extractor):
    long = "学前三年毛入园率由2015年的76.4%提高到2020年的89.7%,普惠性"
    title = "青禾市“十四五”教育发展规划(2021—2025年)"
    text = f"{title}\n{long}\n12\n幼儿园覆盖率达到81.3%。\n{title}\n正文。\n"
    result = extractor.extract(source(), clean(text))
    second_title = text.rindex(title)
    rows = {r["char_start"]: r["disposition"] for r in result.ledger}
    assert rows[text.index("\n12\n") + 1] == "page_number"
    assert rows[second_title + title.index("2021")] == "page_number"
    assert rows[text.index("2021")] == "year"  # the title itself is read (a period: years)


PUB, UPPER, RESID = (
    "public_kindergarten_enrollment_share",
    "upper_secondary_gross_enrollment_rate",
    "residential_kindergartens_opened",
)
ANNUAL = {"document_type": "annual_work_plan", "start": 2022, "end": 2022, "baseline": 2021}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparison phrase (比上年, 较“十三五”末, 与2015年相比) between a phrase's level and its
        # change: the change is the same phrase's; the comparison year is never its year
        ("一、2021年工作回顾\n学前三年毛入园率达到91.5%，比上年提高0.8个百分点。\n", [(PRE, 2021, "=", 91.5, None, "level"), (PRE, 2021, "=", 0.8, None, "increase")]),
        ("一、2021年工作回顾\n高中阶段教育毛入学率达到94.2%，较“十三五”末提高1.6个百分点。\n", [(UPPER, 2021, "=", 94.2, None, "level"), (UPPER, 2021, "=", 1.6, None, "increase")]),
        ("一、2021年工作回顾\n学前三年毛入园率达到90.6%，与2015年相比提高9.2个百分点。\n", [(PRE, 2021, "=", 90.6, None, "level"), (PRE, 2021, "=", 9.2, None, "increase")]),
        # 由上年的X提高到Y: X is the year before the year the sentence is about
        ("一、2021年工作回顾\n普惠性幼儿园覆盖率由上年的87.2%提高到89.5%。\n", [(INC, 2020, "=", 87.2, None, "level"), (INC, 2021, "=", 89.5, None, "level")]),
        # 分别由X、Y提高到Z、W: two names, four values
        ("一、2021年工作回顾\n普惠性幼儿园覆盖率、公办园在园幼儿占比分别由上年的86.9%、53.4%提高到88.2%、56%。\n", [(INC, 2020, "=", 86.9, None, "level"), (PUB, 2020, "=", 53.4, None, "level"), (INC, 2021, "=", 88.2, None, "level"), (PUB, 2021, "=", 56.0, None, "level")]),
        # "三项指标分别…": the names are the last three named; one unit for the whole list
        ("学前教育毛入园率达到91.8%，九年义务教育巩固率达到96.8%，高中阶段教育毛入学率达到91.2%，三项指标分别比2015年提高13.2、8.6和10.7个百分点。", [(PRE, 2025, "=", 91.8, None, "level"), (CONS, 2025, "=", 96.8, None, "level"), (UPPER, 2025, "=", 91.2, None, "level"), (PRE, 2025, "=", 13.2, None, "increase"), (CONS, 2025, "=", 8.6, None, "increase"), (UPPER, 2025, "=", 10.7, None, "increase")]),
        # a count before its name with the completing verb after the name
        ("确保14所城镇小区配套幼儿园2023年底前全部移交。", [(RESID, 2023, "=", 14.0, None, "cumulative")]),
        ("督促20所城镇小区配套幼儿园按期移交并投入使用。", [(RESID, 2025, "=", 20.0, None, "cumulative")]),
        # ... but a count of what exists is still not a target
        ("全市现有14所城镇小区配套幼儿园。", []),
        ("全市20所学校建成智慧校园，46所幼儿园完成改造提升。", []),
        # a scale applied without a float artefact (82.4 × 1e8 is 8240000000.000001 in floats)
        ("“十四五”期间累计投入教育资金82.4亿元。", [("education_investment", 2025, "=", 8240000000.0, None, "cumulative")]),
        # a baseline in brackets after the target
        ("学前教育毛入园率达到95%（2020年为91%）。", [(PRE, 2020, "=", 91.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
        # several names, one shared target with a comparator
        ("学前教育毛入园率、普惠性幼儿园覆盖率和九年义务教育巩固率均提高到95%以上。", [(PRE, 2025, ">=", 95.0, None, "level"), (INC, 2025, ">=", 95.0, None, "level"), (CONS, 2025, ">=", 95.0, None, "level")]),
        # the variants of a phrase that real plans write (的 inserted, 比例 for 占比)
        ("中职学校“双师型”教师比例达到55%以上。", [("dual_qualified_teacher_share", 2025, ">=", 55.0, None, "level")]),
        ("配备专兼职心理健康工作人员的中小学校比例达到95%。", [("mental_health_staff_school_share", 2025, "=", 95.0, None, "level")]),
        # a clause with no phrase of its own after a period phrase keeps the subject
        ("学校冰雪课普及率2023年达到90%，到“十四五”末达到100%。", [("ice_snow_course_coverage", 2023, "=", 90.0, None, "level"), ("ice_snow_course_coverage", 2025, "=", 100.0, None, "level")]),
        # 约为: about
        ("一、发展基础\n学校冰雪课普及率约为70%。\n", [("ice_snow_course_coverage", 2020, "~", 70.0, None, "level")]),
        # 各: each of the names listed
        ("名师工作室、名班主任工作室各建设30个。", [("master_teacher_studios", 2025, "=", 30.0, None, "cumulative"), ("master_head_teacher_studios", 2025, "=", 30.0, None, "cumulative")]),
        # a generic word right before a phrase (学校 in 义务教育学校互联网接入率) is its modifier:
        # the list of phrases sharing 均达到100% goes on through it
        ("义务教育学校互联网接入率、中小学校安保达标率均达到100%。", [("school_internet_access_rate", 2025, "=", 100.0, None, "level"), ("school_security_compliance_rate", 2025, "=", 100.0, None, "level")]),
        # a change, then the level it reaches: the level is not a change
        ("学前教育毛入园率较2020年提高4个百分点，达到92%。", [(PRE, 2025, "=", 4.0, None, "increase"), (PRE, 2025, "=", 92.0, None, "level")]),
        # years listed, then 分别 and as many values: each value its year
        ("学前教育毛入园率2023年、2025年分别达到93%、95%。", [(PRE, 2023, "=", 93.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
        # after a semicolon, a sentence of only a year, a verb and a value keeps the subject
        ("2022年，全市普惠性幼儿园覆盖率提高到88%；2023年达到90%。", [(INC, 2022, "=", 88.0, None, "level"), (INC, 2023, "=", 90.0, None, "level")]),
        # ... but not a sentence that names something else
        ("普惠性幼儿园覆盖率达到88%；公办园在园幼儿占比达到50%。", [(INC, 2025, "=", 88.0, None, "level"), (PUB, 2025, "=", 50.0, None, "level")]),
        # a designation (特色学校, 高水平中职学校) counts recognitions, not schools built
        ("“十四五”期间创建冰雪运动特色学校150所。", []),
        ("建设省级高水平中职学校5所。", []),
        ("新建公办示范幼儿园5所。", [("new_kindergartens_built", 2025, "=", 5.0, None, "cumulative")]),
        ("新建中小学校25所，创建校园足球特色学校30所。", [("new_schools_built", 2025, "=", 25.0, None, "cumulative")]),
        # a stock: "共有X N所" / "其中X N所" / "含X N所" is the number of X (the phrase X数)
        ("一、发展基础\n全市共有幼儿园286所，在园幼儿5.12万人。\n", [("kindergarten_count", 2020, "=", 286.0, None, "level"), ("kindergarten_enrollment", 2020, "=", 51200.0, None, "level")]),
        ("截至2020年底，全县共有各级各类学校218所，其中幼儿园126所、小学71所。", [("school_count", 2020, "=", 218.0, None, "level"), ("kindergarten_count", 2020, "=", 126.0, None, "level")]),
        ("全市现有普通高中38所、中等职业学校16所。", []),
        ("截至2020年末，全市共有各级各类学校1068所（含幼儿园412所）。", [("school_count", 2020, "=", 1068.0, None, "level"), ("kindergarten_count", 2020, "=", 412.0, None, "level")]),
        # a gap to another area's average is not a change of the indicator
        ("学前三年毛入园率达到93.8%，高出全市平均水平2.1个百分点。", [(PRE, 2025, "=", 93.8, None, "level")]),
        ("学前三年毛入园率达到93.2%，高于全省平均水平1.6个百分点。", [(PRE, 2025, "=", 93.2, None, "level")]),
        ("全县以93.8%的学前三年毛入园率位居前列，学前三年毛入园率高出全市平均水平2.1个百分点。", [(PRE, 2025, "=", 93.8, None, "level")]),
        ("九年义务教育巩固率比全省平均水平高1.2个百分点。", []),
        # a from-value at the end of the last period is the baseline
        ("学前三年毛入园率由“十三五”末的88%提高到95%。", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
        # "3个和5个百分点": the first 个 is the list's 个百分点
        ("学前三年毛入园率、普惠性幼儿园覆盖率分别较2020年提高3个和5个百分点。", [(PRE, 2025, "=", 3.0, None, "increase"), (INC, 2025, "=", 5.0, None, "increase")]),
        # the unit in brackets after the name, each value's year in brackets after it
        ("1.学前教育毛入园率（%）：88（2020年）→95（2025年）", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
        ("在园幼儿数（万人）：3.2（2020年），3.5（2025年）。", [("kindergarten_enrollment", 2020, "=", 32000.0, None, "level"), ("kindergarten_enrollment", 2025, "=", 35000.0, None, "level")]),
        # a list whose second phrase is in quotes: 、“双师型”教师占比
        ("义务教育专任教师中本科以上学历比例、“双师型”教师占比分别达到72.4%和38.5%。", [("compulsory_teacher_bachelor_share", 2025, "=", 72.4, None, "level"), ("dual_qualified_teacher_share", 2025, "=", 38.5, None, "level")]),
        ("2020年全市财政性教育经费投入达到58.3亿元。", [("education_fiscal_expenditure", 2020, "=", 5830000000.0, None, "level")]),
        # the next indicator's number is never bound, in either list form
        ("全市实现了91.8%的学前三年毛入园率和96.8%的九年义务教育巩固率，高中阶段教育毛入学率达到91.2%。", [(PRE, 2025, "=", 91.8, None, "level"), (CONS, 2025, "=", 96.8, None, "level"), (UPPER, 2025, "=", 91.2, None, "level")]),
        ("学前教育毛入园率达到92%，九年义务教育巩固率比上年提高1个百分点。", [(PRE, 2025, "=", 92.0, None, "level"), (CONS, 2025, "=", 1.0, None, "increase")]),
    ],
)  # fmt: skip
def test_prose_phrasings_the_readers_were_not_written_for(extractor, text, expected):
    kw = ANNUAL if text.startswith("一、2021年") else {}
    assert observed(extractor, text, **kw) == sorted(expected)


UNSEEN_LAYOUTS = [
    # one indicator down the years: a two-column table spaced with full-width spaces
    ("年　度　　　财政性教育经费支出（亿元）\n2021年　　　72.4\n2022年　　　75.8\n2023年　　　79.5\n", [("education_fiscal_expenditure", 2021, "=", 7240000000.0, None, "level"), ("education_fiscal_expenditure", 2022, "=", 7580000000.0, None, "level"), ("education_fiscal_expenditure", 2023, "=", 7950000000.0, None, "level")]),
    # a target for every year of the period in one row
    ("指标|2021年|2022年|2023年|2024年|2025年\n学前教育毛入园率（%）|90|91|92|93|≥95\n", [(PRE, y, ">=" if y == 2025 else "=", v, None, "level") for y, v in zip(range(2021, 2026), (90.0, 91.0, 92.0, 93.0, 95.0), strict=True)]),
    # the unit in brackets after the name, a category row above the indicators
    ("指标|2020年|2025年\n学前教育|||\n学前教育毛入园率（%）|88|≥92\n普惠性幼儿园覆盖率（%）|80|85\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (INC, 2020, "=", 80.0, None, "level"), (INC, 2025, "=", 85.0, None, "level")]),
    # a row named by the codebook's official name, and a row whose name holds two phrases
    # (学校 … 互联网接入率): the phrase that ends the name is what the row measures
    ("指标|单位|2020年|2025年\n实现“班班通”的农村学校比例|%|85|100\n义务教育学校互联网接入率|%|98|100\n", [("rural_school_multimedia_classroom_share", 2020, "=", 85.0, None, "level"), ("rural_school_multimedia_classroom_share", 2025, "=", 100.0, None, "level"), ("school_internet_access_rate", 2020, "=", 98.0, None, "level"), ("school_internet_access_rate", 2025, "=", 100.0, None, "level")]),
    # a long name wrapped onto a second line of its own (pipes, then runs of spaces)
    ("指标|单位|2020年|2025年\n学前教育毛入园率|%|88|≥92\n劳动年龄人口平均受|年|10.5|11\n教育年限|||\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), ("mean_schooling_years_working_age", 2020, "=", 10.5, None, "level"), ("mean_schooling_years_working_age", 2025, "=", 11.0, None, "level")]),
    ("指标　　单位　　2020年　　2025年\n劳动年龄人口平均受　　年　　10.5　　11\n教育年限\n学前教育毛入园率　　%　　88　　≥92\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), ("mean_schooling_years_working_age", 2020, "=", 10.5, None, "level"), ("mean_schooling_years_working_age", 2025, "=", 11.0, None, "level")]),
    # two tables side by side: each half has its own name column
    ("指标|2020年|2025年|指标|2020年|2025年\n学前教育毛入园率（%）|88|≥92|九年义务教育巩固率（%）|95|96\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 96.0, None, "level")]),
    # cells split by single spaces (text extraction without layout)
    ("指标名称 单位 2020年 2025年 属性\n学前教育毛入园率 % 88 ≥92 预期性\n九年义务教育巩固率 % 95 — 约束性\n", TABLE_EXPECTED),
    ("指标名称 2020年 2025年\n学前教育毛入园率(%) 88 ≥92\n九年义务教育巩固率(%) 95 /\n", TABLE_EXPECTED),
    # a column of totals over the period ("“十四五”累计", "2021—2025年累计") beside the years
    ("指标|单位|2020年|2025年|“十四五”累计\n新增学位|个|—|—|36000\n学前教育毛入园率|%|88|≥92|—\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), ("school_places_added", 2025, "=", 36000.0, None, "cumulative")]),
    ("指标|2020年|2021—2025年累计\n新建改扩建学校（所）|—|45\n", [("new_schools_built", 2025, "=", 45.0, None, "cumulative")]),
    # a value in brackets in a cell
    ("指标|单位|2020年|2025年\n学前教育毛入园率|%|（88）|92\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
    # a value with a bracketed part of it ("含…", "其中…"): the value is the cell's
    ("<table><tr><td>指标</td><td>2020年</td><td>2025年</td></tr><tr><td>新增学位（个）</td><td>800</td><td>2,400<br>（含幼儿园学位600个）</td></tr></table>", [("school_places_added", 2020, "=", 800.0, None, "cumulative"), ("school_places_added", 2025, "=", 2400.0, None, "cumulative")]),
    ("指标|2020年|2025年\n新增学位（个）|800|2400（其中义务教育学位1800个）\n", [("school_places_added", 2020, "=", 800.0, None, "cumulative"), ("school_places_added", 2025, "=", 2400.0, None, "cumulative")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), UNSEEN_LAYOUTS)
def test_table_layouts_the_readers_were_not_written_for(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_project_list_without_years_states_period_totals(extractor):
    """A table of projects (no year columns): its money column and the counts in its
    description cells are the period's cumulative targets; its row numbers are not values.
    With a 合计 row, the projects' amounts are its parts and only the total is a value."""
    text = (
        "专栏2　“十四五”教育重点项目\n| 序号 | 工程名称 | 建设内容 | 总投资（万元） |\n|:---:|:---|:---|---:|\n"
        "| 1 | 学前教育扩容工程 | 新建幼儿园12所，新增学位3600个 | 18600 |\n"
        "| 2 | 职业教育提质工程 | 实训基地建设 | 8500 |\n| 合计 | | | 27100 |\n"
    )
    result = extractor.extract(source(), clean(text))
    assert result.unread_tables == []
    assert {r["disposition"] for r in result.ledger} == {
        "observation",
        "section_number",
        "part_of_total",
    }
    parts = sorted(r["quote"] for r in result.ledger if r["disposition"] == "part_of_total")
    assert parts == ["18600", "8500"]
    assert observed(extractor, text) == [
        ("education_investment", 2025, "=", 271000000.0, None, "cumulative"),
        ("new_kindergartens_built", 2025, "=", 12.0, None, "cumulative"),
        ("school_places_added", 2025, "=", 3600.0, None, "cumulative"),
    ]


PROJECT_TABLES = [
    # no total row: each project's amount is one part of a total nobody states, no value
    ("重点项目\n| 工程名称 | 总投资（万元） |\n|---|---|\n| 甲幼儿园新建 | 1200 |\n| 乙小学扩建 | 800 |\n", []),
    # one project alone: its amount is the value
    ("重点项目\n| 工程名称 | 总投资（万元） |\n|---|---|\n| 甲幼儿园新建 | 1200 |\n", [("education_investment", 2025, "=", 12000000.0, None, "cumulative")]),
    # the money unit in the caption, a header with none, a 合计 row after the projects
    ("表3　重点建设项目（金额单位：万元）\n项目名称 | 新增学位（个） | 总投资 | 完成时限\n--- | --- | --- | ---\n东区初中新建 | 1500 | 21000 | 2024年8月\n西区小学扩建 | 900 | 7600 | 2023年8月\n合计 | 2400 | 28600 | \n", [("education_investment", 2025, "=", 286000000.0, None, "cumulative"), ("school_places_added", 2025, "=", 2400.0, None, "cumulative")]),
    # a spaced-out 总 计 row under a row-number column
    ("建设项目\n| 序号 | 项目 | 总投资（亿元） |\n|---|---|---|\n| 1 | 职教园区 | 3.5 |\n| 2 | 实训基地 | 1.2 |\n|  | 总 计 | 4.7 |\n", [("education_investment", 2025, "=", 470000000.0, None, "cumulative")]),
    # numbered projects typed as tab-separated lines with no header: the descriptions
    # are read as sentences, the amounts (no header names them) are no values
    ("五、重点工程\n1.\t城东幼教扩容\t新建公办幼儿园6所\t1.8亿元\n2.\t乡村学校提质\t改扩建乡村小学12所\t2.2亿元\n3.\t教师周转宿舍\t建设宿舍300套\t0.6亿元\n", [("new_public_kindergartens", 2025, "=", 6.0, None, "cumulative")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PROJECT_TABLES)
def test_project_tables_with_and_without_a_total_row(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_short_caption_between_two_spaced_tables_is_not_a_wrapped_name(extractor):
    text = (
        "指标　　单位　　2020年　　2025年\n学前教育毛入园率　　%　　88　　≥92\n主要指标续表\n"
        "指标　　单位　　2020年　　2025年\n九年义务教育巩固率　　%　　95　　96\n"
    )
    assert observed(extractor, text) == [
        (CONS, 2020, "=", 95.0, None, "level"),
        (CONS, 2025, "=", 96.0, None, "level"),
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, ">=", 92.0, None, "level"),
    ]


LAYOUTS_SEEN_IN_BLIND4 = [
    # a spaced table whose header words are spaced out ("指　　标"), a category column left
    # blank (its rows start with spaces) and a name wrapped onto the line above its values
    ("类　别　　指　　标　　　　　　单位　　2020年　　2025年　　属　性\n学前教育\n　　　　　学前三年毛入园率　　　　％　　　89.4　　　≥92　　　预期性\n　　　　　劳动年龄人口平均受教育年\n　　　　　限　　　　　　　　年　　　10.9　　　11.4　　　预期性\n", [(PRE, 2020, "=", 89.4, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), ("mean_schooling_years_working_age", 2020, "=", 10.9, None, "level"), ("mean_schooling_years_working_age", 2025, "=", 11.4, None, "level")]),
    # a category row, then a name whose start is on a line of its own above its values
    ("指标　　单位　　2020年　　2025年\n学前三年毛入园率　　%　　88　　≥92\n人力资源开发\n劳动年龄人口平均受教育年\n限　　年　　10.9　　11.4\n", [("mean_schooling_years_working_age", 2020, "=", 10.9, None, "level"), ("mean_schooling_years_working_age", 2025, "=", 11.4, None, "level"), (PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, ">=", 92.0, None, "level")]),
    # one card per indicator: a title line, then "key：value" lines with the years as keys
    ("主要指标\n【指标1】学前三年毛入园率\n　　单位：%\n　　2020年：91.6\n　　2025年：≥95\n　　属性：预期性\n【指标2】九年义务教育巩固率\n　　单位：%\n　　2020年：95.2\n　　2025年：—\n　　属性：约束性\n", [(PRE, 2020, "=", 91.6, None, "level"), (PRE, 2025, ">=", 95.0, None, "level"), (CONS, 2020, "=", 95.2, None, "level")]),
    # a label in brackets after a header's year ("2020年（基期）") is no unit: the name's unit scales
    ("| 指标（单位） | 2020年（基期） | 2025年 |\n| 在园幼儿数（万人） | 12.46 | 10.8 |\n", [("kindergarten_enrollment", 2020, "=", 124600.0, None, "level"), ("kindergarten_enrollment", 2025, "=", 108000.0, None, "level")]),
    # a column of changes over the period ("增减（百分点）"): increases at the last year's column
    ("指标|2015年|2020年|增减（百分点）\n学前三年毛入园率（%）|96.1|97.8|+1.7\n在园幼儿数（人）|18420|17960|\n", [(PRE, 2015, "=", 96.1, None, "level"), (PRE, 2020, "=", 97.8, None, "level"), (PRE, 2020, "=", 1.7, None, "increase"), ("kindergarten_enrollment", 2015, "=", 18420.0, None, "level"), ("kindergarten_enrollment", 2020, "=", 17960.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LAYOUTS_SEEN_IN_BLIND4)
def test_table_layouts_first_seen_in_blind4(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# an annual plan's list whose brackets hold last year's values, said once by a legend
BRACKET_LEGEND = (
    "一、2022年主要目标\n全年主要预期目标如下（括号内为2021年完成值）：\n"
    "1．学前教育毛入园率　92%（90.8%）\n2．九年义务教育巩固率　≥97.5%（97.3%）\n"
)


def test_a_legend_gives_the_year_of_bracketed_values(extractor):
    assert observed(extractor, BRACKET_LEGEND, **ANNUAL) == [
        (CONS, 2021, "=", 97.3, None, "level"),
        (CONS, 2022, ">=", 97.5, None, "level"),
        (PRE, 2021, "=", 90.8, None, "level"),
        (PRE, 2022, "=", 92.0, None, "level"),
    ]


def test_a_cards_number_and_repeated_year_keys_are_accounted_for(extractor):
    text = (
        "【指标1】学前三年毛入园率\n单位：%\n2020年：91.6\n2025年：≥95\n"
        "【指标2】九年义务教育巩固率\n单位：%\n2020年：95.2\n2025年：96\n"
    )
    ledger = extractor.extract(source(), clean(text)).ledger
    assert sorted((r["quote"], r["disposition"]) for r in ledger) == [
        ("2020年", "table_header"),
        ("2020年", "table_header"),
        ("2025年", "table_header"),
        ("2025年", "table_header"),
        ("91.6", "observation"),
        ("95.2", "observation"),
        ("96", "observation"),
        ("≥95", "observation"),
        ("【指标1】", "section_number"),
        ("【指标2】", "section_number"),
    ]


PROSE_SEEN_IN_BLIND4 = [
    # the codebook's name with the slogan in quotes, and the phrase turned round
    ("实现“班班通”的农村学校比例达到100%。", [("rural_school_multimedia_classroom_share", 2025, "=", 100.0, None, "level")]),
    ("农村学校实现“班班通”比例保持100%，85%的农村学校学生建立个人网络学习空间。", [("rural_school_multimedia_classroom_share", 2025, "=", 100.0, None, "level"), ("rural_student_online_learning_space_share", 2025, "=", 85.0, None, "level")]),
    # "A、B均达到100%" where B carries a modifier of its own (阳光厨房)
    ("中小学校安保达标率、阳光厨房“明厨亮灶”建设率均达到100%。", [("school_security_compliance_rate", 2025, "=", 100.0, None, "level"), ("transparent_kitchen_rate", 2025, "=", 100.0, None, "level")]),
    # one value for each year of a list ("2020年、2025年均为100%")
    ("九年义务教育巩固率：2020年、2025年均为100%。", [(CONS, 2020, "=", 100.0, None, "level"), (CONS, 2025, "=", 100.0, None, "level")]),
    # "每年不低于20%" over the period is a floor for the period, not a per-unit norm
    ("教育支出占一般公共预算支出比例：“十四五”期间每年不低于20%。", [("education_budget_share", 2025, ">=", 20.0, None, "level")]),
    # a scaled unit in brackets after the name ("（万个）") scales the bare number after it
    ("新增学位（万个）：2.5。", [("school_places_added", 2025, "=", 25000.0, None, "cumulative")]),
    # the share said after the spending it is a share of ("教育支出13.8亿元，占一般公共预算支出的21.5%")
    ("2020年全县教育支出13.8亿元，占一般公共预算支出的21.5%。", [("education_fiscal_expenditure", 2020, "=", 1380000000.0, None, "level"), ("education_budget_share", 2020, "=", 21.5, None, "level")]),
    ("到2025年，中等职业学校在校生规模稳定在2.1万人左右。", [("secondary_vocational_enrollment", 2025, "~", 21000.0, None, "level")]),
    # the variants plans write for the disabled children's rate and the teachers' degree share
    ("适龄残疾儿童少年入学率达到95%，义务教育阶段专任教师本科以上学历比例达到80%。", [("disabled_children_compulsory_enrollment_rate", 2025, "=", 95.0, None, "level"), ("compulsory_teacher_bachelor_share", 2025, "=", 80.0, None, "level")]),
    # 巩固率 alone is the compulsory consolidation rate (as 毛入园率 alone is the preschool one)
    ("义务教育普及水平进一步提高，巩固率达到97%。", [(CONS, 2025, "=", 97.0, None, "level")]),
    # 毛入园率 alone is the preschool rate; the comparison year after 比 is not the value's year
    ("到2025年，毛入园率达到92%，比2020年提高3.3个百分点。", [(PRE, 2025, "=", 92.0, None, "level"), (PRE, 2025, "=", 3.3, None, "increase")]),
    # but a yearly amount per person is still a norm
    ("乡村教师生活补助每人每年不低于6000元。", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PROSE_SEEN_IN_BLIND4)
def test_prose_phrasings_first_seen_in_blind4(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# phrasings and layouts real plans use that no invented set has yet (crafted, not seen)
CRAFTED_UNSEEN = [
    # a yearly schedule's 完成投资 (investment completed) is the year's investment
    ("2022年新增学位1,200个、完成投资3.5亿元。", [("school_places_added", 2022, "=", 1200.0, None, "cumulative"), ("education_investment", 2022, "=", 350000000.0, None, "cumulative")]),
    # a county's 职业教育中心 is its secondary vocational school; 培训普通高中教师 is teacher training
    ("到2025年，县职教中心在校生稳定在3,200人左右，培训高中教师1,500人次。", [("secondary_vocational_enrollment", 2025, "~", 3200.0, None, "level"), ("teacher_training_person_times", 2025, "=", 1500.0, None, "cumulative")]),
    # a full-width comma before a year is no thousands separator ("88，2025年" is not 88,202)
    ("学前三年毛入园率（%）：2020年88，2025年≥92。", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, ">=", 92.0, None, "level")]),
    # a year in brackets after the from-value is that value's, not the target's
    ("学前三年毛入园率由88.5%（2020年）提高到92%。", [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
    # rows of "name  2020年：v  2025年：v" (each cell labels its year)
    ("学前三年毛入园率　　　　2020年：88.5%　　2025年：92%\n九年义务教育巩固率　　2020年：95%　　2025年：96%\n", [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 96.0, None, "level")]),
    # columns of another area's values (全省, 全国) beside the city's are context, not targets
    ("主要指标|2020年|2025年|2020年|2025年\n|全市|全市|全省|全省\n学前三年毛入园率（%）|88|92|90|95\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
    ("指标|2020年|2025年|全国2025年\n学前三年毛入园率（%）|88|92|90\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
    # after a semicolon, "2025年：≥92%" (a year, a colon or a symbol, a value) keeps the phrase
    ("学前三年毛入园率（2020年：88.5%；2025年：≥92%）", [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, ">=", 92.0, None, "level")]),
    ("学前三年毛入园率：2020年88.5%；2025年≥92%。", [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, ">=", 92.0, None, "level")]),
    # a value in brackets right after a year is that year's, after 比 too
    ("到2025年，学前三年毛入园率达到95%，比2020年（88.5%）提高6.5个百分点。", [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, "=", 6.5, None, "increase"), (PRE, 2025, "=", 95.0, None, "level")]),
    # a year inside brackets governs nothing after the brackets close
    ("到2025年，学前三年毛入园率达到95%（2020年为88.5%），普惠性幼儿园覆盖率达到85%。", [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, "=", 95.0, None, "level"), (INC, 2025, "=", 85.0, None, "level")]),
    # but a bracket of only a year still names the year of what follows it
    ("到中期（2023年），学前三年毛入园率达到92%。", [(PRE, 2023, "=", 92.0, None, "level")]),
    # a shortage (缺口) is a fact about the present, not places added
    ("城乡学校布局与人口流动不相适应，中心城区学位缺口约2.6万个。", []),
    # past a comma, a count followed by the noun it counts is not the phrase's value
    ("新增学位21.6万个，为全市47个易地扶贫搬迁安置点配套建设学校。", [("school_places_added", 2025, "=", 216000.0, None, "cumulative")]),
    # "均比2020年提高2个百分点" after two clauses: the change is each clause's phrase's
    ("到2025年，学前三年毛入园率提高至95%，九年义务教育巩固率提高至97%，均比2020年提高2个百分点。", [(PRE, 2025, "=", 95.0, None, "level"), (PRE, 2025, "=", 2.0, None, "increase"), (CONS, 2025, "=", 97.0, None, "level"), (CONS, 2025, "=", 2.0, None, "increase")]),
    # a category row whose rows need it ("高中阶段教育" over "在校生数", "毛入学率") stays one
    ("指标|2020年|2025年\n高中阶段教育||\n在校生数（人）|30555|31000\n毛入学率（%）|90|92\n", [("upper_secondary_enrollment", 2020, "=", 30555.0, None, "level"), ("upper_secondary_enrollment", 2025, "=", 31000.0, None, "level"), ("upper_secondary_gross_enrollment_rate", 2020, "=", 90.0, None, "level"), ("upper_secondary_gross_enrollment_rate", 2025, "=", 92.0, None, "level")]),
    # a name wrapped before its values in pipe and tab tables
    ("指标|2020年|2025年\n学前三年毛入||\n园率（%）|88|95\n九年义务教育巩固率（%）|95|96\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 96.0, None, "level")]),
    ("指标\t2020年\t2025年\n劳动年龄人口平均受教育\n年限（年）\t10.9\t11.4\n学前三年毛入园率（%）\t88\t95\n", [("mean_schooling_years_working_age", 2020, "=", 10.9, None, "level"), ("mean_schooling_years_working_age", 2025, "=", 11.4, None, "level"), (PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
    # year columns named by the period ("“十三五”末", "“十四五”末")
    ("指标|“十三五”末|“十四五”末\n学前三年毛入园率（%）|88|92\n九年义务教育巩固率（%）|95|96\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 96.0, None, "level")]),
    # cards whose title is the bracketed name and whose keys label their years
    ("【学前三年毛入园率】\n目标值（2025年）：≥95\n基期值（2020年）：91.6\n【九年义务教育巩固率】\n目标值（2025年）：97\n基期值（2020年）：95.2\n", [(PRE, 2020, "=", 91.6, None, "level"), (PRE, 2025, ">=", 95.0, None, "level"), (CONS, 2020, "=", 95.2, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
    # cards whose name is a key of its own ("指标名称：…")
    ("指标名称：学前三年毛入园率\n2020年：91.6\n2025年：≥95\n指标名称：九年义务教育巩固率\n2020年：95.2\n2025年：97\n", [(PRE, 2020, "=", 91.6, None, "level"), (PRE, 2025, ">=", 95.0, None, "level"), (CONS, 2020, "=", 95.2, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
]  # fmt: skip


# Nested bullet lists (blind27 v3): each item its own paragraph, whatever its marker.
BULLET_LISTS = [
    # a bulleted category line is no section heading: the review ends at the next 二、
    ("一、发展基础\n- 办学成效\n  · 高中阶段教育毛入学率：93.1%\n二、目标\n- 高中阶段教育毛入学率：93.1% ⇒ 96%\n", [("upper_secondary_gross_enrollment_rate", 2020, "=", 93.1, None, "level"), ("upper_secondary_gross_enrollment_rate", 2020, "=", 93.1, None, "level"), ("upper_secondary_gross_enrollment_rate", 2025, "=", 96.0, None, "level")]),
    # any arrow joins a base and a target; "由2016年的…→" keeps its year
    ("到2025年：\n* 学前三年毛入园率：由2016年的79%➔85%\n* 九年义务教育巩固率：95%➜≥97%\n", [(PRE, 2016, "=", 79.0, None, "level"), (PRE, 2025, "=", 85.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, ">=", 97.0, None, "level")]),
    # an item "其中…" under the item that stated the total names a part of it
    ("到2025年：\n• 新增学位5,000个\n  ▪ 其中初中学位1,800个\n• 新建幼儿园8所\n", [("school_places_added", 2025, "=", 5000.0, None, "cumulative"), ("new_kindergartens_built", 2025, "=", 8.0, None, "cumulative")]),
    # two items ending without punctuation: "100%" then "- 100%" is no range 100-100
    ("到2025年：\n- 中小学互联网接入率保持100%\n- 100%的农村学校实现“班班通”\n", [("school_internet_access_rate", 2025, "=", 100.0, None, "level"), ("rural_school_multimedia_classroom_share", 2025, "=", 100.0, None, "level")]),
]  # fmt: skip


# Spreadsheet exports with semicolons between quoted fields (blind27 v2)
SEMICOLON_CSV = [
    # a doubled quote inside a field, an empty field is not stated, a field over two lines
    ('"指标名称";"2020年";"2025年";"说明"\n"""双师型""教师占比（%）";"41.5";"≥50";""\n"招聘教师（名）";"";"600";"五年\n累计"\n"劳动年龄人口平均受\n教育年限（年）";"10.6";"11.2";""\n', [("dual_qualified_teacher_share", 2020, "=", 41.5, None, "level"), ("dual_qualified_teacher_share", 2025, ">=", 50.0, None, "level"), ("mean_schooling_years_working_age", 2020, "=", 10.6, None, "level"), ("mean_schooling_years_working_age", 2025, "=", 11.2, None, "level"), ("teachers_recruited", 2025, "=", 600.0, None, "cumulative")]),
    # unquoted fields between semicolons, a thousands separator in a field
    ("指标;2020年;2025年;属性\n学前三年毛入园率（%）;86.4;92;预期性\n普通高中在校生（人）;7,950;8,600;预期性\n", [(PRE, 2020, "=", 86.4, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), ("general_high_school_enrollment", 2020, "=", 7950.0, None, "level"), ("general_high_school_enrollment", 2025, "=", 8600.0, None, "level")]),
    # "key：value；key：value" lines are one-line cards, not rows split at the semicolons
    ("指标名称：学前三年毛入园率（%）；2020年：86.4；2025年：≥92\n指标名称：九年义务教育巩固率（%）；2020年：95.1；2025年：96.5\n指标名称：高中阶段教育毛入学率（%）；2020年：90.2；2025年：93\n", [(PRE, 2020, "=", 86.4, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 96.5, None, "level"), ("upper_secondary_gross_enrollment_rate", 2020, "=", 90.2, None, "level"), ("upper_secondary_gross_enrollment_rate", 2025, "=", 93.0, None, "level")]),
    # prose with semicolons is no table
    ("到2025年，学前三年毛入园率达到92%；九年义务教育巩固率达到97%；高中阶段毛入学率达到93%。\n", [(PRE, 2025, "=", 92.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), ("upper_secondary_gross_enrollment_rate", 2025, "=", 93.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SEMICOLON_CSV)
def test_semicolon_csv(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# 专栏 boxes set into a sentence by a PDF conversion (blind27 v6): the box's keyed lines are
# records of their own, and the sentence goes on after the box with its value
BOXES_IN_SENTENCES = [
    ("二、主要目标\n到2025年，全市普惠性幼儿园覆盖率稳定在90%，学前三年毛入园率达到\n\n专栏2　主要指标\n九年义务教育巩固率（%）：2020年95.1，2025年96.5\n高中阶段教育毛入学率（%）：2020年91，2025年94\n\n95%以上，办学条件全面改善。\n", [(INC, 2025, "=", 90.0, None, "level"), (PRE, 2025, ">=", 95.0, None, "level"), (CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 96.5, None, "level"), ("upper_secondary_gross_enrollment_rate", 2020, "=", 91.0, None, "level"), ("upper_secondary_gross_enrollment_rate", 2025, "=", 94.0, None, "level")]),
    # the box's numbered items ("01 …") are no continuation; the sentence resumes after them
    ("三、重点任务\n实施学前教育扩容工程，新建幼儿园5所，新增幼儿园学位\n专栏3　学前教育扩容工程\n01　城区新建园：新建城北幼儿园等3所。\n02　乡镇园：新建乡镇中心园2所。\n1,350个，全面消除大班额。\n", [("new_kindergartens_built", 2025, "=", 5.0, None, "cumulative"), ("school_places_added", 2025, "=", 1350.0, None, "cumulative")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), BOXES_IN_SENTENCES)
def test_boxes_set_into_sentences(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# blind28: a school stage narrows a whole-system count; a unit header split over two lines
STAGES_AND_SPLIT_HEADERS = [
    ("2022年，全县专任教师4,102人。幼儿园专任教师806人，小学、初中专任教师分别为1,730人和1,015人。", [("full_time_teacher_count", 2022, "=", 4102.0, None, "level")]),
    ("序号  指标名称                计量    2020年    2025年\n                              单位    （基期）  （目标）\n 1    普通高中在校生          万人    1.46      1.6左右\n 2    学前三年毛入园率        %       89.2      ≥93\n", [("general_high_school_enrollment", 2020, "=", 14600.0, None, "level"), ("general_high_school_enrollment", 2025, "~", 16000.0, None, "level"), (PRE, 2020, "=", 89.2, None, "level"), (PRE, 2025, ">=", 93.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STAGES_AND_SPLIT_HEADERS)
def test_stages_and_split_headers(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), BULLET_LISTS)
def test_bullet_lists(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(("text", "expected"), CRAFTED_UNSEEN)
def test_crafted_phrasings_and_layouts_no_set_has_yet(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # last year's value in brackets after this year's target
        ("一、2022年主要目标\n学前三年毛入园率　92%（上年90.8%）\n", [(PRE, 2021, "=", 90.8, None, "level"), (PRE, 2022, "=", 92.0, None, "level")]),
        ("一、2022年主要目标\n学前三年毛入园率上年为90.8%，今年达到92%。\n", [(PRE, 2021, "=", 90.8, None, "level"), (PRE, 2022, "=", 92.0, None, "level")]),
        # a change from last year stays this year's increase
        ("一、2022年主要目标\n学前三年毛入园率比上年提高1.2个百分点。\n", [(PRE, 2022, "=", 1.2, None, "increase")]),
    ],
)  # fmt: skip
def test_last_years_value_in_an_annual_plan(extractor, text, expected):
    assert observed(extractor, text, **ANNUAL) == sorted(expected)


LAYOUTS_SEEN_IN_BLIND5 = [
    # a table exported as CSV: cells split by commas, a cell with a thousands separator quoted
    ("表1　主要指标(单位:%、人)\n序号,指标名称,2020年,2025年,属性\n1,学前三年毛入园率,91.2,95,预期性\n2,普通高中在校生,\"9,120\",\"10,500\",预期性\n", [(PRE, 2020, "=", 91.2, None, "level"), (PRE, 2025, "=", 95.0, None, "level"), ("general_high_school_enrollment", 2020, "=", 9120.0, None, "level"), ("general_high_school_enrollment", 2025, "=", 10500.0, None, "level")]),
    ("指标名称,2020年,2025年\n学前三年毛入园率(%),91.2,≥95\n九年义务教育巩固率(%),94.6,97\n", [(PRE, 2020, "=", 91.2, None, "level"), (PRE, 2025, ">=", 95.0, None, "level"), (CONS, 2020, "=", 94.6, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
    # a header on two lines: the year of the target column is below its label, beside a
    # label under the base year ("2020年" over "现状值", "“十四五”目标" over "2025年");
    # footnote marks after values (①, *) are no part of them
    (" 类  别 | 指  标 | 单位 | 2020年 | “十四五”目标 | 属性\n        |        |      | 现状值 | 2025年       |\n 学前教育 | 学前三年毛入园率 | % | 90.3 | ≥93① | 预期性\n 义务教育 | 九年义务教育巩固率 | % | 95.8 | 97* | 约束性\n", [(PRE, 2020, "=", 90.3, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), (CONS, 2020, "=", 95.8, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
    ("指标|2020年|规划目标\n|基期|2025年\n学前三年毛入园率（%）|90.3|93\n", [(PRE, 2020, "=", 90.3, None, "level"), (PRE, 2025, "=", 93.0, None, "level")]),
    # enrolment counts named without the codebook's final 数 ("中等职业教育在校生", "中职在校生")
    ("2020年，普通高中在校生9.6万人，中等职业教育在校生4.3万人。", [("general_high_school_enrollment", 2020, "=", 96000.0, None, "level"), ("secondary_vocational_enrollment", 2020, "=", 43000.0, None, "level")]),
    ("到2025年，高中阶段教育在校生达到12.5万人，高等职业教育在校生3.2万人。", [("upper_secondary_enrollment", 2025, "=", 125000.0, None, "level"), ("higher_vocational_enrollment", 2025, "=", 32000.0, None, "level")]),
    ("2020年，普通高中在校生2.15万人，中职在校生9,870人。", [("general_high_school_enrollment", 2020, "=", 21500.0, None, "level"), ("secondary_vocational_enrollment", 2020, "=", 9870.0, None, "level")]),
    # prose lines full of commas are no CSV table: a comma list of values stays prose
    ("到2025年,学前三年毛入园率达到95%,普惠性幼儿园覆盖率达到90%,\n九年义务教育巩固率达到97%,残疾儿童少年义务教育入学率达到95%。\n", [(PRE, 2025, "=", 95.0, None, "level"), (INC, 2025, "=", 90.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), ("disabled_children_compulsory_enrollment_rate", 2025, "=", 95.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LAYOUTS_SEEN_IN_BLIND5)
def test_table_layouts_first_seen_in_blind5(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a review of the last plan's targets: "实际完成Y" after "X目标为T" is X's actual value
        ("一、发展回顾\n学前三年毛入园率目标为88%，实际完成90.3%，超额2.3个百分点。\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2020, "=", 90.3, None, "level")]),
        ("一、发展回顾\n未完成指标是普惠性幼儿园覆盖率（目标85%，实际84.6%）。\n", [(INC, 2020, "=", 85.0, None, "level"), (INC, 2020, "=", 84.6, None, "level")]),
        # but a clause naming an indicator of its own keeps it
        ("一、发展回顾\n学前三年毛入园率目标为88%，实际完成90.3%，普惠性幼儿园覆盖率实际84.6%。\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2020, "=", 90.3, None, "level"), (INC, 2020, "=", 84.6, None, "level")]),
    ],
)  # fmt: skip
def test_the_actual_value_after_a_target_is_the_targets_indicators(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


LAYOUTS_SEEN_IN_BLIND6 = [
    # a row of per-year amounts with a total column (合计, 总计) after the years (or a total
    # row under years as rows): each year's amount is that year's, the total is the span's,
    # at the last year shown
    ("项目|2021年|2022年|2023年|2024年|2025年|合计\n新增学位（个）|800|900|1000|1100|1200|5000\n", [("school_places_added", y, "=", v, None, "cumulative") for y, v in ((2021, 800.0), (2022, 900.0), (2023, 1000.0), (2024, 1100.0), (2025, 1200.0), (2025, 5000.0))]),
    ("年份\t新增学位（个）\t新建幼儿园（所）\n2021年\t800\t3\n2022年\t900\t4\n合计\t1700\t7\n", [("school_places_added", 2021, "=", 800.0, None, "cumulative"), ("school_places_added", 2022, "=", 900.0, None, "cumulative"), ("school_places_added", 2022, "=", 1700.0, None, "cumulative"), ("new_kindergartens_built", 2021, "=", 3.0, None, "cumulative"), ("new_kindergartens_built", 2022, "=", 4.0, None, "cumulative"), ("new_kindergartens_built", 2022, "=", 7.0, None, "cumulative")]),
    ("| 指标 | 2022年 | 2023年 | 2024年 | 总计 |\n|---|---|---|---|---|\n| 新建改扩建中小学（所） | 3 | 4 | 5 | 12 |\n", [("new_schools_built", y, "=", v, None, "cumulative") for y, v in ((2022, 3.0), (2023, 4.0), (2024, 5.0), (2024, 12.0))]),
    # one cell per line under a "指标名称" header, value cells with a comparator word after
    # the number ("95%以上", "0.6%以下", "88%左右") and a "/" cell: the table goes on
    ("序号\n指标名称\n2021年完成\n2022年计划\n1\n学前三年毛入园率\n92.5%\n95%以上\n2\n义务教育辍学率\n0.8%\n0.6%以下\n3\n九年义务教育巩固率\n96%\n/\n4\n普惠性幼儿园覆盖率\n88%左右\n90%\n", [(PRE, 2021, "=", 92.5, None, "level"), (PRE, 2022, ">=", 95.0, None, "level"), ("dropout_rate", 2021, "=", 0.8, None, "level"), ("dropout_rate", 2022, "<=", 0.6, None, "level"), (CONS, 2021, "=", 96.0, None, "level"), (INC, 2021, "~", 88.0, None, "level"), (INC, 2022, "=", 90.0, None, "level")]),
    # the same in cells of their own ending in "|", with a "—" cell
    ("指标|\n2022年|\n2023年|\n学前三年毛入园率（%）|\n89.7|\n91以上|\n九年义务教育巩固率（%）|\n96.8|\n—|\n普惠性幼儿园覆盖率（%）|\n86|\n88|\n", [(PRE, 2022, "=", 89.7, None, "level"), (PRE, 2023, ">=", 91.0, None, "level"), (CONS, 2022, "=", 96.8, None, "level"), (INC, 2022, "=", 86.0, None, "level"), (INC, 2023, "=", 88.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LAYOUTS_SEEN_IN_BLIND6)
def test_table_layouts_first_seen_in_blind6(extractor, text, expected):
    assert observed(extractor, text, **ANNUAL) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of names, the base year's values 分别 in one clause, then the target shared by
        # 均 in the next clause: the later value is not a third value of the list
        ("3. 普惠性幼儿园覆盖率、公办园在园幼儿占比：2020年分别为86%、50%，2025年均达到90%以上。", [(INC, 2020, "=", 86.0, None, "level"), (PUB, 2020, "=", 50.0, None, "level"), (INC, 2025, ">=", 90.0, None, "level"), (PUB, 2025, ">=", 90.0, None, "level")]),
        # a name ending in 占比 right before the year: its 比 compares nothing
        ("普惠性幼儿园覆盖率、公办园在园幼儿占比2020年分别为86%和50%。", [(INC, 2020, "=", 86.0, None, "level"), (PUB, 2020, "=", 50.0, None, "level")]),
        ("截至2020年底，学前三年毛入园率和九年义务教育巩固率分别是88.5%和95.2%，到2025年都提高到97%。", [(PRE, 2020, "=", 88.5, None, "level"), (CONS, 2020, "=", 95.2, None, "level"), (PRE, 2025, "=", 97.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_respective_list_then_a_shared_value(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a value in brackets after its verb is the value, not a document number's year
        ("九年义务教育巩固率：2020年为95.2%，2025年目标为（97.5%）。", [(CONS, 2020, "=", 95.2, None, "level"), (CONS, 2025, "=", 97.5, None, "level")]),
        ("到2025年，学前三年毛入园率达到【92%】。", [(PRE, 2025, "=", 92.0, None, "level")]),
        # ... but the value before it restated in brackets is one value
        ("普通话普及率达到九成以上（90%）。", [("mandarin_popularisation_rate", 2025, ">=", 90.0, None, "level")]),
        # ... while a bare year in brackets still is one
        ("根据〔2021〕号文件，学前三年毛入园率达到92%。", [(PRE, 2025, "=", 92.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_bracketed_value(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of growth ending in 到/至 (增至, 发展到, 扩大到) between a count's phrase and
        # its value is a verb, not words that separate them
        ("职业学校合作企业扩大到200家。", [("school_enterprise_partners", 2025, "=", 200.0, None, "level")]),
        ("到2025年，校企合作企业增至80家以上。", [("school_enterprise_partners", 2025, ">=", 80.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_growth_verb_before_a_count(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # zero written as a word after its verb ("降为零", "保持为零") is the value 0 in the
        # indicator's unit; 零 as a prefix ("零辍学", "零容忍") is a word
        ("到2025年，义务教育辍学率降为零，学前三年毛入园率达到92%。", [("dropout_rate", 2025, "=", 0.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
        ("全面落实控辍保学，实现零辍学，对违规招生零容忍。", []),
    ],
)  # fmt: skip
def test_zero_written_as_a_word(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one building verb for a list of counts: "新建幼儿园8所、中小学5所"
        ("“十四五”期间新建幼儿园8所、中小学5所。", [("new_kindergartens_built", 2025, "=", 8.0, None, "cumulative"), ("new_schools_built", 2025, "=", 5.0, None, "cumulative")]),
        # a verb before a list of nouns, the count after the last ("培训校长、教师1.2万人次")
        ("“十四五”期间培训校长、教师3万人次。", [("teacher_training_person_times", 2025, "=", 30000.0, None, "cumulative")]),
        # ... but a stock of 中小学 is no building
        ("全市现有中小学215所。", []),
    ],
)  # fmt: skip
def test_one_building_verb_for_a_list_of_counts(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_page_markers_and_contents_page_numbers_are_page_numbers(extractor):
    text = (
        "目　录\n第一部分　发展回顾 ·········· 1\n第二部分　发展目标 ………… 12\n"
        "学前三年毛入园率达到\n· 3 ·\n95%。\n"
        "某县教育事业发展规划　　　　　　　　•4•\n九年义务教育巩固率达到97%。\n"
    )
    result = extractor.extract(source(), clean(text))
    assert sorted((r["quote"].strip(), r["disposition"]) for r in result.ledger) == [
        ("1", "page_number"),
        ("12", "page_number"),
        ("3", "page_number"),
        ("4", "page_number"),
        ("95%", "observation"),
        ("97%", "observation"),
        ("三年", "part_of_name"),
        ("九年", "part_of_name"),
    ]
    assert observed(extractor, text) == [
        (CONS, 2025, "=", 97.0, None, "level"),
        (PRE, 2025, "=", 95.0, None, "level"),
    ]


def test_a_web_pages_metadata_line_is_accounted_for(extractor):
    text = (
        "<div>发布日期：2021-12-06 16:32　索引号：1134MB1C23/2021-00867　阅读次数：1872</div>\n"
        "学前三年毛入园率达到95%。\n"
    )
    result = extractor.extract(source(), clean(text))
    got = {(r["quote"].strip(), r["disposition"]) for r in result.ledger}
    assert {d for _, d in got} - {"year", "date", "phone_number", "page_metadata"} == {
        "observation",
        "part_of_name",
    }
    assert ("1872", "page_metadata") in got and ("32", "date") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the period before the plan's, named in words ("“十三五”末", "十三五期间"), is the
        # baseline year (the registry's), outside a review section too
        ("“十三五”末，全市学前三年毛入园率为88.6%，九年义务教育巩固率为95.3%。", [(PRE, 2020, "=", 88.6, None, "level"), (CONS, 2020, "=", 95.3, None, "level")]),
        ("十三五期间，全县累计新建幼儿园45所。", [("new_kindergartens_built", 2020, "=", 45.0, None, "cumulative")]),
        # ... but not when it is what a change is measured from
        ("学前三年毛入园率比“十三五”末提高5个百分点。", [(PRE, 2025, "=", 5.0, None, "increase")]),
        ("学前三年毛入园率由“十三五”末的88%提高到95%。", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
        # ... and the plan's own period stays its end year
        ("“十三五”期间成效显著；“十四五”期间，全县新建幼儿园20所。", [("new_kindergartens_built", 2025, "=", 20.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_the_previous_period_named_in_words_is_the_baseline(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "其中" and a named part (one school, one county) of the total just stated: the part is
        # no value of the indicator
        ("“十四五”期间累计投入教育资金8亿元，其中实验中学新校区项目投资1.2亿元。", [("education_investment", 2025, "=", 800000000.0, None, "cumulative")]),
        # ... and so is a part named by the total's own indicator (项目投资 is education
        # investment too: a second value of it would be a false conflict), while another
        # indicator is still read
        ("“十四五”期间累计投入教育资金8亿元，其中项目投资5亿元。", [("education_investment", 2025, "=", 800000000.0, None, "cumulative")]),
        ("“十四五”期间招聘教师800名，其中补充乡村教师500名。", [("teachers_recruited", 2025, "=", 800.0, None, "cumulative"), ("rural_teacher_recruitment", 2025, "=", 500.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_a_named_part_of_a_total(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 翻一番 is a change of ×2, 翻两番 of ×4
        ("到2025年，财政性教育经费支出比2020年翻一番。", [("education_fiscal_expenditure", 2025, "=", 2.0, None, "increase")]),
        ("到2025年，财政性教育经费支出翻两番。", [("education_fiscal_expenditure", 2025, "=", 4.0, None, "increase")]),
    ],
)  # fmt: skip
def test_doublings(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # an annual plan's review of last year, whatever its heading says: numbered with no
        # review word ("总体情况"), or a title line of its own with no numbering
        "一、2022年教育工作总体情况\n学前三年毛入园率达到90.1%。九年义务教育巩固率96.2%。\n二、2023年主要任务\n学前三年毛入园率达到91%。\n",
        "2022年主要工作成效\n学前三年毛入园率90.1%。九年义务教育巩固率96.2%。\n2023年主要任务\n学前三年毛入园率达到91%。\n",
        "松岭县2023年教育工作要点\n过去一年工作回顾\n学前三年毛入园率90.1%，九年义务教育巩固率96.2%。\n今年工作目标\n学前三年毛入园率达到91%。\n",
    ],
)
def test_an_annual_plans_review_whatever_its_heading(extractor, text):
    kw = {"document_type": "annual_work_plan", "start": 2023, "end": 2023, "baseline": 2022}
    assert observed(extractor, text, **kw) == [
        (CONS, 2022, "=", 96.2, None, "level"),
        (PRE, 2022, "=", 90.1, None, "level"),
        (PRE, 2023, "=", 91.0, None, "level"),
    ]


@pytest.mark.parametrize(
    ("text", "kw", "expected"),
    [
        # columns named by their role, not their year: the registry's baseline and end years
        ("指标|上年完成|今年目标\n学前三年毛入园率（%）|90.5|92\n", ANNUAL, [(PRE, 2021, "=", 90.5, None, "level"), (PRE, 2022, "=", 92.0, None, "level")]),
        ("指标\t基期值\t目标值\n学前三年毛入园率（%）\t88.5\t≥92\n九年义务教育巩固率（%）\t95\t96\n", {}, [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 96.0, None, "level")]),
        ("| 指标 | 现状值 | “十四五”目标 | 属性 |\n|---|---|---|---|\n| 学前三年毛入园率（%） | 88.5 | 92 | 预期性 |\n", {}, [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
        # beside a year column too
        ("指标|2021年完成|今年目标\n学前三年毛入园率（%）|90.5|92\n", ANNUAL, [(PRE, 2021, "=", 90.5, None, "level"), (PRE, 2022, "=", 92.0, None, "level")]),
        ("指标|基期值|2025年\n学前三年毛入园率（%）|88|92\n", {}, [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
        # "规划值" names the target column; a superscript footnote mark is no digit ("92²")
        ("| 领域 | 指标 | 现状值 | 规划值 |\n| 学前 | 学前三年毛入园率（%） | 88.5 | 92² |\n| | 九年义务教育巩固率（%） | 95 | 96³ |\n", {}, [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 96.0, None, "level")]),
    ],
)  # fmt: skip
def test_columns_named_by_role_take_the_registrys_years(extractor, text, kw, expected):
    assert observed(extractor, text, **kw) == sorted(expected)


def test_footnote_references_in_cells_and_notes_are_accounted_for(extractor):
    text = (
        "| 指标 | 2020年 | 2025年 |\n| 九年义务教育巩固率（%） | 95 | 97注2 |\n"
        "| 学前三年毛入园率（%） | 88 | 93³ |\n\n"
        "注2：以2015年入学人数为基数。³按户籍人口计算。\n"
    )
    result = extractor.extract(source(), clean(text))
    assert sorted((o.indicator_id, o.year, o.value) for o in result.observations) == [
        (CONS, 2020, 95.0), (CONS, 2025, 97.0), (PRE, 2020, 88.0), (PRE, 2025, 93.0),
    ]  # fmt: skip
    got = sorted((r["quote"], r["disposition"]) for r in result.ledger)
    assert [g for g in got if g[1] not in ("observation", "table_header", "year")] == [
        ("2", "section_number"), ("³", "section_number"), ("注2", "section_number"),
    ]  # fmt: skip


def test_decimal_numbered_sections_end_the_review(extractor):
    # a web page's decimal numbering (<h3>1 …</h3>, <h4>1.1 …</h4>) with circled items
    text = (
        "<h3>1&nbsp;发展回顾</h3>\n<h4>1.1&nbsp;主要成绩</h4>\n"
        "<p>“十三五”期间，九年义务教育巩固率达95.6%。</p>\n"
        "<h3>2&nbsp;重点工作</h3>\n<h4>2.1&nbsp;学前教育</h4>\n"
        "<p>&nbsp;&nbsp;①扩充资源。新建公办幼儿园12所。②提高质量。学前三年毛入园率达到93%。</p>\n"
    )
    result = extractor.extract(source(), clean(text))
    assert sorted((o.indicator_id, o.year, o.value) for o in result.observations) == [
        (CONS, 2020, 95.6), ("new_public_kindergartens", 2025, 12.0), (PRE, 2025, 93.0),
    ]  # fmt: skip
    got = sorted((r["quote"], r["disposition"]) for r in result.ledger)
    assert [g for g in got if g[1] not in ("observation", "markup", "part_of_name")] == [
        ("1&", "section_number"),
        ("1.1&", "section_number"),
        ("2&", "section_number"),
        ("2.1&", "section_number"),
        ("①", "section_number"),
        ("②", "section_number"),
    ]  # fmt: skip  (a quote runs to the raw end of its cleaned number: "1&nbsp;" is "1 ")


def test_sub_rows_under_a_two_column_name_header(extractor):
    text = (
        '<table><tr><td>类别</td><td colspan="2">指标名称</td><td>2020年</td><td>2025年</td></tr>'
        '<tr><td rowspan="3">基础教育</td><td rowspan="2">巩固率</td><td>义务教育</td>'
        "<td>95.1</td><td>96</td></tr>"
        "<tr><td>九年义务教育</td><td>95.2</td><td>97</td></tr>"
        '<tr><td colspan="2">学前三年毛入园率</td><td>88</td><td>92</td></tr></table>'
    )
    assert observed(extractor, text) == sorted(
        [
            (CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 96.0, None, "level"),
            (CONS, 2020, "=", 95.2, None, "level"), (CONS, 2025, "=", 97.0, None, "level"),
            (PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level"),
        ]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # past a comma, persons followed by the noun they count do their own clause's deed
        ("公开招聘教师1,200名左右，每年选派不少于一百名教师到农村学校支教。", [("teachers_recruited", 2025, "~", 1200.0, None, "cumulative")]),
        # a comparator word of one character between a phrase and its value (超, 逾, 近)
        ("职业院校合作企业超120家，建设实训基地6个。", [("school_enterprise_partners", 2025, ">", 120.0, None, "level")]),
        ("在园幼儿近2.3万人，职业中专在校生逾4,100人。", [("kindergarten_enrollment", 2025, "~", 23000.0, None, "level"), ("secondary_vocational_enrollment", 2025, ">", 4100.0, None, "level")]),
        # a share of a whole in words ("…的一半")
        ("劳动教育课时占比不低于综合实践活动课时的一半。", [("labour_education_hour_share", 2025, ">=", 50.0, None, "level")]),
        # a count of groups of the phrase's things ("专业群") is not a count of the things
        ("建设数控技术、护理2个专业群，新增专业4个。", [("vocational_majors_added", 2025, "=", 4.0, None, "cumulative")]),
        # "小学和初中净入学率": joined by 和/与 as by 、, the first term shares the ending
        ("小学和初中净入学率均为100%。", [("primary_net_enrollment_rate", 2025, "=", 100.0, None, "level"), ("junior_secondary_net_enrollment_rate", 2025, "=", 100.0, None, "level")]),
        ("小学与初中净入学率分别为99.9%和99.5%。", [("primary_net_enrollment_rate", 2025, "=", 99.9, None, "level"), ("junior_secondary_net_enrollment_rate", 2025, "=", 99.5, None, "level")]),
    ],
)  # fmt: skip
def test_prose_phrasings_first_seen_in_blind13(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("毛入园率达到90%。", [("毛入园率达到90%", 1)]),
        # _prose finds the raw text's newlines once (LineNumbers) where line_of counted them
        ("一、发展目标\n\n到2025年，\n学前三年毛入园率达到92%，\n九年义务教育巩固率达到97%。", [("学前三年毛入园率达到92%", 4), ("九年义务教育巩固率达到97%", 5)]),
        ("一、发展目标\n\n\n\n新建幼儿园4所。\n", [("新建幼儿园4所", 5)]),
    ],
)  # fmt: skip
def test_the_line_of_a_prose_observation(extractor, text, expected):
    result = extractor.extract(source(), clean(text))
    assert [(o.quote, o.line) for o in result.observations] == expected
    assert all(o.line == line_of(clean(text).raw, o.char_start) for o in result.observations)


# blind29 y1: a table written one cell a row, key and value, record after record (an OCR
# tool's or a web form's output), with characters OCR mistook in the names
KEY_VALUE_TABLES = [
    # tab-separated, a record opening with its number, no header row of the grid's own
    ("主要指标\n序号\t1\n指标名称\t学前三年毛入园率（%）\n2020年\t88.1\n2025年\t≥93\n序号\t2\n指标名称\t九年义务教育巩固率（%）\n2020年\t95.4\n2025年\t97\n序号\t3\n指标名称\t普通高中在校生（人）\n2020年\t6,820\n2025年\t—\n", [(PRE, 2020, "=", 88.1, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), (CONS, 2020, "=", 95.4, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), ("general_high_school_enrollment", 2020, "=", 6820.0, None, "level")]),
    # HTML, a group row opening some records, role keys instead of years, OCR'd names
    # (宰 for 率, 圆 for 固): a swap only where no phrase is read as written
    ("<table><tr><td>项目</td><td>内容</td></tr><tr><td>类别</td><td>普及</td></tr><tr><td>指标</td><td>普惠性幼儿园覆盖宰（%）</td></tr><tr><td>基期值</td><td>81.5</td></tr><tr><td>目标值</td><td>≥90</td></tr><tr><td>指标</td><td>九年义务教育巩圆率（%）</td></tr><tr><td>基期值</td><td>96.2</td></tr><tr><td>目标值</td><td>97.5</td></tr></table>", [(INC, 2020, "=", 81.5, None, "level"), (INC, 2025, ">=", 90.0, None, "level"), (CONS, 2020, "=", 96.2, None, "level"), (CONS, 2025, "=", 97.5, None, "level")]),
    # two columns of names and values are a plain table, not key/value records
    ("指标\t2025年\n学前三年毛入园率（%）\t93\n九年义务教育巩固率（%）\t97\n", [(PRE, 2025, "=", 93.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), KEY_VALUE_TABLES)
def test_key_value_tables(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# blind30 z4: a table row cut by a line break inside a number (a scraped page's cell)
CUT_NUMBERS = [
    # tabs; a comparator before the cut number, a thousands separator inside it (a lone
    # number under a full row is not joined: it may be a page number)
    ("指标\t单位\t2020年\t2025年\t属性\n学前三年毛入园率\t%\t90.4\t≥9\n5\t预期性\n普通高中在校生\t人\t5,6\n40\t6,000\t预期性\n九年义务教育巩固率\t%\t96.8\t97.5\t约束性\n", [(PRE, 2020, "=", 90.4, None, "level"), (PRE, 2025, ">=", 95.0, None, "level"), ("general_high_school_enrollment", 2020, "=", 5640.0, None, "level"), ("general_high_school_enrollment", 2025, "=", 6000.0, None, "level"), (CONS, 2020, "=", 96.8, None, "level"), (CONS, 2025, "=", 97.5, None, "level")]),
    # pipes; the next row's number opening a line is no cut number's end
    ("| 序号 | 指标 | 2020年 | 2025年 |\n| 1 | 学前三年毛入园率（%） | 88.\n6 | 93 |\n| 2 | 九年义务教育巩固率（%） | 95.1 | 96 |\n| 3 | 高中阶段教育毛入学率（%） | 90 | 92 |\n", [(PRE, 2020, "=", 88.6, None, "level"), (PRE, 2025, "=", 93.0, None, "level"), (CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 96.0, None, "level"), ("upper_secondary_gross_enrollment_rate", 2020, "=", 90.0, None, "level"), ("upper_secondary_gross_enrollment_rate", 2025, "=", 92.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CUT_NUMBERS)
def test_numbers_cut_by_a_line_break_in_a_table_row(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# blind30 z2: a table exported as XML records (an open-data portal's dataset)
XML_RECORDS = [
    # Chinese tag names are their own headers; a CDATA name, an empty element, a root with
    # attributes whose numbers are markup
    ('<数据集 编号="JY-2022-0815" 条数="3">\n<指标><名称><![CDATA["双师型"教师比例（%）]]></名称><基期值2020年>47.5</基期值2020年><目标值2025年>≥55</目标值2025年></指标>\n<指标><名称>九年义务教育巩固率（%）</名称><基期值2020年/><目标值2025年>97</目标值2025年></指标>\n<指标><名称>普通高中在校生（人）</名称><基期值2020年>8,320</基期值2020年><目标值2025年>9,000左右</目标值2025年></指标>\n</数据集>', [("dual_qualified_teacher_share", 2020, "=", 47.5, None, "level"), ("dual_qualified_teacher_share", 2025, ">=", 55.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), ("general_high_school_enrollment", 2020, "=", 8320.0, None, "level"), ("general_high_school_enrollment", 2025, "~", 9000.0, None, "level")]),
    # pinyin tags described in a legend above ("字段：… = …"), records over several lines
    ("字段：mc = 指标名称，jz = 2020年现状值，gh = 2025年规划值\n<rows>\n  <row>\n    <mc>学前三年毛入园率（%）</mc>\n    <jz>86.9</jz>\n    <gh>≥92</gh>\n  </row>\n  <row>\n    <mc>普惠性幼儿园覆盖率（%）</mc>\n    <jz>80.2</jz>\n    <gh>88</gh>\n  </row>\n</rows>\n", [(PRE, 2020, "=", 86.9, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (INC, 2020, "=", 80.2, None, "level"), (INC, 2025, "=", 88.0, None, "level")]),
    # blind46 r4: a year and a comparison in attributes, a value one element down, a field
    # given once a year, a target given as text beside the others' elements (one column)
    ('<指标集 总数="2">\n<条目 序号="1"><名称>学前三年毛入园率（%）</名称><实际 年份="2021">90.1</实际><实际 年份="2022">91.0</实际><目标><值 年份="2025" 关系="gte">93</值></目标></条目>\n<条目 序号="2"><名称>九年义务教育巩固率（%）</名称><实际 年份="2021">95.2</实际><实际 年份="2022"/><目标>&#8805;97</目标></条目>\n</指标集>', [(PRE, 2021, "=", 90.1, None, "level"), (PRE, 2022, "=", 91.0, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), (CONS, 2021, "=", 95.2, None, "level"), (CONS, 2025, ">=", 97.0, None, "level")]),
    # no legend: the name column is the one of words (not the unit's, not the values');
    # values held in an empty element's attribute, "about" read as 左右
    ('<list>\n  <item><mc>普惠性幼儿园覆盖率</mc><dw>%</dw><z nd="2020" v="84.3"/><z nd="2025" v="90" op="about"/></item>\n  <item><mc>高中阶段教育毛入学率</mc><dw>%</dw><z nd="2020" v="91.5"/><z nd="2025" v="95" op="ge"/></item>\n</list>\n', [(INC, 2020, "=", 84.3, None, "level"), (INC, 2025, "~", 90.0, None, "level"), ("upper_secondary_gross_enrollment_rate", 2020, "=", 91.5, None, "level"), ("upper_secondary_gross_enrollment_rate", 2025, ">=", 95.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), XML_RECORDS)
def test_xml_records(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_xml_records_no_header_dates_are_an_unread_table(extractor):
    text = "<rows><row><mc>学前三年毛入园率（%）</mc><sz>91.2</sz></row><row><mc>九年义务教育巩固率（%）</mc><sz>96.5</sz></row></rows>"
    result = extractor.extract(source(), clean(text))
    assert result.observations == []
    assert [(t["reader"], t["problem"]) for t in result.unread_tables] == [
        ("xml", "no header row of year cells found")
    ]
    assert {r["quote"]: r["disposition"] for r in result.ledger} == {
        "91.2": "unread_table",
        "96.5": "unread_table",
    }


def test_xml_records_leave_no_number_unaccounted(extractor):
    result = extractor.extract(source(), clean(XML_RECORDS[0][0]))
    assert [r["quote"] for r in result.ledger if r["disposition"] == "unaccounted"] == []


# blind30 z5: a header printed rotated, one character a line (top down or bottom up)
ROTATED_HEADERS = [
    ("表2　主要指标\n序\n号\n项目\n2\n0\n2\n0\n年\n2\n0\n2\n5\n年\n1 学前三年毛入园率（%） 89.5 ≥93\n2 九年义务教育巩固率（%） 96.1 97\n", [(PRE, 2020, "=", 89.5, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), (CONS, 2020, "=", 96.1, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
    # bottom up, with the role after the year; an upright name cell
    ("指标名称\n值\n期\n基\n年\n0\n2\n0\n2\n值\n标\n目\n年\n5\n2\n0\n2\n普惠性幼儿园覆盖率（%） 82.6 90\n高中阶段教育毛入学率（%） 91.3 ≥95\n", [(INC, 2020, "=", 82.6, None, "level"), (INC, 2025, "=", 90.0, None, "level"), ("upper_secondary_gross_enrollment_rate", 2020, "=", 91.3, None, "level"), ("upper_secondary_gross_enrollment_rate", 2025, ">=", 95.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ROTATED_HEADERS)
def test_rotated_headers(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_an_official_name_in_full_width_brackets_names_its_indicator(extractor):
    # the cells are NFKC ("（" is "("): the codebook's names and aliases are matched so too
    text = "指标\t2020年\t2025年\n学前（三年）教育毛入园率（%）\t88\t92\n通过义务教育优质均衡发展督导评估的县（市、区）比例（%）\t—\t40\n"
    assert observed(extractor, text) == sorted([(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), ("quality_balanced_county_share", 2025, "=", 40.0, None, "level")])  # fmt: skip


# blind30 z3: a part headed by the baseline and the tasks together; its tasks section is
# no review (the heading naming both decides nothing where a heading under it does)
BASE_AND_TASKS_HEADINGS = [
    ("第三章　发展回顾与重点任务\n一、发展回顾\n“十三五”期间，学前三年毛入园率达到88%。\n二、重点任务\n扩大普惠资源，学前三年毛入园率达到93%。\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 93.0, None, "level")]),
    # directly under such a heading, with nothing deeper: a review, as before
    ("第三章　发展基础与主要目标\n2020年，九年义务教育巩固率为95.5%。\n", [(CONS, 2020, "=", 95.5, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), BASE_AND_TASKS_HEADINGS)
def test_a_heading_of_base_and_tasks_leaves_the_tasks_forward(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# blind31 a5: a draft for comment keeps its tracked changes; only the final text is read
PANDOC_CHANGES = (
    '到2025年，学前三年毛入园率达到[92%]{.deletion author="赵兰" date="2022-03-01T08:00:00Z"}'
    '[93%]{.insertion author="赵兰" date="2022-03-01T08:00:00Z"}以上，'
    '[按2021年快报数核实，原为96.8%。]{.comment-start id="3" author="孙伟" date="2022-03-02T10:30:00Z"}'
    '九年义务教育巩固率达到97.2%[]{.comment-end id="3"}。\n\n'
    "| 指标 | 2020年 | 2025年 |\n|---|---|---|\n"
    '| 普惠性幼儿园覆盖率（%） | 86 | [90]{.insertion author="赵兰" date="2022-03-01T08:00:00Z"} |\n'
)
TRACKED_CHANGES = [
    # brackets of several shapes, a strike-through in full-width tildes, a reviewer's comment
    # with numbers, a struck-out tab row
    ("到2025年，学前三年毛入园率达到【删去：92%】（改为：94%）以上，九年义务教育巩固率～～96%～～【更正为：97%】。【修改意见2：巩固率按2021年12月统计口径，原为96%。】\n指标\t2020年\t2025年\n~~普惠性幼儿园覆盖率（%）~~\t~~80~~\t~~85~~\n高中阶段教育毛入学率（%）\t91.5\t[插入：≥95]\n", [(PRE, 2025, ">=", 94.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), ("upper_secondary_gross_enrollment_rate", 2020, "=", 91.5, None, "level"), ("upper_secondary_gross_enrollment_rate", 2025, ">=", 95.0, None, "level")]),
    # HTML deletions and insertions (<del>, <s>, <ins>); a deleted clause with its value
    ("<p>到2025年，普惠性幼儿园覆盖率达到<del>85%</del><ins>88%</ins>，<s>“双师型”教师占比达到50%，</s>九年义务教育巩固率达到96.5%。</p>", [(INC, 2025, "=", 88.0, None, "level"), (CONS, 2025, "=", 96.5, None, "level")]),
    # pandoc's spans (--track-changes=all): a deletion, an insertion with a word after it,
    # a comment holding numbers around an unchanged value, a table cell inserted
    (PANDOC_CHANGES, [(PRE, 2025, ">=", 93.0, None, "level"), (CONS, 2025, "=", 97.2, None, "level"), (INC, 2020, "=", 86.0, None, "level"), (INC, 2025, "=", 90.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TRACKED_CHANGES)
def test_tracked_changes_leave_the_final_text(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_numbers_in_tracked_deletions_and_comments_are_ledgered_as_struck(extractor):
    result = extractor.extract(source(), clean(TRACKED_CHANGES[0][0]))
    got = {(r["quote"], r["disposition"], r["reason"]) for r in result.ledger}
    assert {g for g in got if g[1] in {"struck", "unaccounted"}} == {
        ("92", "struck", "deleted text"),
        ("96", "struck", "deleted text"),
        ("80", "struck", "deleted text"),
        ("85", "struck", "deleted text"),
        ("2", "struck", "a reviewer's comment"),
        ("96", "struck", "a reviewer's comment"),
        ("2021", "struck", "a reviewer's comment"),
        ("12", "struck", "a reviewer's comment"),
    }


# blind31 a1: a slide deck exported to text, key figures printed big on lines of their own
SLIDE_FIGURES = [
    # figure over label, a slide title "section｜subtitle" saying what the slide reviews or
    # sets; a label with words before the codebook's phrase; a bracketed note under a label
    ("第二张\n成效回顾｜普及程度\n88.2%\n学前三年毛入园率\n3.1万个\n五年新增学位\n第三张\n发展目标｜2025年\n≥93%\n学前三年毛入园率\n（2020年：88.2%）\n2,400名\n全市公开招聘教师\n", [(PRE, 2020, "=", 88.2, None, "level"), (PRE, 2020, "=", 88.2, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), ("school_places_added", 2020, "=", 31000.0, None, "cumulative"), ("teachers_recruited", 2025, "=", 2400.0, None, "cumulative")]),
    # label over figure; a shortage is no target
    ("发展目标｜义务教育\n九年义务教育巩固率\n97%\n普惠性幼儿园覆盖率\n90%以上\n城区学位缺口\n1.5万个\n", [(CONS, 2025, "=", 97.0, None, "level"), (INC, 2025, ">=", 90.0, None, "level")]),
    # a label and its figures on one line, one record a line
    ("关键指标（2020年→2025年）\n学前三年毛入园率　87.5% → 92%\n普惠性幼儿园覆盖率　80% → ≥88%\n九年义务教育巩固率　95.6% → 96.5%\n", [(PRE, 2020, "=", 87.5, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), (INC, 2020, "=", 80.0, None, "level"), (INC, 2025, ">=", 88.0, None, "level"), (CONS, 2020, "=", 95.6, None, "level"), (CONS, 2025, "=", 96.5, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SLIDE_FIGURES)
def test_slide_figures_are_read_with_their_own_labels(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# blind31 a3: a bilingual plan's table, each cell's Chinese followed by its English
BILINGUAL_TABLES = [
    ("指标 Indicator\t单位 Unit\t基期值 2020年 / 2020\t目标值 2025年 / 2025\n学前三年毛入园率 Preschool gross enrolment rate\t% \t89.5\t≥93\n“双师型”教师占比 Share of dual-qualified teachers\t%\t50.2\t60\n", [(PRE, 2020, "=", 89.5, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), ("dual_qualified_teacher_share", 2020, "=", 50.2, None, "level"), ("dual_qualified_teacher_share", 2025, "=", 60.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), BILINGUAL_TABLES)
def test_bilingual_table_cells_are_read_by_their_chinese(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# blind32 b2: a progress dashboard's cards, values by role on one line between bars
DASHBOARD_CARDS = [
    ("【3】学前三年毛入园率（%）｜责任处室：学前教育科\n基准值：88.1 ｜ 规划值：≥93 ｜ 监测值：90.4\n进度条 ▇▇▇▇▇░░░░░ 48%\n【4】新增学位（个）｜责任处室：规划科\n基准值 — ｜ 规划值 12,000 ｜ 监测值 7,350\n", [(PRE, 2020, "=", 88.1, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), (PRE, 2023, "=", 90.4, None, "level"), ("school_places_added", 2025, "=", 12000.0, None, "cumulative"), ("school_places_added", 2023, "=", 7350.0, None, "cumulative")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DASHBOARD_CARDS)
def test_dashboard_cards_are_read_by_role(extractor, text, expected):
    title = "某市教育事业发展规划实施监测报告（2023年）"
    assert observed(extractor, text, title=title) == sorted(expected)


# blind33 c6: a WeChat article: sections framed by rules, emoji as bullets, keycap item
# numbers, decoration between a name and its value, a "5个数字" box of figure and label
EMOJI_ARTICLE = [
    ("📣 快来看！\n\n═══════════\n🔙 回望过去五年（2020年）\n═══════════\n🧒 学前三年毛入园率89.1%\n👨‍🏫 招聘教师3,200名\n\n═══════════\n🎯 今后五年目标\n═══════════\n1️⃣ 学前教育\n🌈 学前三年毛入园率：89.1% ➡️ 94%\n✨ 普惠性幼儿园覆盖率 ⬆️ 92%\n🔟 师资：招聘教师4,000名👍\n", [(PRE, 2020, "=", 89.1, None, "level"), (PRE, 2020, "=", 89.1, None, "level"), (PRE, 2025, "=", 94.0, None, "level"), (INC, 2025, "=", 92.0, None, "level"), ("teachers_recruited", 2020, "=", 3200.0, None, "cumulative"), ("teachers_recruited", 2025, "=", 4000.0, None, "cumulative")]),
    # figure, two spaces, label: each on its own numbered line
    ("─────\n📌 记住这几个数\n─────\n2️⃣ 6.5万个  全市新增学位\n3️⃣ 180亿元  “十四五”教育计划投资\n", [("school_places_added", 2025, "=", 65000.0, None, "cumulative"), ("education_investment", 2025, "=", 18000000000.0, None, "cumulative")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), EMOJI_ARTICLE)
def test_emoji_articles_are_read_by_their_sections_and_bullets(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# a share of counties with an aside after "县"; a year before a comma-led (1)(2) list
SHARE_AND_LIST_YEARS = [
    ("到2025年，35%的县（市、区）通过义务教育优质均衡发展国家督导评估。", [("quality_balanced_county_share", 2025, "=", 35.0, None, "level")]),
    ("到2023年，作为阶段目标，（1）普惠性幼儿园覆盖率达到88%；（2）“双师型”教师占比达到56%。", [(INC, 2023, "=", 88.0, None, "level"), ("dual_qualified_teacher_share", 2023, "=", 56.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SHARE_AND_LIST_YEARS)
def test_county_shares_and_list_years(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# blind33 c2: tables pasted into a web editor, every row run together on one line
RUN_TOGETHER_TABLES = [
    # row numbers first, a unit column, a note after the last row
    ("附表 主要发展指标 序号 指标名称 单位 2020年基期 2025年目标 1 学前三年毛入园率 % 87.3 ≥93 2 九年义务教育巩固率 % 95.8 97 3 普惠性幼儿园覆盖率 % 80.1 — 说明：带≥的为底线目标。", [(PRE, 2020, "=", 87.3, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), (CONS, 2020, "=", 95.8, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), (INC, 2020, "=", 80.1, None, "level")]),
    # years as the only header words after the name's, no unit column
    ("主要指标如下 类别 2020 2022 2025 学前三年毛入园率（%） 90.2 91.5 94 九年义务教育巩固率（%） 96.1 96.6 97.2 “双师型”教师占比（%） 51 55 60", [(PRE, 2020, "=", 90.2, None, "level"), (PRE, 2022, "=", 91.5, None, "level"), (PRE, 2025, "=", 94.0, None, "level"), (CONS, 2020, "=", 96.1, None, "level"), (CONS, 2022, "=", 96.6, None, "level"), (CONS, 2025, "=", 97.2, None, "level"), ("dual_qualified_teacher_share", 2020, "=", 51.0, None, "level"), ("dual_qualified_teacher_share", 2022, "=", 55.0, None, "level"), ("dual_qualified_teacher_share", 2025, "=", 60.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), RUN_TOGETHER_TABLES)
def test_tables_run_together_on_one_line_are_read(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_prose_a_web_editor_left_with_many_spaces_is_no_table(extractor):
    text = "全市 学前三年毛入园率 达到 95% 以上 九年义务教育巩固率 达到 97% 普惠性幼儿园覆盖率 达到 90% 左右"
    result = extractor.extract(source(), clean(text))
    assert result.unread_tables == [] and not any(o.method == "table" for o in result.observations)


# other areas, parts and shares in prose (blind33 c2)
PROSE_PARTS_AND_SHARES = [
    # two named districts listed: their values are theirs, whatever their names end in
    ("2020年，全市九年义务教育巩固率96.5%，其中鹤城区、青山区九年义务教育巩固率分别为98.9%和98.2%。", [(CONS, 2020, "=", 96.5, None, "level")]),
    # a sentence opening on 其中 names parts of the total stated before it
    ("“十四五”期间计划投资62亿元。其中县本级计划投资18亿元；乡镇计划投资44亿元。", [("education_investment", 2025, "=", 6200000000.0, None, "cumulative")]),
    # an amount, then its share of a whole in the next clause
    ("到2025年，财政性教育经费支出达到60亿元，占地区生产总值的4.2%。", [("education_fiscal_expenditure", 2025, "=", 6000000000.0, None, "level"), ("education_gdp_share", 2025, "=", 4.2, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PROSE_PARTS_AND_SHARES)
def test_prose_parts_other_areas_and_shares(extractor, text, expected):
    assert observed(extractor, text, city="松岭市") == sorted(expected)


# blind33 c5: a table pasted from a spreadsheet with its residue
SPREADSHEET_RESIDUE = [
    # error values and formulas state nothing; E-notation is its number; with residue in
    # the table, fractions in a "%" row are percent-formatted cells' raw values
    ("指标名称|单位|2020年|2025年|变化\n普惠性幼儿园覆盖率|%|0.813|0.9|=D2-C2\n学前三年毛入园率|%|88.50|#VALUE!|#VALUE!\n义务教育在校生|人|9.6E+03|1.05E+04|=AVERAGE(C4:D4)\n", [(INC, 2020, "=", 81.3, None, "level"), (INC, 2025, "=", 90.0, None, "level"), (PRE, 2020, "=", 88.5, None, "level"), ("compulsory_enrollment", 2020, "=", 9600.0, None, "level"), ("compulsory_enrollment", 2025, "=", 10500.0, None, "level")]),
    # no residue: a small percentage is what it says
    ("指标名称|单位|2020年|2025年\n辍学率|%|0.35|0.2\n学前三年毛入园率|%|88.5|93\n", [("dropout_rate", 2020, "=", 0.35, None, "level"), ("dropout_rate", 2025, "=", 0.2, None, "level"), (PRE, 2020, "=", 88.5, None, "level"), (PRE, 2025, "=", 93.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SPREADSHEET_RESIDUE)
def test_spreadsheet_residue_is_read_as_the_spreadsheet_meant(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_spreadsheet_residue_and_slashed_dates_are_ledgered(extractor):
    text = SPREADSHEET_RESIDUE[0][0] + "填表日期：2022/3/8\n"
    result = extractor.extract(source(), clean(text))
    got = {(row["quote"], row["disposition"]) for row in result.ledger}
    assert ("=D2-C2", "spreadsheet_residue") in got
    assert ("=AVERAGE(C4:D4)", "spreadsheet_residue") in got
    assert {("2022", "date"), ("3", "date"), ("8", "date")} <= got
    assert not [row for row in result.ledger if row["disposition"] == "unaccounted"]


# blind33 c1: an annual plan's task ledger, the year's target and checkpoints inside the year
TASK_LEDGER = [
    ("任务清单\n序号\t指标\t年度目标\t上半年\t下半年\t牵头科室\n1\t普惠性幼儿园覆盖率（%）\t≥91\t88%\t完成\t学前科\n2\t新增学位（个）\t1500\t600\t1500\t计财科\n3\t招聘教师（名）\t260\t—\t260\t人事科\n", [(INC, 2024, ">=", 91.0, None, "level"), ("school_places_added", 2024, "=", 1500.0, None, "cumulative"), ("teachers_recruited", 2024, "=", 260.0, None, "cumulative")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TASK_LEDGER)
def test_task_ledgers_give_the_years_target_and_ledger_checkpoints(extractor, text, expected):
    kw = {"document_type": "annual_work_plan", "start": 2024, "end": 2024, "baseline": 2023}
    assert observed(extractor, text, **kw) == sorted(expected)
    result = extractor.extract(source(**kw), clean(text))
    checkpoints = [r["quote"] for r in result.ledger if r["disposition"] == "milestone"]
    assert checkpoints == ["88%", "600", "1500", "260"]


def test_an_aside_in_brackets_inside_a_phrase(extractor):
    text = "2023年，县职教中心（本县唯一一所中职学校）在校生3,150人，学前三年（3至6岁）毛入园率为92.4%。"
    assert observed(extractor, text) == [
        (PRE, 2023, "=", 92.4, None, "level"),
        ("secondary_vocational_enrollment", 2023, "=", 3150.0, None, "level"),
    ]
    # a school of no codebook name whose aside names its kind
    text = "2020年，市职业技术学院附属中专（全市唯一的中等职业学校）在校生2,480人。"
    assert observed(extractor, text) == [
        ("secondary_vocational_enrollment", 2020, "=", 2480.0, None, "level"),
    ]


# blind34 d2: a bilingual plan of an autonomous prefecture, each paragraph again in another
# script with the same digits (here Kazakh in Cyrillic and Tibetan), a bilingual table header
BILINGUAL_SCRIPTS = [
    ("一、发展基础\nБірінші, даму негізі\n2020年，全州学前三年毛入园率为93.4%。\n2020 жылы облыс бойынша мектепке дейінгі үш жылдық қамту 93.4% болды.\n二、主要目标\nགཉིས་པ། དམིགས་ཡུལ་གཙོ་བོ།\n到2025年，学前三年毛入园率达到96%。\n2025 ལོར་སློབ་གྲྭའི་སྔོན་གྱི་ལོ་གསུམ་ 96% ལ་སླེབས་རྒྱུ།\n| 指标 Көрсеткіш | 2020年 2020 жыл | 2025年 2025 жыл |\n|---|---|---|\n| 九年义务教育巩固率（%） | 95.2 | 97 |\n", [(PRE, 2020, "=", 93.4, None, "level"), (PRE, 2025, "=", 96.0, None, "level"), (CONS, 2020, "=", 95.2, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
    # Korean: each paragraph again in Hangul, a bilingual header, a bilingual caption
    ("二、主要目标 2. 주요목표\n到2025年，普惠性幼儿园覆盖率达到92%以上，新增学位1,800个。\n2025년까지 보혜성 유치원 커버률은 92% 이상에 달하고 학위 1,800개를 새로 늘린다.\n表2 主要指标 표2 주요지표\n| 指标 지표 | 2020年 2020년 | 2025年 2025년 |\n|---|---|---|\n| 九年义务教育巩固率（%） | 96.1 | 97.5 |\n", [("inclusive_kindergarten_coverage", 2025, ">=", 92.0, None, "level"), ("school_places_added", 2025, "=", 1800.0, None, "cumulative"), (CONS, 2020, "=", 96.1, None, "level"), (CONS, 2025, "=", 97.5, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), BILINGUAL_SCRIPTS)
def test_translations_in_another_script_are_left_out(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
    result = extractor.extract(source(), clean(text))
    # every number of a line with no Chinese character is the translation's
    lines = text.split("\n")
    foreign = [r for r in result.ledger if not re.search("[\u4e00-\u9fff]", lines[r["line"] - 1])]
    assert len(foreign) >= 3 and {r["disposition"] for r in foreign} == {"translation"}
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


# blind35 e3: two-level targets. A year cell spanning two sub-columns ("2025年" over
# "基本目标 | 奋斗目标") leaves a blank header cell once flattened; both levels are values of
# that year, the higher one qualified. In prose a bracketed second level follows its own
# value ("幼儿园20所（力争25所）").
TWO_LEVEL_TARGETS = [
    ("| 指标 | 2020年 | 2025年 | |\n| | | 基本目标 | 奋斗目标 |\n|---|---|---|---|\n| 学前三年毛入园率（%） | 87.2 | ≥92 | 95 |\n| 新增学位（个） | — | 6000 | 8000 |\n", [(PRE, 2020, "=", 87.2, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level"), ("school_places_added", 2025, "=", 6000.0, None, "cumulative"), ("school_places_added", 2025, "=", 8000.0, None, "cumulative")]),
    # a sub-column named 其中… is a part of the column beside it, not a second level
    ("| 指标 | 2020年 | |\n| | 全县 | 其中农村 |\n|---|---|---|\n| 学前三年毛入园率（%） | 87.2 | 80.1 |\n", [(PRE, 2020, "=", 87.2, None, "level")]),
    ("到2025年，新建公办幼儿园20所（力争25所），学前三年毛入园率达到92%，力争达到95%。", [("new_public_kindergartens", 2025, "=", 20.0, None, "cumulative"), ("new_public_kindergartens", 2025, "=", 25.0, None, "cumulative"), (PRE, 2025, "=", 92.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TWO_LEVEL_TARGETS)
def test_both_levels_of_a_two_level_target_are_read(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_second_level_column_is_qualified(extractor):
    result = extractor.extract(source(), clean(TWO_LEVEL_TARGETS[0][0]))
    notes = {(o.value, o.note) for o in result.observations if o.year == 2025}
    assert (95.0, "qualified by 力争") in notes and (8000.0, "qualified by 力争") in notes
    assert (92.0, "qualified by 力争") not in notes


# blind35 e4: what a total includes or leaves out (含…, 不含…) and a note opening on 其中
# are parts; a part that names another indicator ("学校…（含幼儿园N所）") stays a value
INCLUDED_PARTS = [
    ("2020年，全区各级各类学校数不含教学点14个，含民办学校9所；普通高中在校生含复读生420人。", [], ["14个", "420人"]),
    ("2020年，全区共有学校188所（含幼儿园71所），“十三五”新增学位含幼儿园学位2,200个。", [("school_count", 2020, "=", 188.0, None, "level"), ("kindergarten_count", 2020, "=", 71.0, None, "level")], ["2,200个"]),
    ("“十四五”期间新增学位9,500个[注4]。\n注释：\n[4] 其中城区新增学位5,100个。", [("school_places_added", 2025, "=", 9500.0, None, "cumulative")], ["5,100个"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "parts"), INCLUDED_PARTS)
def test_what_a_total_includes_is_a_part(extractor, text, expected, parts):
    assert observed(extractor, text) == sorted(expected)
    result = extractor.extract(source(), clean(text))
    got = [r["quote"] for r in result.ledger if r["disposition"] == "part_of_total"]
    assert got == parts


# blind35 e3: some of the plan's counties, counted ("3个乡镇的…"), own the value
def test_a_counted_few_of_the_plans_areas_own_their_value(extractor):
    text = "当前仍有3个乡镇的学前三年毛入园率低于80%。到2025年，学前三年毛入园率达到93%。"
    assert observed(extractor, text) == [(PRE, 2025, "=", 93.0, None, "level")]
    result = extractor.extract(source(), clean(text))
    assert [r["quote"] for r in result.ledger if r["disposition"] == "other_area"] == ["80%"]


# blind13 u3 with the phrase's alias: a phrase whose value stands before it is not one of
# the names a later 分别 pairs with values
def test_a_phrase_with_its_value_before_it_is_not_counted_by_a_later_list(extractor):
    text = "实现100%的农村学校班班通，城镇学校学生、农村学校学生建立个人网络学习空间的比例分别达到98%和90%。"
    assert observed(extractor, text) == [
        ("rural_school_multimedia_classroom_share", 2025, "=", 100.0, None, "level"),
        ("rural_student_online_learning_space_share", 2025, "=", 90.0, None, "level"),
        ("urban_student_online_learning_space_share", 2025, "=", 98.0, None, "level"),
    ]


# blind35 e5: a plan bound with a survey. The survey section's values are where things
# stood when it was held (the first year its text names); shares of respondents and the
# values defining a group are not indicator values; 条 counts comments, not places.
SURVEY_SECTION = "三、家长问卷调查结果\n（一）基本情况。本次问卷于2022年5月发放，回收有效问卷4,210份。\n（二）主要结论。“双减”工作家长学生满意度为89.7%；每天校内体育活动时间达到1小时的占71.2%；认为普惠性幼儿园覆盖率仍需提高的家长占46.5%；收到意见建议612条，其中学位建设类208条。\n四、发展目标\n到2025年，“双减”工作家长学生满意度达到95%以上。\n"


def test_a_survey_sections_values_are_dated_by_the_survey(extractor):
    assert observed(extractor, SURVEY_SECTION) == [
        ("parent_student_satisfaction_rate", 2022, "=", 89.7, None, "level"),
        ("parent_student_satisfaction_rate", 2025, ">=", 95.0, None, "level"),
    ]
    result = extractor.extract(source(), clean(SURVEY_SECTION))
    why = {r["quote"]: r["disposition"] for r in result.ledger}
    assert why["46.5%"] == "context_statistic"
    assert why["1小时"] == "no_indicator" and why["208条"] == "no_indicator"


# blind35 e6: a change from the phrase's own value, year by year, then the target
def test_a_yearly_change_from_the_phrases_own_value(extractor):
    text = "普惠性幼儿园覆盖率在2020年84.5%的基础上逐年提高1个百分点，2025年达到90%以上。"
    assert observed(extractor, text) == [
        (INC, 2020, "=", 84.5, None, "level"),
        (INC, 2025, "=", 1.0, None, "increase"),
        (INC, 2025, ">=", 90.0, None, "level"),
    ]


# blind35 e6: an annex of streets' tasks under a titled line, each street then its number;
# a part of the period's schools said with a year (其中2022年…等3所学校) is a part
def test_streets_tasks_and_dated_parts_are_not_the_plans_values(extractor):
    text = "到2025年，全区新建中小学校9所，其中2022年开工建设东城小学、西城中学等3所学校。\n附：各街道新增学位任务\n东湖街道1,600个；西山街道2,400个。"
    assert observed(extractor, text, city="云岭区") == [
        ("new_schools_built", 2025, "=", 9.0, None, "cumulative"),
    ]


# blind36 f4: comparators held outside the value. A 比较 column gives the target cell its
# comparator, a header's bracket gives its column one ("目标值（≤）"), a caption naming the
# plan's period dates a lone target column; a lead-in "不低于括号内数值" governs the
# bracketed values after it; "其中，" picks one of the rates listed before (no part).
OUTSIDE_COMPARATORS = [
    ("| 指标 | 2020年 | 2025年 | 比较 |\n|---|---|---|---|\n| 学前三年毛入园率（%） | 88.1 | 94 | ≥ |\n| 普惠性幼儿园覆盖率（%） | 83.0 | 90 | 约 |\n| 辍学率（%） | 0.3 | 0.1 | 以下 |\n", [(PRE, 2020, "=", 88.1, None, "level"), (PRE, 2025, ">=", 94.0, None, "level"), (INC, 2020, "=", 83.0, None, "level"), (INC, 2025, "~", 90.0, None, "level"), ("dropout_rate", 2020, "=", 0.3, None, "level"), ("dropout_rate", 2025, "<=", 0.1, None, "level")]),
    ("表3　“十四五”建设任务\n\n| 序号 | 任务 | 单位 | 目标值（≥） |\n|---|---|---|---|\n| 1 | 新增学位 | 个 | 7200 |\n| 2 | 招聘教师 | 名 | 900左右 |\n", [("school_places_added", 2025, ">=", 7200.0, None, "cumulative"), ("teachers_recruited", 2025, "~", 900.0, None, "cumulative")]),
    ("到2025年，下列指标不低于括号内数值：学前三年毛入园率（93%）、普惠性幼儿园覆盖率（约91%）。辍学率控制在括号内数值以内（0.2%）。", [(PRE, 2025, ">=", 93.0, None, "level"), (INC, 2025, "~", 91.0, None, "level"), ("dropout_rate", 2025, "<=", 0.2, None, "level")]),
    ("一、发展基础\n2020年，学前三年毛入园率为88.1%，普惠性幼儿园覆盖率为83%。其中，学前三年毛入园率比2015年提高6.5个百分点。", [(PRE, 2020, "=", 88.1, None, "level"), (PRE, 2020, "=", 6.5, None, "increase"), (INC, 2020, "=", 83.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), OUTSIDE_COMPARATORS)
def test_comparators_held_outside_the_value(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_review_sentences_opening_year_governs_its_clauses_and_a_later_dang_nian(extractor):
    """ "2022年全区共有…；在园幼儿…。当年新增…": a review sentence opening on its year dates
    the clauses after its semicolons and a later sentence opening on 当年/全年; a sentence
    opening on a year that names no value (an event) dates nothing after its full stop."""
    text = (
        "一、发展基础\n2022年全区共有幼儿园41所；在园幼儿9,800人，专任教师1,150人。"
        "当年新增学位1,200个。\n"
        "2019年全区通过国家义务教育基本均衡发展评估认定。九年义务教育巩固率为95.1%；"
        "残疾儿童少年入学率达到92%。\n二、发展目标\n到2025年，九年义务教育巩固率达到97%。"
    )
    assert observed(extractor, text) == sorted(
        [
            ("kindergarten_count", 2022, "=", 41.0, None, "level"),
            ("kindergarten_enrollment", 2022, "=", 9800.0, None, "level"),
            ("full_time_teacher_count", 2022, "=", 1150.0, None, "level"),
            ("school_places_added", 2022, "=", 1200.0, None, "cumulative"),
            ("compulsory_consolidation_rate", 2020, "=", 95.1, None, "level"),
            ("disabled_children_compulsory_enrollment_rate", 2020, "=", 92.0, None, "level"),
            ("compulsory_consolidation_rate", 2025, "=", 97.0, None, "level"),
        ]
    )


# blind37 g6: a roundup of several areas' plans, each under a title naming it; the plan's
# own area is one section. Other sections' values, the province's, and counts of areas are
# not the plan's; a table with one row per area gives the own row.
ROUNDUP = (
    "各县区“十四五”教育规划速览\n\n"
    "全市规划提出，到2025年全市学前三年毛入园率达到93%以上，九年义务教育巩固率达到97%。\n\n"
    "棠溪：学位建设提速\n\n棠溪区辖4个街道、3个乡镇。棠溪区规划提出，五年新增学位1.8万个，"
    "学前三年毛入园率达到96%。\n\n"
    "栖霞、桐湾：山区县补师资\n\n栖霞县提出招聘教师600名；桐湾县提出新建公办幼儿园12所。\n\n"
    "岚桥：普惠优先\n\n据《岚桥县“十四五”教育发展规划》（岚政发〔2021〕8号），2020年岚桥全县共有"
    "幼儿园86所；在园幼儿1.9万人。“十三五”时期，学前三年毛入园率达到90.2%；普惠性幼儿园覆盖率"
    "84.5%。五年累计新增学位6,200个。到2025年，岚桥学前三年毛入园率达到95%，新增学位8,000个。\n\n"
    "综述：共性目标\n\n记者注意到，9个县区中，有6个把学前三年毛入园率目标定在95%以上；"
    "新增学位超过1万个的有2个县区；全市仍有约两成乡镇普惠性幼儿园覆盖率低于80%。\n\n"
    "| 县区 | 学前三年毛入园率（%） | 新增学位（万个） |\n|---|---|---|\n"
    "| 棠溪区 | 96 | 1.8 |\n| 岚桥县 | 95 | 0.8 |\n| 栖霞县 | 94 | 0.5 |\n| 桐湾县 | 93 | 0.3 |\n"
)


def test_a_roundups_other_sections_are_other_areas(extractor):
    result = extractor.extract(source(city="岚桥县"), clean(ROUNDUP))
    rows = observation_rows(result)
    assert rows == sorted(
        [
            ("kindergarten_count", 2020, "=", 86.0, None, "level"),
            ("kindergarten_enrollment", 2020, "=", 19000.0, None, "level"),
            (PRE, 2020, "=", 90.2, None, "level"),
            ("inclusive_kindergarten_coverage", 2020, "=", 84.5, None, "level"),
            ("school_places_added", 2020, "=", 6200.0, None, "cumulative"),
            (PRE, 2025, "=", 95.0, None, "level"),
            ("school_places_added", 2025, "=", 8000.0, None, "cumulative"),
            # the table's own row
            (PRE, 2020, "=", 95.0, None, "level"),
            ("school_places_added", 2020, "=", 8000.0, None, "cumulative"),
        ]
    )
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_an_excerpted_project_list_states_no_totals(extractor):
    # "（摘要）": a selection of the projects, whose amounts are parts of a larger total
    text = (
        "附件2：2023年城区学位建设项目（摘要）\n| 序号 | 项目名称 | 新增学位（个） | 计划投资（万元） |\n"
        "|---|---|---|---|\n| 1 | 北湖小学 | 1,620 | 12,400 |\n| 2 | 南溪幼儿园 | 270 | 2,600 |\n"
    )
    result = extractor.extract(source(), clean(text))
    assert result.observations == []
    parts = sorted(r["quote"] for r in result.ledger if r["disposition"] == "part_of_total")
    assert parts == ["1,620", "12,400", "2,600", "270"]


def test_a_headerless_project_lists_amounts_and_numbers_are_accounted_for(extractor):
    text = PROJECT_TABLES[-1][0]
    result = extractor.extract(source(), clean(text))
    at = {r["quote"]: r["disposition"] for r in result.ledger}
    assert at["1.8亿元"] == at["2.2亿元"] == "no_indicator"
    assert at["2."] == "section_number"  # the second item's number
    assert "unaccounted" not in at.values()


def test_pandoc_change_marks_are_markup_and_its_deletions_struck(extractor):
    result = extractor.extract(source(), clean(PANDOC_CHANGES))
    got = {(r["quote"], r["disposition"]) for r in result.ledger}
    assert ("92", "struck") in got and ("96.8", "struck") in got
    # an insertion's date and a comment end's id are markup (a deletion's date is struck)
    assert ("2022", "markup") in got and ("3", "markup") in got
    assert not [g for g in got if g[1] == "unaccounted"]
