"""The Eurostat / Open SDG compound-growth status on crafted series, every edge case."""

from __future__ import annotations

import pytest

from analysis.compound_progress import compound_progress, growth, methods_disagree

H, L = "higher_is_better", "lower_is_better"


@pytest.mark.parametrize(
    ("series", "target", "direction", "status", "ratio"),
    [
        # ratio = observed CAGR / |required CAGR| from the base year to 2025
        ({2020: 100, 2022: 100 * 1.02**2}, 100 * 1.02**5, H, "substantial_progress", 1.0),
        ({2020: 100, 2022: 100 * 1.0191**2}, 100 * 1.02**5, H, "substantial_progress", 0.955),
        ({2020: 100, 2022: 100 * 1.018**2}, 100 * 1.02**5, H, "moderate_progress", 0.9),
        ({2020: 100, 2022: 100 * 1.012**2}, 100 * 1.02**5, H, "moderate_progress", 0.6),
        ({2020: 100, 2022: 100 * 1.011**2}, 100 * 1.02**5, H, "limited_progress", 0.55),
        ({2020: 100, 2022: 100}, 110, H, "limited_progress", 0.0),
        ({2020: 100, 2022: 99}, 110, H, "deterioration", None),
        # lower is better: falling is progress, rising is deterioration
        ({2020: 10, 2022: 10 * 0.95**2}, 10 * 0.95**5, L, "substantial_progress", 1.0),
        ({2020: 10, 2022: 11}, 5, L, "deterioration", None),
        # the base is the earliest stated year: 2015 -> 2022 when three are stated
        (
            {2015: 100, 2020: 150, 2022: 100 * 1.02**7},
            100 * 1.02**10,
            H,
            "substantial_progress",
            1.0,
        ),
    ],
)
def test_ratio_thresholds(series, target, direction, status, ratio):
    got = compound_progress(series, target, 2025, direction)
    assert got.status == status
    if ratio is not None:
        assert got.ratio == pytest.approx(ratio, abs=0.002)
    else:
        assert got.ratio < 0


@pytest.mark.parametrize(
    ("series", "target", "direction", "status", "note"),
    [
        # target achieved by the latest value, even with one year or a falling trend
        ({2020: 90, 2022: 93}, 90, H, "target_achieved", None),
        ({2020: 99}, 99, H, "target_achieved", None),
        ({2020: 5, 2022: 3}, 3, L, "target_achieved", None),
        # Open SDG compares with >=: a strict ">80" is achieved by 80 here
        ({2020: 80, 2022: 80}, 80, H, "target_achieved", None),
        # a value fell below a target equal to the base: required growth 0
        ({2020: 80, 2022: 79}, 80, H, "deterioration", None),
        ({2020: 90}, 95, H, "not_available", "one stated year"),
        ({}, 95, H, "not_available", "no stated value"),
        ({2020: 0, 2022: 5}, 10, H, "substantial_progress", "base value 0 replaced by 0.001"),
        ({2020: 10, 2022: 8}, 0, L, "limited_progress", "target 0 replaced by 0.001"),
        ({2020: -5, 2022: 5}, 10, H, "not_available", "base and current values of opposite signs"),
        ({2020: -5, 2022: -4}, 5, H, "not_available", "target and base value of opposite signs"),
        # no target: observed CAGR against 1.5 % and 0.5 % a year
        ({2015: 100, 2020: 100 * 1.0151**5}, None, H, "substantial_progress", None),
        ({2015: 100, 2020: 100 * 1.01**5}, None, H, "moderate_progress", None),
        ({2015: 100, 2020: 100 * 1.004**5}, None, H, "limited_progress", None),
        ({2015: 100, 2020: 90}, None, H, "deterioration", None),
        ({2015: 100, 2020: 90}, None, L, "substantial_progress", None),
    ],
)
def test_edge_cases(series, target, direction, status, note):
    got = compound_progress(series, target, 2025, direction)
    assert (got.status, got.note) == (status, note)


def test_negative_values_flip_the_direction():
    # all negative: a value moving from -10 to -5 "shrinks" (CAGR < 0), which is progress
    # towards -2 for a higher-is-better indicator once the sign is turned
    got = compound_progress({2020: -10, 2022: -5}, -2, 2025, H)
    assert got.ratio > 0


def test_growth_is_the_open_sdg_formula():
    assert growth(121, 100, 2022, 2020) == pytest.approx(0.1)
    got = compound_progress({2020: 100, 2022: 121}, 200, 2025, H)
    assert (got.observed, got.required) == (pytest.approx(10.0), pytest.approx(14.8698, abs=1e-4))


@pytest.mark.parametrize(
    ("linear", "compound", "expected"),
    [
        ("on_track", "substantial_progress", False),
        ("on_track", "target_achieved", False),
        ("already_met", "target_achieved", False),
        ("moderately_improving", "limited_progress", True),
        ("stagnating", "target_achieved", True),
        ("declining", "deterioration", False),
        ("on_track", "moderate_progress", True),
        ("no_trend_stated", "deterioration", None),
        ("on_track", "not_available", None),
        ("no_baseline", "not_available", None),
    ],
)
def test_methods_disagree(linear, compound, expected):
    assert methods_disagree(linear, compound) is expected
