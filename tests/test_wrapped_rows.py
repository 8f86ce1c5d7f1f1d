"""PDF table rows wrapped over two lines (analysis/extraction/wrapped_rows.py)."""

from __future__ import annotations

import pytest

from analysis.extraction.table_readers import TextLines, read_delimited
from analysis.extraction.wrapped_rows import join_rows_wrapped_below
from analysis.normalise import clean
from tests.test_extraction import observed

PRE, COV, CONS, SEC, DUAL = (
    "preschool_gross_enrollment_rate",
    "inclusive_kindergarten_coverage",
    "compulsory_consolidation_rate",
    "secondary_vocational_enrollment",
    "dual_qualified_teacher_share",
)

# a letter-spaced name header; every row wrapped: a name alone above its unit and values,
# or a name cut in two with its values on the second line
_WRAPPED = (
    "附表 主要发展指标\n"
    "\n"
    "项    目                    单位     2020年     2025年\n"
    "学前教育毛入园率\n"
    "                            %        88.2       92\n"
    "普惠性幼儿\n"
    "园覆盖率                    %        79         ≥86\n"
    "九年义务教育\n"
    "巩固率                      %        95.1       96.5\n"
)
# the same table cut by a page: the first name after the break is not the next part's caption
_BROKEN = (
    _WRAPPED + "\n— 7 —\n\n某县教育发展规划\n"
    "中等职业学校\n"
    "在校生                      人       3,100      4,000\n"
    "“双师型”教\n"
    "师比例                      %        40.5       55\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_WRAPPED, [(PRE, 2020, "=", 88.2, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), (COV, 2020, "=", 79.0, None, "level"), (COV, 2025, ">=", 86.0, None, "level"), (CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 96.5, None, "level")]),
        (_BROKEN, [(PRE, 2020, "=", 88.2, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), (COV, 2020, "=", 79.0, None, "level"), (COV, 2025, ">=", 86.0, None, "level"), (CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 96.5, None, "level"), (SEC, 2020, "=", 3100.0, None, "level"), (SEC, 2025, "=", 4000.0, None, "level"), (DUAL, 2020, "=", 40.5, None, "level"), (DUAL, 2025, "=", 55.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_row_wrapped_over_two_lines_is_one_row(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# a category row heading more than one row stays a category (not joined to the first name)
_CATEGORIES = (
    "指标                    单位     2020年     2025年\n"
    "学前教育\n"
    "毛入园率                %        88.2       92\n"
    "普惠性幼儿园覆盖率      %        79         86\n"
)


def test_a_category_over_several_rows_is_not_a_wrapped_name(extractor):
    assert observed(extractor, _CATEGORIES) == sorted(
        [
            (PRE, 2020, "=", 88.2, None, "level"),
            (PRE, 2025, "=", 92.0, None, "level"),
            (COV, 2020, "=", 79.0, None, "level"),
            (COV, 2025, "=", 86.0, None, "level"),
        ]
    )


# a text browser's numbered table: the rest of each name (and of a value) on the lines
# under its row, the last row's after the table
_BELOW = """主要指标如下：

序号 指标           单位 2020年   2025年   属性
1    学前三年毛入   %    88.6     ≥92      预期性
     园率
2    残疾儿童少年   %    95.1     ≥97      预期性
     义务教育入学
     率
3    中等职业学校   人   4,120    4,500    预期性
     在校生                       左右
4    教育支出占一   %    18.4     ≥18      约束性
     般公共预算支
     出比例

三、主要任务
"""


def test_rows_wrapped_below_their_numbered_line(extractor):
    assert observed(extractor, _BELOW) == sorted(
        [
            (PRE, 2020, "=", 88.6, None, "level"),
            (PRE, 2025, ">=", 92.0, None, "level"),
            ("disabled_children_compulsory_enrollment_rate", 2020, "=", 95.1, None, "level"),
            ("disabled_children_compulsory_enrollment_rate", 2025, ">=", 97.0, None, "level"),
            ("secondary_vocational_enrollment", 2020, "=", 4120.0, None, "level"),
            ("secondary_vocational_enrollment", 2025, "~", 4500.0, None, "level"),
            ("education_budget_share", 2020, "=", 18.4, None, "level"),
            ("education_budget_share", 2025, ">=", 18.0, None, "level"),
        ]
    )


def test_a_table_not_wrapped_throughout_is_left_as_read():
    # a line starting in the numbers' column (a heading) under a row: no join anywhere
    text = _BELOW.replace("     园率", "义务教育")
    lines = TextLines(clean(text))
    grid = next(g for g in read_delimited(lines, []) if len(g.rows) > 4)
    assert join_rows_wrapped_below(grid, text) is None
    grid = next(g for g in read_delimited(TextLines(clean(_BELOW)), []) if len(g.rows) > 4)
    assert [c.text for c in join_rows_wrapped_below(grid, _BELOW).rows[-1]] == [
        "4",
        "教育支出占一般公共预算支出比例",
        "%",
        "18.4",
        "≥18",
        "约束性",
    ]
