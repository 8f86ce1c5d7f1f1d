"""Recruiting and training restricted to one stage are the indicator's values (the codebook's
aliases for 幼儿园/职业学校 teachers, and for special-education teachers)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

RECRUITED, TRAINED = "teachers_recruited", "teacher_training_person_times"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年，累计招聘特教教师120名，培训特殊教育教师2,400人次。", [(RECRUITED, 2025, "=", 120.0, None, "cumulative"), (TRAINED, 2025, "=", 2400.0, None, "cumulative")]),
        ("指标\t单位\t2020年\t2025年\n招聘特殊教育教师\t名\t〔60〕\t〔90〕\n", [(RECRUITED, 2020, "=", 60.0, None, "cumulative"), (RECRUITED, 2025, "=", 90.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_special_education_teachers_recruited_and_trained(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
