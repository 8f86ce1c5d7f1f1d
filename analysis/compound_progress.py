"""Progress status by the compound-growth method of Eurostat's SDG monitoring / Open SDG.

The second progress method beside the linear-rate status of the Sustainable Development
Report (analysis/metrics.py), implemented as published so that the two can be compared:

* Source of the method: Eurostat (2021), *Sustainable development in the European Union -
  Monitoring report on progress towards the SDGs in an EU context* (categories "significant
  progress", "moderate progress", "insufficient progress", "movement away from the target").
* Thresholds and edge cases as implemented by Open SDG, which says its method is "inspired by
  the progress methodology used by Eurostat" and cites Eurostat (2021):
  "Progress Measurement Methodology for the Sustainable Development Goals",
  ``https://open-sdg.readthedocs.io/en/latest/progress-methodology/`` (Statistics Canada), and the
  code, open-sdg/sdg-build ``sdg/ProgressMeasure.py`` (commit 139fede7), functions
  ``growth_calculation``, ``methodology_1``, ``methodology_2``, ``is_target_achieved``,
  ``get_progress_thresholds`` and ``get_progress_status``.

Definitions (years: the base year ``t0`` is the earliest stated level from 2015 on, as Open
SDG's default base year 2015 falls back to the next year with data; the current year ``ti``
is the latest stated level; the target year is 2025):

* observed ``CAGR_o = (y_i / y_0) ** (1 / (t_i - t0)) - 1``;
* required ``CAGR_r = (y_T / y_0) ** (1 / (2025 - t0)) - 1``;
* with a target: ``ratio = s * d * CAGR_o / |CAGR_r|`` (``d`` = +1 higher-is-better, -1
  lower-is-better; ``s`` = -1 when the base value is negative): ``substantial_progress``
  ratio >= 0.95, ``moderate_progress`` 0.6 to 0.95, ``limited_progress`` 0 to 0.6,
  ``deterioration`` below 0;
* without a target: the signed ``s * d * CAGR_o`` against fixed rates: substantial >= 1.5 %
  a year, moderate 0.5 % to 1.5 %, limited 0 to 0.5 %, deterioration below 0 (Open SDG's
  natural-limit scaling of these thresholds applies only where a limit is configured; the
  codebook configures none);
* ``target_achieved`` whenever the current value is at or beyond the target (``>=`` for
  higher-is-better, ``<=`` for lower-is-better; Open SDG ignores a strict comparator, so a
  ">80" target is achieved by 80 here, unlike in the linear method), even with one value;
* a base value or target of 0 is replaced by 0.001 (as Open SDG does); a base and a current
  value of opposite signs, fewer than two stated years, or (our guard, where Open SDG would
  take a fractional power of a negative number) a target of the opposite sign to the base
  give ``not_available`` with the reason in ``note``;
* a required growth of exactly 0 (target equal to the base, not yet achieved, so the value
  fell) divides by zero; Open SDG's numpy arithmetic gives minus infinity there, so the
  status is ``deterioration`` and the ratio is left empty.
"""

from __future__ import annotations

from dataclasses import dataclass

TARGET_THRESHOLDS = {"high": 0.95, "med": 0.6, "low": 0.0}  # ratio of observed to required
NO_TARGET_THRESHOLDS = {"high": 0.015, "med": 0.005, "low": 0.0}  # observed CAGR
ZERO_REPLACEMENT = 0.001
STATUSES = (
    "target_achieved",
    "substantial_progress",
    "moderate_progress",
    "limited_progress",
    "deterioration",
    "not_available",
)


@dataclass(frozen=True)
class CompoundProgress:
    status: str
    base_year: int | None = None
    current_year: int | None = None
    observed: float | None = None  # CAGR, percent per year
    required: float | None = None  # CAGR, percent per year; None without a target
    ratio: float | None = None
    note: str | None = None


def growth(current: float, base: float, current_year: int, base_year: int) -> float:
    """Compound annual growth rate (a fraction per year), as Open SDG's growth_calculation."""
    return (current / base) ** (1 / (current_year - base_year)) - 1


def status_from_value(value: float, thresholds: dict) -> str:
    if value >= thresholds["high"]:
        return "substantial_progress"
    if value >= thresholds["med"]:
        return "moderate_progress"
    if value >= thresholds["low"]:
        return "limited_progress"
    return "deterioration"


def achieved(current: float, target: float, direction: str) -> bool:
    return current <= target if direction == "lower_is_better" else current >= target


def compound_progress(
    series: dict[int, float], target: float | None, target_year: int, direction: str
) -> CompoundProgress:
    """Status from the stated levels ``{year: value}`` (base: earliest, current: latest)."""
    if not series:
        return CompoundProgress("not_available", note="no stated value")
    base_year, current_year = min(series), max(series)
    base, current = series[base_year], series[current_year]
    years = {"base_year": base_year, "current_year": current_year}
    if target is not None and achieved(current, target, direction):
        return CompoundProgress("target_achieved", **years)
    if current_year == base_year:
        return CompoundProgress("not_available", **years, note="one stated year")
    notes = []
    if base == 0:
        base, notes = ZERO_REPLACEMENT, [*notes, "base value 0 replaced by 0.001"]
    if (base > 0) != (current > 0) and current != 0:
        return CompoundProgress(
            "not_available", **years, note="base and current values of opposite signs"
        )
    sign = -1 if base < 0 else 1
    d = -1 if direction == "lower_is_better" else 1
    observed = growth(current, base, current_year, base_year)
    if target is None:
        value = sign * d * observed
        return CompoundProgress(
            status_from_value(value, NO_TARGET_THRESHOLDS),
            **years,
            observed=observed * 100,
            note="; ".join(notes) or None,
        )
    if target == 0:
        target, notes = ZERO_REPLACEMENT, [*notes, "target 0 replaced by 0.001"]
    if (target > 0) != (base > 0):
        return CompoundProgress(
            "not_available", **years, note="target and base value of opposite signs"
        )
    required = growth(target, base, target_year, base_year)
    note = "; ".join(notes) or None
    if required == 0:
        return CompoundProgress(
            "deterioration", **years, observed=observed * 100, required=0.0, note=note
        )
    ratio = sign * d * observed / abs(required)
    return CompoundProgress(
        status_from_value(ratio, TARGET_THRESHOLDS),
        **years,
        observed=observed * 100,
        required=required * 100,
        ratio=ratio,
        note=note,
    )


# The two methods' categories on one scale, to flag where they tell a reader different
# things. "Met" and "on track" share a tier: the linear method's already_met looks at the
# baseline, Open SDG's target_achieved at the latest value, and a value that has reached
# the target is on track by either reading.
LINEAR_TIER = {
    "already_met": "on_course",
    "on_track": "on_course",
    "moderately_improving": "moderate",
    "stagnating": "insufficient",
    "declining": "away",
}
COMPOUND_TIER = {
    "target_achieved": "on_course",
    "substantial_progress": "on_course",
    "moderate_progress": "moderate",
    "limited_progress": "insufficient",
    "deterioration": "away",
}


def methods_disagree(linear_status: str, compound_status: str) -> bool | None:
    """True/False where both methods assess the indicator; None where one cannot."""
    a, b = LINEAR_TIER.get(linear_status), COMPOUND_TIER.get(compound_status)
    if a is None or b is None:
        return None
    return a != b
