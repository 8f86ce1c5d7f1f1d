"""The two table readers on small crafted tables."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.normalise import clean
from analysis.rules import load_rules
from analysis.tables import read_tables


@pytest.fixture(scope="module")
def rules():
    return load_rules(paths.EXTRACTION_RULES_YAML)


def cells(text, rules):
    view = clean(text).lines
    out = []
    for table in read_tables(view.text, rules):
        for c in table.cells:
            out.append((c.category, c.name, c.unit_cell, c.year, c.text, c.attribute))
            assert view.text[c.span[0] : c.span[1]] == c.text
    return out


COLUMN_BLOCKS = """专栏 9 示例
指 标 单位 2020 年 2025 年 属性
教育普及
学前教育毛入园率
高中阶段教育毛入学率
%
%
90
91
95
96
预期性
约束性
人力资源开发
劳动年龄人口平均受教育年限 年 10.5 11 约束性
（二）其他。
"""


def test_column_blocks_flatten_back_to_rows(rules):
    assert cells(COLUMN_BLOCKS, rules) == [
        ("教育普及", "学前教育毛入园率", "%", 2020, "90", "expected"),
        ("教育普及", "高中阶段教育毛入学率", "%", 2020, "91", "binding"),
        ("教育普及", "学前教育毛入园率", "%", 2025, "95", "expected"),
        ("教育普及", "高中阶段教育毛入学率", "%", 2025, "96", "binding"),
        ("人力资源开发", "劳动年龄人口平均受教育年限", "年", 2020, "10.5", "binding"),
        ("人力资源开发", "劳动年龄人口平均受教育年限", "年", 2025, "11", "binding"),
    ]


def test_column_blocks_without_category_or_attribute(rules):
    text = "指 标 单 位 2015 年 2020 年\n在园幼儿数\n人\n100\n200\n正文继续。\n"
    assert cells(text, rules) == [
        (None, "在园幼儿数", "人", 2015, "100", None),
        (None, "在园幼儿数", "人", 2020, "200", None),
    ]


PIPE = """主要指标
指 标(单位:%) |
2020年 |
2022年 |
2025年 |
甲率/乙率 |
90/87.2 |
 |
>99/1 |
丙率 |
 |
 |
20 |
三、主要任务
"""


def test_pipe_rows_keep_packed_and_blank_cells(rules):
    assert cells(PIPE, rules) == [
        (None, "甲率/乙率", None, 2020, "90/87.2", None),
        (None, "甲率/乙率", None, 2022, "", None),
        (None, "甲率/乙率", None, 2025, ">99/1", None),
        (None, "丙率", None, 2020, "", None),
        (None, "丙率", None, 2022, "", None),
        (None, "丙率", None, 2025, "20", None),
    ]


def test_pipe_table_default_unit_comes_from_the_header(rules):
    view = clean(PIPE).lines
    (table,) = read_tables(view.text, rules)
    assert table.default_unit == "percent"
    assert table.caption == "主要指标"


def test_a_header_without_years_is_not_a_table(rules):
    assert cells("指标体系进一步完善。\n学前教育\n%\n90\n", rules) == []
