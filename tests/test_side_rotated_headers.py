"""A header of rotated cells printed side by side, each cell's characters down its column
(extraction/side_rotated_headers.py)."""

from __future__ import annotations

from tests.test_extraction import observed

# my own layout: no category column, units in the name, a header block with no blank line
# under it, and the target year printed bottom to top ("年目…5202" read upward)
TOP_DOWN = """附表　主要指标完成情况

                                  2       2       值
                                  0       0       标
  序                              2       2       目
  号  指　　标                    0       3       年
                                  年      年      5
                                                  2
                                                  0
                                                  2
  1   普惠性幼儿园覆盖率（%）     86.5    89.2    92
  2   高中阶段教育毛入学率（%）   92.0    93.4    95
  3   新增学位（个）              1200    1500    6000
"""

# two blocks of one-character lines with no year among them: left as they were
NO_YEARS = """  序     指     单     属
  号     标     位     性

  1   普惠性幼儿园覆盖率   %    预期性
  2   高中阶段教育毛入学率   %    约束性
"""


def test_a_side_by_side_rotated_header_names_the_columns(extractor):
    assert observed(extractor, TOP_DOWN) == [
        ("inclusive_kindergarten_coverage", 2020, "=", 86.5, None, "level"),
        ("inclusive_kindergarten_coverage", 2023, "=", 89.2, None, "level"),
        ("inclusive_kindergarten_coverage", 2025, "=", 92.0, None, "level"),
        ("school_places_added", 2020, "=", 1200.0, None, "cumulative"),
        ("school_places_added", 2023, "=", 1500.0, None, "cumulative"),
        ("school_places_added", 2025, "=", 6000.0, None, "cumulative"),
        ("upper_secondary_gross_enrollment_rate", 2020, "=", 92.0, None, "level"),
        ("upper_secondary_gross_enrollment_rate", 2023, "=", 93.4, None, "level"),
        ("upper_secondary_gross_enrollment_rate", 2025, "=", 95.0, None, "level"),
    ]


def test_a_stacked_block_without_years_reads_nothing(extractor):
    assert observed(extractor, NO_YEARS) == []
