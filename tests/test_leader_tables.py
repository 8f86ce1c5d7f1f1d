"""Tables written as dotted-leader rows, "名称……值" (analysis/extraction/leader_tables.py):
the years in a header row or in the caption, values split by "/" or spaces, a row whose
values a hard wrap carried onto the next line; a table of contents is no table."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

PRE, CONS, HIGH, PLACES, YEARS = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "upper_secondary_gross_enrollment_rate",
    "school_places_added",
    "mean_schooling_years_working_age",
)

# middle dots, a header row of years, values split by spaces, a 2023 column
_HEADER_ROW = (
    "附表　主要指标\n"
    "指标名称··············2020年　2023年　2025年\n"
    "学前三年毛入园率（%）·········88.5　90　95以上\n"
    "高中阶段教育毛入学率（%）·····92.1　—　≥95\n"
    "说明：—表示不设中期目标。\n"
)
# ellipses, the years in the caption, "值/值" cells, a 万个 row, a row wrapped by a hard
# line width (its first value cut), and a page counter inside the table
_CAPTION_YEARS = (
    "表2　主要发展指标（2020年实际／2025年规划）\n"
    "九年义务教育巩固率（%）…………………………………………………………9\n"
    "5.2／97\n"
    "\n第 4 页 共 9 页\n\n"
    "新增中小学学位（万个）………………〔3.5〕／〔4〕\n"
    "劳动年龄人口平均受教育年限（年）……10.6／11.2\n"
)
# the caption wrapped over two lines; a row wrapped after its first value ("／≥93" below);
# a row whose leader wrapped too, then its first value
_WRAPPED_CAPTION = (
    "表3　县域教育主要指标（2020年基\n期值／2025年目标值）\n"
    "学前三年毛入园率（%）……89.4\n／≥93\n"
    "普惠性幼儿园覆盖率（%）……80／≥85\n"
    "高中阶段教育毛入学率（%）…………………………\n…………………9\n1.5／95\n"
)
# a table of contents: page numbers after the leaders, no year anywhere
_CONTENTS = (
    "目　录\n第一章　发展基础……………………1\n第二章　主要目标……………………5\n第三章　重点任务……………………9\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_HEADER_ROW, [(PRE, 2020, "=", 88.5, None, "level"), (PRE, 2023, "=", 90.0, None, "level"), (PRE, 2025, ">=", 95.0, None, "level"), (HIGH, 2020, "=", 92.1, None, "level"), (HIGH, 2025, ">=", 95.0, None, "level")]),
        (_CAPTION_YEARS, [(CONS, 2020, "=", 95.2, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), (PLACES, 2020, "=", 35000.0, None, "cumulative"), (PLACES, 2025, "=", 40000.0, None, "cumulative"), (YEARS, 2020, "=", 10.6, None, "level"), (YEARS, 2025, "=", 11.2, None, "level")]),
        (_WRAPPED_CAPTION, [(PRE, 2020, "=", 89.4, None, "level"), (PRE, 2025, ">=", 93.0, None, "level"), ("inclusive_kindergarten_coverage", 2020, "=", 80.0, None, "level"), ("inclusive_kindergarten_coverage", 2025, ">=", 85.0, None, "level"), (HIGH, 2020, "=", 91.5, None, "level"), (HIGH, 2025, "=", 95.0, None, "level")]),
        (_CONTENTS, []),
    ],
)  # fmt: skip
def test_dotted_leader_rows_are_a_table(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_wrapped_value_keeps_its_line_break_in_the_quote(extractor):
    from analysis.normalise import clean
    from tests.test_extraction import source

    result = extractor.extract(source(), clean(_CAPTION_YEARS))
    quotes = {o.quote for o in result.observations if o.indicator_id == CONS}
    assert quotes == {"9\n5.2", "97"}
