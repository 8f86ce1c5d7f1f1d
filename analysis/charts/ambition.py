"""e. Ambition and consistency: required pace against past pace; 2022 against the path."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullFormatter
from matplotlib.transforms import blended_transform_factory

from analysis.charts.common import _is_missing, _require_columns, format_number
from analysis.charts.style import (
    GREY,
    NOTE_GREY,
    OKABE_ITO,
    _chars_per_line,
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
#: Height a row needs (inches) so that its wrapped label and wrapped note stay apart from
#: the next row's, and the title, panel headings, axis words and source note around the
#: rows (measured with analysis.charts.layout at every preset, tests/test_chart_layout.py).
ROW_HEIGHT = {"bilingual": 0.36, "zh": 0.28, "en": 0.38}
OVERHEAD = {"bilingual": 2.4, "zh": 2.0, "en": 2.2}
#: The label column and the note column, as shares of a line of the figure's width.
LABEL_SHARE, NOTE_CELLS = 0.4, 32
#: Inches: narrower, the label, dot and note columns squeeze the dots out (measured).
MIN_WIDTH = 120 / 25.4
LABEL_SIZE, NOTE_SIZE = 7.5, 6.5


class TooManyRowsError(ValueError):
    """More rows than a page of the chosen size can show legibly."""


def row_capacity(size: tuple[float, float] | None, lang: str) -> int | None:
    """How many rows (both panels together; an empty panel takes one) fit a page of
    ``size`` (None: the chart picks its height)."""
    if size is None:
        return None
    return max(0, int((size[1] - OVERHEAD[lang]) / ROW_HEIGHT[lang]))


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
    counts = [max(len(df), 1) for df in rows.values()]
    if size is not None and size[0] < MIN_WIDTH - 1e-3:
        raise TooManyRowsError(
            f"a {size[0] * 25.4:.0f} mm wide page is too narrow for the labels, dots and "
            f"notes (at least {MIN_WIDTH * 25.4:.0f} mm)"
        )
    capacity = row_capacity(size, lang)
    if capacity is not None and sum(counts) > capacity:
        raise TooManyRowsError(
            f"{sum(counts)} rows do not fit a {size[0] * 25.4:.0f} x {size[1] * 25.4:.0f} mm "
            f"page in {lang} (at most {capacity})"
        )
    with chart_style():
        height = OVERHEAD[lang] + ROW_HEIGHT[lang] * sum(counts)
        fig = _new_figure(height=height, size=size)
        # the headings and axis words of each panel take about two rows
        grid = fig.add_gridspec(2, 1, height_ratios=[n + 2 for n in counts])
        for i, (panel, df) in enumerate(rows.items()):
            _draw_panel(fig.add_subplot(grid[i, 0]), df, panel, lang)
        return _decorate(fig, title_zh, title_en, source_note, lang)


def _draw_panel(ax: Axes, df: pd.DataFrame, panel: str, lang: str) -> None:
    heading, axis_words, reference, log = PANELS[panel]
    # the heading starts above the axes, right of the label column: it has the rest
    line = int(_chars_per_line(ax.figure, 9) * (1 - LABEL_SHARE - 0.05))
    ax.set_title(wrap_text(in_language(*heading, lang, "\n"), line), loc="left", fontsize=9)
    if df.empty:
        ax.set_axis_off()
        ax.text(0, 0.5, in_language("无城市载明所需数值", "no city states the values needed", lang),
                transform=ax.transAxes, color=NOTE_GREY, fontsize=8)  # fmt: skip
        return
    values = [v for v in df["value"] if not _is_missing(v) and (v > 0 or not log)]
    if log:
        ax.set_xscale("log")
        # plain numbers (0.1, 1, 10), not powers of ten: a writer quotes them as ratios
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: format_number(v)))
        ax.xaxis.set_minor_formatter(NullFormatter())
    low, high = _limits([*values, reference], log)
    ax.set_xlim(low, high)
    ax.axvline(reference, color=GREY, linestyle="--", linewidth=1.0, zorder=1)
    # the notes form a column right of the axes (constrained layout makes room for it), so
    # a long note never runs off the page however far right its dot is
    beside = blended_transform_factory(ax.transAxes, ax.transData)
    for y, row in df.iterrows():
        value = row["value"]
        drawable = not _is_missing(value) and (value > 0 or not log)
        if drawable:
            style = ABOVE_STYLE if value >= reference else BELOW_STYLE
            ax.plot([value], [y], linestyle="none", markersize=6, zorder=3, **style)
        ax.text(1.02, y, wrap_text(str(row["note"]), NOTE_CELLS), transform=beside,
                va="center", fontsize=NOTE_SIZE, linespacing=1.0,
                color="black" if drawable else NOTE_GREY)  # fmt: skip
    width = int(_chars_per_line(ax.figure, LABEL_SIZE) * LABEL_SHARE)
    ax.set_yticks(range(len(df)), [wrap_text(str(t), width) for t in df["label"]])
    ax.tick_params(axis="y", labelsize=LABEL_SIZE)
    ax.set_ylim(len(df) - 0.5, -0.5)
    ax.set_xlabel(wrap_text(in_language(*axis_words, lang, "\n"), line), fontsize=8)
    ax.grid(axis="x")
    ax.tick_params(axis="y", length=0)


def _limits(values: list[float], log: bool) -> tuple[float, float]:
    """The values and the reference, with a margin (the notes are beside the axes)."""
    if log:
        low, high = math.log10(min(values)), math.log10(max(values))
        span = max(high - low, 0.5)
        return 10 ** (low - 0.15 * span), 10 ** (high + 0.15 * span)
    low, high = min(values), max(values)
    span = max(high - low, 0.5)
    return low - 0.15 * span, high + 0.15 * span
