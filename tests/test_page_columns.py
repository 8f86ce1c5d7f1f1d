"""Two columns of prose side by side on each line, as `pdftotext -layout` prints a
two-column page, read column by column (analysis/page_columns.py)."""

from __future__ import annotations

import unicodedata

from analysis.normalise import clean
from analysis.page_columns import column_segments
from tests.test_extraction import observed

LEFT = [
    "一、发展基础",
    "    “十三五”期间，全县教育事业稳步发展。",
    "2020年，全县学前三年毛入园率达到88.5",
    "%，九年义务教育巩固率达到96.1%，高中阶",
    "段教育毛入学率为90.2%。城乡办学条件明显",
    "改善，教师队伍结构持续优化，教育保障水平",
    "不断提高。全县共有各级各类学校二百余所，",
    "形成了覆盖城乡、类型齐全的教育体系，为",
    "“十四五”发展奠定了坚实基础。",
]
RIGHT = [
    "二、发展目标",
    "    到2025年，学前三年毛入园率达到95%以",
    "上，九年义务教育巩固率达到97%，高中阶段",
    "教育毛入学率达到93%以上。全县教育发展的",
    "整体水平进入全省前列，人民群众对教育的满",
    "意度显著提高，教育服务县域发展的能力明显",
    "增强，基本形成学习型社会的良好氛围，为全",
    "面建设社会主义现代化县提供有力的人才支",
    "撑。",
]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _page(left: list[str], right: list[str], gutter: int = 48) -> str:
    lines = [
        a + " " * (gutter - _width(a)) + b if b else a for a, b in zip(left, right, strict=True)
    ]
    return "              某县“十四五”教育事业发展规划\n\n" + "\n".join(lines) + "\n\n— 3 —\n"


def test_a_two_column_page_reads_column_by_column():
    page = _page(LEFT, RIGHT)
    stretches = column_segments(page)
    assert len(stretches) == 1
    start, stop, segments = stretches[0]
    assert page[start:stop].strip().startswith("某县") and page[stop] == "\n"
    read = [page[a:b] for a, b in segments]
    # (the short running header and the page number stand left of the gutter: they open
    # and close the left column, and the views drop them as page debris)
    assert read[0] == "某县“十四五”教育事业发展规划" and "— 3 —" in read
    assert [x for x in read[1:] if x != "— 3 —"] == [x.strip() for x in LEFT + RIGHT]
    paragraphs = clean(page).paragraphs.text  # (NFKC: "，" reads ",")
    assert (
        "毛入园率达到88.5%,九年义务教育巩固率达到96.1%,高中阶段教育毛入学率为90.2%。" in paragraphs
    )
    assert "到2025年,学前三年毛入园率达到95%以上,九年义务教育巩固率达到97%" in paragraphs


def test_values_of_a_two_column_page_keep_their_columns_years(extractor):
    assert observed(extractor, _page(LEFT, RIGHT)) == [
        ("compulsory_consolidation_rate", 2020, "=", 96.1, None, "level"),
        ("compulsory_consolidation_rate", 2025, "=", 97.0, None, "level"),
        ("preschool_gross_enrollment_rate", 2020, "=", 88.5, None, "level"),
        ("preschool_gross_enrollment_rate", 2025, ">=", 95.0, None, "level"),
        ("school_count", 2020, ">", 200.0, None, "level"),
        ("upper_secondary_gross_enrollment_rate", 2020, "=", 90.2, None, "level"),
        ("upper_secondary_gross_enrollment_rate", 2025, ">=", 93.0, None, "level"),
    ]


def test_a_table_of_names_and_short_values_is_no_second_column():
    rows = [
        "学前三年毛入园率（%）", "普惠性幼儿园覆盖率（%）", "公办园在园幼儿占比（%）",
        "九年义务教育巩固率（%）", "高中阶段教育毛入学率（%）", "劳动年龄人口平均受教育年限（年）",
    ]  # fmt: skip
    table = "\n".join(r + " " * (40 - _width(r)) + "约束性  95" for r in rows)
    assert column_segments(table) == []


def test_a_line_across_the_gutter_ends_a_stretch():
    left, right = LEFT[:], RIGHT[:]
    left[4] = "段教育毛入学率为90.2%。城乡办学条件明显改善，教师队伍结构持续优化，教育"
    right[4] = ""
    stretches = column_segments(_page(left, right))
    assert all(len(segments) >= 6 for _, _, segments in stretches)
