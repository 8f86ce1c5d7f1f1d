"""Tables whose every cell is a line of its own (analysis/extraction/line_tables.py)."""

from __future__ import annotations

import re

import pytest

from analysis.extraction import csv_tables, line_tables
from analysis.extraction.csv_tables import read_csv_rows
from analysis.extraction.line_tables import read_cell_lines, read_year_rows
from analysis.extraction.table_readers import TextLines
from analysis.normalise import clean
from tests.test_extraction import observed

PRE, CONS = "preschool_gross_enrollment_rate", "compulsory_consolidation_rate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # column by column: labels end in a colon, a name wraps onto a second line (the
        # names outnumber each column's values; the line without its unit bracket is open),
        # and a target is a range
        ("项目名称：\n学前三年毛入\n园率（%）\n九年义务教育巩固率（%）\n2020年：\n88\n95\n2025年：\n93%—95%\n≥96\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 93.0, 95.0, "range"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, ">=", 96.0, None, "level")]),
        # a name wrapped onto three lines
        ("指标\n九年义务教育巩固率（%）\n学前三\n年毛入\n园率（%）\n2020年\n95\n88\n2025年\n96\n92\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 96.0, None, "level")]),
    ],
)  # fmt: skip
def test_column_by_column_tables(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_names_that_cannot_be_paired_with_values_are_no_table(extractor):
    """More names than values and no unit brackets to show which line wrapped: not read as
    a table (each value paired with the wrong name would be silently wrong)."""
    text = "指标\n学前三年毛入\n园率\n九年义务教育巩固率\n2020年\n88\n95\n"
    assert observed(extractor, text) == []


def test_a_growth_rate_in_a_column_of_changes(extractor):
    """ "+30%" in the column of changes of a row in 亿元: the row's growth in percent (a
    unit the level columns cannot have), not a unit mismatch."""
    text = "指标\t2020年\t2025年\t增长\n财政性教育经费支出（亿元）\t40\t52\t+30%\n"
    ind = "education_fiscal_expenditure"
    assert observed(extractor, text) == [
        (ind, 2020, "=", 4000000000.0, None, "level"),
        (ind, 2025, "=", 30.0, None, "increase"),
        (ind, 2025, "=", 5200000000.0, None, "level"),
    ]


def test_a_blank_mark_one_space_after_the_name_is_a_cell(extractor):
    """ "比例（%） —          50": a dash one space after the name, in a table whose cells are
    split by runs of spaces, is the blank 2020 cell, so 50 stays in the 2025 column."""
    text = (
        "指标名称                     2020年      2025年      属性\n"
        "学前三年毛入园率（%）         88.2        92          预期性\n"
        "九年义务教育巩固率（%） —          97          约束性\n"
    )
    assert observed(extractor, text) == [
        (CONS, 2025, "=", 97.0, None, "level"),
        (PRE, 2020, "=", 88.2, None, "level"),
        (PRE, 2025, "=", 92.0, None, "level"),
    ]


def test_a_cell_per_line_table_ending_the_text_inside_a_row(extractor):
    # years as rows, one cell per line, the text ending in a total row with a "/" cell:
    # a row the reader takes short of the header's width is no row (it was a traceback);
    # the year rows are read
    text = "年份\n新增学位（个）\n新建幼儿园（所）\n培训教师（人次）\n2021\n800\n3\n1000\n2022\n900\n4\n1100\n合计\n/\n7\n2100"
    assert observed(extractor, text) == sorted(
        [
            ("school_places_added", 2021, "=", 800.0, None, "cumulative"),
            ("school_places_added", 2022, "=", 900.0, None, "cumulative"),
            ("new_kindergartens_built", 2021, "=", 3.0, None, "cumulative"),
            ("new_kindergartens_built", 2022, "=", 4.0, None, "cumulative"),
            ("teacher_training_person_times", 2021, "=", 1000.0, None, "cumulative"),
            ("teacher_training_person_times", 2022, "=", 1100.0, None, "cumulative"),
        ]
    )


INC, UPPER = "inclusive_kindergarten_coverage", "upper_secondary_gross_enrollment_rate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # row by row with a category column whose cell only the first row of its group
        # carries (a merged cell), and a numbered column: the numbers are no values
        ("领域\n编号\n指标名称\n2020年\n2025年\n指标属性\n学前\n1\n学前三年毛入园率（%）\n88\n≥92\n预期性\n2\n普惠性幼儿园覆盖率（%）\n80\n90\n约束性\n义务\n3\n九年义务教育巩固率（%）\n95\n97\n约束性\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (INC, 2020, "=", 80.0, None, "level"), (INC, 2025, "=", 90.0, None, "level"), (CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
        # the merged category cell wrapped onto two lines
        ("类别\n序号\n指标\n2020年\n2025年\n属性\n义务教育\n1\n九年义务教育巩固率（%）\n95\n97\n约束性\n高中阶段\n教育\n2\n高中阶段教育毛入学率（%）\n91\n95\n预期性\n3\n普惠性幼儿园覆盖率（%）\n80\n90\n约束性\n", [(CONS, 2020, "=", 95.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level"), (UPPER, 2020, "=", 91.0, None, "level"), (UPPER, 2025, "=", 95.0, None, "level"), (INC, 2020, "=", 80.0, None, "level"), (INC, 2025, "=", 90.0, None, "level")]),
    ],
)  # fmt: skip
def test_row_by_row_tables_with_merged_category_cells(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name as long as its column leaves one space before its first value
        ("项目                          2020年    2025年\n学前三年毛入园率（%）         88.2      92\n普惠性幼儿园覆盖率（%） 80.5      ≥90\n", [(PRE, 2020, "=", 88.2, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), (INC, 2020, "=", 80.5, None, "level"), (INC, 2025, ">=", 90.0, None, "level")]),
        # the same with a third column: the row is one cell short
        ("项目                          2020年    2025年    属性\n学前三年毛入园率（%）         88.2      92        预期性\n普惠性幼儿园覆盖率（%） 80.5      ≥90       约束性\n", [(PRE, 2020, "=", 88.2, None, "level"), (PRE, 2025, "=", 92.0, None, "level"), (INC, 2020, "=", 80.5, None, "level"), (INC, 2025, ">=", 90.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_value_one_space_after_a_long_name_is_a_cell(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_page_number_among_the_names_of_a_column_by_column_table(extractor):
    """A page break among the names leaves its number on a line of its own: it is no name
    (and no value), so the names still pair with their values."""
    text = (
        "指标\n学前三年毛入园率（%）\n12\n九年义务教育巩固率（%）\n2020年\n88\n95\n2025年\n92\n97\n"
    )
    assert observed(extractor, text) == [
        (CONS, 2020, "=", 95.0, None, "level"),
        (CONS, 2025, "=", 97.0, None, "level"),
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, "=", 92.0, None, "level"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # years as rows with a unit row under the names ("计量单位", then one unit per
        # name): the units are the second header row, not more names; a value with a
        # thousands separator ("1,500") is a value
        ("年度\n学前三年毛入园率\n普通高中在校生\n新增学位\n计量单位\n%\n万人\n个\n2021年\n88\n1.2\n500\n2022年\n≥90\n1.3\n—\n2023年\n91\n1.35\n1,500\n", [(PRE, 2021, "=", 88.0, None, "level"), (PRE, 2022, ">=", 90.0, None, "level"), (PRE, 2023, "=", 91.0, None, "level"), ("general_high_school_enrollment", 2021, "=", 12000.0, None, "level"), ("general_high_school_enrollment", 2022, "=", 13000.0, None, "level"), ("general_high_school_enrollment", 2023, "=", 13500.0, None, "level"), ("school_places_added", 2021, "=", 500.0, None, "cumulative"), ("school_places_added", 2023, "=", 1500.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_a_transposed_cell_per_line_table_with_a_unit_row(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_cell_per_line_header_whose_target_column_has_its_year_on_the_row_below(extractor):
    """ "十四五目标" beside "2020年", and on the header's second row (empty lines for its
    empty cells) "实际值" under 2020年 and "2025年" under the target: one table of five
    columns, not a header cut at the target column."""
    text = (
        "指标\n单位\n2020年\n十四五目标\n属性\n\n\n实际值\n2025年\n\n"
        "学前三年毛入园率\n%\n88\n≥92\n预期性\n九年义务教育巩固率\n%\n95\n97\n约束性\n"
    )
    assert observed(extractor, text) == [
        (CONS, 2020, "=", 95.0, None, "level"),
        (CONS, 2025, "=", 97.0, None, "level"),
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, ">=", 92.0, None, "level"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年度  财政性教育经费支出(亿元)", ["年度", "财政性教育经费支出(亿元)"]),
        ("2021年  72.4", ["2021年", "72.4"]),
        ("2021年 72.4", None),  # one space: no two cells
        ("全市学前教育毛入园率达到92%", None),
        ("a  b  c", ["a  b", "c"]),  # the first cell takes all but the last run
    ],
)  # fmt: skip
def test_two_cells_needs_a_run_of_spaces(text, expected):
    """The whitespace bound before _TWO_CELLS gives what the pattern alone gives."""
    import re

    from analysis.extraction.line_tables import _TWO_CELLS, _two_cells
    from analysis.extraction.table_readers import TextLines
    from analysis.normalise import clean

    lines = TextLines(clean(text))
    cells = _two_cells(lines, 0)
    m = _TWO_CELLS.match(lines.items[0][0])
    plain = m is not None and not re.search(r"\s{2,}", m.group(2))
    assert (cells is not None) == plain
    assert ([c.text for c in cells] if cells else None) == expected


def test_a_unit_one_space_after_a_long_name_is_a_cell(extractor):
    """ "…学历比例 人 …": a name as long as its column, its unit cell one space after it, in
    a table with a unit column: the unit is a cell, so the values stay under their years."""
    text = (
        "指标                              单位    2020年    2025年    属性\n"
        "学前三年毛入园率                  %       88.2      92        预期性\n"
        "中等职业学校在校生规模（含技工） 人      3600      4200      预期性\n"
    )
    assert observed(extractor, text) == [
        (PRE, 2020, "=", 88.2, None, "level"),
        (PRE, 2025, "=", 92.0, None, "level"),
        ("secondary_vocational_enrollment", 2020, "=", 3600.0, None, "level"),
        ("secondary_vocational_enrollment", 2025, "=", 4200.0, None, "level"),
    ]


def test_a_letter_spaced_header_word_over_a_column_of_year_pairs(extractor):
    """ "指　　标" spaced out in a full-width-space table whose header names no year (the years
    are in the cells): the word is one header cell, so the cells stay under their header."""
    text = (
        "领域　　项　　目　　现状与目标　　属性\n"
        "学前教育　　学前三年毛入园率　　2020年88%；2025年≥92%　　预期性\n"
        "义务教育　　九年义务教育巩固率　　2020年95.5%；2025年97%　　约束性\n"
    )
    assert observed(extractor, text) == [
        (CONS, 2020, "=", 95.5, None, "level"),
        (CONS, 2025, "=", 97.0, None, "level"),
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, ">=", 92.0, None, "level"),
    ]


def test_a_page_number_right_after_the_name_header(extractor):
    """The page may break right after the header word: the number is no name either."""
    text = "指标名称\n7\n学前三年毛入园率（%）\n九年义务教育巩固率（%）\n2020年\n88\n95\n2025年\n92\n97\n"
    assert observed(extractor, text) == [
        (CONS, 2020, "=", 95.0, None, "level"),
        (CONS, 2025, "=", 97.0, None, "level"),
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, "=", 92.0, None, "level"),
    ]


def test_a_total_column_in_a_cell_per_line_table(extractor):
    """ "合计" after the year cells of a one-cell-per-line header is a column (the years'
    total, at the last year), as in a delimited table: the header does not stop before it."""
    text = (
        "项目\n2022年\n2023年\n2024年\n合计\n"
        "改扩建中小学校（所）\n6\n7\n5\n18\n新增学位（万个）\n0.8\n0.9\n0.7\n2.4\n"
    )
    new_s, places = "new_schools_built", "school_places_added"
    assert observed(extractor, text) == sorted(
        [
            (new_s, 2022, "=", 6.0, None, "cumulative"),
            (new_s, 2023, "=", 7.0, None, "cumulative"),
            (new_s, 2024, "=", 5.0, None, "cumulative"),
            (new_s, 2024, "=", 18.0, None, "cumulative"),
            (places, 2022, "=", 8000.0, None, "cumulative"),
            (places, 2023, "=", 9000.0, None, "cumulative"),
            (places, 2024, "=", 7000.0, None, "cumulative"),
            (places, 2024, "=", 24000.0, None, "cumulative"),
        ]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a page number between the name header and the unit header of a row-by-row table
        ("项目\n12\n计量单位\n2023年\n2024年\n学前三年毛入园率\n%\n90\n≥91\n九年义务教育巩固率\n%\n96\n96.5\n", [(PRE, 2023, "=", 90.0, None, "level"), (PRE, 2024, ">=", 91.0, None, "level"), (CONS, 2023, "=", 96.0, None, "level"), (CONS, 2024, "=", 96.5, None, "level")]),
        # ... and between the name header and the first year
        ("指标名称\n7\n2020年\n2025年\n学前三年毛入园率（%）\n88\n92\n", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_page_number_among_the_header_cells_of_a_row_by_row_table(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def _grids(reader, text: str) -> list[tuple]:
    lines = TextLines(clean(text))
    return [
        (g.reader, g.start, g.end, [[(c.text, c.start, c.end) for c in r] for r in g.rows])
        for g in reader(lines, [])
    ]


# shortcuts of the readers that skip a line by a cheap test, held to the readers without
# them (the test made to pass every line); each text has lines the test must not skip
_CELL_LINE_TEXTS = [
    "指标\n单位\n2020年\n2025年\n学前三年毛入园率\n%\n88\n92\n巩固率\n%\n95\n96\n",
    "指 标 名 称\n单位\n２０２０年\n2025年\n毛入园率\n%\n88\n92\n巩固率\n%\n95\n96\n",  # spaced
    "年度\n学前三年毛入园率\n巩固率\n2021年\n88\n95\n2022年\n90\n96\n",  # transposed
    "指标名称\n单位\n“十三五”末\n属性\n\n\n（2020年）\n\n毛入园率\n%\n88\n预期性\n巩固率\n%\n95\n约束性\n",
    "这是一段很长的说明文字而不是表头\n2020年\n88\n",
]


@pytest.mark.parametrize("text", _CELL_LINE_TEXTS)
def test_cell_lines_read_as_without_the_header_length_test(monkeypatch, text):
    found = _grids(read_cell_lines, text)
    monkeypatch.setattr(line_tables, "_HEAD_LONGEST", 10**6)
    assert found == _grids(read_cell_lines, text)
    assert found or "说明" in text


def test_the_header_length_test_admits_every_header_word():
    words = (*line_tables.ROLE_WORDS, *line_tables.YEAR_ROLE_WORDS, "指标名称", "项目名称")
    assert max(map(len, words)) <= line_tables._HEAD_LONGEST


@pytest.mark.parametrize(
    ("text", "tables"),
    [
        ("年度  财政性教育经费支出（亿元）\n2021年  72.4\n2022年  75.1\n", 1),
        ("年度  经费\n２０２１年  72.4\n２０２２年  75.1\n", 1),  # full-width year digits
        ("年度  经费\n二〇二一年  72.4\n二〇二二年  75.1\n", 0),  # no Arabic year: none
        ("说明  经费\n全市  72.4\n2022年  75.1\n", 0),
    ],
)
def test_year_rows_read_as_without_the_first_row_test(monkeypatch, text, tables):
    found = _grids(read_year_rows, text)
    monkeypatch.setattr(line_tables, "_FIRST_ROW_START", re.compile(""))
    assert found == _grids(read_year_rows, text)
    assert len(found) == tables


@pytest.mark.parametrize(
    ("text", "tables"),
    [
        ("指标,2020年,2025年\n毛入园率,88,92\n巩固率,95,96\n", 1),
        ("指标,２０２０年,２０２５年\n毛入园率,88,92\n巩固率,95,96\n", 1),  # full-width
        ("指标,二〇二〇年,目标\n毛入园率,88,92\n巩固率,95,96\n", 0),  # Chinese numerals
        ("学前教育,义务教育,高中教育\n毛入园率,88,92\n巩固率,95,96\n", 0),  # no year
        # no year, but quoted cells under the header: an export, not prose; a quoted cell
        # may be longer than an unquoted one
        (
            '地区,"在园幼儿数（人）","毛入园率（%）"\n河东区,"8,120","95.1"\n河西区,"6,030","90.2"\n',
            1,
        ),
        (
            '编号,项目,内容,投资\n1,扩容,"新建幼儿园8所（其中城区新建公办幼儿园5所），改扩建幼儿园12所，新增学位2400个",3.6\n2,提质,"改造薄弱学校30所",2.1\n',
            1,
        ),
    ],
)
def test_csv_rows_read_as_without_the_year_test(monkeypatch, text, tables):
    found = _grids(read_csv_rows, text)
    monkeypatch.setattr(csv_tables, "_HAS_YEAR", re.compile(""))
    assert found == _grids(read_csv_rows, text)
    assert len(found) == tables


def test_a_pdf_text_box_per_cell_with_a_wrapped_name(extractor):
    # pdfminer's output: each cell a text box with a blank line after it; a long name
    # wraps inside its box, and the line under it is the rest of that cell
    cells = ["序号", "指标", "单位", "2020年", "2025年", "属性",
             "1", "学前三年毛入园率", "%", "88.2", "≥92", "预期性",
             "2", "残疾儿童少年义务教育入\n学率", "%", "94.1", "≥96", "约束性",
             "3", "九年义务教育巩固率", "%", "95.6", "≥97", "约束性"]  # fmt: skip
    text = "表1 主要指标\n\n" + "\n\n".join(cells) + "\n"
    assert observed(extractor, text) == sorted(
        [
            (PRE, 2020, "=", 88.2, None, "level"),
            (PRE, 2025, ">=", 92.0, None, "level"),
            ("disabled_children_compulsory_enrollment_rate", 2020, "=", 94.1, None, "level"),
            ("disabled_children_compulsory_enrollment_rate", 2025, ">=", 96.0, None, "level"),
            (CONS, 2020, "=", 95.6, None, "level"),
            (CONS, 2025, ">=", 97.0, None, "level"),
        ]
    )
