"""A forecast is context, not a target: 预计 / 据预测 / 经测算 … 将 … (prose_number_kinds)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经测算，到2025年全市小学在校生将增至12.4万人。", []),
        ("据预测，2024年普通高中在校生将达到2.3万人左右。", []),
        ("预计到2025年义务教育在校生将达到8万人。", []),
        # a target stated after a forecast word in another sentence is a target
        ("据预测，生源将持续增长。到2025年义务教育在校生达到8万人。", [("compulsory_enrollment", 2025, "=", 80000.0, None, "level")]),
    ],
)  # fmt: skip
def test_forecasts_are_no_values(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
