"""Numbers with their scale, unit and comparator words (analysis/extraction/quantities.py)."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.extraction.quantities import QuantityFinder
from analysis.normalise import clean
from analysis.rules import load_rules


@pytest.fixture(scope="module")
def finder():
    return QuantityFinder(load_rules(paths.EXTRACTION_RULES_YAML))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparator before what the share is of: "不少于综合实践活动课时的50%"
        ("占比不低于全年总课时的10%", (10.0, "percent", ">=")),
        ("比例不超过在校生总数的3%", (3.0, "percent", "<=")),
        # a comparator of an earlier clause does not reach past a comma
        ("不低于上年，其中的5%", (5.0, "percent", None)),
        # nor past another number
        ("不少于2次的10%", (10.0, "percent", None)),
    ],
)
def test_a_comparator_before_the_whole_the_share_is_of(finder, text, expected):
    q = [q for q in finder.find(clean(text).paragraphs.text) if q.unit == "percent"][-1]
    assert (q.value, q.unit, q.comparator) == expected
