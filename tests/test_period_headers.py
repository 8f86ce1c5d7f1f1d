"""Header cells that name a five-year plan's end in words (grid_headers.header_year)."""

import pytest

from analysis.extraction.grid_headers import header_year
from tests.test_extraction import observed


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("“十三五”末", 2020),
        ("“十四五”期末目标值", 2025),
        ("“十三五”完成", 2020),
        ("十三五时期完成值", 2020),
        ("“十四五”目标", 2025),
        ("“十四五”规划目标", 2025),
        ("十二五实际值", 2015),
        # a total over the period is its own column kind (period_total_year), and a
        # bare period or one followed by other words is no year of a header
        ("“十四五”累计", None),
        ("“十四五”", None),
        ("“十四五”重点任务", None),
    ],
)
def test_a_header_naming_a_plans_end_in_words(text, year):
    assert header_year(text) == year


def test_a_table_of_what_one_period_did_and_the_next_aims_at(extractor):
    text = (
        "项目                      “十三五”完成      “十四五”目标\n"
        "招聘教师（名）              5,200              6,000\n"
        "培训教师（万人次）          12.5               15\n"
    )
    assert observed(extractor, text) == [
        ("teacher_training_person_times", 2020, "=", 125000.0, None, "cumulative"),
        ("teacher_training_person_times", 2025, "=", 150000.0, None, "cumulative"),
        ("teachers_recruited", 2020, "=", 5200.0, None, "cumulative"),
        ("teachers_recruited", 2025, "=", 6000.0, None, "cumulative"),
    ]


def test_a_bare_period_beside_years_is_dated_by_its_end(extractor):
    """ "十三五" over a column beside 2021 and 2022: the last period's total; alone (the
    parametrised case above) it names no year."""
    text = (
        "类别          十三五     2021     2022    十四五目标\n"
        "招聘教师（名）  4,800      1,050    990     5,000\n"
    )
    assert observed(extractor, text) == [
        ("teachers_recruited", 2020, "=", 4800.0, None, "cumulative"),
        ("teachers_recruited", 2021, "=", 1050.0, None, "cumulative"),
        ("teachers_recruited", 2022, "=", 990.0, None, "cumulative"),
        ("teachers_recruited", 2025, "=", 5000.0, None, "cumulative"),
    ]
