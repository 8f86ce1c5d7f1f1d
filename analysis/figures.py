"""Every chart: data from `report`, drawing from `charts`, saved as PNG, SVG and PDF.

The notebooks call these with their defaults (all cities, bilingual, the chart's natural
size, written to figures/); `analysis export` calls the same functions with a selection of
cities, indicators or themes, a language and a size. Only a call that draws a declared
published figure writes to figures/; any other goes to build/charts/adhoc/ (or the folder
given), see `figure_files`. Each function returns a :class:`SavedFigure` with the drawn
figure, the numbers it plots (``data``) and the observations behind them, so a sidecar can
cite them; the source note printed on the chart names the plans and the tables or lines.
A chart with nothing to plot, or more panels or rows than the size holds, is a
:class:`SelectionError` that says what to choose.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis import charts, names, report
from analysis.chart_labels import (
    VALUE_LABELS,
    _column_labels,
    _growth_labels,
    _indicator_names,
    _source_note,
    _status_with_basis,
    _theme_label,
    _unit_label,
    city_labels,
    rate_label,
    theme_note,
)
from analysis.chart_rows import growth_rows
from analysis.figure_files import (
    DEFAULT,
    ChartOptions,
    SavedFigure,
    SelectionError,
    _is_published,
    _save,
)
from analysis.paths import FIGURES_DIR
from analysis.plotted_data import plotted_data
from analysis.published_figures import load_published_figures

# ---------------------------------------------------------------------- selections


def _resolve(kind: str, chosen: str | Sequence[str]) -> list[str]:
    """Ids, names or aliases -> ids of the built database (analysis.names), in the caller's
    order; an unknown or ambiguous name is a SelectionError suggesting the closest ones."""
    try:
        return names.resolve(kind, chosen)
    except names.UnknownName as exc:
        raise SelectionError(str(exc)) from exc


def _one(kind: str, name: str) -> str:
    """The id of a chart drawn for one city or indicator, given its id or a name."""
    ids = _resolve(kind, [name])
    if len(ids) != 1:
        raise SelectionError(f"this chart is drawn for one {kind}; got {name!r}")
    return ids[0]


def valid_cities() -> list[str]:
    return report.city_order()


def valid_indicators() -> list[str]:
    return sorted(report.query("SELECT indicator_id FROM indicators").indicator_id)


def valid_themes() -> list[str]:
    return sorted(report.query("SELECT theme_id FROM themes").theme_id)


def check_cities(cities: str | Sequence[str] | None) -> list[str]:
    return valid_cities() if cities is None else _resolve("city", cities)


def check_indicators(indicators: str | Sequence[str] | None) -> list[str]:
    return valid_indicators() if indicators is None else _resolve("indicator", indicators)


def check_themes(themes: str | Sequence[str] | None) -> list[str]:
    return valid_themes() if themes is None else _resolve("theme", themes)


# ---------------------------------------------------------------------- charts


def gap_chart(
    indicator_id: str,
    out_dir: Path | None = None,
    *,
    cities: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Baseline-to-target dumbbell of one indicator.

    Without ``cities``: every city that states the indicator. With ``cities``: exactly
    those, in that order; a city that states neither value is drawn as "not stated", but
    a chart on which no chosen city states anything is an error naming what is missing.
    """
    indicator_id = _one("indicator", indicator_id)
    lang = charts.check_language(options.lang)
    metrics = report.query(
        "SELECT * FROM indicator_metrics WHERE indicator_id = ? ORDER BY city_id", [indicator_id]
    )
    if cities is not None:
        chosen = check_cities(cities)
        metrics = metrics.set_index("city_id").reindex(chosen).reset_index()
        metrics["indicator_id"] = indicator_id
    if metrics.empty or (metrics.baseline_2020.isna() & metrics.target_2025.isna()).all():
        which = f"none of {', '.join(cities)}" if cities is not None else "no city"
        raise SelectionError(
            f"nothing to plot: {which} states a 2020 baseline or a 2025 target for "
            f"{indicator_id}; cities that do: {', '.join(_stating(indicator_id)) or 'none'}"
        )
    frame = pd.DataFrame(
        {
            "city_label": city_labels(metrics.city_id, lang),
            "baseline": metrics.baseline_2020,
            "target": metrics.target_2025,
            "target_comparator": metrics.target_comparator,
            "conflict": metrics.has_conflict.fillna(False).astype(bool),
            "national_baseline": metrics.national_baseline_2020,
            "national_target": metrics.national_target_2025,
        }
    )
    ids = [*metrics.baseline_observation_id, *metrics.target_observation_id]
    national = bool(metrics.national_baseline_2020.notna().any())
    names = report.indicator_labels().set_index("indicator_id").loc[indicator_id]
    titles = {
        "zh": f"{names.name_zh}：2020基线与2025目标",
        "en": f"{names.name_en}: 2020 baseline and 2025 target",
    }
    fig = charts.gap_dumbbell(
        frame,
        title_zh=titles["zh"],
        title_en=titles["en"],
        unit_label=_unit_label(names.unit, lang),
        source_note=_source_note(ids, national=national, lang=lang),
        lang=lang,
        size=options.size,
        ceiling=_ceiling(names.unit),
    )
    data = plotted_data(
        metrics,
        [
            "baseline_comparator",
            "baseline_2020",
            "target_comparator",
            "target_2025",
            "gap",
            "has_conflict",
            "national_baseline_2020",
            "national_target_2025",
        ],
        ["baseline", "target"],
    )
    return _save(
        fig,
        name or f"gap_{indicator_id}",
        out_dir,
        options,
        observation_ids=ids,
        published=_is_published("gap", indicator_id, options, name, cities=cities),
        data=data,
        cities=tuple(metrics.city_id),
        national=national,
    )


