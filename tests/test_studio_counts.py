"""A count of studios stated after its phrase and a level verb ("名师工作室达到30个") is the
phrase's value, as when a building verb stands before it (codebook: master_teacher_studios
is no longer a phrase whose value must come first)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

STUDIOS = "master_teacher_studios"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年，全县名师工作室总量达到45个。", [(STUDIOS, 2025, "=", 45.0, None, "cumulative")]),
        ("新认定25个市级名师工作室。", [(STUDIOS, 2025, "=", 25.0, None, "cumulative")]),
        # a count of the studios' members is no count of studios
        ("名师工作室成员达到260名。", []),
        ("依托名师工作室，培训教师500人次。", [("teacher_training_person_times", 2025, "=", 500.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_studio_counts(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
