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


def city_order() -> list[str]:
    """The built cities in registry order (the order plans were added); any city the
    registry no longer lists comes last, sorted. Never a list written in code."""
    built = set(query("SELECT city_id FROM sources").city_id)
    registered = [s.city_id for s in load_sources(paths.SOURCES_YAML)]
    return [c for c in registered if c in built] + sorted(built - set(registered))


def city_names() -> dict[str, tuple[str, str]]:
    """city_id -> ("Jilin City", "吉林市"): English, Chinese."""
    df = query("SELECT city_id, city_name_en, city_name_zh FROM sources")
    return {r.city_id: (r.city_name_en, r.city_name_zh) for r in df.itertuples()}


def city_labels() -> dict[str, str]:
    """city_id -> "Baicheng 白城市"."""
    return {city: f"{en} {zh}" for city, (en, zh) in city_names().items()}


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


def theme_validation() -> pd.DataFrame:
    from analysis.theme_validation import validation_table
    from analysis.themes import ThemeCoder, load_themes

    coder = ThemeCoder(load_themes(paths.THEME_CODEBOOK_YAML))
    table = pd.DataFrame(validation_table(coder, paths.THEME_SAMPLE_CSV, paths.THEME_LABELS_CSV))
    return table.round(2)


# ---------------------------------------------------------------- display


def show_tables_for_readers() -> None:
    """Show this notebook's tables with bilingual headers, names and rounded numbers, every
    row and column (analysis/report_tables.py); the data and the CSV copies stay exact."""
    from analysis.report_tables import show_in_notebook

    show_in_notebook()
