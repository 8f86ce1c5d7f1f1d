"""What each published figure shows, in words: the alt text of its image in the HTML report.

A screen reader, a text browser or a reader whose images are blocked gets the figure's
content, not the word "chart": the values it draws, read from the same database the
chart was drawn from (the vocabulary, which the database does not store, from the same
registered raw files the chart reads), and from the rows the chart draws: both pick them
with analysis/chart_rows.py. One function per kind of chart; ``published_descriptions()`` maps
the name of every figure declared in data/curated/published_figures.yaml (the file
name the notebooks save it under, as ``analysis.figures`` names it) to its text.

English, with the English names of cities, indicators and themes: the page's language.
Numbers are written as ``analysis.report_tables`` writes them in the tables (same
decimals per unit, trailing zeros dropped).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pandas as pd
from scipy.spatial.distance import pdist, squareform

from analysis import paths
from analysis.chart_rows import ambition_rows, growth_rows, path_share, vocabulary_rows
from analysis.published_figures import load_published_figures
from analysis.report_tables import COMPARATOR_SIGNS, TableStyle, load_table_style
from analysis.report_tables import _number as number

Query = Callable[..., pd.DataFrame]

PROGRESS_WORDS = {
    "on_track": "on track",
    "moderately_improving": "moderately improving",
    "stagnating": "stagnating",
    "declining": "declining",
    "already_met": "already met",
    "no_trend_stated": "no trend stated",
    "no_baseline": "no baseline stated",
}
POSITION_WORDS = {  # analysis/plan_ambition.py's midpoint positions
    "on_path": "on the path (within rounding)",
    "ahead": "ahead",
    "behind": "behind (back-loaded)",
    "past_target": "already at or beyond the 2025 target",
}
MEASURE_WORDS = {
    "density_per_10k_chars": ("mentions per 10,000 characters", 1),
    "share_of_paragraphs": ("share of paragraphs", 2),
}


def published_descriptions(database: Path = paths.DATABASE) -> dict[str, str]:
    """Figure name (file stem) -> what it shows, for every published figure."""
    from analysis import report, theme_report

    q: Query = partial(report.query, database=database)
    style = load_table_style()
    published = load_published_figures()
    out = {}
    for indicator in published.gap_indicators:
        out[f"gap_{indicator}"] = describe_gap(q, style, indicator)
    for unit in published.growth_units:
        out[f"growth_needed_{unit}"] = describe_growth(q, style, unit)
    for city in published.midpoint_cities:
        out[f"midpoint_{city}"] = describe_midpoint(q, style, city)
    for measure in published.theme_measures:
        out[f"themes_{measure}"] = describe_theme_heatmap(q, measure)
    if published.theme_similarity:
        out["theme_similarity"] = describe_theme_similarity(q)
    if published.ambition:
        out["ambition_consistency"] = describe_ambition(
            q, style, report.ambition_consistency(database)
        )
    if published.distinctive_vocabulary:
        vocabulary = theme_report.distinctive_vocabulary(database)
        chosen = report.city_order(database)  # the published chart's cities
        out["vocabulary_distinctive"] = describe_vocabulary(q, vocabulary, chosen)
    return out


def _cities(q: Query) -> dict[str, str]:
    return dict(q("SELECT city_id, city_name_en FROM sources").itertuples(False))


def _indicator_names(q: Query) -> dict[str, str]:
    return dict(q("SELECT indicator_id, name_en FROM indicators").itertuples(False))


def _indicator(q: Query, indicator_id: str) -> tuple[str, str]:
    row = q("SELECT name_en, unit FROM indicators WHERE indicator_id = ?", [indicator_id])
    return (row.name_en[0], row.unit[0]) if len(row) else (indicator_id, "")


def _value(style: TableStyle, value, unit: str, comparator=None) -> str:
    if value is None or pd.isna(value):
        return "not stated"
    sign = "" if comparator is None or pd.isna(comparator) else COMPARATOR_SIGNS[comparator]
    text = sign + number(value, style.units.get(unit, 2), strip=True)
    return text + ("%" if unit == "percent" else f" {unit.replace('_', '-')}")


def describe_gap(q: Query, style: TableStyle, indicator_id: str) -> str:
    name, unit = _indicator(q, indicator_id)
    cities = _cities(q)
    rows = q(
        "SELECT city_id, baseline_2020, target_2025, target_comparator, gap_status, "
        "national_baseline_2020, national_target_2025 FROM indicator_metrics "
        "WHERE indicator_id = ? ORDER BY city_id",
        [indicator_id],
    )
    stated = [
        f"{cities.get(r.city_id, r.city_id)} from {_value(style, r.baseline_2020, unit)} "
        f"to {_value(style, r.target_2025, unit, r.target_comparator)}"
        + (" (already met)" if r.gap_status == "met" else "")
        for r in rows.itertuples()
    ]
    silent = sorted(set(cities.values()) - {cities.get(c, c) for c in rows.city_id})
    text = f"Dumbbell chart of {name}, 2020 baseline to 2025 target by city: " + "; ".join(stated)
    if silent:
        text += f". Not stated by {', '.join(silent)}"
    national = rows.dropna(subset=["national_baseline_2020"]).head(1)
    if len(national):
        n = national.iloc[0]
        text += (
            f". National: {_value(style, n.national_baseline_2020, unit)} in 2020, "
            f"target {_value(style, n.national_target_2025, unit)} for 2025"
        )
    return text + "."


def describe_growth(q: Query, style: TableStyle, unit: str) -> str:
    """The bars the growth chart draws: the same rows, picked by the same function."""
    cities, names = _cities(q), _indicator_names(q)
    metrics = q("SELECT * FROM indicator_metrics ORDER BY city_id, indicator_id")
    per = {"linear": "points", "compound": "%"}

    def rate(value, kind) -> str:
        if value is None or pd.isna(value):
            return "not stated"
        return f"{number(value, style.decimals['rate'])} {per.get(kind, '')} a year"

    bars = [
        f"{cities.get(r.city_id, r.city_id)}, {names.get(r.indicator_id, r.indicator_id)}: "
        f"{rate(r.growth_per_year_2020_2025, r.growth_kind)} "
        f"(from the latest value: {rate(r.growth_per_year_from_latest, r.growth_kind)})"
        for r in growth_rows(metrics, unit).itertuples()
    ]
    return (
        f"Bar chart of the growth needed each year from 2020 to reach the 2025 target, "
        f"{len(bars)} indicators in {unit.replace('_', ' ')}, largest first: "
        + "; ".join(bars)
        + "."
    )


def describe_ambition(q: Query, style: TableStyle, ambition: pd.DataFrame) -> str:
    """The two panels of the ambition chart, from the rows it draws
    (``report.ambition_consistency()`` through ``chart_rows.ambition_rows``)."""
    cities, names = _cities(q), _indicator_names(q)
    pace, path = ambition_rows(ambition)

    def who(r) -> str:
        return f"{cities.get(r.city_id, r.city_id)}, {names.get(r.indicator_id, r.indicator_id)}"

    paces = [
        f"{who(r)}: "
        + (
            f"{number(r.pace_ratio, style.decimals['rate'])} times the past pace"
            if pd.notna(r.pace_ratio)
            else r.pace_label  # no ratio: the label says why (a reversal, no change...)
        )
        for r in pace.itertuples()
    ]
    shares = path_share(path)
    positions = []
    for r, share in zip(path.itertuples(), shares, strict=True):
        text = (
            f"{who(r)}: 2022 stated {_value(style, r.midpoint_2022, r.unit)}, straight path "
            f"{_value(style, r.implied_2022, r.unit)}, "
            f"{POSITION_WORDS.get(r.midpoint_position, r.midpoint_position)}"
        )
        if pd.notna(share):
            sign = "+" if share > 0 else ""
            text += f" ({sign}{number(share, style.decimals['rate'])} of the planned change)"
        positions.append(text)
    return (
        "Two bar charts. Ambition: the growth each plan needs per year 2020-2025 as a "
        f"multiple of its own 2015-2020 pace, {len(paces)} indicators: "
        + ("; ".join(paces) or "none")
        + ". Consistency: each stated 2022 value's distance from the straight path between "
        f"the 2020 baseline and the 2025 target, as a share of the planned change, "
        f"{len(positions)} values: " + ("; ".join(positions) or "none") + "."
    )


def describe_vocabulary(q: Query, vocabulary: pd.DataFrame, chosen: list[str]) -> str:
    """One panel per chosen city, as the vocabulary chart draws them (``chart_rows``): its
    terms by z-score, largest first, each with its uses in the city."""
    cities = _cities(q)
    table = vocabulary_rows(vocabulary, chosen)
    panels = []
    for city, rows in table.groupby("city_id", sort=False):
        drawn = rows[rows.term.notna()].sort_values(["z", "term"], ascending=[False, True])
        terms = [f"{r.term} {number(r.z, 2)} ({int(r.count)} uses)" for r in drawn.itertuples()]
        panels.append(f"{cities.get(city, city)}: {', '.join(terms) or 'no terms'}")
    return (
        f"Bar charts, one per city ({len(panels)}): the words each plan uses more than the "
        "others, by z-score of the weighted log-odds, largest first, with the plan's uses. "
        + "; ".join(panels)
        + "."
    )


def describe_midpoint(q: Query, style: TableStyle, city_id: str) -> str:
    city = _cities(q).get(city_id, city_id)
    rows = q(
        "SELECT i.name_en, m.unit, m.implied_2022, m.midpoint_2022, m.progress_status "
        "FROM indicator_metrics m JOIN indicators i USING (indicator_id) "
        "WHERE m.city_id = ? AND m.baseline_2020 IS NOT NULL AND m.target_2025 IS NOT NULL "
        "ORDER BY m.indicator_id",
        [city_id],
    )
    panels = [
        f"{r.name_en}: 2022 stated {_value(style, r.midpoint_2022, r.unit)}, straight path "
        f"{_value(style, r.implied_2022, r.unit)}, "
        f"{PROGRESS_WORDS.get(r.progress_status, r.progress_status)}"
        for r in rows.itertuples()
    ]
    return (
        f"{city}: one panel per indicator with a 2020 baseline and a 2025 target, the stated "
        "2022 value set against the straight path between them. " + "; ".join(panels) + "."
    )


def describe_theme_heatmap(q: Query, measure: str) -> str:
    words, decimals = MEASURE_WORDS.get(measure, (measure.replace("_", " "), 2))
    rows = q(
        f"SELECT s.city_name_en AS city, t.name_en AS theme, c.{measure} AS v "
        "FROM theme_coverage c JOIN sources s USING (city_id) JOIN themes t USING (theme_id) "
        "ORDER BY c.city_id, v DESC, theme"
    )
    top = rows.groupby("city", sort=True).head(1)
    leaders = [f"{r.city}, {r.theme} ({number(r.v, decimals)})" for r in top.itertuples()]
    return (
        f"Heatmap of {rows.theme.nunique()} policy themes by {rows.city.nunique()} cities, "
        f"{words}. Each city's most covered theme: " + "; ".join(leaders) + "."
    )


def describe_theme_similarity(q: Query) -> str:
    cities = _cities(q)
    coverage = q("SELECT city_id, theme_id, share_of_paragraphs AS v FROM theme_coverage")
    profiles = coverage.pivot_table(index="city_id", columns="theme_id", values="v")
    similarity = 1 - squareform(pdist(profiles.to_numpy(), metric="cosine"))
    ids = list(profiles.index)
    pairs = sorted(
        (float(similarity[i, j]), cities.get(ids[i], ids[i]), cities.get(ids[j], ids[j]))
        for i in range(len(ids))
        for j in range(i + 1, len(ids))
    )
    low, high = pairs[0], pairs[-1]
    return (
        f"Matrix of the cosine similarity of the theme profiles (share of paragraphs) of "
        f"{len(ids)} cities, clustered. Most alike: {high[1]} and {high[2]} "
        f"({number(high[0], 2)}); least alike: {low[1]} and {low[2]} ({number(low[0], 2)})."
    )
