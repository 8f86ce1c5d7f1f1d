"""What the notebooks show: tables read from the database, one function per question.

Every frame here comes from the built database (never from data/raw), so each number
can be followed back through its observation id to a span of a raw file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
from IPython.display import Markdown
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import pdist, squareform

from analysis import paths
from analysis.sources import load_sources


@lru_cache(maxsize=4)
def _connection(database: Path) -> duckdb.DuckDBPyConnection:
    if not Path(database).is_file():
        raise FileNotFoundError(f"{database} is missing: run `make all` (python -m analysis build)")
    return duckdb.connect(str(database), read_only=True)


def query(sql: str, params: list | None = None, database: Path = paths.DATABASE) -> pd.DataFrame:
    return _connection(database).execute(sql, params or []).df()


def city_order(database: Path = paths.DATABASE) -> list[str]:
    """The built cities in registry order (the order plans were added); any city the
    registry no longer lists comes last, sorted. Never a list written in code."""
    built = set(query("SELECT city_id FROM sources", database=database).city_id)
    registered = [s.city_id for s in load_sources(paths.SOURCES_YAML)]
    return [c for c in registered if c in built] + sorted(built - set(registered))


def city_names(database: Path = paths.DATABASE) -> dict[str, tuple[str, str]]:
    """city_id -> ("Jilin City", "吉林市"): English, Chinese."""
    df = query("SELECT city_id, city_name_en, city_name_zh FROM sources", database=database)
    return {r.city_id: (r.city_name_en, r.city_name_zh) for r in df.itertuples()}


def city_labels(database: Path = paths.DATABASE) -> dict[str, str]:
    """city_id -> "Baicheng 白城市"."""
    return {city: f"{en} {zh}" for city, (en, zh) in city_names(database).items()}


def indicator_labels() -> pd.DataFrame:
    return query(
        "SELECT indicator_id, name_zh, name_en, unit, direction, comparable FROM indicators"
    )


# ---------------------------------------------------------------- 01 sources and quality


def sources_overview() -> pd.DataFrame:
    return query(
        "SELECT city_id, city_name_en, city_name_zh, admin_level, document_type, "
        "period_start, period_end, issue_date, n_characters, n_observations, n_indicators, "
        "sparse, known_defects FROM sources ORDER BY list_position(?, city_id)",
        [city_order()],
    )


def observations_by_method() -> pd.DataFrame:
    df = query("SELECT city_id, method, count(*) AS n FROM observations GROUP BY ALL")
    table = df.pivot_table(index="city_id", columns="method", values="n", fill_value=0)
    return table.reindex(city_order(), fill_value=0).astype(int)


def observations_by_role() -> pd.DataFrame:
    df = query("SELECT city_id, role, count(*) AS n FROM observations GROUP BY ALL")
    table = df.pivot_table(index="city_id", columns="role", values="n", fill_value=0)
    return table.reindex(city_order(), fill_value=0).astype(int)


def conflicts(database: Path = paths.DATABASE) -> pd.DataFrame:
    """Every conflicting observation, the preferred one marked, with its rule."""
    return query(
        "SELECT conflict_id, city_id, indicator_id, year, value, comparator, method, line, "
        "preferred, preference_reason, quote FROM observations WHERE conflict_id IS NOT NULL "
        "ORDER BY conflict_id, preferred DESC, char_start",
        database=database,
    )


def corrections_applied() -> pd.DataFrame:
    return query(
        "SELECT observation_id, method, year, value, note FROM observations "
        "WHERE note IS NOT NULL ORDER BY observation_id"
    )


# ---------------------------------------------------------------- 02 indicator coverage


def indicator_city_matrix() -> pd.DataFrame:
    """Indicator x city: number of stated values (0 = not stated)."""
    df = query("SELECT indicator_id, city_id, count(*) AS n FROM observations GROUP BY ALL")
    table = df.pivot_table(index="indicator_id", columns="city_id", values="n", fill_value=0)
    order = city_order()
    table = table.reindex(columns=order, fill_value=0).astype(int)
    table["cities"] = (table[order] > 0).sum(axis=1)
    return table.sort_values(["cities", "indicator_id"], ascending=[False, True])


def shared_indicators(min_cities: int = 2) -> pd.DataFrame:
    """Indicators with a baseline or target in at least `min_cities` cities."""
    return query(
        "SELECT m.indicator_id, i.name_zh, i.name_en, i.comparable, "
        "count(*) AS cities, string_agg(m.city_id, ', ' ORDER BY m.city_id) AS which "
        "FROM indicator_metrics m JOIN indicators i USING (indicator_id) "
        "GROUP BY ALL HAVING count(*) >= ? ORDER BY cities DESC, indicator_id",
        [min_cities],
    )


# ---------------------------------------------------------------- 03-05 metrics


def gaps(indicator_id: str | None = None) -> pd.DataFrame:
    where, params = ("WHERE indicator_id = ?", [indicator_id]) if indicator_id else ("", [])
    return query(
        "SELECT city_id, indicator_id, unit, baseline_2020, baseline_alternatives, "
        "target_2025, target_comparator, target_alternatives, gap, gap_to_close, gap_status, "
        "national_baseline_2020, national_target_2025, baseline_minus_national, "
        f"target_minus_national, has_conflict FROM indicator_metrics {where} "
        "ORDER BY indicator_id, list_position(?, city_id)",
        [*params, city_order()],
    )


def growth() -> pd.DataFrame:
    return query(
        "SELECT city_id, indicator_id, unit, growth_kind, baseline_2020, target_2025, "
        "growth_per_year_2020_2025, latest_year, latest_value, latest_basis, "
        "growth_per_year_from_latest FROM indicator_metrics "
        "WHERE growth_per_year_2020_2025 IS NOT NULL "
        "ORDER BY growth_kind, growth_per_year_2020_2025 DESC"
    )


def midpoint_progress() -> pd.DataFrame:
    return query(
        "SELECT city_id, indicator_id, baseline_2020, implied_2022, midpoint_2022, "
        "target_2025, observed_rate, growth_per_year_2020_2025 AS required_rate, trend_basis, "
        "progress_status FROM indicator_metrics "
        "WHERE baseline_2020 IS NOT NULL AND target_2025 IS NOT NULL "
        "ORDER BY list_position(?, city_id), indicator_id",
        [city_order()],
    )


def status_counts() -> pd.DataFrame:
    df = midpoint_progress()
    return (
        df.pivot_table(
            index="city_id",
            columns="progress_status",
            values="indicator_id",
            aggfunc="count",
            fill_value=0,
        )
        .reindex([c for c in city_order() if c in set(df.city_id)])
        .astype(int)
    )


# ---------------------------------------------------------------- 05 two progress methods

#: Rows that at least one progress method assesses.
ASSESSED = (
    "(progress_status NOT IN ('no_baseline', 'no_trend_stated') OR cagr_status <> 'not_available')"
)


def progress_methods() -> pd.DataFrame:
    """The linear-rate (SDR) and compound-growth (Eurostat / Open SDG) status side by side,
    wherever either method assesses the indicator. ``linear_ratio`` is observed / required
    (the sign cancels for lower-is-better); empty where the required rate is 0."""
    df = query(
        "SELECT city_id, indicator_id, direction, trend_basis, observed_rate, "
        "growth_per_year_2020_2025 AS required_rate, progress_status, cagr_base_year, "
        "cagr_current_year, cagr_observed, cagr_required, cagr_ratio, cagr_status, cagr_note, "
        f"methods_disagree FROM indicator_metrics WHERE {ASSESSED} "
        "ORDER BY list_position(?, city_id), indicator_id",
        [city_order()],
    )
    required = df.required_rate.where(df.required_rate != 0)
    ratio = (df.observed_rate / required).where(df.trend_basis.notna())
    df.insert(df.columns.get_loc("progress_status"), "linear_ratio", ratio)
    return df


def method_agreement() -> pd.DataFrame:
    """Linear-rate status (rows) by compound-growth status (columns): counts of indicators."""
    df = progress_methods()
    return pd.crosstab(df.progress_status, df.cagr_status)


def method_disagreements() -> pd.DataFrame:
    """Every city and indicator where both methods assess and they disagree, with why."""
    df = progress_methods()
    df = df[df.methods_disagree.fillna(False).astype(bool)].copy()
    metrics = query(
        "SELECT city_id, indicator_id, latest_value, target_2025, target_comparator "
        "FROM indicator_metrics"
    )
    df = df.merge(metrics, on=["city_id", "indicator_id"], how="left")
    df["why"] = [_why_methods_differ(r) for r in df.itertuples()]
    return df[["city_id", "indicator_id", "progress_status", "cagr_status", "why"]]


def _why_methods_differ(r) -> str:
    if r.cagr_status == "target_achieved":
        return (
            f"Open SDG counts the target met once the latest value reaches "
            f"{r.target_2025:g} (it compares with >= or <=); the plan's target is "
            f"'{r.target_comparator}{r.target_2025:g}', which the linear method reads strictly"
        )
    return (
        f"linear ratio {r.linear_ratio:.2f} (thresholds 1 / 0.5 / 0) against compound ratio "
        f"{r.cagr_ratio:.2f} (thresholds 0.95 / 0.6 / 0)"
    )


def assessed_by_one_method() -> pd.DataFrame:
    """Indicators only one method can assess (e.g. a trend without a target)."""
    df = progress_methods()
    return df[df.methods_disagree.isna()][
        ["city_id", "indicator_id", "progress_status", "cagr_status", "cagr_observed"]
    ]


def _words(status: str) -> str:
    """A status id as the words a reader sees ("moderately_improving" -> "moderately
    improving"); the linear method's words are the charts' own."""
    from analysis.chart_labels import STATUS_LABELS

    return STATUS_LABELS[status][1] if status in STATUS_LABELS else status.replace("_", " ")


def progress_methods_findings() -> Markdown:
    """The section's findings, computed from the table (nothing typed in the notebook)."""
    df = progress_methods()
    both = df[df.methods_disagree.notna()]
    differ = method_disagreements()
    names = indicator_labels().set_index("indicator_id").name_en
    cities = city_labels()
    lines = [
        f"- The two methods both assess {len(both)} city-indicator pairs and agree on "
        f"{len(both) - len(differ)} of them.",
        *(
            f"- They disagree on {cities[r.city_id]} · {names[r.indicator_id]}: linear "
            f"**{_words(r.progress_status)}**, compound **{_words(r.cagr_status)}** ({r.why})."
            for r in differ.itertuples()
        ),
        f"- {int(df.methods_disagree.isna().sum())} pairs are assessed by one method only "
        "(the compound method also rates a trend without a target, and rates a target "
        "reached by the latest value even without a trend).",
    ]
    return Markdown("\n".join(lines))


# ---------------------------------------------------------------- 05 ambition, consistency


def ambition_consistency(database: Path = paths.DATABASE) -> pd.DataFrame:
    """Per city and indicator where the plan states the values: required 2020-2025 pace
    against the pace achieved 2015-2020, the stated 2022 value against the straight path,
    and whether the target improves on the baseline (formulas: analysis/plan_ambition.py)."""
    return query(
        "SELECT city_id, indicator_id, unit, direction, history_2015, baseline_2020, "
        "midpoint_2022, implied_2022, target_2025, target_comparator, past_rate_2015_2020, "
        "growth_per_year_2020_2025 AS required_rate, pace_ratio, pace_label, "
        "midpoint_deviation, midpoint_position, target_direction FROM indicator_metrics "
        "WHERE pace_label IS NOT NULL OR midpoint_position IS NOT NULL "
        "OR target_direction IN ('hold', 'decline') "
        "ORDER BY list_position(?, city_id), indicator_id",
        [city_order(database)],
        database=database,
    )


def target_directions() -> pd.DataFrame:
    """City x improvement / hold / decline: how many targets move past the baseline."""
    df = query(
        "SELECT city_id, target_direction FROM indicator_metrics WHERE target_direction IS NOT NULL"
    )
    table = pd.crosstab(df.city_id, df.target_direction)
    return table.reindex([c for c in city_order() if c in table.index])


def ambition_findings() -> Markdown:
    """The section's findings, computed from :func:`ambition_consistency`."""
    df = ambition_consistency()
    names = indicator_labels().set_index("indicator_id").name_en
    city = city_labels()

    def target(r) -> str:
        return f"{'' if r.target_comparator == '=' else r.target_comparator}{r.target_2025:g}"

    def which(rows: pd.DataFrame, values: str = "") -> str:
        shown = {
            "": lambda r: "",
            "baseline": lambda r: f" ({r.baseline_2020:g} in 2020, target {target(r)})",
            "midpoint": lambda r: f" ({r.midpoint_2022:g} in 2022, target {target(r)})",
        }[values]
        items = [
            f"{city[r.city_id]} · {names[r.indicator_id]}{shown(r)}" for r in rows.itertuples()
        ]
        return "; ".join(items) or "none"

    paced = df[df.pace_label.notna()]
    at = df[df.midpoint_position.notna()]
    counts = at.midpoint_position.value_counts().sort_index()
    position = ", ".join(f"{n} {_words(p)}" for p, n in counts.items())
    behind = at[at.midpoint_position == "behind"]
    beyond = at[at.midpoint_position == "past_target"]
    cities = ", ".join(sorted(city[c] for c in set(paced.city_id))) or "none"
    lines = [
        f"- Pace: {len(paced)} indicators state a 2015 value, a 2020 baseline and a target "
        f"(cities: {cities}).",
        *(
            f"  - {city[r.city_id]} · {names[r.indicator_id]}: {r.pace_label}."
            for r in paced.itertuples()
        ),
        f"- Midpoint: {len(at)} stated 2022 values against the straight path: {position}.",
        f"  - behind the path (back-loaded): {which(behind, 'midpoint')}.",
        f"  - already at or beyond the 2025 target in 2022: {which(beyond, 'midpoint')}.",
        "- Targets that hold the baseline: "
        f"{which(df[df.target_direction == 'hold'], 'baseline')}.",
        "- Targets below the baseline for the indicator's direction: "
        f"{which(df[df.target_direction == 'decline'], 'baseline')}.",
    ]
    return Markdown("\n".join(lines))


# ---------------------------------------------------------------- 06 themes


def theme_matrix(value: str = "density_per_10k_chars") -> pd.DataFrame:
    """Theme x city matrix of a coverage measure."""
    if value not in ("density_per_10k_chars", "share_of_paragraphs", "mentions", "paragraphs_hit"):
        raise ValueError(f"unknown coverage measure {value!r}")
    df = query(f"SELECT theme_id, city_id, {value} AS v FROM theme_coverage")
    return df.pivot_table(index="theme_id", columns="city_id", values="v").reindex(
        columns=city_order()
    )


def theme_similarity(
    value: str = "share_of_paragraphs",
    cities: list[str] | None = None,
    themes: list[str] | None = None,
) -> tuple[pd.DataFrame, np.ndarray]:
    """Cosine similarity of the cities' theme profiles and an average-linkage clustering.

    ``cities`` and ``themes`` restrict the profiles (default: every city and theme).
    """
    matrix = theme_matrix(value).T  # cities x themes
    matrix = matrix.reindex(index=cities or matrix.index, columns=themes or matrix.columns)
    distances = pdist(matrix.to_numpy(), metric="cosine")
    similarity = pd.DataFrame(1 - squareform(distances), index=matrix.index, columns=matrix.index)
    return similarity, linkage(distances, method="average")


def themes_only_one_city_covers(min_paragraphs: int = 1) -> pd.DataFrame:
    df = query(
        "SELECT theme_id, city_id, paragraphs_hit FROM theme_coverage WHERE paragraphs_hit >= ?",
        [min_paragraphs],
    )
    counts = df.groupby("theme_id").city_id.agg(list)
    single = counts[counts.map(len) == 1]
    return pd.DataFrame({"theme_id": single.index, "city_id": [c[0] for c in single]})


# ---------------------------------------------------------------- display


def show_tables_for_readers() -> None:
    """Show this notebook's tables with bilingual headers, names and rounded numbers, every
    row and column (analysis/report_tables.py); the data and the CSV copies stay exact."""
    from analysis.report_tables import show_in_notebook

    show_in_notebook()
