"""Tables whose columns a rule of dash runs draws (pandoc's multiline and simple tables;
analysis/extraction/dash_rule_tables.py)."""

from __future__ import annotations

from analysis.extraction.dash_rule_tables import read_dash_rule_tables
from tests.test_extraction import observed

PRE, HIGH = "preschool_gross_enrollment_rate", "upper_secondary_gross_enrollment_rate"
TEACH = "teachers_recruited"

# multiline: rows over several lines, blank lines between them, a category column, a
# value run on under its column ("1,800" over "左右"), the caption after the table
_MULTILINE = """主要指标如下。

  --------------------------------------------------------
  领域     指标名称                 基期2020年 目标2025年
  -------- ------------------------ ---------- ----------
  学前     学前三年毛入园率（%）          90.2        ≥93

  高中     高中阶段教育毛入学率           92.5        ≥95
           （%）

  教师     “十四五”期间招聘教师             —      1,800
           （名）                                  左右
  --------------------------------------------------------

  : 表1　主要指标

一、主要任务
"""

# simple: a row a line, ending at a blank line; the caption before it
_SIMPLE = """Table: 表2 分年度目标

  年度     学前三年毛入园率（%）  高中阶段教育毛入学率（%）
  ------   ---------------------  -------------------------
  2023年                    91.5                       93.6
  2025年                    93.0                       95.0

以上目标按年度分解。
"""


def test_a_multiline_table(extractor):
    assert observed(extractor, _MULTILINE) == [
        (PRE, 2020, "=", 90.2, None, "level"),
        (PRE, 2025, ">=", 93.0, None, "level"),
        (TEACH, 2025, "~", 1800.0, None, "cumulative"),
        (HIGH, 2020, "=", 92.5, None, "level"),
        (HIGH, 2025, ">=", 95.0, None, "level"),
    ]
    (grid,) = read_dash_rule_tables(_MULTILINE)
    assert grid.caption == "表1 主要指标"
    assert [c.text for c in grid.rows[2]] == ["高中", "高中阶段教育毛入学率(%)", "92.5", "≥95"]


def test_a_simple_table(extractor):
    assert observed(extractor, _SIMPLE) == [
        (PRE, 2023, "=", 91.5, None, "level"),
        (PRE, 2025, "=", 93.0, None, "level"),
        (HIGH, 2023, "=", 93.6, None, "level"),
        (HIGH, 2025, "=", 95.0, None, "level"),
    ]
    (grid,) = read_dash_rule_tables(_SIMPLE)
    assert grid.caption == "表2 分年度目标"


def test_a_rule_without_a_header_or_body_is_no_table():
    assert read_dash_rule_tables("标题\n-----\n正文。\n") == []
    assert read_dash_rule_tables("\n  ------ ------\n\n正文。\n") == []
