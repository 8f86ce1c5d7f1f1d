"""b. Growth needed, ranked."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.charts.common import (
    _is_missing,
    _legend_above,
    _padded_limits,
    _require_columns,
    format_number,
)
from analysis.charts.style import (
    LABELS,
    NOTE_GREY,
    OKABE_ITO,
    _decorate,
    _new_figure,
    chart_style,
    check_language,
    in_language,
    label,
)

# --------------------------------------------------------------------------------------
# b. Growth, ranked
# --------------------------------------------------------------------------------------

GROWTH_COLUMNS = ("label", "growth_5y", "growth_from_latest", "unit_label")
GROWTH_SERIES = {
    "growth_5y": (("2020→2025", ""), OKABE_ITO["blue"]),  # the same in both languages
    "growth_from_latest": (LABELS["latest_to_2025"], OKABE_ITO["orange"]),
}


def growth_ranked(
    df: pd.DataFrame,
    title_zh: str,
    title_en: str,
    source_note: str,
    *,
    lang: str = "bilingual",
    size: tuple[float, float] | None = None,
) -> Figure:
    """Horizontal grouped bars of planned growth, largest 2020→2025 growth at the top.

    Columns: ``label`` (e.g. ``"Jiamusi · 学前教育毛入园率"``), ``growth_5y``,
    ``growth_from_latest`` (NaN where no later value is stated) and ``unit_label``.
    Indicators have different units, so each bar is labelled with its value and unit.
    """
    _require_columns(df, GROWTH_COLUMNS, "growth_ranked")
    check_language(lang)
    rows = df.sort_values("growth_5y", ascending=False, kind="stable", na_position="last")
    rows = rows.reset_index(drop=True)
    with chart_style():
        fig = _new_figure(height=1.8 + 0.55 * len(rows), size=size)
        ax = fig.add_subplot()
        height = 0.38
        for offset, column in zip((-height / 2, height / 2), GROWTH_SERIES, strict=True):
            _draw_growth_series(ax, rows, column, offset, height, lang)
        ax.set_yticks(range(len(rows)), rows["label"].astype(str))
        ax.set_ylim(len(rows) - 0.5, -0.5)
        values = [*rows["growth_5y"], *rows["growth_from_latest"], 0.0]
        ax.set_xlim(*_padded_limits(values, pad=0.22))
        ax.axvline(0, color="#333333", linewidth=0.8)
        ax.set_xlabel(label("planned_growth", lang))
        ax.grid(axis="x")
        ax.tick_params(axis="y", length=0)
        handles = [
            Patch(color=color, label=in_language(*words, lang))
            for words, color in GROWTH_SERIES.values()
        ]
        _legend_above(ax, handles)
        return _decorate(fig, title_zh, title_en, source_note, lang)


def _draw_growth_series(
    ax: Axes, rows: pd.DataFrame, column: str, offset: float, height, lang: str
):
    """One series of bars, each labelled "+5.2 pp"; a missing value is labelled, not drawn."""
    words, color = GROWTH_SERIES[column]
    series = in_language(*words, lang)
    for y, row in rows.iterrows():
        value = row[column]
        if _is_missing(value):
            ax.text(
                0,
                y + offset,
                f"  {label('not_stated', lang)}",
                va="center",
                ha="left",
                fontsize=7.5,
                color=NOTE_GREY,
            )
            continue
        ax.barh(y + offset, value, height=height, color=color, label=series)
        text = f"{'+' if value > 0 else ''}{format_number(value)} {row['unit_label']}".strip()
        ax.annotate(
            text,
            (value, y + offset),
            xytext=(3 if value >= 0 else -3, 0),
            textcoords="offset points",
            ha="left" if value >= 0 else "right",
            va="center",
            fontsize=7.5,
        )
