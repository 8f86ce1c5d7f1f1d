"""Counts of things that are not what a generic phrase counts: designated majors (骨干专业,
like 特色专业) and schools paired for support (结对学校, 帮扶学校: existing schools)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("五年新增专业20个，建成市级骨干专业12个。", [("vocational_majors_added", 2025, "=", 20.0, None, "cumulative")]),
        ("建成城乡结对学校36所，新建学校6所。", [("new_schools_built", 2025, "=", 6.0, None, "cumulative")]),
        ("打造帮扶学校20所。", []),
    ],
)  # fmt: skip
def test_other_counts_are_no_values(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
