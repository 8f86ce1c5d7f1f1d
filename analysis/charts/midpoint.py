"""c. Midpoint progress: stated 2022 values against the straight path."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.charts.common import (
    _is_missing,
    _marker_handle,
    _padded_limits,
    _require_columns,
    format_number,
)
from analysis.charts.style import (
    BASELINE_STYLE,
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
#: The two 2022 values share an x position, so their labels go to opposite sides (points,
#: alignment); the others sit above their markers.
_MIDPOINT_LABEL_SIDE = {"implied_2022": (-8, "right"), "stated_2022": (8, "left")}


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
    (shown under each panel title). Each panel has its own y scale because units differ.
    """
    _require_columns(df, MIDPOINT_COLUMNS, "midpoint_progress")
    check_language(lang)
    rows = df.reset_index(drop=True)
    ncols = min(3, len(rows))
    nrows = math.ceil(len(rows) / ncols)
    with chart_style():
        fig = _new_figure(height=1.5 + 2.35 * nrows, size=size)
        # Row 0 holds the shared legend. A figure legend placed "outside upper" would
        # share the top margin with the title and overlap it; an axes of its own gets
        # its own room from constrained layout.
        grid = fig.add_gridspec(nrows + 1, ncols, height_ratios=[0.12] + [1] * nrows)
        _legend_row(fig.add_subplot(grid[0, :]), _midpoint_handles(lang), ncols=3)
        label_width = int(fig.get_figwidth() / ncols * 72 / (9 * 0.55)) - 2
        for i, row in rows.iterrows():
            ax = fig.add_subplot(grid[1 + i // ncols, i % ncols])
            _draw_midpoint_panel(ax, row, label_width, lang)
        return _decorate(fig, title_zh, title_en, source_note, lang)


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
        ax.plot([YEARS[column]], [value], linestyle="none", zorder=3, **styles[column])
        dx, ha = _MIDPOINT_LABEL_SIDE.get(column, (0, "center"))
        ax.annotate(
            format_number(value),
            (YEARS[column], value),
            xytext=(dx, 0 if dx else 7),
            textcoords="offset points",
            ha=ha,
            va="center" if dx else "bottom",
            fontsize=7.5,
            # The path line may pass behind a 2022 label: keep the digits legible.
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
        )
    if "stated_2022" not in present:
        ax.text(
            0.5,
            0.06,
            f"2022 {label('not_stated', lang)}" if present else label("not_stated", lang),
            transform=ax.transAxes,
            ha="center",
            fontsize=7.5,
            color=NOTE_GREY,
        )
    title = wrap_text(str(row["indicator_label"]), label_width)
    status = "" if _is_missing(row["status"]) else str(row["status"])
    ax.set_title(f"{title}\n{status}" if status else title, loc="left", fontsize=9)
    ax.set_xticks([2020, 2022, 2025])
    ax.set_xlim(2019.2, 2025.8)
    low, high = _padded_limits(present.values(), pad=0.25)
    ax.set_ylim(low, high)
    ax.grid(axis="y")
