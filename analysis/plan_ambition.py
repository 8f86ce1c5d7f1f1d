"""Ambition and internal consistency of a plan's own numbers, per city and indicator.

Three questions, each answered only where the plan states the values it needs:

* **Pace** (needs a 2015 value, a 2020 baseline and a 2025 target): the pace the target
  requires over 2020-2025 against the pace achieved over 2015-2020, both in the growth kind
  of the indicator (units a year for rates and years, compound percent a year for counts)
  and both signed so that movement towards "better" is positive.
  ``pace_ratio = required / past``. ``pace_label`` says it in words: "needs 2.3 times the
  past pace", "about the past pace" (ratio within ``SAME_PACE`` of 1), "needs 0.4 times
  the past pace (slower)"; where the ratio means nothing: "the past pace moved away from
  the target: needs a reversal", "no change 2015-2020: any progress is new", "no progress
  needed: the target is at or behind the baseline".
* **Midpoint position** (needs a 2022 value, a baseline and a target): where the stated
  2022 value sits against the straight path 2020->2025 (``implied_2022``, compound for
  counts): ``on_path`` when the difference is within half a unit of the last digit the
  plan states for 2022 (a value written "88" may be 87.5 to 88.5), else ``ahead`` or
  ``behind`` (direction-aware; behind means a back-loaded plan: more is left for
  2023-2025 than the straight path leaves); ``past_target`` when the 2022 value is
  already beyond the 2025 target, or reaches a target that lies beyond the baseline (the
  target asks for no more than 2022 reached).
* **Target direction** (needs a baseline and a target): ``improvement``, ``hold`` (the
  target equals the baseline) or ``decline`` (below the baseline for a higher-is-better
  indicator, above it for a lower-is-better one).
"""

from __future__ import annotations

SAME_PACE = 0.1  # a required pace within 10 % of the past pace is "about the past pace"


def signed(value: float, direction: str) -> float:
    return -value if direction == "lower_is_better" else value


def pace_label(required: float | None, past: float | None, direction: str) -> tuple:
    """(ratio, label) for a required and a past annual rate of the same kind."""
    if required is None or past is None:
        return None, None
    req, done = signed(required, direction), signed(past, direction)
    if req <= 0:
        return None, "no progress needed: the target is at or behind the baseline"
    if done < 0:
        return None, "the past pace moved away from the target: needs a reversal"
    if done == 0:
        return None, "no change 2015-2020: any progress is new"
    ratio = req / done
    if abs(ratio - 1) <= SAME_PACE:
        return ratio, "about the past pace"
    if ratio > 1:
        return ratio, f"needs {ratio:.1f} times the past pace"
    return ratio, f"needs {ratio:.1f} times the past pace (slower)"


def stated_precision(value: float) -> float:
    """Half a unit of the last digit of a stated value: 88 -> 0.5, 87.2 -> 0.05."""
    text = format(value, "f").rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10**-decimals


def midpoint_position(
    baseline: float | None,
    stated_2022: float | None,
    implied_2022: float | None,
    target: float | None,
    direction: str,
) -> tuple[float | None, str | None]:
    """(stated - implied, position) of a stated 2022 value against the straight path."""
    if None in (baseline, stated_2022, implied_2022, target):
        return None, None
    deviation = stated_2022 - implied_2022
    beyond = signed(stated_2022 - target, direction)
    if beyond > 0 or (beyond == 0 and signed(target - baseline, direction) > 0):
        return deviation, "past_target"
    if abs(deviation) <= stated_precision(stated_2022):
        return deviation, "on_path"
    return deviation, "ahead" if signed(deviation, direction) > 0 else "behind"


def target_direction(baseline: float | None, target: float | None, direction: str) -> str | None:
    if baseline is None or target is None:
        return None
    change = signed(target - baseline, direction)
    return "improvement" if change > 0 else ("hold" if change == 0 else "decline")
