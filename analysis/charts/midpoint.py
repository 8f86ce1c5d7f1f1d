"""c. Midpoint progress: stated 2022 values against the straight path."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from analysis.charts.common import (
    _is_missing,
    _marker_handle,
    _padded_limits,
    _require_columns,
    format_comparator,
)
from analysis.charts.style import (
    BASELINE_STYLE,
    FIGURE_WIDTH,
    GREY,
    IMPLIED_STYLE,
    NOTE_GREY,
    STATED_STYLE,
    TARGET_STYLE,
    _decorate,
    _new_figure,
    chart_style,
    check_language,
    label,
    wrap_text,
)

# --------------------------------------------------------------------------------------
# c. Midpoint progress
# --------------------------------------------------------------------------------------

MIDPOINT_COLUMNS = (
    "indicator_label",
    "baseline_2020",
    "implied_2022",
    "stated_2022",
    "target_2025",
    "status",
)
YEARS = {"baseline_2020": 2020, "implied_2022": 2022, "stated_2022": 2022, "target_2025": 2025}
#: Value labels beside their markers (points, alignment), never above them where they
#: would run into the panel title: the two 2022 values share an x position, so theirs go
#: to opposite sides; the baseline's to the left, the target's to the right.
_MIDPOINT_LABEL_SIDE = {
    "baseline_2020": (-7, "right"),
    "implied_2022": (-7, "right"),
    "stated_2022": (7, "left"),
    "target_2025": (7, "left"),
}
_TITLE_SIZE = 7.5
#: Optional comparator column of each value (">99" is drawn as ">99", not "99").
_COMPARATORS = {
    "baseline_2020": "baseline_comparator",
    "stated_2022": "stated_comparator",
    "target_2025": "target_comparator",
}


def midpoint_progress(
    df: pd.DataFrame,
    title_zh: str,
    title_en: str,
    source_note: str,
    *,
    lang: str = "bilingual",
    size: tuple[float, float] | None = None,
) -> Figure:
    """Small multiples, one per indicator: the straight path 2020→2025 and where 2022 is.

    Columns: ``indicator_label``, ``baseline_2020``, ``implied_2022`` (the straight-line
    value), ``stated_2022`` (NaN if the plan states none), ``target_2025`` and ``status``
    (shown under each panel title; it should say what it rests on). Optional:
    ``baseline_comparator``, ``stated_comparator``, ``target_comparator`` and ``ceiling``
    (100 for a percentage: the y axis stops there unless a value is above it). Each panel
    has its own y scale because units differ.
    """
    _require_columns(df, MIDPOINT_COLUMNS, "midpoint_progress")
    check_language(lang)
    rows = df.reset_index(drop=True)
    ncols, nrows = _grid(len(rows), size, lang)
    with chart_style():
        fig = _new_figure(height=PANEL_OVERHEAD + PANEL_HEIGHT[lang] * 1.2 * nrows, size=size)
        # Row 0 holds the shared legend. A figure legend placed "outside upper" would
        # share the top margin with the title and overlap it; an axes of its own gets
        # its own room from constrained layout.
        grid = fig.add_gridspec(nrows + 1, ncols, height_ratios=[0.12] + [1] * nrows)
        _legend_row(fig.add_subplot(grid[0, :]), _midpoint_handles(lang), ncols=3)
        # the panel's share of the width, less its tick labels (about 0.35 inch)
        label_width = int((fig.get_figwidth() / ncols - 0.35) * 72 / (_TITLE_SIZE * 0.55))
        for i, row in rows.iterrows():
            ax = fig.add_subplot(grid[1 + i // ncols, i % ncols])
            _draw_midpoint_panel(ax, row, label_width, lang)
        return _decorate(fig, title_zh, title_en, source_note, lang)


#: Smallest panel that keeps its title, ticks and value labels apart (inches; measured
#: with analysis.charts.layout on the real charts): a bilingual title takes four or more
#: lines, a single-language one two or three.
PANEL_WIDTH = 2.2
PANEL_HEIGHT = {"bilingual": 1.9, "zh": 1.45, "en": 1.6}
#: Title, legend row and source note.
PANEL_OVERHEAD = 1.5


class TooManyPanelsError(ValueError):
    """More panels than a page of the chosen size can show legibly."""


def panel_capacity(size: tuple[float, float] | None, lang: str) -> int | None:
    """How many panels fit a page of ``size`` (None: the chart picks its height)."""
    if size is None:
        return None
    ncols = max(1, int(size[0] / PANEL_WIDTH))
    return ncols * max(0, int((size[1] - PANEL_OVERHEAD) / PANEL_HEIGHT[lang]))


def _grid(n: int, size: tuple[float, float] | None, lang: str) -> tuple[int, int]:
    """Columns and rows of panels; an error, never a squashed chart, when they do not fit."""
    width = size[0] if size is not None else FIGURE_WIDTH
    ncols = max(1, min(n, int(width / PANEL_WIDTH)))
    capacity = panel_capacity(size, lang)
    if capacity is not None and n > capacity:
        raise TooManyPanelsError(
            f"{n} panels do not fit a {size[0] * 25.4:.0f} x {size[1] * 25.4:.0f} mm page in "
            f"{lang} (at most {capacity}): choose fewer indicators or a larger size"
        )
    return ncols, math.ceil(n / ncols)


def _legend_row(ax: Axes, handles: list, ncols: int) -> None:
    """Use ``ax`` (a full-width grid row) only as the place of a legend."""
    ax.set_axis_off()
    ax.legend(
        handles=handles,
        loc="center left",
        bbox_to_anchor=(0, 0.5),
        ncols=ncols,
        borderaxespad=0,
        handletextpad=0.4,
        columnspacing=1.5,
    )


def _midpoint_handles(lang: str = "bilingual") -> list[Line2D]:
    """Legend entries shared by every panel."""
    return [
        _marker_handle(f"2020 {label('baseline', lang)}", BASELINE_STYLE),
        Line2D([], [], color=GREY, linestyle="--", label=label("straight_path", lang)),
        _marker_handle(f"2022 {label('implied', lang)}", IMPLIED_STYLE),
        _marker_handle(f"2022 {label('stated', lang)}", STATED_STYLE),
        _marker_handle(f"2025 {label('target', lang)}", TARGET_STYLE),
    ]


def _draw_midpoint_panel(ax: Axes, row: pd.Series, label_width: int, lang: str) -> None:
    """One indicator: path, the four points (those present) and its status."""
    values = {column: row[column] for column in YEARS}
    present = {c: v for c, v in values.items() if not _is_missing(v)}
    if {"baseline_2020", "target_2025"} <= present.keys():
        ax.plot(
            [2020, 2025],
            [present["baseline_2020"], present["target_2025"]],
            color=GREY,
            linestyle="--",
            linewidth=1.2,
            zorder=1,
        )
    styles = {
        "baseline_2020": BASELINE_STYLE,
        "implied_2022": IMPLIED_STYLE,
        "stated_2022": STATED_STYLE,
        "target_2025": TARGET_STYLE,
    }
    for column, value in present.items():
        ax.plot(
            [YEARS[column]], [value], linestyle="none", zorder=3, clip_on=False, **styles[column]
        )
        dx, ha = _MIDPOINT_LABEL_SIDE[column]
        comparator = row.get(_COMPARATORS.get(column, ""), None)
        ax.annotate(
            format_comparator(comparator, value),
            (YEARS[column], value),
            xytext=(dx, 0),
            textcoords="offset points",
            ha=ha,
            va="center",
            fontsize=7,
            # The path line may pass behind a 2022 label: keep the digits legible.
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
        )
    if "stated_2022" not in present:
        ax.text(
            0.5,
            0.04,
            f"2022 {label('not_stated', lang)}" if present else label("not_stated", lang),
            transform=ax.transAxes,
            ha="center",
            va="bottom",
            fontsize=6.5,
            color=NOTE_GREY,
        )
    title = "\n".join(
        wrap_text(part, label_width) for part in str(row["indicator_label"]).split("\n")
    )
    status = "" if _is_missing(row["status"]) else str(row["status"])
    status = "\n".join(wrap_text(part, label_width) for part in status.split("\n"))
    ax.set_title(f"{title}\n{status}" if status else title, loc="left", fontsize=_TITLE_SIZE)
    ax.set_xticks([2020, 2022, 2025])
    ax.set_xlim(2018.2, 2026.8)
    ax.tick_params(labelsize=7)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=3))
    ceiling = row.get("ceiling", None)
    low, high = _padded_limits(present.values(), pad=0.3, ceiling=ceiling)
    ax.set_ylim(low, high)
    ax.grid(axis="y")
