"""Metric formulas on crafted numbers, and on the real plans."""

from __future__ import annotations

import pytest

from analysis.metrics import (
    STATUS_BASES,
    gap_to_target,
    growth_per_year,
    implied_value,
    meets,
    progress_status,
    status_basis,
)


@pytest.mark.parametrize(
    ("value", "value_cmp", "target", "target_cmp", "direction", "expected"),
    [
        (99, "=", 99, ">=", "higher_is_better", True),  # a >= 99 target met by 99
        (99, "=", 99, ">", "higher_is_better", False),  # strictly above 99 is not met by 99
        (99, ">", 99, ">", "higher_is_better", True),  # ">99" meets ">99"
        (92.2, "=", 95, "~", "higher_is_better", False),
        (1.0, "=", 1, "<=", "lower_is_better", True),
        (1.5, "=", 1, "<=", "lower_is_better", False),
    ],
)
def test_meets(value, value_cmp, target, target_cmp, direction, expected):
    assert meets(value, value_cmp, target, target_cmp, direction) is expected


def test_gap_statuses():
    assert gap_to_target(92.2, "=", 95, "~", "higher_is_better") == {
        "gap": pytest.approx(2.8),
        "gap_to_close": pytest.approx(2.8),
        "gap_status": "gap",
    }
    assert gap_to_target(99, "=", 99, ">=", "higher_is_better")["gap_status"] == "met"
    assert gap_to_target(93, "=", 90, "=", "higher_is_better")["gap_status"] == "planned_decline"
    assert gap_to_target(5, "=", 3, "<=", "lower_is_better") == {
        "gap": -2,
        "gap_to_close": 2,
        "gap_status": "gap",
    }
    assert gap_to_target(None, None, 95, "=", "higher_is_better")["gap_status"] == "no_baseline"
    assert gap_to_target(90, "=", None, None, "higher_is_better")["gap_status"] == "no_target"


def test_growth_linear_for_rates_and_compound_for_counts():
    assert growth_per_year(80.36, 2020, 95, "percent") == (pytest.approx(2.928), "linear")
    rate, kind = growth_per_year(7032, 2020, 7800, "persons")
    assert kind == "compound"
    assert rate == pytest.approx(((7800 / 7032) ** (1 / 5) - 1) * 100)
    assert growth_per_year(90, 2022, 95, "percent") == (pytest.approx(5 / 3), "linear")
    assert growth_per_year(None, 2020, 95, "percent") == (None, "linear")


def test_implied_midpoint():
    assert implied_value(90, 95, 2022, "percent") == pytest.approx(92)
    assert implied_value(100, 121, 2022, "count") == pytest.approx(100 * 1.21**0.4)


@pytest.mark.parametrize(
    ("observed", "required", "direction", "status"),
    [
        (1.0, 1.0, "higher_is_better", "on_track"),
        (0.6, 1.0, "higher_is_better", "moderately_improving"),
        (0.2, 1.0, "higher_is_better", "stagnating"),
        (-0.1, 1.0, "higher_is_better", "declining"),
        (-1.0, -1.0, "lower_is_better", "on_track"),
        (0.0, 0.0, "higher_is_better", "stagnating"),
        (None, 1.0, "higher_is_better", "no_trend_stated"),
    ],
)
def test_progress_status_thresholds(observed, required, direction, status):
    assert progress_status(observed, required, direction) == status


def test_real_metrics_rows(db):
    got = db.execute(
        "SELECT city_id, indicator_id, baseline_2020, target_2025, gap_status, "
        "round(growth_per_year_2020_2025, 3), latest_year, round(growth_per_year_from_latest, 3), "
        "round(implied_2022, 2), trend_basis, progress_status, national_baseline_2020, "
        "national_target_2025, baseline_alternatives "
        "FROM indicator_metrics WHERE indicator_id = 'preschool_gross_enrollment_rate' ORDER BY 1"
    ).fetchall()
    assert got == [
        ("baicheng", "preschool_gross_enrollment_rate", 92.2, 95.0, "gap", 0.56, 2022, 0.933, 93.32, "historical_2015_2020", "on_track", 85.2, 90.0, "95 (table, line 363)"),
        ("jiamusi", "preschool_gross_enrollment_rate", 90.0, 90.0, "met", 0.0, 2022, -1.0, 90.0, None, "already_met", 85.2, 90.0, "88.2 (prose, line 9)"),
        ("linjiang", "preschool_gross_enrollment_rate", 90.0, 95.0, "gap", 1.0, 2020, 1.0, 92.0, None, "no_trend_stated", 85.2, 90.0, None),
    ]  # fmt: skip


def test_jiamusi_stated_midpoints_get_a_status(db):
    got = dict(
        db.execute(
            "SELECT indicator_id, progress_status FROM indicator_metrics "
            "WHERE city_id = 'jiamusi' AND trend_basis = 'stated_2022'"
        ).fetchall()
    )
    assert got["inclusive_kindergarten_coverage"] == "moderately_improving"
    assert got["student_physical_fitness_pass_rate"] == "on_track"
    assert got["quality_high_school_quota_allocation_share"] == "stagnating"


@pytest.mark.parametrize(
    ("status", "trend_basis", "basis"),
    [
        ("on_track", "stated_2022", "stated_2022"),
        ("declining", "historical_2015_2020", "trend_2015_2020"),
        ("already_met", None, "baseline_vs_target"),
        ("no_trend_stated", None, "none"),
        ("no_baseline", None, "none"),
    ],
)
def test_status_basis_names_what_a_status_rests_on(status, trend_basis, basis):
    assert status_basis(status, trend_basis) == basis


def test_every_computed_status_has_a_basis_that_backs_it(db):
    rows = db.execute(
        "SELECT city_id, progress_status, status_basis, midpoint_2022 FROM indicator_metrics"
    ).fetchall()
    bases = {basis for _, _, basis, _ in rows}
    assert bases <= set(STATUS_BASES) and "trend_2015_2020" in bases
    for city, status, basis, midpoint in rows:
        trend = status in ("on_track", "moderately_improving", "stagnating", "declining")
        assert trend == (basis in ("stated_2022", "trend_2015_2020")), (city, status, basis)
        assert (basis == "stated_2022") <= (midpoint is not None)
    # Baicheng states no 2022 value: its statuses rest on the 2015-2020 trend alone
    assert {b for c, s, b, _ in rows if c == "baicheng" and s == "on_track"} == {"trend_2015_2020"}
