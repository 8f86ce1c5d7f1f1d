"""Values kept in one object under keys naming the indicator and the year (a GIS layer's
county feature, a dashboard record): year_keyed_objects.py pivots the object to one grid."""

from __future__ import annotations

import pytest

from analysis.extraction.span_sets import SpanSet
from analysis.extraction.year_keyed_objects import read_year_keyed_objects, split_key
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, CONS, KIDS, PLACES, TEACHERS = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "kindergarten_enrollment",
    "school_places_added",
    "teachers_recruited",
)


@pytest.mark.parametrize(
    ("key", "name", "when"),
    [
        ("学前三年毛入园率_2020", "学前三年毛入园率", "2020"),
        ("巩固率（2025年）", "巩固率", "2025年"),
        ("2025年毛入园率", "毛入园率", "2025年"),
        ("新增学位-十四五", "新增学位", "十四五"),
        ("在园幼儿 2022", "在园幼儿", "2022"),
        ("现状学校数", None, None),  # no year
        ("2025年", None, None),  # no name
        ("rate_2025", None, None),  # no Chinese name
    ],
)
def test_a_key_splits_into_name_and_year(key, name, when):
    parts = split_key(key)
    if name is None:
        assert parts is None
    else:
        (a, b), (c, d) = parts
        assert (key[a:b], key[c:d]) == (name, when)


# my own wording: a dashboard record, years first, one null, strings with comparators,
# a period total and a field with no year
DASHBOARD = """{
  "区县": "示例区",
  "更新": "2023-06-30",
  "2020年学前三年毛入园率": 88.5,
  "2025年学前三年毛入园率": "≥93",
  "2020年九年义务教育巩固率": null,
  "2025年九年义务教育巩固率": "96以上",
  "2020年在园幼儿数": 15300,
  "2025年在园幼儿数": "14000左右",
  "十四五新增学位": 4800,
  "常住人口": 41.2
}
"""


def test_a_records_year_keys_are_read_as_a_table(extractor):
    assert observed(extractor, DASHBOARD) == [
        (CONS, 2025, ">=", 96.0, None, "level"),
        (KIDS, 2020, "=", 15300.0, None, "level"),
        (KIDS, 2025, "~", 14000.0, None, "level"),
        (PRE, 2020, "=", 88.5, None, "level"),
        (PRE, 2025, ">=", 93.0, None, "level"),
        (PLACES, 2025, "=", 4800.0, None, "cumulative"),
    ]


# two townships with one year key each, then a total feature whose keys put the year last;
# money with no unit cannot be scaled
FEATURES = """{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"名称": "北镇", "2025年规划学位": 5200, "学校数": 9}},
{"type": "Feature", "properties": {"名称": "南乡", "2025年规划学位": 3100, "学校数": 6}},
{"type": "Feature", "properties": {"名称": "合计", "2025年规划学位": 8300, "招聘教师_十三五": 640,
 "招聘教师_十四五": "≥700", "毛入园率_2020": 90.2, "毛入园率_2025": 95, "计划投资_十四五": 3.4}}
]}
"""


def test_only_the_feature_with_year_keyed_values_is_a_table(extractor):
    grids = read_year_keyed_objects(FEATURES, SpanSet([]))
    assert [[c.text for c in row] for row in grids[0].rows] == [
        ["指标", "十三五", "十四五", "2020", "2025"],
        ["招聘教师", "640", "≥700", "", ""],
        ["毛入园率", "", "", "90.2", "95"],
        ["计划投资", "", "3.4", "", ""],
    ]
    assert len(grids) == 1
    assert observed(extractor, FEATURES) == [
        (PRE, 2020, "=", 90.2, None, "level"),
        (PRE, 2025, "=", 95.0, None, "level"),
        (TEACHERS, 2020, "=", 640.0, None, "cumulative"),
        (TEACHERS, 2025, ">=", 700.0, None, "cumulative"),
    ]


def test_money_with_no_unit_and_the_keys_years_are_ledgered(extractor):
    result = extractor.extract(source(), clean(FEATURES))
    unaccounted = [
        (r["quote"], r["line"]) for r in result.ledger if r["disposition"] == "unaccounted"
    ]
    # 3.4 元 is no plan's investment; the features' school counts and the total feature's
    # field of the townships' scheme are read by no reader, and say so
    assert sorted(unaccounted) == [("3.4", 5), ("6", 3), ("8300", 4), ("9", 2)]
    years = [r["disposition"] for r in result.ledger if r["quote"] in ("2020", "2025")]
    assert set(years) == {"table_header"}  # "2025年规划学位", "毛入园率_2020" …
