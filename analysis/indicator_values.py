"""The wide table the notebooks use: one row per city and indicator."""

from __future__ import annotations

from collections import defaultdict

from analysis.conflicts import LEVEL_KINDS
from analysis.observations import Observation

COLUMNS_BY_YEAR = {2020: "baseline", 2022: "midpoint", 2025: "target"}


VALUE_COLUMNS = {2020: "baseline_2020", 2022: "midpoint_2022", 2025: "target_2025"}


def indicator_values(observations: list[Observation]) -> list[dict]:
    """One row per city and indicator: for 2020, 2022 and 2025 the first preferred level
    (or range) observation of that year, and what else the plan states about the pair."""
    by_pair: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for o in observations:
        by_pair[(o.city_id, o.indicator_id)].append(o)
    rows = []
    for (city_id, indicator_id), members in sorted(by_pair.items()):
        # one pass over the pair's observations (a plan has ~30 pairs, ~2 observations
        # each): three scans per pair, one per year column, were most of this table's time
        chosen: dict[int, Observation] = {}
        conflicts, other, changes = set(), set(), []
        for o in members:
            if o.year in COLUMNS_BY_YEAR:
                if o.preferred and o.value_kind in LEVEL_KINDS and o.year not in chosen:
                    chosen[o.year] = o
            else:
                other.add(o.year)
            if o.conflict_id:
                conflicts.add(o.conflict_id)
            if o.value_kind not in LEVEL_KINDS and o.preferred:
                changes.append(f"{o.year}:{o.value_kind}{o.comparator}{o.value:g}")
        row = {
            "city_id": city_id,
            "source_id": members[0].source_id,
            "indicator_id": indicator_id,
            "unit": members[0].unit,
            "n_observations": len(members),
        }
        for year, prefix in COLUMNS_BY_YEAR.items():
            o = chosen.get(year)
            row[VALUE_COLUMNS[year]] = o.value if o else None
            row[f"{prefix}_comparator"] = o.comparator if o else None
            row[f"{prefix}_observation_id"] = o.observation_id if o else None
            if prefix == "target":
                row["target_2025_upper"] = o.value_upper if o else None
        row["has_conflict"] = bool(conflicts)
        row["conflict_ids"] = "|".join(sorted(conflicts)) or None
        row["other_years"] = "|".join(str(y) for y in sorted(other)) or None
        row["change_targets"] = "|".join(sorted(changes)) or None
        rows.append(row)
    return rows
