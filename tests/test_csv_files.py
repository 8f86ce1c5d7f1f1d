"""A text that is a CSV file (extraction/csv_files.py) and a year row under a group label
(extraction/year_subheaders.py)."""

from __future__ import annotations

import pytest

from analysis.extraction.csv_files import is_csv_file, read_csv_file, records
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE = "preschool_gross_enrollment_rate"
PLACES = "school_places_added"
TEACHERS = "teachers_recruited"

# Saved by a spreadsheet: BOM, CRLF, a title and a unit line above a header whose years
# stand under "分年度目标", a section row, a note cell with a full-width comma, a quoted
# note over two lines, a long 牵头单位 cell, an empty base cell, the filling notes below.
_SHEET = (
    "\ufeff"
    + "\r\n".join(
        [
            "某县教育发展主要指标分年度安排表,,,,,,,,,",
            "填报单位：某县教育局,,,,,,,,,单位：个、名、%",
            "指标,计量单位,2020年现状值,分年度目标,,,,,指标类型,牵头单位及配合单位",
            ",,,2021年,2022年,2023年,2024年,2025年,,",
            "（一）学前教育,,,,,,,,,",
            "学前三年毛入园率,%,89.5,90,91,91.5,92,≥93,预期性,县教育局，各镇人民政府，各街道办事处，县发展和改革局",
            '新增学位,个,"4,120",800,900,"1,000",700,600,"预期性","全县合计；',
            '不含民办学校"',
            "招聘教师,名,,150,160,160,170,180,约束性,县人力资源和社会保障局（县教育局配合）",
            ",,,,,,,,,",
            "填表说明：1.现状值为2020年底数；2.分年度目标为当年末应达到的值。,,,,,,,,,",
        ]
    )
    + "\r\n"
)


def test_a_csv_file_is_read_as_one_table_with_its_year_row():
    assert is_csv_file(_SHEET)
    grids = read_csv_file(_SHEET)
    assert len(grids) == 1 and grids[0].caption == "填报单位:某县教育局 单位:个、名、%"
    note = grids[0].rows[4][9]
    assert note.text == "全县合计; 不含民办学校"  # one cell over two lines (NFKC'd)
    assert _SHEET[note.start : note.end] == "全县合计；\r\n不含民办学校"
    assert [c.text for c in grids[0].rows[5]][:3] == ["招聘教师", "名", ""]


def test_a_csv_files_values_are_every_years(extractor):
    assert observed(extractor, _SHEET) == sorted(
        [
            (PRE, 2020, "=", 89.5, None, "level"),
            (PRE, 2021, "=", 90.0, None, "level"),
            (PRE, 2022, "=", 91.0, None, "level"),
            (PRE, 2023, "=", 91.5, None, "level"),
            (PRE, 2024, "=", 92.0, None, "level"),
            (PRE, 2025, ">=", 93.0, None, "level"),
            (PLACES, 2020, "=", 4120.0, None, "cumulative"),
            (PLACES, 2021, "=", 800.0, None, "cumulative"),
            (PLACES, 2022, "=", 900.0, None, "cumulative"),
            (PLACES, 2023, "=", 1000.0, None, "cumulative"),
            (PLACES, 2024, "=", 700.0, None, "cumulative"),
            (PLACES, 2025, "=", 600.0, None, "cumulative"),
            (TEACHERS, 2021, "=", 150.0, None, "cumulative"),
            (TEACHERS, 2022, "=", 160.0, None, "cumulative"),
            (TEACHERS, 2023, "=", 160.0, None, "cumulative"),
            (TEACHERS, 2024, "=", 170.0, None, "cumulative"),
            (TEACHERS, 2025, "=", 180.0, None, "cumulative"),
        ]
    )
    result = extractor.extract(source(), clean(_SHEET))
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_a_second_table_under_its_caption_row():
    text = "\n".join(
        [
            "指标,2020年,2025年,属性",
            "学前三年毛入园率（%）,89.5,≥93,预期性",
            "九年义务教育巩固率（%）,95.0,97,约束性",
            "附：分镇数据,,,",
            "镇,毛入园率（%）,巩固率（%）,备注",
            "东镇,90.1,95.5,",
            "西镇,88.0,94.2,",
        ]
    )
    grids = read_csv_file(text + "\n")
    assert [(g.caption, len(g.rows)) for g in grids] == [("", 3), ("附:分镇数据", 3)]


@pytest.mark.parametrize(
    "text",
    [
        # an OCR engine's listing: commas, but bracketed values
        "\n".join(f"[[[{k}.0, 9.0], [7.0, 9.0], [7.0, 2.0], [1.0, 2.0]], ('第{k}行', 0.98)]" for k in range(8)),
        # prose with ASCII commas, lines of differing counts
        "到2025年,全县学前三年毛入园率达到93%,巩固率达到97%。\n新建幼儿园5所,新增学位800个。\n" * 3,
    ],
)  # fmt: skip
def test_texts_with_commas_that_are_no_csv_file(text):
    assert not is_csv_file(text)
    assert read_csv_file(text) == []


def test_records_keep_doubled_quotes_and_spans():
    raw = 'a,"b ""x"", c",d\r\n1,2,3\r\n'
    recs = records(raw)
    assert [[t for _, _, t in r] for r in recs] == [["a", 'b "x", c', "d"], ["1", "2", "3"]]
    a, b, _ = recs[0][1]
    assert raw[a:b] == 'b ""x"", c'


@pytest.mark.parametrize(
    "text",
    [
        "指标\t单位\t基期\t规划目标\t\n\t\t\t2023年\t2025年\n学前三年毛入园率\t%\t88\t90\t≥92\n",
        "| 指标 | 单位 | 基期 | 规划目标 | |\n| | | | 2023年 | 2025年 |\n| 学前三年毛入园率 | % | 88 | 90 | ≥92 |\n",
    ],
)
def test_years_under_a_group_label_in_other_layouts(extractor, text):
    assert observed(extractor, text) == [
        (PRE, 2020, "=", 88.0, None, "level"),  # 基期: the plan's baseline
        (PRE, 2023, "=", 90.0, None, "level"),
        (PRE, 2025, ">=", 92.0, None, "level"),
    ]
