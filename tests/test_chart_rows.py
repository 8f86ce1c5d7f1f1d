"""The rows a chart draws, shared with its description: which rows, in which order."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.chart_rows import ambition_rows, growth_rows, path_share, vocabulary_rows

METRICS = pd.DataFrame(
    [
        # city, indicator, unit, kind, growth per year 2020-2025
        ("a", "x", "percent", "linear", 1.0),
        ("a", "y", "percent", "linear", 0.0),  # no growth needed: drawn (a finding)
        ("b", "x", "percent", "linear", 2.5),
        ("b", "z", "persons", "compound", 3.0),
        ("c", "x", "percent", "compound", 1.0),  # compound rows come first, then linear
        ("c", "y", "percent", "linear", 1e-12),
        ("c", "w", "percent", "linear", -0.5),  # a planned fall is drawn
    ],
    columns=["city_id", "indicator_id", "unit", "growth_kind", "growth_per_year_2020_2025"],
)


@pytest.mark.parametrize(
    ("unit", "cities", "expected"),
    [
        ("percent", None, [("c", "x"), ("b", "x"), ("a", "x"), ("c", "y"), ("a", "y"), ("c", "w")]),
        ("persons", None, [("b", "z")]),
        (
            None,
            None,
            [("b", "z"), ("c", "x"), ("b", "x"), ("a", "x"), ("c", "y"), ("a", "y"), ("c", "w")],
        ),
        ("percent", ["c"], [("c", "x"), ("c", "y"), ("c", "w")]),
        ("percent", ["nowhere"], []),
    ],
)
def test_growth_rows_are_the_bars_in_drawing_order(unit, cities, expected):
    rows = growth_rows(METRICS, unit, cities)
    assert list(zip(rows.city_id, rows.indicator_id, strict=True)) == expected


AMBITION = pd.DataFrame(
    {
        "city_id": ["a", "a", "b"],
        "pace_label": ["needs 2 times", None, "no change"],
        "midpoint_position": [None, "ahead", "past_target"],
        "baseline_2020": [80.0, 80.0, 90.0],
        "target_2025": [90.0, 90.0, 90.0],
        "midpoint_deviation": [None, 2.5, 1.0],
    }
)


def test_ambition_rows_split_pace_and_path():
    pace, path = ambition_rows(AMBITION)
    assert list(pace.index) == [0, 2] and list(path.index) == [1, 2]


@pytest.mark.parametrize(
    ("row", "expected"),
    [(1, 0.25), (2, None)],  # a target equal to the baseline: no change to share
)
def test_path_share_is_a_share_of_the_planned_change(row, expected):
    share = path_share(AMBITION.loc[[row]]).iloc[0]
    assert math.isnan(share) if expected is None else share == pytest.approx(expected)


def test_vocabulary_rows_keep_the_chosen_cities_in_their_order():
    table = pd.DataFrame({"city_id": ["a", "a", "b", "c"], "term": ["t1", "t2", None, "t3"]})
    rows = vocabulary_rows(table, ["c", "a"])
    assert list(rows.city_id) == ["c", "a", "a"] and list(rows.term) == ["t3", "t1", "t2"]
