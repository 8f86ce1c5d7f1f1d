"""A table that breaks the caption's quantity down by school stage (caption_subjects.py):
its 合计 row states the quantity, the stage rows are parts; an HTML table's own <caption>
is its caption, a <sup> mark after a value is no digit of it, "&#37;" reads "%"."""

from __future__ import annotations

from analysis.normalise import clean
from tests.test_extraction import observed, source

# my own wording: a 学段 table of teachers recruited with a 总计 row, a value with a <sup>
# note mark and a prose value written with a numeric entity
TEXT = """<p>到2025年，普惠性幼儿园覆盖率达到91&#37;以上。</p>
<table>
<caption>表3 “十四五”招聘教师计划（单位：名）</caption>
<tr><th>学段</th><th>2023年</th><th>2024年</th></tr>
<tr><td>学前教育</td><td>120</td><td>150</td></tr>
<tr><td>义务教育</td><td>480<sup>2</sup></td><td>510</td></tr>
<tr><td>总计</td><td>600<sup>2</sup></td><td>660</td></tr>
</table>
"""


def test_the_total_row_states_the_captions_quantity(extractor):
    assert observed(extractor, TEXT) == [
        ("inclusive_kindergarten_coverage", 2025, ">=", 91.0, None, "level"),
        ("teachers_recruited", 2023, "=", 600.0, None, "cumulative"),
        ("teachers_recruited", 2024, "=", 660.0, None, "cumulative"),
    ]


def test_stage_rows_are_parts_and_marks_are_markup(extractor):
    result = extractor.extract(source(), clean(TEXT))
    at = {r["char_start"]: r["disposition"] for r in result.ledger}
    assert at[TEXT.index("120")] == "part_of_total"
    assert at[TEXT.index("480")] == "part_of_total"
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]
