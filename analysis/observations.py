"""The observation: one value a plan states, with its raw span (the extraction makes them)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter

from analysis.sources import Source

ROLES = ("historical", "baseline", "midpoint", "target", "milestone")


@dataclass
class Observation:
    observation_id: str
    source_id: str
    city_id: str
    indicator_id: str
    year: int
    role: str
    comparator: str
    value: float
    value_upper: float | None
    value_kind: str  # level | range | increase | cumulative
    unit: str
    method: str  # table | prose | correction
    char_start: int
    char_end: int
    quote: str
    label_start: int | None
    label_end: int | None
    label_quote: str | None
    line: int
    year_basis: str  # table_header | sentence | period_phrase | section | default | correction
    # | deadline_column | column_note | from_value | list_lead | data_note | elapsed_years
    section: str
    table_caption: str | None = None
    attribute: str | None = None  # 预期性 expected / 约束性 binding
    note: str | None = None
    conflict_id: str | None = None
    preferred: bool = False
    preference_reason: str | None = None

    def as_row(self) -> dict:
        return dict(vars(self))  # every field is a scalar: no deep copy needed

    def __reduce__(self):
        # pickled as its field values, rebuilt by __init__: a worker sends the parent ~50
        # a plan, and restoring a 27-key __dict__ each took 3.6x as long to unpickle
        return (Observation, _field_values(self))


@dataclass
class SourceExtraction:
    observations: list[Observation] = field(default_factory=list)
    table_spans: list[tuple[int, int]] = field(default_factory=list)  # raw spans
    issues: list[dict] = field(default_factory=list)  # problems a reviewer should see
    ledger: list[dict] = field(default_factory=list)  # every number: a value or a reason
    unread_tables: list[dict] = field(default_factory=list)


def role_for_year(year: int, source: Source, midpoint_year: int) -> str:
    if year < source.baseline_year:
        return "historical"
    if year == source.baseline_year:
        return "baseline"
    if year == source.period_end:
        return "target"
    if year == midpoint_year and source.period_end > midpoint_year:
        return "midpoint"
    return "milestone"


def observation_id(city_id: str, indicator_id: str, year: int, char_start: int) -> str:
    return f"{city_id}.{indicator_id}.{year}.{char_start}"


def with_updates(obs: Observation, **changes) -> Observation:
    """dataclasses.replace(obs, **changes), without the call to __init__ that rebuilds all
    27 fields (4x slower; conflicts and corrections copy every observation). Observation
    has no __post_init__ and every field is an init field, so the copy is the same."""
    unknown = changes.keys() - _FIELD_NAMES
    if unknown:
        raise TypeError(f"Observation has no field(s) {', '.join(sorted(unknown))}")
    new = Observation.__new__(Observation)
    new.__dict__.update(obs.__dict__)
    new.__dict__.update(changes)
    return new


_FIELD_NAMES = frozenset(f.name for f in fields(Observation))
_field_values = attrgetter(*(f.name for f in fields(Observation)))
