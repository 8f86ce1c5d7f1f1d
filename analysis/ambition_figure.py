"""The ambition and consistency chart: data from `report`, drawing from `charts`.

Kept beside analysis/figures.py (which it reuses for selections, labels, source notes and
saving) so that neither module grows past its size; figures.all_figures includes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis import chart_labels, charts, figures, report
from analysis.chart_rows import ambition_rows, path_share
from analysis.charts.ambition import TooManyRowsError
from analysis.figure_files import _is_published
from analysis.plotted_data import plotted_data

#: What the chart's CSV carries beside each row's ids and raw spans (analysis/plan_ambition.py).
PLOTTED_COLUMNS = [
    "history_2015",
    "baseline_2020",
    "midpoint_2022",
    "implied_2022",
    "target_comparator",
    "target_2025",
    "past_rate_2015_2020",
    "required_rate",
    "pace_ratio",
    "pace_label",
    "midpoint_deviation",
    "midpoint_position",
]
ROLES = ["history", "baseline", "midpoint", "target"]

#: The pace labels that carry no ratio (analysis/plan_ambition.py), short, per language.
PACE_WORDS = {
    "the past pace moved away from the target: needs a reversal": (
        "2015–2020年背离目标：需扭转",
        "moved away 2015–2020: needs a reversal",
    ),
    "no change 2015-2020: any progress is new": ("2015–2020年无变化", "no change 2015–2020"),
    "no progress needed: the target is at or behind the baseline": (
        "目标不高于基线：无需进展",
        "target at or behind the baseline",
    ),
}
POSITION_WORDS = {
    "on_path": ("在直线路径上（舍入范围内）", "on the path (within rounding)"),
    "ahead": ("超前", "ahead"),
    "behind": ("滞后：后置型", "behind: back-loaded"),
    "past_target": ("2022年已达到或超过2025年目标", "2022 already at or beyond the 2025 target"),
}


def _pace_note(ratio, label: str, lang: str) -> str:
    if label in PACE_WORDS:
        return charts.in_language(*PACE_WORDS[label], lang, separator="\n")
    number = charts.format_number(ratio)
    return charts.in_language(
        f"{number} 倍于过去的步伐", f"{number} times the past pace", lang, separator="\n"
    )


def ambition_chart(
    out_dir: Path | None = None,
    *,
    cities: Sequence[str] | None = None,
    indicators: Sequence[str] | None = None,
    options: figures.ChartOptions = figures.DEFAULT,
    name: str | None = None,
) -> figures.SavedFigure:
    """Required 2020-2025 pace against the 2015-2020 pace, and each stated 2022 value's
    distance from the straight path, for every chosen city (and indicator) that states the
    values. More rows than the size holds is an error naming how many fit."""
    lang = charts.check_language(options.lang)
    chosen = figures.check_cities(cities)
    df = report.ambition_consistency()
    df = df[df.city_id.isin(chosen)]
    if indicators is not None:
        df = df[df.indicator_id.isin(figures.check_indicators(indicators))]
    pace, path = ambition_rows(df)  # as its description reads them
    drawn = pd.concat([pace, path])
    if drawn.empty:
        asked = f" for {', '.join(indicators)}" if indicators else ""
        raise figures.SelectionError(
            f"nothing to plot: no chosen city states a 2015 value, or a 2022 value, beside "
            f"its 2020 baseline and 2025 target{asked}"
        )
    try:
        fig = _draw(pace, path, drawn, lang, options)
    except TooManyRowsError as exc:
        raise figures.SelectionError(
            f"ambition chart: {exc}: choose fewer --cities or --indicators, or a larger --size"
        ) from exc
    ids = _observation_ids(drawn)
    return figures._save(
        fig,
        name or "ambition_consistency",
        out_dir,
        options,
        published=_is_published(
            "ambition", None, options, name, cities=cities, indicators=indicators
        ),
        observation_ids=ids,
        data=_plotted(drawn),
        cities=tuple(dict.fromkeys(drawn.city_id)),
    )


def _draw(pace, path, drawn, lang: str, options: figures.ChartOptions):
    return charts.pace_and_path(
        pd.DataFrame(
            {
                "label": _labels(pace, lang),
                "value": pace.pace_ratio.to_numpy(),
                "note": [
                    _pace_note(r, s, lang)
                    for r, s in zip(pace.pace_ratio, pace.pace_label, strict=True)
                ],
            }
        ),
        pd.DataFrame(
            {
                "label": _labels(path, lang),
                "value": path_share(path).to_numpy(),
                "note": [
                    charts.in_language(*POSITION_WORDS[p], lang, separator="\n")
                    for p in path.midpoint_position
                ],
            }
        ),
        title_zh="规划的雄心与一致性",
        title_en="Ambition and consistency of the plans' own numbers",
        source_note=chart_labels._source_note(_observation_ids(drawn), lang=lang),
        lang=lang,
        size=options.size,
    )


def _plotted(drawn: pd.DataFrame) -> pd.DataFrame:
    """One row per city and indicator drawn (in either panel), with ids and raw spans."""
    rows = drawn.drop_duplicates(["city_id", "indicator_id"])
    ids = report.query(
        "SELECT city_id, indicator_id, history_observation_id, baseline_observation_id, "
        "midpoint_observation_id, target_observation_id FROM indicator_metrics"
    )
    merged = rows.merge(ids, on=["city_id", "indicator_id"], how="left")
    return plotted_data(merged, PLOTTED_COLUMNS, ROLES)


def _labels(df: pd.DataFrame, lang: str) -> list[str]:
    return [
        f"{city} · {indicator}"
        for city, indicator in zip(
            chart_labels._short_cities(df.city_id, lang),
            chart_labels._indicator_names(df.indicator_id, lang),
            strict=True,
        )
    ]


def _observation_ids(df: pd.DataFrame) -> list[str]:
    keys = report.query(
        "SELECT city_id, indicator_id, baseline_observation_id, midpoint_observation_id, "
        "target_observation_id, history_observation_id FROM indicator_metrics"
    ).merge(df[["city_id", "indicator_id"]].drop_duplicates(), on=["city_id", "indicator_id"])
    return [i for column in keys.columns[2:] for i in keys[column] if isinstance(i, str)]
