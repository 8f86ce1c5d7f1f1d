"""The notebooks' findings, written from the database: one function per notebook (01-05).

Each returns Markdown built from the tables in analysis/report.py, so a notebook's findings
are a cell output that nbval compares: when the data change, the findings change with
them (or the tests fail), instead of a typed sentence going stale. City and indicator
names come from the sources and indicators tables (the registry and the codebook); no
city or indicator is named here.
"""

from __future__ import annotations

import math

import pandas as pd
from IPython.display import Markdown

from analysis import report
from analysis.chart_labels import STATUS_LABELS

YEARS = {"baseline": 2020, "target": 2025}


# ---------------------------------------------------------------- wording helpers


def number(value: float) -> str:
    """A stated number as people write it: 80.36, 95, 44,300,000."""
    if abs(value) >= 10_000:
        return f"{value:,.0f}"
    return f"{round(value, 2):g}"


def amount(value: float, unit: str) -> str:
    """A level in its unit: "92.2%", "10.86 years", "7,032 persons"."""
    return f"{number(value)}%" if unit == "percent" else f"{number(value)} {unit}"


def change(value: float, unit: str) -> str:
    """A difference in its unit: "5 points" for percentages, "0.24 years" otherwise."""
    if unit == "percent":
        return f"{number(value)} point{'' if value == 1 else 's'}"
    return f"{number(value)} {unit}"


