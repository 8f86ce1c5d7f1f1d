"""A plan kept as AsciiDoc (asciidoc_source.py): attribute entries, comments, conditional
blocks and footnotes out of the text; a "|===" table whose cells stand one per line,
several on a line or mixed, with blank lines between rows, read as one row per line;
its markup ledgered."""

from __future__ import annotations

from analysis.asciidoc_source import is_asciidoc
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, CONS, PLACES, TEACH = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "school_places_added",
    "teachers_recruited",
)

# my own wording: no cols attribute (the width is the first line's), a "3*" multiplier in
# the second table, a footnote inside a cell and one in prose, an ifndef block
TEXT = """= 某县教育发展规划
:revnumber: 2.3
:docno: 某教发〔2022〕7号

////
第4稿，2022-03-01 修改。
////

== 一、发展目标

到2025年，九年义务教育巩固率达到97.2%footnote:[按2021年统计口径，全省为96.8%。]以上。

.表1 主要指标
|===
|指标 |2020年 |2025年

|学前三年毛入园率
|88.5footnote:[2020年快报数，终报为88.1%。]
|93

|九年义务教育巩固率 |95.6
|97.2
|===

ifndef::final[]
// 测算：学位缺口3,400个
endif::[]

[cols="3*",options="header"]
|===
|年度 |新增学位（个） |招聘教师（名）
|2022 |1200 |150
|2023
|1500
|160
|===
"""


def test_asciidoc_text_and_tables_read(extractor):
    assert observed(extractor, TEXT) == [
        (CONS, 2020, "=", 95.6, None, "level"),
        (CONS, 2025, "=", 97.2, None, "level"),
        (CONS, 2025, ">=", 97.2, None, "level"),
        (PRE, 2020, "=", 88.5, None, "level"),
        (PRE, 2025, "=", 93.0, None, "level"),
        (PLACES, 2022, "=", 1200.0, None, "cumulative"),
        (PLACES, 2023, "=", 1500.0, None, "cumulative"),
        (TEACH, 2022, "=", 150.0, None, "cumulative"),
        (TEACH, 2023, "=", 160.0, None, "cumulative"),
    ]


def test_attributes_comments_and_footnotes_are_markup(extractor):
    result = extractor.extract(source(), clean(TEXT))
    at = {r["char_start"]: r["disposition"] for r in result.ledger}
    assert at[TEXT.index("2.3")] == "markup"  # an attribute entry
    assert at[TEXT.index("88.1")] == "markup"  # a footnote's text
    assert at[TEXT.index("3,400")] == "markup"  # a comment line
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_markdown_and_plain_text_are_not_asciidoc():
    assert not is_asciidoc("## 一、目标\n\n| 指标 | 2025年 |\n|---|---|\n| 毛入园率 | 95 |\n")
    assert not is_asciidoc("到2025年，学前三年毛入园率达到95%。\n注::本表为快报数\n")
    assert is_asciidoc(TEXT)
