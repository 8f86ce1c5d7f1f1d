"""Comparison metrics per city and indicator, as pure functions with stated formulas.

Units: a metric is in the indicator's own unit (percentage points for rates, years for
schooling years) unless it says otherwise; compound growth is in percent per year.

* gap to target: ``gap = target - baseline`` (signed, indicator unit). Its status is
  ``met`` when the baseline already satisfies the target's comparator (a ``>= 99``
  target with a baseline of 99 is met; for a lower-is-better indicator the baseline must
  be at or below the target), ``planned_decline`` when the target lies on the wrong side
  of the baseline for the indicator's direction (the plan aims lower than it starts),
  ``gap`` otherwise; ``no_baseline`` / ``no_target`` when one is not stated.
  ``gap_to_close = |gap|`` for status ``gap``, 0 for ``met``.
* growth needed per year, linear for rates, years and hours:
  ``(target - start) / (2025 - start_year)`` (units per year); compound for counts and
  persons: ``((target / start) ** (1 / (2025 - start_year)) - 1) * 100`` (% per year).
  Computed over 2020-2025 from the baseline, and again from the latest stated value:
  the stated 2022 midpoint where the plan gives one, else the baseline value carried to
  the plan's issue year (Baicheng and Jiamusi were issued in late 2022, so three years
  remained), else the baseline year.
* midpoint progress: the straight path implies
  ``implied_2022 = baseline + (target - baseline) * 2 / 5`` (compound for counts). The
  status compares an observed annual rate with the required one, after the trend method
  of the Sustainable Development Report: the rate from baseline to the stated 2022 value,
  or, where no 2022 value is stated, the 2015-2020 historical rate where the plan states
  a 2015 value. ``ratio = observed / required`` (direction-aware): ``on_track`` if
  ratio >= 1, ``moderately_improving`` if 0.5 <= ratio < 1, ``stagnating`` if
  0 <= ratio < 0.5, ``declining`` if ratio < 0 (a strict target with no distance to
  cover, ">80" from 80, is on track with any movement in the right direction);
  ``already_met`` when the baseline meets
  the target, ``no_baseline`` without a baseline, ``no_trend_stated`` when the plan
  states neither a 2022 nor a 2015 value.
* the second progress method, Eurostat's SDG monitoring as implemented by Open SDG
  (compound growth, observed over required, thresholds 0.95 / 0.6 / 0), and the flag where
  the two methods disagree: analysis/compound_progress.py.
* ambition and consistency (required 2020-2025 pace against the 2015-2020 pace, the stated
  2022 value against the straight path, a target behind the baseline):
  analysis/plan_ambition.py.
* status basis: what the status rests on, so that no chart states a status it cannot
  back: ``stated_2022`` (the stated 2022 value), ``trend_2015_2020`` (the 2015-2020 trend,
  not progress since the plan began), ``baseline_vs_target`` (already_met: the baseline
  alone) or ``none`` (no status could be computed).
"""

from __future__ import annotations

from collections import defaultdict

from analysis import plan_ambition
from analysis.compound_progress import compound_progress, methods_disagree

MIDPOINT_YEAR, BASELINE_YEAR, TARGET_YEAR, HISTORY_YEAR = 2022, 2020, 2025, 2015
COMPOUND_UNITS = {"persons", "count"}
ON_TRACK, MODERATE = 1.0, 0.5


def meets(
    value: float,
    value_comparator: str | None,
    target: float,
    target_comparator: str,
    direction: str,
) -> bool:
    """Whether a stated value satisfies a target, given both comparators and the direction."""
    if direction == "lower_is_better":
        if target_comparator == "<":
            return value < target or (value == target and value_comparator == "<")
        return value <= target
    if target_comparator == ">":
        return value > target or (value == target and value_comparator in (">", ">="))
    return value >= target  # ">=", "=", "~": reaching the level counts


def gap_to_target(baseline, baseline_comparator, target, target_comparator, direction) -> dict:
    if baseline is None:
        return {"gap": None, "gap_to_close": None, "gap_status": "no_baseline"}
    if target is None:
        return {"gap": None, "gap_to_close": None, "gap_status": "no_target"}
    gap = target - baseline
    if meets(baseline, baseline_comparator, target, target_comparator, direction):
        wrong_side = (gap < 0) if direction == "higher_is_better" else (gap > 0)
        status = "planned_decline" if wrong_side and target_comparator in ("=", "~") else "met"
        return {"gap": gap, "gap_to_close": 0.0, "gap_status": status}
    return {"gap": gap, "gap_to_close": abs(gap), "gap_status": "gap"}


