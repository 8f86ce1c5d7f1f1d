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
from analysis.figure_files import _is_published

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
        return charts.in_language(*PACE_WORDS[label], lang)
    words = ("倍于过去的步伐", "times the past pace")
    return f"{charts.format_number(ratio)} {charts.in_language(*words, lang)}"


def ambition_chart(
    out_dir: Path | None = None,
    *,
    cities: Sequence[str] | None = None,
    options: figures.ChartOptions = figures.DEFAULT,
    name: str | None = None,
) -> figures.SavedFigure:
    """Required 2020-2025 pace against the 2015-2020 pace, and each stated 2022 value's
    distance from the straight path, for every chosen city that states the values."""
    lang = charts.check_language(options.lang)
    notes = "en" if lang == "bilingual" else lang  # the bilingual axis already has Chinese
    chosen = figures.check_cities(cities)
    df = report.ambition_consistency()
    pace, path = ambition_rows(df[df.city_id.isin(chosen)])  # as its description reads them
    drawn = pd.concat([pace, path])
    fig = charts.pace_and_path(
        pd.DataFrame(
            {
                "label": _labels(pace, lang),
                "value": pace.pace_ratio.to_numpy(),
                "note": [
                    _pace_note(r, s, notes)
                    for r, s in zip(pace.pace_ratio, pace.pace_label, strict=True)
                ],
            }
        ),
        pd.DataFrame(
            {
                "label": _labels(path, lang),
                "value": path_share(path).to_numpy(),
                "note": [
                    charts.in_language(*POSITION_WORDS[p], notes) for p in path.midpoint_position
                ],
            }
        ),
        title_zh="规划的雄心与一致性",
        title_en="Ambition and consistency of the plans' own numbers",
        source_note=chart_labels._source_note(ids := _observation_ids(drawn), lang=lang),
        lang=lang,
        size=options.size,
    )
    return figures._save(
        fig,
        name or "ambition_consistency",
        out_dir,
        options,
        published=_is_published("ambition", None, options, name, cities=cities),
        observation_ids=ids,
        cities=tuple(dict.fromkeys(drawn.city_id)),
    )


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