def name(text: str) -> str:
    """A name inside a sentence: "Upper secondary ..." -> "upper secondary ..."
    (an acronym such as "GDP ..." keeps its capitals)."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def listing(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def count_word(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """City names (English), indicator names (English), indicator units."""
    cities = {city: en for city, (en, _zh) in report.city_names().items()}
    indicators = report.indicator_labels()
    return (
        cities,
        dict(zip(indicators.indicator_id, indicators.name_en, strict=True)),
        dict(zip(indicators.indicator_id, indicators.unit, strict=True)),
    )


def _bullets(lines: list[str]) -> Markdown:
    return Markdown("\n".join(f"- {line}" for line in lines))


# ---------------------------------------------------------------- 01 sources and quality


def sources_and_quality() -> Markdown:
    """Which plans state numbers and how; the within-plan conflicts and their spread."""
    cities, indicators, units = _names()
    sources = report.sources_overview()
    methods = report.observations_by_method()
    numeric = sources[~sources["sparse"]]
    sparse = sources[sources["sparse"]]
    how = []
    for city in numeric.city_id:
        used = [m for m in methods.columns if methods.loc[city, m] > 0]
        how.append(
            f"{cities[city]} ({count_word(int(methods.loc[city].sum()), 'value')}: "
            f"{' and '.join(used)})"
        )
    lines = [f"{len(numeric)} of the {len(sources)} texts state numbers: {listing(how)}."]
    if len(sparse):
        years = report.query("SELECT city_id, year FROM observations")
        few = []
        for row in sparse.itertuples():
            stated = sorted(set(years.year[years.city_id == row.city_id]))
            when = f" (for {listing([str(y) for y in stated])})" if stated else ""
            document = row.document_type.replace("_", " ")
            few.append(
                f"{cities[row.city_id]} ({document}) states "
                f"{row.n_observations or 'no'} value{'' if row.n_observations == 1 else 's'}{when}"
            )
        lines.append(
            f"{listing(few)}: too few to compare, so these plans appear only in the theme analysis."
        )
    lines += _conflict_findings(cities, indicators, units)
    return _bullets(lines)


def _conflict_findings(cities, indicators, units) -> list[str]:
    conflicts = report.conflicts()
    if conflicts.empty:
        return ["No plan states two different values for the same indicator and year."]
    groups = conflicts.groupby("conflict_id", sort=True)
    per_year = conflicts.drop_duplicates("conflict_id").year.value_counts().sort_index()
    plans = conflicts.city_id.unique()
    lines = [
        f"{count_word(groups.ngroups, 'within-plan conflict')} in "
        f"{count_word(len(plans), 'plan')}, by year: "
        + listing([f"{n} about {year}" for year, n in per_year.items()])
        + ". Every statement is kept; the comparisons use the preferred one."
    ]
    # the widest disagreements about a percentage, in points: how uncertain a value is
    spreads = []
    for _, group in groups:
        unit = units[group.indicator_id.iloc[0]]
        if unit != "percent":
            continue
        preferred = group[group.preferred].iloc[0]
        others = group[~group.preferred & (group.value != preferred.value)]
        if others.empty:
            continue
        other = others.loc[(others.value - preferred.value).abs().idxmax()]
        spreads.append((abs(other.value - preferred.value), preferred, other))
    spreads.sort(key=lambda s: (-s[0], s[1].conflict_id))
    for spread, preferred, other in spreads[:2]:
        lines.append(
            f"{cities[preferred.city_id]}'s {name(indicators[preferred.indicator_id])} for "
            f"{preferred.year}: {amount(preferred.value, 'percent')} ({preferred.method}, "
            f"line {preferred.line}, preferred) against {amount(other.value, 'percent')} "
            f"({other.method}, line {other.line}), {change(spread, 'percent')} apart."
        )
    if spreads:
        lines.append(
            "Stated values of the same percentage differ by up to "
            f"{change(spreads[0][0], 'percent')} within one plan: read the gaps and growth "
            "in the later notebooks with the alternatives shown beside them."
        )
    return lines


# ---------------------------------------------------------------- 02 indicator coverage


def indicator_coverage() -> Markdown:
    """Which indicators the numeric plans share, and how many only one plan states."""
    cities, indicators, _ = _names()
    matrix = report.indicator_city_matrix()
    numeric = [
        c
        for c, s in report.sources_overview()[["city_id", "sparse"]].itertuples(index=False)
        if not s
    ]
    shared = report.shared_indicators(min_cities=2)
    lines = []
    by_all = shared[shared.cities == len(numeric)]
    if len(by_all):
        lines.append(
            f"{count_word(len(by_all), 'indicator')} "
            f"{'has' if len(by_all) == 1 else 'have'} a baseline or target in all "
            f"{len(numeric)} plans that state numbers: "
            f"{listing([indicators[i] for i in by_all.indicator_id])}. They carry most of "
            "the cross-city comparison."
        )
    for n in sorted(set(shared.cities) - {len(numeric)}, reverse=True):
        some = shared[shared.cities == n]
        for which, rows in some.groupby("which", sort=True):
            names = listing([cities[c] for c in which.split(", ")])
            lines.append(
                f"Shared by {names} only: {listing([indicators[i] for i in rows.indicator_id])}."
            )
    single = int((matrix.cities == 1).sum())
    lines.append(
        f"{single} of the {len(matrix)} indicators found are stated by a single plan: each "
        "plan chooses its own measures, so cross-city comparison is possible for a small "
        "core only."
    )
    return _bullets(lines)


# ---------------------------------------------------------------- 03 gaps to target


def gaps_to_target(min_cities: int = 2) -> Markdown:
    """Per indicator shared by `min_cities` plans: each city's gap, the national values,
    and how the gap moves with the plan's other statements of its baseline."""
    cities, indicators, units = _names()
    shared = report.shared_indicators(min_cities)
    shared = shared[shared.comparable]
    labels = report.indicator_labels()
    directions = dict(zip(labels.indicator_id, labels.direction, strict=True))
    conflicts = report.conflicts()
    lines = []
    for indicator in shared.indicator_id:
        unit = units[indicator]
        rows = report.gaps(indicator)
        rows = rows[rows.gap_status.isin(["gap", "met", "planned_decline"])]
        if rows.empty:
            continue
        rows = rows.sort_values(["gap", "city_id"], ascending=[False, True])
        parts = [_city_gap(r, unit, cities, conflicts) for r in rows.itertuples()]
        text = f"**{indicators[indicator]}**: {'; '.join(parts)}."
        national = rows.iloc[0]
        if _stated(national.national_baseline_2020):
            text += (
                f" National: {amount(national.national_baseline_2020, unit)} in 2020"
                + (
                    f", {amount(national.national_target_2025, unit)} targeted for 2025"
                    if _stated(national.national_target_2025)
                    else ""
                )
                # "above" and "short of" read this way only where higher is better
                + (
                    f"; {_against_national(rows, unit, cities)}"
                    if directions[indicator] == "higher_is_better"
                    else "."
                )
            )
        lines.append(text)
    if not lines:
        lines.append(f"No comparable indicator has a baseline and target in {min_cities} plans.")
    return _bullets(lines)


