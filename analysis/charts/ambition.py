"""e. Ambition and consistency: required pace against past pace; 2022 against the path."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from analysis.charts.common import _is_missing, _require_columns
from analysis.charts.style import (
    GREY,
    NOTE_GREY,
    OKABE_ITO,
    _decorate,
    _new_figure,
    chart_style,
    check_language,
    in_language,
    wrap_text,
)

AMBITION_COLUMNS = ("label", "value", "note")
#: Each panel: its heading, the x-axis words, the reference value, log or linear axis.
PANELS = {
    "pace": (
        ("所需年均进展（2020–2025）÷ 已实现年均进展（2015–2020）",
         "Required pace 2020–2025 ÷ pace achieved 2015–2020"),
        ("倍数（1 = 过去的步伐）", "ratio (1 = the past pace)"),
        1.0,
        True,
    ),
    "path": (
        ("2022年载明值偏离直线路径（占2020–2025计划变化的比例）",
         "2022 stated value off the straight path (share of the planned 2020–2025 change)"),
        ("偏离（0 = 在路径上；负 = 后置）", "deviation (0 = on the path; < 0 = back-loaded)"),
        0.0,
        False,
    ),
}  # fmt: skip
ABOVE_STYLE = {"marker": "o", "color": OKABE_ITO["blue"]}
BELOW_STYLE = {"marker": "D", "color": OKABE_ITO["vermillion"]}


def pace_and_path(
    pace: pd.DataFrame,
    path: pd.DataFrame,
    title_zh: str,
    title_en: str,
    source_note: str,
    *,
    lang: str = "bilingual",
    size: tuple[float, float] | None = None,
) -> Figure:
    """Two dot plots, one row per city and indicator.

    Both frames have columns ``label``, ``value`` (the ratio or deviation; NaN where it
    means nothing, e.g. a past pace that moved away from the target) and ``note`` (the
    plain-words reading, printed beside the dot, or alone where ``value`` is NaN). A panel
    whose frame is empty says so instead of disappearing.
    """
    for df in (pace, path):
        if not df.empty:
            _require_columns(df, AMBITION_COLUMNS, "pace_and_path")
    check_language(lang)
    rows = {"pace": pace.reset_index(drop=True), "path": path.reset_index(drop=True)}
    heights = [max(len(df), 1) + 1.6 for df in rows.values()]
    with chart_style():
        fig = _new_figure(height=1.4 + 0.32 * sum(heights), size=size)
        grid = fig.add_gridspec(2, 1, height_ratios=heights)
        for i, (panel, df) in enumerate(rows.items()):
            _draw_panel(fig.add_subplot(grid[i, 0]), df, panel, lang)
        return _decorate(fig, title_zh, title_en, source_note, lang)


def _draw_panel(ax: Axes, df: pd.DataFrame, panel: str, lang: str) -> None:
    heading, axis_words, reference, log = PANELS[panel]
    ax.set_title(wrap_text(in_language(*heading, lang), 64), loc="left", fontsize=9)
    if df.empty:
        ax.set_axis_off()
        ax.text(0, 0.5, in_language("无城市载明所需数值", "no city states the values needed", lang),
                transform=ax.transAxes, color=NOTE_GREY, fontsize=8)  # fmt: skip
        return
    values = [v for v in df["value"] if not _is_missing(v) and (v > 0 or not log)]
    if log:
        ax.set_xscale("log")
    low, high = _limits([*values, reference], log)
    ax.set_xlim(low, high)
    ax.axvline(reference, color=GREY, linestyle="--", linewidth=1.0, zorder=1)
    for y, row in df.iterrows():
        value = row["value"]
        drawable = not _is_missing(value) and (value > 0 or not log)
        x = value if drawable else reference
        if drawable:
            style = ABOVE_STYLE if value >= reference else BELOW_STYLE
            ax.plot([x], [y], linestyle="none", markersize=6, zorder=3, **style)
        ax.annotate(
            str(row["note"]),
            (x, y),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=6.5,
            color="black" if drawable else NOTE_GREY,
        )
    ax.set_yticks(range(len(df)), df["label"].astype(str))
    ax.set_ylim(len(df) - 0.5, -0.5)
    ax.set_xlabel(in_language(*axis_words, lang), fontsize=8)
    ax.grid(axis="x")
    ax.tick_params(axis="y", length=0)


def _limits(values: list[float], log: bool) -> tuple[float, float]:
    """Room on the right for the notes: the axis runs past the largest value."""
    if log:
        low, high = math.log10(min(values)), math.log10(max(values))
        span = max(high - low, 0.5)
        return 10 ** (low - 0.15 * span), 10 ** (high + 1.4 * span)
    low, high = min(values), max(values)
    span = max(high - low, 0.5)
    return low - 0.15 * span, high + 1.4 * span
