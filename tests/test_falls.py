"""A change stated as a fall (下降, 降低, 减少) is a negative increase: its size turned into a
negative value, a range turned round (-5 to -3), and a comparator on its size turned round
("下降2个百分点以上": a change of -2 or less). A fall TO a level stays a level."""

from __future__ import annotations

import pytest

from analysis.codebook import load_codebook
from analysis.corrections import _check_indicator
from analysis.errors import InputError
from analysis.paths import CODEBOOK_YAML, CORRECTIONS_YAML
from tests.test_extraction import observed

PRIVATE = "private_compulsory_enrollment_share"
ENROLLED = "primary_enrollment"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年，民办义务教育在校生占比较2020年降低2个百分点以上。", [(PRIVATE, 2025, "<=", -2.0, None, "increase")]),
        ("到2025年，民办义务教育在校生占比下降3—5个百分点。", [(PRIVATE, 2025, "=", -5.0, -3.0, "increase")]),
        ("2021年全县小学在校生同比减少1,250人。", [(ENROLLED, 2021, "=", -1250.0, None, "increase")]),
        # a rise stays positive, and a fall to a level is a level
        ("到2025年，民办义务教育在校生占比比2020年提高1个百分点。", [(PRIVATE, 2025, "=", 1.0, None, "increase")]),
        ("到2025年，民办义务教育在校生占比下降到4%以内。", [(PRIVATE, 2025, "<=", 4.0, None, "level")]),
        # the verb nearest the number decides: a rise after a fall is a rise
        ("到2025年，小学在校生减少的趋势扭转，小学在校生增加2,000人。", [(ENROLLED, 2025, "=", 2000.0, None, "increase")]),
    ],
)  # fmt: skip
def test_a_fall_is_a_negative_change(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"indicator_id": ENROLLED, "value": -3860, "value_kind": "increase"}, None),
        ({"indicator_id": PRIVATE, "value": -5, "value_upper": -3, "value_kind": "increase"}, None),
        ({"indicator_id": ENROLLED, "value": -3860}, "value: -3860 is negative"),
        ({"indicator_id": ENROLLED, "value": -3860, "value_kind": "cumulative"}, "is negative"),
    ],
)
def test_a_reviewed_correction_may_state_a_fall_only_as_an_increase(entry, problem):
    book = load_codebook(CODEBOOK_YAML)
    try:
        _check_indicator(CORRECTIONS_YAML, {}, ("corrections", 0), entry, book)
    except InputError as error:
        assert problem is not None and problem in str(error)
    else:
        assert problem is None
