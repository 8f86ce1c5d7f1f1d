"""The preference rule on crafted observations."""

from __future__ import annotations

import pytest

from analysis.conflicts import resolve
from analysis.observations import Observation


def obs(
    value,
    method="prose",
    start=0,
    year=2020,
    kind="level",
    oid=None,
    basis="sentence",
    role="baseline",
):
    return Observation(
        observation_id=oid or f"x.ind.{year}.{start}",
        source_id="s",
        city_id="x",
        indicator_id="ind",
        year=year,
        role=role,
        comparator="=",
        value=value,
        value_upper=None,
        value_kind=kind,
        unit="percent",
        method=method,
        char_start=start,
        char_end=start + 1,
        quote="q",
        label_start=None,
        label_end=None,
        label_quote=None,
        line=1,
        year_basis=basis,
        section="",
    )


def summary(result):
    return sorted((o.char_start, o.value, o.conflict_id, o.preferred) for o in result)


def test_single_statement_is_preferred_without_conflict():
    (o,) = resolve([obs(90)], {})
    assert (o.conflict_id, o.preferred, o.preference_reason) == (None, True, "only statement")


def test_agreeing_statements_are_not_a_conflict_and_the_table_one_is_linked():
    result = resolve([obs(90, "prose", 1), obs(90, "table", 50)], {})
    assert summary(result) == [(1, 90, None, False), (50, 90, None, True)]


def test_majority_wins():
    result = resolve([obs(92.2, "prose", 1), obs(95, "table", 5), obs(92.2, "table", 9)], {})
    assert summary(result) == [
        (1, 92.2, "x.ind.2020", False),
        (5, 95, "x.ind.2020", False),
        (9, 92.2, "x.ind.2020", True),
    ]
    assert next(o for o in result if o.preferred).preference_reason.startswith("majority: 2 of 3")


def test_tie_table_over_prose():
    result = resolve([obs(88.2, "prose", 1), obs(90, "table", 9)], {})
    assert [o.value for o in result if o.preferred] == [90]


def test_tie_between_tables_first_in_document():
    result = resolve([obs(99, "table", 100), obs(98, "table", 400)], {})
    assert [o.value for o in result if o.preferred] == [99]


def test_reviewed_preference_overrides_the_rule():
    result = resolve([obs(88.2, "prose", 1), obs(90, "table", 9)], {"x.ind.2020.1": "checked"})
    (chosen,) = [o for o in result if o.preferred]
    assert (chosen.value, chosen.preference_reason) == (88.2, "reviewed correction: checked")


def test_changes_and_levels_are_separate_groups():
    result = resolve([obs(95, start=1), obs(3, start=2, kind="increase")], {})
    assert all(o.preferred and o.conflict_id is None for o in result)


# (statements as (value, method, start, year_basis, role), preferred start, reason starts with)
YEAR_EVIDENCE_CASES = [
    # a stated year outranks a majority whose year was defaulted
    (
        [
            (90, "prose", 1, "default", "baseline"),
            (90, "prose", 5, "default", "baseline"),
            (95, "prose", 9, "sentence", "baseline"),
        ],
        9,
        "year evidence: a sentence year",
    ),
    # a table header outranks a review section's baseline even though prose comes first
    (
        [(92.2, "prose", 1, "section", "baseline"), (90, "table", 9, "table_header", "baseline")],
        9,
        "year evidence: a table_header year",
    ),
    # a period phrase (十四五末) outranks a defaulted year
    (
        [(85, "prose", 1, "default", "target"), (88, "prose", 9, "period_phrase", "target")],
        9,
        "year evidence: a period_phrase year",
    ),
    # a review-section value is never the preferred target while another statement exists
    (
        [
            (70, "prose", 1, "section", "target"),
            (60, "prose", 9, "default", "target"),
            (70, "prose", 20, "section", "target"),
        ],
        9,
        "year evidence: a default year",
    ),
    # equal evidence: the existing rule (majority) decides
    (
        [
            (90, "table", 1, "table_header", "baseline"),
            (91, "prose", 5, "sentence", "baseline"),
            (91, "prose", 9, "sentence", "baseline"),
        ],
        5,
        "majority: 2 of 3",
    ),
]


@pytest.mark.parametrize(("statements", "preferred_start", "reason"), YEAR_EVIDENCE_CASES)
def test_year_evidence_ranks_before_the_majority(statements, preferred_start, reason):
    result = resolve([obs(v, m, s, basis=b, role=r) for v, m, s, b, r in statements], {})
    (best,) = [o for o in result if o.preferred]
    assert (best.char_start, best.preference_reason.startswith(reason)) == (
        preferred_start,
        True,
    ), best.preference_reason
