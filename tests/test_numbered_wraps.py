"""Rows of a numbered, space-aligned table wrapped over two lines (OCR or PDF text of a
narrow name column): the number and the name's start on one line, the rest of the name
and the values on the next (the number is not repeated); or the values on the first line
and the rest of the name on the next, the start of the name naming another indicator
("…专任教师" is the teachers' count) until the rest completes it, also on the table's
last line."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

CONS, PRE, INC, YEARS, BACH = (
    "compulsory_consolidation_rate",
    "preschool_gross_enrollment_rate",
    "inclusive_kindergarten_coverage",
    "mean_schooling_years_working_age",
    "compulsory_teacher_bachelor_share",
)

TABLE = (
    "编号  指标                    单位   2020年   2025年   属性\n"
    "1     九年义务教育巩固率      %      95.1     96.5     约束性\n"
    "2     普惠性幼儿园覆盖\n"
    "      率                      %      80       85       约束性\n"
    "3     义务教育阶段专任教师    %      70.2     80       预期性\n"
    "      本科以上学历比例\n"
    "4     学前三年毛入园率        %      88       92       预期性\n"
    "5     劳动年龄人口平均受      年     10.1     10.8     约束性\n"
    "      教育年限\n"
    "\n"
    "全县教育事业发展取得新成效。\n"
)
ROWS = [
    (CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 96.5, None, "level"),
    (INC, 2020, "=", 80.0, None, "level"), (INC, 2025, "=", 85.0, None, "level"),
    (BACH, 2020, "=", 70.2, None, "level"), (BACH, 2025, "=", 80.0, None, "level"),
    (PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level"),
    (YEARS, 2020, "=", 10.1, None, "level"), (YEARS, 2025, "=", 10.8, None, "level"),
]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        TABLE,
        # the same with a dotted number and one space more before the continuation lines
        TABLE.replace("\n2     ", "\n2.    ").replace("\n      ", "\n       "),
    ],
)
def test_numbered_rows_wrapped_over_two_lines(extractor, text):
    assert observed(extractor, text) == sorted(ROWS)


def test_a_category_line_is_no_tail(extractor):
    # a line at the margin between numbered rows heads the rows below: no part of a name
    text = (
        "序号  指标                    单位   2020年   2025年\n"
        "学前教育\n"
        "1     学前三年毛入园率        %      88       92\n"
        "义务教育\n"
        "2     九年义务教育巩固率      %      95.1     96.5\n"
    )
    assert observed(extractor, text) == sorted(
        [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level"),
         (CONS, 2020, "=", 95.1, None, "level"), (CONS, 2025, "=", 96.5, None, "level")]
    )  # fmt: skip
