"""indicator_values: the wide row of a city and indicator, from its observations."""

from __future__ import annotations

import pytest

from analysis.indicator_values import indicator_values
from analysis.observations import Observation


def _obs(n, year, value, *, kind="level", preferred=True, conflict=None, comp="=", iid="a"):
    return Observation(
        observation_id=f"c.{iid}.{year}.{n}",
        source_id="s",
        city_id="c",
        indicator_id=iid,
        year=year,
        role="target",
        comparator=comp,
        value=value,
        value_upper=value + 1 if kind == "range" else None,
        value_kind=kind,
        unit="percent",
        method="prose",
        char_start=n,
        char_end=n + 2,
        quote="x",
        label_start=None,
        label_end=None,
        label_quote=None,
        line=1,
        year_basis="sentence",
        section="",
        conflict_id=conflict,
        preferred=preferred,
    )


@pytest.mark.parametrize(
    ("observations", "expected"),
    [
        # one level per column year
        (
            [_obs(1, 2020, 80.0), _obs(2, 2022, 85.0), _obs(3, 2025, 90.0, comp=">=")],
            {
                "baseline_2020": 80.0,
                "midpoint_2022": 85.0,
                "target_2025": 90.0,
                "target_comparator": ">=",
                "target_observation_id": "c.a.2025.3",
                "n_observations": 3,
                "has_conflict": False,
                "other_years": None,
                "change_targets": None,
            },
        ),
        # a conflict: the preferred one fills the column, whichever comes first
        (
            [
                _obs(5, 2025, 91.0, preferred=False, conflict="c.a.2025"),
                _obs(9, 2025, 92.0, conflict="c.a.2025"),
            ],
            {
                "target_2025": 92.0,
                "target_observation_id": "c.a.2025.9",
                "has_conflict": True,
                "conflict_ids": "c.a.2025",
                "baseline_2020": None,
            },
        ),
        # two preferred levels of one year (a level and a range group): the first one
        (
            [_obs(4, 2025, 70.0, kind="range"), _obs(8, 2025, 75.0)],
            {"target_2025": 70.0, "target_2025_upper": 71.0, "n_observations": 2},
        ),
        # changes are not levels: listed sorted, only preferred ones; other years sorted
        (
            [
                _obs(1, 2025, 5.0, kind="increase"),
                _obs(2, 2023, 2.0, kind="cumulative", comp=">="),
                _obs(3, 2025, 7.0, kind="increase", preferred=False),
                _obs(4, 2019, 60.0),
                _obs(5, 2021, 61.0),
            ],
            {
                "target_2025": None,
                "change_targets": "2023:cumulative>=2|2025:increase=5",
                "other_years": "2019|2021|2023",
                "has_conflict": False,
                "conflict_ids": None,
            },
        ),
    ],
)
def test_indicator_values_row(observations, expected):
    (row,) = indicator_values(observations)
    assert {k: row[k] for k in expected} == expected


def test_one_row_per_pair_sorted_by_city_and_indicator():
    rows = indicator_values([_obs(1, 2025, 1.0, iid="b"), _obs(2, 2020, 2.0, iid="a")])
    assert [(r["city_id"], r["indicator_id"], r["n_observations"]) for r in rows] == [
        ("c", "a", 1),
        ("c", "b", 1),
    ]
