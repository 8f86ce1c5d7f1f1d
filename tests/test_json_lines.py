"""A table pasted as one JSON object a line (json_lines.py)."""

import pytest

from analysis.extraction.json_lines import read_json_lines
from analysis.extraction.table_readers import TextLines
from analysis.normalise import clean
from tests.test_extraction import CONS, PRE, observed, source

JSON_TABLES = [
    # JSON Lines under a CSV field line, strings and bare numbers, a null base year
    ('序号,指标,单位,2020年,2025年\n'
     '{"序号":1,"指标":"学前三年毛入园率","单位":"%","2020年":"88.6","2025年":"≥92"}\n'
     '{"序号":2,"指标":"九年义务教育巩固率","单位":"%","2020年":95.2,"2025年":"96.5以上"}\n'
     '{"序号":3,"指标":"普惠性幼儿园覆盖率","单位":"%","2020年":null,"2025年":"90"}\n',
     [(PRE, 2020, "=", 88.6, None, "level"), (PRE, 2025, ">=", 92.0, None, "level"), (CONS, 2020, "=", 95.2, None, "level"), (CONS, 2025, ">=", 96.5, None, "level"), ("inclusive_kindergarten_coverage", 2025, "=", 90.0, None, "level")]),
    # the lines of an array, spaces after the colons, an escaped quote in a name, 万人
    ('[{"name": "x", "指标": "中等职业学校在校生", "单位": "万人", "基期值": "3.1", "目标值": "3.5左右"},\n'
     ' {"name": "y", "指标": "\\"双师型\\"教师占比", "单位": "%", "基期值": "46", "目标值": "≥55"}]\n',
     [("secondary_vocational_enrollment", 2020, "=", 31000.0, None, "level"), ("secondary_vocational_enrollment", 2025, "~", 35000.0, None, "level"), ("dual_qualified_teacher_share", 2020, "=", 46.0, None, "level"), ("dual_qualified_teacher_share", 2025, ">=", 55.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), JSON_TABLES)
def test_json_objects_one_a_line_are_a_table(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_every_number_of_the_objects_is_accounted_for(extractor):
    ledger = extractor.extract(source(), clean(JSON_TABLES[0][0])).ledger
    assert [r for r in ledger if r["disposition"] == "unaccounted"] == []
    row_numbers = [r["quote"] for r in ledger if r["reason"] == "a row number (序号)"]
    assert row_numbers == ["1", "2", "3"]


def test_one_object_or_objects_without_a_year_are_no_table():
    one = '{"指标":"学前三年毛入园率","2020年":"88","2025年":"92"}\n普惠性幼儿园覆盖率达到90%。\n'
    api = '{"code":200,"msg":"success","total":14}\n{"code":201,"msg":"ok","total":3}\n'
    for text in (one, api):
        assert read_json_lines(TextLines(clean(text)), []) == []