def growth_per_year(
    start: float | None, start_year: int | None, target: float | None, unit: str
) -> tuple[float | None, str]:
    """Growth needed per year from (start_year, start) to (2025, target), and its kind."""
    kind = "compound" if unit in COMPOUND_UNITS else "linear"
    if start is None or target is None or start_year is None or start_year >= TARGET_YEAR:
        return None, kind
    years = TARGET_YEAR - start_year
    if kind == "compound":
        if start <= 0 or target <= 0:
            return None, kind
        return ((target / start) ** (1 / years) - 1) * 100, kind
    return (target - start) / years, kind


def implied_value(baseline: float, target: float, year: int, unit: str) -> float:
    """The value a straight (or, for counts, constant-growth) path implies in `year`."""
    share = (year - BASELINE_YEAR) / (TARGET_YEAR - BASELINE_YEAR)
    if unit in COMPOUND_UNITS and baseline > 0 and target > 0:
        return baseline * (target / baseline) ** share
    return baseline + (target - baseline) * share


def progress_status(
    observed_rate: float | None, required_rate: float | None, direction: str
) -> str:
    if observed_rate is None or required_rate is None:
        return "no_trend_stated"
    sign = 1 if direction == "higher_is_better" else -1
    required, observed = sign * required_rate, sign * observed_rate
    if required <= 0:
        # a strict target (">80" from 80) needs some movement but no measurable amount
        return "on_track" if observed > 0 else ("stagnating" if observed == 0 else "declining")
    ratio = observed / required
    if ratio >= ON_TRACK:
        return "on_track"
    if ratio >= MODERATE:
        return "moderately_improving"
    if ratio >= 0:
        return "stagnating"
    return "declining"


STATUS_BASES = ("stated_2022", "trend_2015_2020", "baseline_vs_target", "none")


def status_basis(status: str, trend_basis: str | None) -> str:
    """What a progress status rests on (one of :data:`STATUS_BASES`)."""
    if status == "already_met":
        return "baseline_vs_target"
    if trend_basis == "stated_2022":
        return "stated_2022"
    if trend_basis == "historical_2015_2020":
        return "trend_2015_2020"
    return "none"


def _rate(a: float, a_year: int, b: float, b_year: int, unit: str) -> float | None:
    """Observed annual rate between two stated values, in the same kind as growth_per_year."""
    years = b_year - a_year
    if unit in COMPOUND_UNITS:
        return ((b / a) ** (1 / years) - 1) * 100 if a > 0 and b > 0 else None
    return (b - a) / years


