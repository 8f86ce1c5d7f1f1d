"""a. Gap dumbbell: baseline and target per city."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import blended_transform_factory

from analysis.charts.common import (
    _blank_handle,
    _first_scalar,
    _is_missing,
    _legend_above,
    _marker_handle,
    _padded_limits,
    _require_columns,
    format_comparator,
    format_number,
)
from analysis.charts.style import (
    BASELINE_STYLE,
    CONFLICT_MARK,
    GREY,
    NOTE_GREY,
    OKABE_ITO,
    TARGET_STYLE,
    _decorate,
    _new_figure,
    chart_style,
    check_language,
    label,
)

# --------------------------------------------------------------------------------------
# a. Gap dumbbell
# --------------------------------------------------------------------------------------

GAP_COLUMNS = ("city_label", "baseline", "target", "target_comparator", "conflict")


def gap_dumbbell(
    df: pd.DataFrame,
    title_zh: str,
    title_en: str,
    unit_label: str,
    source_note: str,
    *,
    lang: str = "bilingual",
    size: tuple[float, float] | None = None,
    ceiling: float | None = None,
) -> Figure:
    """One row per city: a line from baseline to target, with national reference lines.

    Columns: ``city_label``, ``baseline`` and ``target`` (float or NaN),
    ``target_comparator`` (``">="``, ``"="``, ``"~"`` ... or NaN), ``conflict`` (bool);
    optional ``national_baseline`` / ``national_target`` (one value repeated, or NaN).
    A missing value is written as "not stated" in a note column, never drawn at 0; rows
    whose sources conflict get a dagger after the city label, explained in the legend.
    A baseline equal to its target is drawn as a ring around the target marker and
    labelled "baseline = target" (else the baseline would vanish under the target).
    ``ceiling`` (100 for percentages) caps the axis unless a value is above it.
    """
    _require_columns(df, GAP_COLUMNS, "gap_dumbbell")
    check_language(lang)
    with chart_style():
        fig = _new_figure(height=1.6 + 0.42 * len(df), size=size)
        ax = fig.add_subplot()
        rows = df.reset_index(drop=True)
        national = {
            "2020": _first_scalar(rows, "national_baseline"),
            "2025": _first_scalar(rows, "national_target"),
        }
        values = [*rows["baseline"], *rows["target"], *national.values()]
        ax.set_xlim(*_padded_limits(values, ceiling=ceiling))
        for y, row in rows.iterrows():
            _draw_gap_row(ax, y, row, lang)
        ax.set_yticks(range(len(rows)), [_city_tick(r) for _, r in rows.iterrows()])
        ax.set_ylim(len(rows) - 0.5, -0.5)  # first row at the top, as in the frame
        ax.set_xlabel(unit_label)
        ax.grid(axis="x")
        ax.tick_params(axis="y", length=0)
        handles = _national_lines(ax, national, lang)
        handles = [
            _marker_handle(label("baseline", lang), BASELINE_STYLE),
            _marker_handle(label("target", lang), TARGET_STYLE),
            *handles,
        ]
        if (rows["baseline"] == rows["target"]).any():
            ring = BASELINE_STYLE | {"markersize": 11, "markeredgewidth": 1.4}
            handles.append(_marker_handle(label("baseline_is_target", lang), ring))
        if rows["conflict"].fillna(False).astype(bool).any():
            handles.append(_blank_handle(f"{CONFLICT_MARK} {label('conflict', lang)}"))
        _legend_above(ax, handles, ncols=min(len(handles), 3))
        return _decorate(fig, title_zh, title_en, source_note, lang)


def _city_tick(row: pd.Series) -> str:
    """City label, with the conflict dagger when its sources disagree."""
    conflict = not _is_missing(row["conflict"]) and bool(row["conflict"])
    return f"{row['city_label']} {CONFLICT_MARK}" if conflict else str(row["city_label"])


def _draw_gap_row(ax: Axes, y: int, row: pd.Series, lang: str) -> None:
    """Markers, connecting line, comparator label and "not stated" note for one city."""
    baseline, target = row["baseline"], row["target"]
    has_base, has_target = not _is_missing(baseline), not _is_missing(target)
    if has_base and has_target:
        ax.plot([baseline, target], [y, y], color=GREY, linewidth=2.2, zorder=2)
    same = has_base and has_target and baseline == target
    if has_base:
        ring = {"markersize": 13, "markeredgewidth": 1.4} if same else {}
        ax.plot([baseline], [y], linestyle="none", zorder=3, clip_on=False, **BASELINE_STYLE | ring)
    if has_target:
        ax.plot([target], [y], linestyle="none", zorder=4, clip_on=False, **TARGET_STYLE)
        # Label on the side away from the baseline, so it never sits on the line (past
        # the axes if need be: constrained layout makes room for it).
        right = not has_base or target >= baseline
        text = format_comparator(row["target_comparator"], target)
        if same:
            text = f"{text} ({label('baseline_is_target', lang)})"
        ax.annotate(
            text,
            (target, y),
            xytext=(9 if right else -9, 0),
            textcoords="offset points",
            ha="left" if right else "right",
            va="center",
            fontsize=8.5,
            color=TARGET_STYLE["color"],
        )
    note = _missing_note(has_base, has_target, lang)
    if note:
        # In a column right of the axes: readable, and impossible to mistake for a value.
        ax.text(
            1.01,
            y,
            note,
            transform=blended_transform_factory(ax.transAxes, ax.transData),
            ha="left",
            va="center",
            fontsize=8,
            color=NOTE_GREY,
        )


def _missing_note(has_base: bool, has_target: bool, lang: str = "bilingual") -> str:
    """ "Not stated" note naming which value is missing (empty if none)."""
    if has_base and has_target:
        return ""
    if not has_base and not has_target:
        return label("both_not_stated", lang)
    return label("baseline_not_stated" if not has_base else "target_not_stated", lang)


def _national_lines(ax: Axes, national: dict[str, float], lang: str) -> list[Line2D]:
    """Vertical reference lines for the national 2020 and 2025 values; their legend entries."""
    styles = {"2020": ":", "2025": "--"}
    handles = []
    for year, value in national.items():
        if _is_missing(value):
            continue
        text = f"{label('national', lang)} {year} ({format_number(value)})"
        # Above the grid (which would grey out a dotted line) and below the markers.
        ax.axvline(value, color=OKABE_ITO["black"], linestyle=styles[year], linewidth=1, zorder=1.5)
        handles.append(Line2D([], [], color="black", linestyle=styles[year], label=text))
    return handles
