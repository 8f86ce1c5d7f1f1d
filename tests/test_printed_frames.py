"""Tables a program printed as text (extraction/printed_frames.py, space_alignment.py): a
data frame's row index under an empty header cell, a header padded by len() so that its
Chinese words sit over their columns only when counted one a character, a header one word
short of the rows (nothing over the index), two-word headers apart by single spaces, the
"\\" closing a header the display width wrapped, rows left out ("..") and NaN cells."""

from __future__ import annotations

from analysis.normalise import clean
from tests.test_extraction import observed, source

INC, CON, UPPER = (
    "inclusive_kindergarten_coverage",
    "compulsory_consolidation_rate",
    "upper_secondary_gross_enrollment_rate",
)

# my own wording, printed by pandas 2 (display.width 44): the name column's header is one
# space from the unit's, the index has no header, a NaN cell
FRAME = """监测数据如下：

         指标名称 单位  2020年  2023年  2025年   属性
0   普惠性幼儿园覆盖率  %   83.5   86.0   90.0  约束性
1   九年义务教育巩固率  %   95.2    NaN   96.5  约束性
2  高中阶段教育毛入学率  %   91.0   93.1   95.0  约束性
"""

# a frame wider than the display: the first block's header ends in "\\", the rest below;
# rows 2 and 3 left out of the print
WRAPPED = """print(df)

            名称   2021    2022   2025  \\
0    普惠性幼儿园覆盖率  84.10  85.70  90.0
1    九年义务教育巩固率  95.30  95.60  96.5
..         ...    ...     ...    ...
4   高中阶段教育毛入学率  92.20  92.90  95.0

    说明
0   约束
1   约束
..  ..
4   预期
"""

# years as rows under a header of two words one space apart, amounts in E-notation
YEARS = """资金情况（单位：元）：

     年份     财政性教育经费支出
0  2021  1.250000e+10
1  2022  1.310000e+10
2  2023  1.406000e+10
"""


def test_a_printed_frame_reads_with_its_index_left_out(extractor):
    assert observed(extractor, FRAME) == [
        (CON, 2020, "=", 95.2, None, "level"),
        (CON, 2025, "=", 96.5, None, "level"),
        (INC, 2020, "=", 83.5, None, "level"),
        (INC, 2023, "=", 86.0, None, "level"),
        (INC, 2025, "=", 90.0, None, "level"),
        (UPPER, 2020, "=", 91.0, None, "level"),
        (UPPER, 2023, "=", 93.1, None, "level"),
        (UPPER, 2025, "=", 95.0, None, "level"),
    ]


def test_the_index_numbers_are_row_numbers(extractor):
    result = extractor.extract(source(), clean(FRAME))
    at = {r["char_start"]: r["disposition"] for r in result.ledger}
    row = FRAME.index("2  高中")
    assert at[row] == "section_number"


def test_a_wrapped_frame_reads_its_first_block(extractor):
    assert observed(extractor, WRAPPED) == [
        (CON, 2021, "=", 95.3, None, "level"),
        (CON, 2022, "=", 95.6, None, "level"),
        (CON, 2025, "=", 96.5, None, "level"),
        (INC, 2021, "=", 84.1, None, "level"),
        (INC, 2022, "=", 85.7, None, "level"),
        (INC, 2025, "=", 90.0, None, "level"),
        (UPPER, 2021, "=", 92.2, None, "level"),
        (UPPER, 2022, "=", 92.9, None, "level"),
        (UPPER, 2025, "=", 95.0, None, "level"),
    ]


def test_years_as_rows_under_a_header_of_single_spaced_words(extractor):
    assert observed(extractor, YEARS) == [
        ("education_fiscal_expenditure", 2021, "=", 12500000000.0, None, "level"),
        ("education_fiscal_expenditure", 2022, "=", 13100000000.0, None, "level"),
        ("education_fiscal_expenditure", 2023, "=", 14060000000.0, None, "level"),
    ]


# an API's response: keys in pinyin initials, described in a field table before it
API = """| 字段 | 含义 |
|---|---|
| mc | 指标名称 |
| nd | 年份 |
| zhi | 数值 |

{"status":0,"rows":[
{"mc":"普惠性幼儿园覆盖率","nd":"2020","zhi":"84.0"},
{"mc":"普惠性幼儿园覆盖率","nd":"2025","zhi":"≥90"}
]}
"""

# a bilingual table: the English names' column is no names' column
BILINGUAL = """| 指标 | Indicator | 2020 | 2025 |
|---|---|---|---|
| 普惠性幼儿园覆盖率（%） | Coverage of affordable kindergartens (%) | 84.0 | 90 |
| 高中阶段教育毛入学率（%） | Gross enrolment rate, senior secondary (%) | 92.5 | 95 |
"""


def test_an_api_response_headed_by_its_field_table(extractor):
    assert observed(extractor, API) == [
        (INC, 2020, "=", 84.0, None, "level"),
        (INC, 2025, ">=", 90.0, None, "level"),
    ]


def test_a_column_of_english_names_beside_the_chinese(extractor):
    assert observed(extractor, BILINGUAL) == [
        (INC, 2020, "=", 84.0, None, "level"),
        (INC, 2025, "=", 90.0, None, "level"),
        (UPPER, 2020, "=", 92.5, None, "level"),
        (UPPER, 2025, "=", 95.0, None, "level"),
    ]
