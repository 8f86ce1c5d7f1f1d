"""Metric formulas on crafted numbers, and on the real plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.codebook import Indicator
from analysis.metrics import (
    STATUS_BASES,
    gap_to_target,
    growth_per_year,
    implied_value,
    indicator_metrics,
    meets,
    progress_status,
    status_basis,
)
from analysis.observations import Observation
from analysis.sources import Source


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


def test_both_progress_methods_on_the_real_plans(db):
    """Where the plans state a trend, both methods are stored and disagreements flagged."""
    got = db.execute(
        "SELECT city_id, indicator_id, progress_status, cagr_status, round(cagr_ratio, 2) "
        "FROM indicator_metrics WHERE methods_disagree ORDER BY 1, 2"
    ).fetchall()
    assert got == [
        ("jiamusi", "mandarin_popularisation_rate", "moderately_improving", "limited_progress", 0.58),
        ("jiamusi", "quality_high_school_quota_allocation_share", "stagnating", "target_achieved", None),
    ]  # fmt: skip
    baicheng = dict(
        db.execute(
            "SELECT indicator_id, cagr_status FROM indicator_metrics "
            "WHERE city_id = 'baicheng' AND cagr_base_year = 2015"
        ).fetchall()
    )
    assert baicheng["secondary_vocational_enrollment"] == "deterioration"
    assert baicheng["kindergarten_enrollment"] == "deterioration"  # no target: CAGR -3 %


def test_ambition_and_consistency_on_the_real_plans(db):
    got = db.execute(
        "SELECT city_id, indicator_id, history_2015, round(pace_ratio, 2), pace_label "
        "FROM indicator_metrics WHERE past_rate_2015_2020 IS NOT NULL "
        "AND target_2025 IS NOT NULL ORDER BY 1, 2"
    ).fetchall()
    assert ("baicheng", "upper_secondary_gross_enrollment_rate", 63.97, 0.89, "needs 0.9 times the past pace (slower)") in got  # fmt: skip
    assert ("baicheng", "secondary_vocational_enrollment", 7979.0, None, "the past pace moved away from the target: needs a reversal") in got  # fmt: skip
    positions = dict(
        db.execute(
            "SELECT indicator_id, midpoint_position FROM indicator_metrics "
            "WHERE city_id = 'jiamusi' AND midpoint_position IS NOT NULL"
        ).fetchall()
    )
    assert positions["mean_schooling_years_working_age"] == "behind"
    assert positions["new_labour_force_higher_education_share"] == "ahead"
    assert positions["public_kindergarten_enrollment_share"] == "past_target"
    assert positions["student_physical_fitness_pass_rate"] == "on_path"
    # every 2022 value with a baseline and a target gets a position, never silently none
    assert db.execute(
        "SELECT count(*) FROM indicator_metrics WHERE midpoint_2022 IS NOT NULL "
        "AND baseline_2020 IS NOT NULL AND target_2025 IS NOT NULL AND midpoint_position IS NULL"
    ).fetchone() == (0,)


# ---------------------------------------------------------------- any plan: crafted rows


def _obs(city, indicator, year, value, unit="persons", comparator="="):
    return Observation(
        observation_id=f"{city}.{indicator}.{year}.0", source_id=f"{city}_plan", city_id=city,
        indicator_id=indicator, year=year, role="historical", comparator=comparator, value=value,
        value_upper=None, value_kind="level", unit=unit, method="table", char_start=year,
        char_end=year + 1, quote=str(value), label_start=None, label_end=None, label_quote=None,
        line=1, year_basis="table_header", section="", preferred=True,
    )  # fmt: skip


def _indicator(indicator_id, unit, direction):
    return Indicator(
        indicator_id, "指标", "an indicator", (), unit, direction, "any", "any", True, ""
    )


def _value(city, indicator, baseline, midpoint, target, comparator="="):
    return {
        "city_id": city, "source_id": f"{city}_plan", "indicator_id": indicator,
        "baseline_2020": baseline, "baseline_comparator": "=",
        "baseline_observation_id": f"{city}.{indicator}.2020.0",
        "midpoint_2022": midpoint, "midpoint_observation_id": None,
        "target_2025": target, "target_comparator": comparator,
        "target_observation_id": f"{city}.{indicator}.2025.0", "has_conflict": False,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("unit", "direction", "h2015", "baseline", "midpoint", "target", "expected"),
    [
        # a count that grew 10 % a year and must grow 2 % a year: compound for both methods
        ("persons", "higher_is_better", 1000, 1000 * 1.1**5, None, 1000 * 1.1**5 * 1.02**5,
         ("on_track", "substantial_progress", False, "needs 0.2 times the past pace (slower)", None, "improvement")),
        # a lower-is-better rate stated 2020 and 2022, behind the straight path
        ("percent", "lower_is_better", None, 5.0, 4.8, 3.0,
         ("stagnating", "limited_progress", False, None, "behind", "improvement")),
        # a higher-is-better rate whose target is below the baseline: already met by both
        ("percent", "higher_is_better", 80.0, 93.0, None, 90.0,
         ("already_met", "target_achieved", False, "no progress needed: the target is at or behind the baseline", None, "decline")),
        # a rate that fell 2015-2020 against a target above the baseline
        ("percent", "higher_is_better", 70.0, 60.0, None, 80.0,
         ("declining", "deterioration", False, "the past pace moved away from the target: needs a reversal", None, "improvement")),
        # a trend without a target: only the compound method can rate it
        ("persons", "higher_is_better", 100.0, 90.0, None, None,
         ("no_trend_stated", "deterioration", None, None, None, None)),
    ],
)  # fmt: skip
def test_both_methods_and_ambition_for_any_plan(
    unit, direction, h2015, baseline, midpoint, target, expected
):
    """A made-up city and indicator: nothing in the code knows the five plans."""
    city, iid = "anytown", "any_indicator"
    observations = [
        _obs(city, iid, year, v, unit)
        for year, v in ((2015, h2015), (2020, baseline), (2022, midpoint), (2025, target))
        if v is not None
    ]
    source = Source(f"{city}_plan", city, Path("anytown.md"), {})
    row = indicator_metrics(
        [_value(city, iid, baseline, midpoint, target)],
        observations,
        {iid: _indicator(iid, unit, direction)},
        {f"{city}_plan": source},
        [],
    )[0]
    got = tuple(
        row[k]
        for k in (
            "progress_status", "cagr_status", "methods_disagree", "pace_label",
            "midpoint_position", "target_direction",
        )
    )  # fmt: skip
    assert got == expected


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