def _stated(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _signed(value: float, unit: str) -> str:
    return ("+" if value > 0 else "−" if value < 0 else "") + change(abs(value), unit)


def _city_gap(r, unit: str, cities, conflicts: pd.DataFrame) -> str:
    comparator = "" if r.target_comparator in (None, "=") else r.target_comparator
    text = (
        f"{cities[r.city_id]} {amount(r.baseline_2020, unit)} → "
        f"{comparator}{amount(r.target_2025, unit)}"
    )
    notes = {
        "met": ["already met"],
        "planned_decline": [f"a planned change of {_signed(r.gap, unit)}"],
    }.get(r.gap_status, [_signed(r.gap, unit)])
    # what the gap would be from each other 2020 value the plan states
    others = conflicts[
        (conflicts.city_id == r.city_id)
        & (conflicts.indicator_id == r.indicator_id)
        & (conflicts.year == YEARS["baseline"])
        & ~conflicts.preferred
        & (conflicts.value != r.baseline_2020)
    ]
    for other in others.drop_duplicates("value").sort_values("value").itertuples():
        gap = r.target_2025 - other.value
        would = _signed(gap, unit) if gap else "no gap"
        notes.append(
            f"{would} from its other 2020 value, {amount(other.value, unit)} "
            f"({other.method}, line {other.line})"
        )
    return f"{text} ({'; '.join(notes)})"


def _against_national(rows: pd.DataFrame, unit: str, cities) -> str:
    above = rows[rows.baseline_2020 >= rows.national_baseline_2020].city_id
    target = rows.national_target_2025.iloc[0]
    parts = [
        f"{count_word(len(above), 'city', 'cities')} of {len(rows)} started at or above "
        "the national 2020 value"
    ]
    if _stated(target):
        short = rows[rows.target_2025 < target]
        reached = rows[rows.baseline_2020 >= target]
        if len(reached):
            parts.append(
                f"{listing([cities[c] for c in reached.city_id])} already stated the national "
                "2025 target in 2020"
            )
        if len(short):
            parts.append(
                f"{listing([cities[c] for c in short.city_id])} aims below it "
                f"({listing([amount(v, unit) for v in short.target_2025])})"
            )
        else:
            parts.append("every city aims at or above the national 2025 target")
    return "; ".join(parts) + "."


# ---------------------------------------------------------------- 04 growth needed


def growth_needed() -> Markdown:
    """The fastest rises needed, what the latest value changes, and planned falls."""
    cities, indicators, units = _names()
    growth = report.growth()
    if growth.empty:
        return _bullets(["No plan states both a baseline and a target."])
    lines = []
    rates = growth[growth.growth_kind == "linear"].sort_values(
        ["growth_per_year_2020_2025", "city_id", "indicator_id"], ascending=[False, True, True]
    )
    for r in rates.head(2).itertuples():
        unit = units[r.indicator_id]
        text = (
            f"{cities[r.city_id]}'s {name(indicators[r.indicator_id])} needs "
            f"{change(r.growth_per_year_2020_2025, unit)} a year over 2020-2025"
        )
        if r.latest_basis == "stated_2022":
            text += (
                f"; from its stated 2022 value ({amount(r.latest_value, unit)}), "
                f"{change(r.growth_per_year_from_latest, unit)} a year"
            )
        elif r.latest_year != YEARS["baseline"]:
            text += (
                f", or {change(r.growth_per_year_from_latest, unit)} a year from the plan's "
                f"issue in {r.latest_year}: it states no progress since 2020, so the 2020 "
                "value is carried to that year"
            )
        lines.append(text + ".")
    small = rates[rates.growth_per_year_2020_2025.abs() < 1]
    lines.append(
        f"{len(small)} of the {len(rates)} rates and years need less than one unit "
        "(point or year) a year."
    )
    compound = growth[growth.growth_kind == "compound"].sort_values(
        ["growth_per_year_2020_2025", "city_id"], ascending=[False, True]
    )
    if len(compound):
        lines.append(
            "Counts must grow by "
            + listing(
                [
                    f"{number(r.growth_per_year_2020_2025)}% a year "
                    f"({cities[r.city_id]}, {name(indicators[r.indicator_id])})"
                    for r in compound.itertuples()
                ]
            )
            + "."
        )
    falls = growth[growth.growth_per_year_from_latest < 0].sort_values(["city_id", "indicator_id"])
    if len(falls):
        lines.append(
            "A negative *from latest* value means the 2025 target is below the stated 2022 "
            "value, so the plan expects a fall back: "
            + listing(
                [
                    f"{cities[r.city_id]}'s {name(indicators[r.indicator_id])} "
                    f"({amount(r.latest_value, units[r.indicator_id])} in 2022, "
                    f"{amount(r.target_2025, units[r.indicator_id])} in 2025)"
                    for r in falls.itertuples()
                ]
            )
            + "."
        )
    return _bullets(lines)


# ---------------------------------------------------------------- 05 midpoint progress

#: What a progress status rests on, by trend_basis (indicator_metrics).
BASIS_WORDS = {
    "stated_2022": "its stated 2022 values",
    "historical_2015_2020": "its 2015-2020 trend",
}
#: Statuses that fall short of the path to the target, worst last.
SHORT_OF_PATH = ("moderately_improving", "stagnating", "declining")


def midpoint_progress() -> Markdown:
    """Per city, what the 2022 status rests on and how many indicators have each status;
    the indicators short of the path with their stated values; those with no trend."""
    cities, indicators, units = _names()
    table = report.midpoint_progress()
    if table.empty:
        return _bullets(["No plan states both a baseline and a target."])
    # the 2015 value and the target's comparator, which the status table does not carry
    extra = report.query(
        "SELECT city_id, indicator_id, history_2015, target_comparator FROM indicator_metrics"
    )
    table = table.merge(extra, on=["city_id", "indicator_id"], how="left", validate="1:1")
    statuses = [s for s in STATUS_LABELS if s in set(table.progress_status)]
    lines = []
    for city, rows in table.groupby("city_id", sort=False):
        bases = [BASIS_WORDS[b] for b in BASIS_WORDS if b in set(rows.trend_basis)]
        rests = f"from {' and '.join(bases)}" if bases else "no 2022 or 2015 value stated"
        counts = rows.progress_status.value_counts()
        lines.append(
            f"{cities[city]} ({rests}): "
            + listing([f"{counts[s]} {_status(s)}" for s in statuses if s in counts])
            + "."
        )
    short = table[table.progress_status.isin(SHORT_OF_PATH)]
    for r in short.sort_values("progress_status", key=_worst_last, kind="stable").itertuples():
        lines.append(_short_of_path(r, cities, indicators, units[r.indicator_id]))
    none = table[table.progress_status == "no_trend_stated"]
    if len(none):
        lines.append(
            "No trend stated, so no status: "
            + "; ".join(
                f"{cities[city]}'s {listing([name(indicators[i]) for i in rows.indicator_id])}"
                for city, rows in none.groupby("city_id", sort=False)
            )
            + " (the plan states neither a 2022 nor a 2015 value)."
        )
    return _bullets(lines)


def _status(status: str) -> str:
    return STATUS_LABELS[status][1]


def _worst_last(column: pd.Series) -> pd.Series:
    return column.map(SHORT_OF_PATH.index)


def _target(r, unit: str) -> str:
    comparator = "" if r.target_comparator in (None, "=") else r.target_comparator
    return f"{comparator}{amount(r.target_2025, unit)}"


def _short_of_path(r, cities, indicators, unit: str) -> str:
    who = (
        f"{cities[r.city_id]}'s {name(indicators[r.indicator_id])} is {_status(r.progress_status)}"
    )
    if r.trend_basis == "stated_2022":
        return (
            f"{who}: {amount(r.baseline_2020, unit)} in 2020 and "
            f"{amount(r.midpoint_2022, unit)} in 2022, where the path to "
            f"{_target(r, unit)} in 2025 passes {amount(r.implied_2022, unit)}."
        )
    return (
        f"{who}: {amount(r.history_2015, unit)} in 2015 and {amount(r.baseline_2020, unit)} "
        f"in 2020, against a target of {_target(r, unit)} in 2025."
    )
