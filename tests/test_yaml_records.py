"""Indicators kept in a YAML data file (extraction/yaml_records.py): records with a name,
values by year as keys or as {year, value} pairs, a unit through a merge key; the other
numbers ledgered; prose and JSON are no YAML data."""

from __future__ import annotations

from analysis.extraction.yaml_records import read_yaml_records
from analysis.normalise import clean
from tests.test_extraction import observed, source

# my own layout: Chinese keys for the name and the unit, a list of {year, value} pairs
# under 历年, targets as strings with comparators, an anchor on a unit block
TEXT = """\
# 某县教育指标（驾驶舱数据源）
版本: 1.4
单位模板: &pct
  单位: "%"
记录:
  - 编号: A01
    指标: 九年义务教育巩固率
    <<: *pct
    历年:
      - {year: 2020, value: 96.2}
      - {year: 2022, value: 96.8}
    目标: {year: 2025, value: "≥97.5"}
  - 编号: A02
    指标: 新增学位
    单位: 个
    分年: {2021: 900, 2022: 1100}   # 2023年数据待更新
    目标: {year: 2025, value: "5000"}
  - 编号: A03
    指标: 普惠性幼儿园覆盖率
    <<: *pct
    分年: {2022: 88.5}
    目标: {year: 2025, value: ">=90"}
"""


def test_yaml_records_read_as_one_table(extractor):
    assert observed(extractor, TEXT) == [
        ("compulsory_consolidation_rate", 2020, "=", 96.2, None, "level"),
        ("compulsory_consolidation_rate", 2022, "=", 96.8, None, "level"),
        ("compulsory_consolidation_rate", 2025, ">=", 97.5, None, "level"),
        ("inclusive_kindergarten_coverage", 2022, "=", 88.5, None, "level"),
        ("inclusive_kindergarten_coverage", 2025, ">=", 90.0, None, "level"),
        ("school_places_added", 2021, "=", 900.0, None, "cumulative"),
        ("school_places_added", 2022, "=", 1100.0, None, "cumulative"),
        ("school_places_added", 2025, "=", 5000.0, None, "cumulative"),
    ]
    result = extractor.extract(source(), clean(TEXT))
    ledger = {(r["quote"], r["char_start"], r["disposition"]) for r in result.ledger}
    assert ("01", TEXT.index("A01") + 1, "no_indicator") in ledger  # a record's id
    assert ("2023", TEXT.index("2023"), "no_indicator") in ledger  # the comment's year
    # outside the records, the version is read as prose, and reported
    assert [q for q, _, d in ledger if d == "unaccounted"] == ["1.4"]


def test_prose_and_json_are_no_yaml_data():
    prose = "一、发展目标\n到2025年，学前三年毛入园率达到95%。\n" * 12
    assert read_yaml_records(prose) == []
    assert read_yaml_records('[{"name": "巩固率", "2025": 97}]' * 12) == []
