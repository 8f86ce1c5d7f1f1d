"""Within-plan conflicts: different values for one city, indicator, year and kind.

Every observation is kept. Each group of statements about the same thing gets one
preferred observation, by this rule, in order (the reason is stored on the row):

1. a reviewed ``prefer`` correction;
2. the strongest year evidence: a year stated in a table header or in the sentence
   (or set by a correction) over a period phrase (十四五末), over a review section's
   baseline, over a defaulted year; a review-section value is never preferred as a
   target while another statement exists;
3. the value stated most often in the plan (majority of statements);
4. on a tie, a value from an indicator table over one from prose (the table is the
   plan's formal statement of its indicators);
5. on a further tie, the statement that comes first in the document.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from analysis.observations import Observation, with_updates

LEVEL_KINDS = {"level", "range"}
# how firmly the text ties a value to its year (higher is firmer)
YEAR_EVIDENCE = {
    "correction": 3,
    "table_header": 3,
    "deadline_column": 3,  # a task table's 完成时限 (task_tables.py)
    "column_note": 3,  # "“问题”栏数据均为2021年…" above a table (task_tables.py)
    "sentence": 3,
    "period_phrase": 2,
    "data_note": 2,  # "文中数据除注明外均为2022年数据" (data_year_notes.py)
    "elapsed_years": 2,  # "两年累计新建…" (prose_years.py)
    "section": 1,
    "from_value": 1,
    "default": 0,
}


def group_key(o: Observation) -> tuple:
    kind = "level" if o.value_kind in LEVEL_KINDS else o.value_kind
    return (o.source_id, o.indicator_id, o.year, kind)


def resolve(observations: list[Observation], preferred: dict[str, str]) -> list[Observation]:
    groups: dict[tuple, list[Observation]] = defaultdict(list)
    for o in observations:
        groups[group_key(o)].append(o)
    out = []
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda o: (o.char_start, o.observation_id))
        values = Counter((o.value, o.value_upper) for o in members)
        conflict_id = None
        if len(values) > 1:
            _, indicator_id, year, kind = key
            conflict_id = f"{members[0].city_id}.{indicator_id}.{year}" + (
                "" if kind == "level" else f".{kind}"
            )
        chosen, reason = _choose(members, values, preferred)
        for o in members:
            out.append(
                with_updates(
                    o,
                    conflict_id=conflict_id,
                    preferred=o.observation_id == chosen.observation_id,
                    preference_reason=reason if o.observation_id == chosen.observation_id else None,
                )
            )
    return out


def _choose(members, values: Counter, preferred: dict[str, str]) -> tuple[Observation, str]:
    for o in members:
        if o.observation_id in preferred:
            return o, f"reviewed correction: {preferred[o.observation_id]}"
    n = len(members)
    if len(values) > 1:
        strongest = _strongest(members)
        if len(strongest) < n:
            pool = Counter((o.value, o.value_upper) for o in strongest)
            best, reason = _choose(strongest, pool, {})
            firm = "/".join(sorted({o.year_basis for o in strongest}))
            weak = "/".join(
                sorted({o.year_basis for o in members} - {o.year_basis for o in strongest})
            )
            why = f"year evidence: a {firm} year outranks a {weak} year"
            return best, why if len(strongest) == 1 else f"{why}; then {reason}"
    if len(values) == 1:
        best = _first(members)
        if n == 1:
            return best, "only statement"
        return best, f"all {n} statements agree; {_which(best)}"
    top = max(values.values())
    leaders = [v for v, c in values.items() if c == top]
    if len(leaders) == 1:
        v = leaders[0]
        best = _first([o for o in members if (o.value, o.value_upper) == v])
        return best, f"majority: {top} of {n} statements give this value"
    tied = [o for o in members if (o.value, o.value_upper) in leaders]
    tables = [o for o in tied if o.method == "table"]
    if tables and len({(o.value, o.value_upper) for o in tables}) == 1:
        return _first(tables), "tie broken: the indicator table's value is preferred over prose"
    pool = tables or tied
    best = min(pool, key=lambda o: o.char_start)
    return best, "tie broken: the statement that comes first in the document"


def _strongest(members: list[Observation]) -> list[Observation]:
    """The statements whose year rests on the firmest evidence in the group."""
    eligible = [o for o in members if not (o.role == "target" and o.year_basis == "section")]
    eligible = eligible or members
    top = max(YEAR_EVIDENCE.get(o.year_basis, 0) for o in eligible)
    return [o for o in eligible if YEAR_EVIDENCE.get(o.year_basis, 0) == top]


def _first(members: list[Observation]) -> Observation:
    tables = [o for o in members if o.method == "table"]
    return min(tables or members, key=lambda o: o.char_start)


def _which(o: Observation) -> str:
    return (
        "the table statement is the one linked"
        if o.method == "table"
        else "the first statement is the one linked"
    )