def _stating(indicator_id: str) -> list[str]:
    """The cities that state a baseline or a target of ``indicator_id``, in city order."""
    stated = set(
        report.query(
            "SELECT city_id FROM indicator_metrics WHERE indicator_id = ? "
            "AND (baseline_2020 IS NOT NULL OR target_2025 IS NOT NULL)",
            [indicator_id],
        ).city_id
    )
    return [c for c in valid_cities() if c in stated]


def _ceiling(unit: str) -> float | None:
    """A percentage axis stops at 100 unless a value is above it."""
    return 100.0 if unit == "percent" else None


def growth_chart(
    unit: str | None = "percent",
    out_dir: Path | None = None,
    *,
    cities: Sequence[str] | None = None,
    indicators: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Growth needed per year, ranked, 2020-2025 against from the latest stated value.

    Without ``indicators``: every indicator of ``unit`` with a baseline and a target (a
    target already reached shows a zero bar). With ``indicators``: every chosen city x
    indicator pair, "not stated" where the plan gives no baseline or target. A "from the
    latest" bar whose latest value is the 2020 baseline carried to the plan's issue year
    is hatched and says so; a city whose sources conflict gets a dagger.
    """
    lang = charts.check_language(options.lang)
    names = report.indicator_labels().set_index("indicator_id")
    metrics = report.query("SELECT * FROM indicator_metrics ORDER BY city_id, indicator_id")
    chosen_cities = check_cities(cities) if cities is not None else None
    if indicators is None:
        df = growth_rows(metrics, unit, chosen_cities)  # also what its description reads
    else:
        chosen = check_indicators(indicators)
        pairs = pd.MultiIndex.from_product(
            [chosen_cities or valid_cities(), chosen], names=["city_id", "indicator_id"]
        )
        df = metrics.set_index(["city_id", "indicator_id"]).reindex(pairs).reset_index()
        df["unit"] = df.indicator_id.map(names.unit)
    if df.empty or df.growth_per_year_2020_2025.isna().all():
        raise SelectionError(
            "nothing to plot: no chosen city states both a 2020 baseline and a 2025 target"
            + (f" for {', '.join(indicators)}" if indicators else f" in unit {unit}")
        )
    capacity = charts.growth_row_capacity(options.size, lang)
    if capacity is not None and len(df) > capacity:
        raise SelectionError(
            f"{len(df)} growth rows do not fit this size in {lang} (at most {capacity}): "
            "choose fewer --cities or --indicators, or a larger --size"
        )
    frame = pd.DataFrame(
        {
            "label": _growth_labels(df.city_id, df.indicator_id, lang),
            "growth_5y": df.growth_per_year_2020_2025.to_numpy(),
            "growth_from_latest": df.growth_per_year_from_latest.to_numpy(),
            "unit_label": [
                rate_label(u, k, lang) for u, k in zip(df.unit, df.growth_kind, strict=True)
            ],
            "conflict": df.has_conflict.fillna(False).astype(bool).to_numpy(),
            # the 2020 value carried to the issue year (metrics._latest); a plan without an
            # issue date starts from 2020 itself, so its "latest" bar is not carried
            "latest_carried": df.latest_basis.fillna("")
            .str.startswith("baseline carried")
            .to_numpy(),
        }
    )
    ids = [*df.baseline_observation_id, *df.target_observation_id, *df.midpoint_observation_id]
    fig = charts.growth_ranked(
        frame,
        title_zh="实现2025目标每年所需增长",
        title_en="Growth needed per year to reach the 2025 target",
        source_note=_source_note(ids, lang=lang),
        lang=lang,
        size=options.size,
    )
    data = plotted_data(
        df,
        [
            "growth_kind",
            "baseline_2020",
            "target_comparator",
            "target_2025",
            "growth_per_year_2020_2025",
            "latest_year",
            "latest_value",
            "latest_basis",
            "growth_per_year_from_latest",
            "has_conflict",
        ],
        ["baseline", "midpoint", "target"],
    )
    return _save(
        fig,
        name or f"growth_needed_{unit or 'all'}",
        out_dir,
        options,
        observation_ids=ids,
        published=_is_published(
            "growth", unit, options, name, cities=cities, indicators=indicators
        ),
        data=data,
        cities=tuple(dict.fromkeys(df.city_id)),
    )


def midpoint_chart(
    city_id: str,
    out_dir: Path | None = None,
    *,
    indicators: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Stated 2022 values against the straight path from baseline to target (one city).

    Without ``indicators``: every indicator with both a baseline and a target. With
    ``indicators``: exactly those, "not stated" where the plan gives no value. Each status
    says what it rests on (the stated 2022 value, the 2015-2020 trend, or nothing); a
    city that states no 2022 value gets a chart titled as a trend-based assessment.
    """
    city_id = _one("city", city_id)
    lang = charts.check_language(options.lang)
    metrics = report.query(
        "SELECT m.*, v.midpoint_comparator FROM indicator_metrics m "
        "LEFT JOIN indicator_values v USING (city_id, indicator_id) "
        "WHERE m.city_id = ? ORDER BY m.indicator_id",
        [city_id],
    )
    if indicators is None:
        df = metrics[metrics.baseline_2020.notna() & metrics.target_2025.notna()]
    else:
        chosen = check_indicators(indicators)
        df = metrics.set_index("indicator_id").reindex(chosen).reset_index()
        df["city_id"] = city_id
        df["unit"] = df.indicator_id.map(report.indicator_labels().set_index("indicator_id").unit)
    values = ["baseline_2020", "midpoint_2022", "target_2025"]
    if df.empty or df[values].isna().all().all():
        asked = f" of {', '.join(indicators)}" if indicators else ""
        raise SelectionError(
            f"nothing to plot: {city_id} states no indicator{asked} with both a 2020 baseline "
            "and a 2025 target; choose indicators it states to show the others as not stated"
        )
    capacity = charts.panel_capacity(options.size, lang)
    if capacity is not None and len(df) > capacity:
        raise SelectionError(
            f"{len(df)} midpoint panels of {city_id} do not fit this size in {lang} (at most "
            f"{capacity}): choose up to {capacity} with --indicators "
            f"({', '.join(df.indicator_id)}) or a larger --size"
        )
    frame = pd.DataFrame(
        {
            "indicator_label": [
                charts.in_language(zh, en, lang, separator="\n")
                for zh, en in zip(
                    _indicator_names(df.indicator_id, "zh"),
                    _indicator_names(df.indicator_id, "en"),
                    strict=True,
                )
            ],
            "baseline_2020": df.baseline_2020.to_numpy(),
            "implied_2022": df.implied_2022.to_numpy(),
            "stated_2022": df.midpoint_2022.to_numpy(),
            "target_2025": df.target_2025.to_numpy(),
            "status": [
                _status_with_basis(s, b, lang)
                for s, b in zip(df.progress_status, df.status_basis, strict=True)
            ],
            "baseline_comparator": df.baseline_comparator.to_numpy(),
            "stated_comparator": df.midpoint_comparator.to_numpy(),
            "target_comparator": df.target_comparator.to_numpy(),
            "ceiling": [_ceiling(u) for u in df.unit],
        }
    )
    en, zh = report.city_names()[city_id]
    if df.midpoint_2022.notna().any():
        title_zh, title_en = (
            f"{zh}：2022年载明值与直线路径",
            f"{en}: stated 2022 values against the straight path",
        )
    else:  # no 2022 value: every status rests on the 2015-2020 trend, or on nothing
        title_zh, title_en = (
            f"{zh}：基于2015—2020年趋势的评估（未载明2022年数值）",
            f"{en}: trend-based assessment (the plan states no 2022 values)",
        )
    ids = [*df.baseline_observation_id, *df.target_observation_id, *df.midpoint_observation_id]
    fig = charts.midpoint_progress(
        frame,
        title_zh=title_zh,
        title_en=title_en,
        source_note=_source_note(ids, lang=lang),
        lang=lang,
        size=options.size,
    )
    data = plotted_data(
        df,
        [
            "baseline_comparator",
            "baseline_2020",
            "implied_2022",
            "midpoint_comparator",
            "midpoint_2022",
            "target_comparator",
            "target_2025",
            "observed_rate",
            "growth_per_year_2020_2025",
            "progress_status",
            "status_basis",
        ],
        ["baseline", "midpoint", "target"],
    )
    return _save(
        fig,
        name or f"midpoint_{city_id}",
        out_dir,
        options,
        observation_ids=ids,
        published=_is_published("midpoint", city_id, options, name, indicators=indicators),
        data=data,
        cities=(city_id,),
    )


def theme_heatmap_chart(
    value: str = "density_per_10k_chars",
    out_dir: Path | None = None,
    *,
    cities: Sequence[str] | None = None,
    themes: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Themes (rows) by cities (columns), coloured by a coverage measure.

    The title names the measure; a share is drawn as a percentage (1-22 %, not 0.01-0.22).
    """
    lang = charts.check_language(options.lang)
    chosen_cities, chosen_themes = check_cities(cities), check_themes(themes)
    zh, en, percent = VALUE_LABELS[value]
    raw = report.theme_matrix(value).reindex(index=chosen_themes, columns=chosen_cities)
    matrix = raw * 100 if percent else raw.copy()
    matrix.index = matrix.index.map(_theme_label(lang))
    matrix.columns = _column_labels(matrix.columns, lang)
    fig = charts.theme_heatmap(
        matrix,
        title_zh=f"政策主题覆盖：{zh}",
        title_en=f"Policy-theme coverage: {en}",
        source_note=theme_note(chosen_cities, lang),
        value_label=charts.in_language(zh, en, lang, separator=" · "),
        value_format=".0f" if percent else ".2f",
        lang=lang,
        size=options.size,
    )
    data = report.query(
        "SELECT theme_id, city_id, source_id, mentions, paragraphs_hit, n_paragraphs, "
        "n_characters, share_of_paragraphs, density_per_10k_chars FROM theme_coverage "
        "WHERE city_id IN (SELECT unnest(?)) AND theme_id IN (SELECT unnest(?)) "
        "ORDER BY theme_id, city_id",
        [chosen_cities, chosen_themes],
    )
    return _save(
        fig,
        name or f"themes_{value}",
        out_dir,
        options,
        published=_is_published("themes", value, options, name, cities=cities, themes=themes),
        data=data,
        cities=tuple(chosen_cities),
        themes=tuple(chosen_themes),
    )


def theme_similarity_chart(
    out_dir: Path | None = None,
    *,
    cities: Sequence[str] | None = None,
    themes: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Cosine similarity of the cities' theme profiles, clustered (at least two cities)."""
    lang = charts.check_language(options.lang)
    chosen_cities, chosen_themes = check_cities(cities), check_themes(themes)
    if len(chosen_cities) < 2:
        raise SelectionError("a similarity chart needs at least two cities")
    similarity, tree = report.theme_similarity(cities=chosen_cities, themes=chosen_themes)
    data = similarity.rename_axis(index="city_id", columns=None).reset_index()
    similarity.index = city_labels(similarity.index, lang)
    similarity.columns = _column_labels(similarity.columns, lang)
    fig = charts.similarity_heatmap(
        similarity,
        tree,
        title_zh="城市政策主题相似度（余弦）",
        title_en="Cosine similarity of the cities' theme profiles",
        source_note=theme_note(chosen_cities, lang),
        lang=lang,
        size=options.size,
    )
    return _save(
        fig,
        name or "theme_similarity",
        out_dir,
        options,
        published=_is_published("similarity", None, options, name, cities=cities, themes=themes),
        data=data,
        cities=tuple(chosen_cities),
        themes=tuple(chosen_themes),
    )


def all_figures(out_dir: Path = FIGURES_DIR) -> list[SavedFigure]:
    """Every figure the notebooks publish (data/curated/published_figures.yaml), in
    notebook order; used to check reproduction."""
    from analysis.ambition_figure import ambition_chart  # it imports this module
    from analysis.vocabulary_figure import vocabulary_chart  # it imports this module too

    published = load_published_figures()
    return [
        *(gap_chart(i, out_dir) for i in published.gap_indicators),
        *(growth_chart(u, out_dir) for u in published.growth_units),
        *(midpoint_chart(c, out_dir) for c in published.midpoint_cities),
        *([ambition_chart(out_dir)] if published.ambition else []),
        *(theme_heatmap_chart(m, out_dir) for m in published.theme_measures),
        *([theme_similarity_chart(out_dir)] if published.theme_similarity else []),
        *([vocabulary_chart(out_dir)] if published.distinctive_vocabulary else []),
    ]