def indicator_metrics(
    values: list[dict],
    observations: list,
    indicators: dict,
    sources: dict,
    reference: list[dict],
) -> list[dict]:
    """One row per city and indicator with a level baseline or target."""
    national = {(r["indicator_id"], r["year"]): r for r in reference}
    levels = [o for o in observations if o.value_kind in ("level", "range")]
    preferred_level = {(o.city_id, o.indicator_id, o.year): o for o in levels if o.preferred}
    alternatives = defaultdict(list)  # conflicting values other than the preferred one
    for o in levels:
        key = (o.city_id, o.indicator_id, o.year)
        chosen = preferred_level[key]
        if o.conflict_id and (o.value, o.value_upper) != (chosen.value, chosen.value_upper):
            alternatives[key].append(o)
    rows = []
    for v in values:
        if v["baseline_2020"] is None and v["target_2025"] is None:
            continue
        ind = indicators[v["indicator_id"]]
        source = sources[v["source_id"]]
        city, iid = v["city_id"], v["indicator_id"]
        baseline, target = v["baseline_2020"], v["target_2025"]
        midpoint = v["midpoint_2022"]
        gap = gap_to_target(
            baseline, v["baseline_comparator"], target, v["target_comparator"], ind.direction
        )
        growth_5y, kind = growth_per_year(baseline, BASELINE_YEAR, target, ind.unit)
        latest_year, latest_value, latest_basis = _latest(
            midpoint, baseline, source.meta.get("issue_date")
        )
        growth_latest, _ = growth_per_year(latest_value, latest_year, target, ind.unit)
        implied = (
            implied_value(baseline, target, MIDPOINT_YEAR, ind.unit)
            if baseline is not None and target is not None
            else None
        )
        history = preferred_level.get((city, iid, HISTORY_YEAR))
        if gap["gap_status"] == "no_baseline":
            status, trend_basis, observed = "no_baseline", None, None
        elif gap["gap_status"] in ("met", "planned_decline"):
            status, trend_basis, observed = "already_met", None, None
        elif target is None:
            status, trend_basis, observed = "no_trend_stated", None, None
        elif midpoint is not None:
            observed = _rate(baseline, BASELINE_YEAR, midpoint, MIDPOINT_YEAR, ind.unit)
            trend_basis = "stated_2022"
            status = progress_status(observed, growth_5y, ind.direction)
        elif history is not None:
            observed = _rate(history.value, HISTORY_YEAR, baseline, BASELINE_YEAR, ind.unit)
            trend_basis = "historical_2015_2020"
            status = progress_status(observed, growth_5y, ind.direction)
        else:
            status, trend_basis, observed = "no_trend_stated", None, None
        nb, nt = national.get((iid, BASELINE_YEAR)), national.get((iid, TARGET_YEAR))
        rows.append(
            {
                "city_id": city,
                "source_id": v["source_id"],
                "indicator_id": iid,
                "unit": ind.unit,
                "direction": ind.direction,
                "comparable": ind.comparable,
                "baseline_2020": baseline,
                "baseline_comparator": v["baseline_comparator"],
                "baseline_observation_id": v["baseline_observation_id"],
                "baseline_alternatives": _alts(alternatives[(city, iid, BASELINE_YEAR)]),
                "midpoint_2022": midpoint,
                "midpoint_observation_id": v["midpoint_observation_id"],
                "target_2025": target,
                "target_comparator": v["target_comparator"],
                "target_observation_id": v["target_observation_id"],
                "target_alternatives": _alts(alternatives[(city, iid, TARGET_YEAR)]),
                "has_conflict": v["has_conflict"],
                **gap,
                "growth_kind": kind,
                "growth_per_year_2020_2025": growth_5y,
                "latest_year": latest_year,
                "latest_value": latest_value,
                "latest_basis": latest_basis,
                "growth_per_year_from_latest": growth_latest,
                "implied_2022": implied,
                "observed_rate": observed,
                "trend_basis": trend_basis,
                "progress_status": status,
                "status_basis": status_basis(status, trend_basis),
                "national_baseline_2020": nb["value"] if nb else None,
                "national_target_2025": nt["value"] if nt else None,
                "national_target_comparator": nt["comparator"] if nt else None,
                "baseline_minus_national": baseline - nb["value"]
                if nb and baseline is not None
                else None,
                "target_minus_national": target - nt["value"]
                if nt and target is not None
                else None,
                **_second_method_and_ambition(
                    history, baseline, midpoint, target, implied, growth_5y, ind, status
                ),
            }
        )
    return rows


def _second_method_and_ambition(
    history, baseline, midpoint, target, implied, growth_5y, ind, linear_status
) -> dict:
    """The columns of the compound-growth status and of the ambition checks."""
    stated = {HISTORY_YEAR: history.value if history else None, BASELINE_YEAR: baseline}
    stated[MIDPOINT_YEAR] = midpoint
    compound = compound_progress(
        {y: v for y, v in stated.items() if v is not None}, target, TARGET_YEAR, ind.direction
    )
    past = (
        _rate(history.value, HISTORY_YEAR, baseline, BASELINE_YEAR, ind.unit)
        if history is not None and baseline is not None
        else None
    )
    ratio, label = plan_ambition.pace_label(growth_5y, past, ind.direction)
    deviation, position = plan_ambition.midpoint_position(
        baseline, midpoint, implied, target, ind.direction
    )
    return {
        "history_2015": history.value if history else None,
        "history_observation_id": history.observation_id if history else None,
        "cagr_base_year": compound.base_year,
        "cagr_current_year": compound.current_year,
        "cagr_observed": compound.observed,
        "cagr_required": compound.required,
        "cagr_ratio": compound.ratio,
        "cagr_status": compound.status,
        "cagr_note": compound.note,
        "methods_disagree": methods_disagree(linear_status, compound.status),
        "past_rate_2015_2020": past,
        "pace_ratio": ratio,
        "pace_label": label,
        "midpoint_deviation": deviation,
        "midpoint_position": position,
        "target_direction": plan_ambition.target_direction(baseline, target, ind.direction),
    }


def _latest(midpoint, baseline, issue_date) -> tuple[int | None, float | None, str]:
    if midpoint is not None:
        return MIDPOINT_YEAR, midpoint, "stated_2022"
    if baseline is None:
        return None, None, "none"
    if issue_date:
        year = int(str(issue_date)[:4])
        return year, baseline, f"baseline carried to issue year {year}"
    return BASELINE_YEAR, baseline, "baseline (no issue date stated)"


def _alts(observations: list) -> str | None:
    """Non-preferred conflicting values, e.g. "88.2 (prose, line 9)"."""
    if not observations:
        return None
    return "; ".join(
        f"{o.value:g} ({o.method}, line {o.line})"
        for o in sorted(observations, key=lambda o: o.char_start)
    )
