"""The preference rule on crafted observations."""

from __future__ import annotations

from analysis.conflicts import resolve
from analysis.observations import Observation


def obs(value, method="prose", start=0, year=2020, kind="level", oid=None):
    return Observation(
        observation_id=oid or f"x.ind.{year}.{start}",
        source_id="s",
        city_id="x",
        indicator_id="ind",
        year=year,
        role="baseline",
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
        year_basis="sentence",
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
