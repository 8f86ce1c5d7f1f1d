"""Counts of studios (名师/名校长/名班主任工作室): a specific name whose total reached is the
value ("达到N个", "总数…达到", "均达到"), unlike a generic noun (公办幼儿园), whose bare
total is a stock and needs a building verb to be the indicator's count."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

TEACHER, PRINCIPAL, HEAD = (
    "master_teacher_studios",
    "master_principal_studios",
    "master_head_teacher_studios",
)

TOTALS = [
    ("到2025年，全市名师工作室数量达到120个。", [(TEACHER, 2025, "=", 120.0, None, "cumulative")]),
    ("省级名班主任工作室总数力争达到45个。", [(HEAD, 2025, "=", 45.0, None, "cumulative")]),
    ("名校长工作室和名班主任工作室均达到30个。", [(HEAD, 2025, "=", 30.0, None, "cumulative"), (PRINCIPAL, 2025, "=", 30.0, None, "cumulative")]),
    # a generic noun's total stays a stock, not kindergartens built
    ("全县公办幼儿园达到120所。", []),
    # a norm per studio is no count of studios
    ("每个名师工作室每年培养青年教师不少于5名。", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TOTALS)
def test_a_studio_total_reached_is_its_count(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


# the same phenomenon met in another set (blind18), in other wordings
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年，全县名师工作室总量达到45个。", [(TEACHER, 2025, "=", 45.0, None, "cumulative")]),
        ("新认定25个市级名师工作室。", [(TEACHER, 2025, "=", 25.0, None, "cumulative")]),
        # a count of the studios' members is no count of studios
        ("名师工作室成员达到260名。", []),
        ("依托名师工作室，培训教师500人次。", [("teacher_training_person_times", 2025, "=", 500.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_a_studio_count_after_its_phrase_or_a_recognition(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
