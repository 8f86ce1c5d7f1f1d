"""Ambition and consistency checks on crafted plan numbers."""

from __future__ import annotations

import pytest

from analysis.plan_ambition import midpoint_position, pace_label, stated_precision, target_direction

H, L = "higher_is_better", "lower_is_better"


@pytest.mark.parametrize(
    ("required", "past", "direction", "ratio", "label"),
    [
        (2.0, 1.0, H, 2.0, "needs 2.0 times the past pace"),
        (1.05, 1.0, H, 1.05, "about the past pace"),
        (0.4, 1.0, H, 0.4, "needs 0.4 times the past pace (slower)"),
        (1.0, -0.5, H, None, "the past pace moved away from the target: needs a reversal"),
        (1.0, 0.0, H, None, "no change 2015-2020: any progress is new"),
        (0.0, 1.0, H, None, "no progress needed: the target is at or behind the baseline"),
        (-1.0, 1.0, H, None, "no progress needed: the target is at or behind the baseline"),
        # lower is better: a falling rate is progress
        (-3.0, -1.0, L, 3.0, "needs 3.0 times the past pace"),
        (-1.0, 0.5, L, None, "the past pace moved away from the target: needs a reversal"),
        (None, 1.0, H, None, None),
        (1.0, None, H, None, None),
    ],
)
def test_pace_label(required, past, direction, ratio, label):
    got_ratio, got_label = pace_label(required, past, direction)
    assert got_label == label
    assert got_ratio == (pytest.approx(ratio) if ratio is not None else None)


@pytest.mark.parametrize(
    ("value", "half_unit"), [(88, 0.5), (87.2, 0.05), (11.5, 0.05), (97.25, 0.005), (7800, 0.5)]
)
def test_stated_precision(value, half_unit):
    assert stated_precision(value) == pytest.approx(half_unit)


@pytest.mark.parametrize(
    ("baseline", "stated", "implied", "target", "direction", "position"),
    [
        (78, 82, 82.0, 88, H, "on_path"),
        (87.2, 88, 88.32, 90, H, "on_path"),  # 88 may be 87.5-88.5
        (11.3, 11.5, 11.58, 12, H, "behind"),  # back-loaded
        (53.5, 54.5, 54.1, 55, H, "ahead"),
        (51, 53, 51.4, 52, H, "past_target"),  # 2022 already beyond the 2025 target
        (90, 93, 90.0, 90, H, "past_target"),
        (73, 75, 73.8, 75, H, "past_target"),  # reaches by 2022 a target above the baseline
        (100, 100, 100.0, 100, H, "on_path"),  # held at the target
        (5, 4.0, 4.6, 4, L, "past_target"),
        (5, 4.8, 4.6, 4, L, "behind"),
        (5, 4.2, 4.6, 3, L, "ahead"),
        (5, None, 4.6, 4, L, None),
    ],
)
def test_midpoint_position(baseline, stated, implied, target, direction, position):
    assert midpoint_position(baseline, stated, implied, target, direction)[1] == position


@pytest.mark.parametrize(
    ("baseline", "target", "direction", "expected"),
    [
        (90, 95, H, "improvement"),
        (90, 90, H, "hold"),
        (93, 90, H, "decline"),
        (3, 5, L, "decline"),
        (5, 3, L, "improvement"),
        (None, 3, L, None),
    ],
)
def test_target_direction(baseline, target, direction, expected):
    assert target_direction(baseline, target, direction) == expected
