"""b. Growth needed, ranked."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.charts.common import (
    _blank_handle,
    _is_missing,
    _legend_above,
    _padded_limits,
    _require_columns,
    format_number,
)
from analysis.charts.style import (
    CONFLICT_MARK,
    LABELS,
    NOTE_GREY,
    OKABE_ITO,
    _chars_per_line,
    _decorate,
    _new_figure,
    chart_style,
    check_language,
    in_language,
    label,
    wrap_text,
)

# --------------------------------------------------------------------------------------
# b. Growth, ranked
# --------------------------------------------------------------------------------------

CARRIED_HATCH = "////"
GROWTH_COLUMNS = ("label", "growth_5y", "growth_from_latest", "unit_label")
GROWTH_SERIES = {
    "growth_5y": (("2020→2025", ""), OKABE_ITO["blue"]),  # the same in both languages
    "growth_from_latest": (LABELS["latest_to_2025"], OKABE_ITO["orange"]),
}


#: Height a row needs (inches) so its two bar labels and its (wrapped) label stay apart,
#: and the title, legend and source note (measured with analysis.charts.layout).
ROW_HEIGHT = {"bilingual": 0.5, "zh": 0.34, "en": 0.42}
OVERHEAD = 2.0


def row_capacity(size: tuple[float, float] | None, lang: str) -> int | None:
    """How many rows fit a page of ``size`` (None: the chart picks its height)."""
    if size is None:
        return None
    return max(0, int((size[1] - OVERHEAD) / ROW_HEIGHT[lang]))


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
    ``growth_from_latest`` (NaN where no later value is stated) and ``unit_label``;
    optional ``conflict`` (bool: a dagger after the label, explained in the legend) and
    ``latest_carried`` (bool: the latest value is the baseline carried forward, so that
    bar is hatched and the legend says so). Indicators have different units, so each bar
    is labelled with its value and unit; a zero is drawn as a labelled zero, not dropped.
    """
    _require_columns(df, GROWTH_COLUMNS, "growth_ranked")
    check_language(lang)
    rows = df.sort_values("growth_5y", ascending=False, kind="stable", na_position="last")
    rows = rows.reset_index(drop=True)
    conflict = _flag(rows, "conflict")
    carried = _flag(rows, "latest_carried")
    with chart_style():
        capacity = row_capacity(size, lang)
        if capacity is not None and len(rows) > capacity:
            raise ValueError(
                f"growth_ranked: {len(rows)} rows do not fit this size in {lang} "
                f"(at most {capacity})"
            )
        fig = _new_figure(height=OVERHEAD + ROW_HEIGHT[lang] * len(rows), size=size)
        ax = fig.add_subplot()
        height = 0.38
        for offset, column in zip((-height / 2, height / 2), GROWTH_SERIES, strict=True):
            _draw_growth_series(ax, rows, column, offset, height, lang, carried)
        width = int(_chars_per_line(fig, 8.5) * 0.4)
        ticks = [
            wrap_text(f"{text} {CONFLICT_MARK}" if flag else str(text), width)
            for text, flag in zip(rows["label"], conflict, strict=True)
        ]
        ax.set_yticks(range(len(rows)), ticks, fontsize=8)
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
        notes = []
        # the legend starts where the axes do, right of the row labels (up to 40 %)
        note_width = int(_chars_per_line(fig, 8) * 0.5)
        if carried.any():
            notes.append(
                Patch(
                    facecolor="white",
                    edgecolor=OKABE_ITO["orange"],
                    hatch=CARRIED_HATCH,
                    label=wrap_text(label("carried_latest", lang), note_width),
                )
            )
        if conflict.any():
            conflict_note = f"{CONFLICT_MARK} {label('conflict', lang)}"
            notes.append(_blank_handle(wrap_text(conflict_note, note_width)))
        _legend_above(ax, handles + notes, ncols=1 if notes else len(handles))
        return _decorate(fig, title_zh, title_en, source_note, lang)


def _flag(rows: pd.DataFrame, column: str) -> pd.Series:
    """An optional boolean column (False where absent or missing)."""
    if column not in rows.columns:
        return pd.Series(False, index=rows.index)
    return rows[column].fillna(False).astype(bool)


def _draw_growth_series(
    ax: Axes, rows: pd.DataFrame, column: str, offset: float, height, lang: str, carried
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
        hatched = column == "growth_from_latest" and carried[y]
        ax.barh(
            y + offset,
            value,
            height=height,
            color="white" if hatched else color,
            edgecolor=color,
            hatch=CARRIED_HATCH if hatched else None,
            label=series,
        )
        text = f"{'+' if value > 0 else ''}{format_number(value)} {row['unit_label']}".strip()
        # Labels start at the bar's end, or at zero for a decrease: a label left of a
        # negative bar would run into the row labels.
        ax.annotate(
            text,
            (max(value, 0), y + offset),
            xytext=(3, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=7.5,
        )
