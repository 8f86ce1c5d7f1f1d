"""The wide table the notebooks use: one row per city and indicator."""

from __future__ import annotations

from collections import defaultdict

from analysis.conflicts import LEVEL_KINDS
from analysis.observations import Observation

COLUMNS_BY_YEAR = {2020: "baseline", 2022: "midpoint", 2025: "target"}


def indicator_values(observations: list[Observation]) -> list[dict]:
    by_pair: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for o in observations:
        by_pair[(o.city_id, o.indicator_id)].append(o)
    rows = []
    for (city_id, indicator_id), members in sorted(by_pair.items()):
        row = {
            "city_id": city_id,
            "source_id": members[0].source_id,
            "indicator_id": indicator_id,
            "unit": members[0].unit,
            "n_observations": len(members),
        }
        for year, prefix in COLUMNS_BY_YEAR.items():
            chosen = [
                o for o in members if o.year == year and o.preferred and o.value_kind in LEVEL_KINDS
            ]
            o = chosen[0] if chosen else None
            value_col = {
                "baseline": "baseline_2020",
                "midpoint": "midpoint_2022",
                "target": "target_2025",
            }[prefix]
            row[value_col] = o.value if o else None
            row[f"{prefix}_comparator"] = o.comparator if o else None
            row[f"{prefix}_observation_id"] = o.observation_id if o else None
            if prefix == "target":
                row["target_2025_upper"] = o.value_upper if o else None
        conflicts = sorted({o.conflict_id for o in members if o.conflict_id})
        row["has_conflict"] = bool(conflicts)
        row["conflict_ids"] = "|".join(conflicts) or None
        other = sorted({o.year for o in members if o.year not in COLUMNS_BY_YEAR})
        row["other_years"] = "|".join(str(y) for y in other) or None
        changes = sorted(
            f"{o.year}:{o.value_kind}{o.comparator}{o.value:g}"
            for o in members
            if o.value_kind not in LEVEL_KINDS and o.preferred
        )
        row["change_targets"] = "|".join(changes) or None
        rows.append(row)
    return rows
