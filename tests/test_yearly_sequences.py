"""Yearly target sequences in prose (analysis/extraction/yearly_sequences.py): one value a
year over a span, each dated by its place; a total after them is the period's."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, INC = "preschool_gross_enrollment_rate", "inclusive_kindergarten_coverage"
PLACES, TEACHERS = "school_places_added", "teachers_recruited"

SEQUENCES = [
    ("学前三年毛入园率2021—2025年分别达到90%、91%、92.5%、93%、94%。", [(PRE, 2021 + k, "=", v, None, "level") for k, v in enumerate([90.0, 91.0, 92.5, 93.0, 94.0])]),
    # arrows after a bracketed span and a colon; a span of three years
    ("普惠性幼儿园覆盖率（2023-2025年）：84%→87%→90%。", [(INC, 2023, "=", 84.0, None, "level"), (INC, 2024, "=", 87.0, None, "level"), (INC, 2025, "=", 90.0, None, "level")]),
    # a comparator before the first value governs them all
    ("学前三年毛入园率2022至2025年依次不低于88%、89%、90%和91%。", [(PRE, 2022 + k, ">=", v, None, "level") for k, v in enumerate([88.0, 89.0, 90.0, 91.0])]),
    # the phrase after the span; a total after the values is the period's
    ("2021—2025年，全县分别新增学位900个、1,200个、1,500个、800个、600个，五年合计5,000个。", [(PLACES, 2021 + k, "=", v, None, "cumulative") for k, v in enumerate([900.0, 1200.0, 1500.0, 800.0, 600.0])] + [(PLACES, 2025, "=", 5000.0, None, "cumulative")]),
    ("招聘教师2021年至2024年依次为60名、80名、80名、90名，共310名。", [(TEACHERS, 2021 + k, "=", v, None, "cumulative") for k, v in enumerate([60.0, 80.0, 80.0, 90.0])] + [(TEACHERS, 2024, "=", 310.0, None, "cumulative")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SEQUENCES)
def test_each_value_of_a_sequence_has_its_year(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_as_many_values_as_years_or_no_sequence(extractor):
    # four years, three values: the span's years are not handed out
    text = "学前三年毛入园率2022—2025年分别达到90%、92%、94%。"
    years = {o[1] for o in observed(extractor, text)}
    assert not years & {2022, 2023, 2024}


def test_a_named_streets_sequence_is_the_streets(extractor):
    text = "到2025年，全区新增学位8,000个；其中，南湖街道2021—2025年分别新增学位500个、600个、700个、800个、900个。"
    got = observed(extractor, text, city="云岭区")
    assert got == [(PLACES, 2025, "=", 8000.0, None, "cumulative")]
    result = extractor.extract(source(city="云岭区"), clean(text))
    others = [r["quote"] for r in result.ledger if r["disposition"] == "other_area"]
    assert others == ["500个", "600个", "700个", "800个", "900个"]
