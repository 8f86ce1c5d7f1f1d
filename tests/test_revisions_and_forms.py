"""Revisions and statistics forms: "由X调整为Y" keeps Y only (a proposal's "建议将…由X调整为Y"
keeps both), commenters' quoted numbers are theirs, a form's 填报说明 gives comparators by
row code (coded_comparators.py), its column numbers and codes are no values."""

from __future__ import annotations

import pytest

from analysis.extraction.coded_comparators import _listed
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, PUB, PLACES = (
    "preschool_gross_enrollment_rate",
    "public_kindergarten_enrollment_share",
    "school_places_added",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a revision made: the value replaced is not read, the new one is
        (
            "根据审议意见，学前三年毛入园率目标由92%调整为94%；新增学位由8,000个调高至9,500个。",
            [
                (PRE, 2025, "=", 94.0, None, "level"),
                (PLACES, 2025, "=", 9500.0, None, "cumulative"),
            ],
        ),
        # a revision proposed (建议将…), across the "；": the target and the proposal both stand
        (
            "建议将学前三年毛入园率目标由92%调整为94%；将公办园在园幼儿占比目标由50%调整为52%。",
            [
                (PRE, 2025, "=", 92.0, None, "level"),
                (PRE, 2025, "=", 94.0, None, "level"),
                (PUB, 2025, "=", 50.0, None, "level"),
                (PUB, 2025, "=", 52.0, None, "level"),
            ],
        ),
        # a dated past level "由2020年的…" is a value of that year, as before
        (
            "学前三年毛入园率由2020年的88.1%提高到2022年的90.5%。",
            [(PRE, 2020, "=", 88.1, None, "level"), (PRE, 2022, "=", 90.5, None, "level")],
        ),
    ],
)
def test_revisions(extractor, text, expected):
    assert observed(extractor, text) == expected


def test_quoted_opinions_are_the_commenters(extractor):
    text = (
        "对“公办园在园幼儿占比提高到60%”“新增学位1.2万个”这两条意见，因财力所限未予采纳。"
        "到2025年，公办园在园幼儿占比达到52%。"
    )
    assert observed(extractor, text) == [(PUB, 2025, "=", 52.0, None, "level")]
    result = extractor.extract(source(), clean(text))
    at = {r["quote"]: r["disposition"] for r in result.ledger}
    assert at["60%"] == at["1.2万个"] == "proposal"


# my own form: a tab-separated 报表 with 行次 codes, a 甲 乙 1 2 row, notes above it
FORM = """说明：行次3、5为下限值，行次4为上限值；行次1—2为预计数。第2栏填2025年目标。
指标名称\t行次\t2020年\t2025年
甲\t乙\t1\t2
在园幼儿数（人）\t1\t8200\t8500
学前三年毛入园率（%）\t3\t88.0\t92
民办义务教育在校生占比（%）\t4\t7.5\t5
公办园在园幼儿占比（%）\t5\t46.0\t50
"""


def test_a_form_takes_its_comparators_by_row_code(extractor):
    assert observed(extractor, FORM) == [
        ("kindergarten_enrollment", 2020, "=", 8200.0, None, "level"),
        ("kindergarten_enrollment", 2025, "~", 8500.0, None, "level"),
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, ">=", 92.0, None, "level"),
        ("private_compulsory_enrollment_share", 2020, "=", 7.5, None, "level"),
        ("private_compulsory_enrollment_share", 2025, "<=", 5.0, None, "level"),
        (PUB, 2020, "=", 46.0, None, "level"),
        (PUB, 2025, ">=", 50.0, None, "level"),
    ]
    result = extractor.extract(source(), clean(FORM))
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("代码04、05为下限值", {"4": "≥", "5": "≥"}),
        ("代码21—23为预计数（即该数值左右）", {"21": "约", "22": "约", "23": "约"}),
        ("代码07的目标值为上限", {"7": "≤"}),
        ("代码21—27为累计类指标", {}),  # no comparator named
    ],
)
def test_code_lists_in_notes(notes, expected):
    assert _listed(notes) == expected
