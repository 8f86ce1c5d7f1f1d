"""f. Distinctive vocabulary: one panel per city, its top terms by z-score."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.figure import Figure

from analysis.charts.common import _require_columns
from analysis.charts.style import (
    FIGURE_WIDTH,
    NOTE_GREY,
    OKABE_ITO,
    _decorate,
    _new_figure,
    chart_style,
    check_language,
    in_language,
)

VOCABULARY_COLUMNS = ("panel", "term", "z", "count")
#: Inches: a term's row, a panel's title and x axis, and the figure's title and source
#: note (measured with analysis.charts.layout at every preset, tests/test_chart_layout.py).
TERM_HEIGHT, PANEL_OVERHEAD, OVERHEAD = 0.11, 0.45, 1.1
#: Inches a panel needs across (terms, bars, counts, the bilingual x-axis words): a narrower
#: page gets fewer columns, never squashed panels.
PANEL_WIDTH = 2.0
#: The gid of a text quoted from a plan as written (a Chinese term in an English chart):
#: data, not a label to translate.
QUOTED = "quoted"


class TooManyPanelsError(ValueError):
    """More city panels than a page of the chosen size can show legibly."""


def panel_columns(size: tuple[float, float] | None, columns: int = 3) -> int:
    """At most ``columns``, as many as the page's width holds (at least one)."""
    width = size[0] if size is not None else FIGURE_WIDTH
    return max(1, min(columns, int(width / PANEL_WIDTH)))


def panel_capacity(size: tuple[float, float] | None, terms: int, columns: int = 3) -> int | None:
    """How many panels of ``terms`` terms fit a page of ``size`` (None: any number, the
    chart picks its height)."""
    if size is None:
        return None
    rows = int((size[1] - OVERHEAD) / (PANEL_OVERHEAD + TERM_HEIGHT * max(terms, 1)))
    return max(0, rows) * panel_columns(size, columns)


def distinctive_terms_panels(
    df: pd.DataFrame,
    title_zh: str,
    title_en: str,
    source_note: str,
    *,
    lang: str = "bilingual",
    size: tuple[float, float] | None = None,
    columns: int = 3,
) -> Figure:
    """Small multiples of horizontal bars: for each ``panel`` (a city label, in the order
    first seen), its ``term``s by ``z`` (largest at the top), each bar labelled with the
    term's ``count``. A panel with no term (``term`` missing) says so instead of a bar."""
    _require_columns(df, VOCABULARY_COLUMNS, "distinctive_terms_panels")
    check_language(lang)
    panels = list(dict.fromkeys(df["panel"]))
    ncols = max(1, min(panel_columns(size, columns), len(panels)))
    nrows = math.ceil(len(panels) / ncols)
    most = max(1, int(df.groupby("panel", sort=False)["term"].count().max()))
    capacity = panel_capacity(size, most, columns)
    if capacity is not None and len(panels) > capacity:
        raise TooManyPanelsError(
            f"{len(panels)} panels of {most} terms do not fit a {size[0] * 25.4:.0f} x "
            f"{size[1] * 25.4:.0f} mm page (at most {capacity})"
        )
    with chart_style():
        fig = _new_figure(height=1.0 + nrows * (0.6 + 0.2 * most), width=FIGURE_WIDTH, size=size)
        axes = fig.subplots(nrows, ncols, squeeze=False)
        for ax in axes.ravel()[len(panels) :]:
            ax.set_axis_off()
        zmax = max([1.0, *df["z"].dropna()])
        for ax, panel in zip(axes.ravel(), panels, strict=False):
            rows = df[(df["panel"] == panel) & df["term"].notna()]
            rows = rows.sort_values(["z", "term"], ascending=[False, True]).reset_index(drop=True)
            ax.set_title(panel, loc="left", fontsize=8.5)
            ax.set_xlim(0, zmax * 1.25)
            ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
            ax.grid(axis="x")
            ax.tick_params(axis="y", length=0, labelsize=7.5)
            ax.tick_params(axis="x", labelsize=7)
            ax.set_xlabel(in_language("z 值", "z-score", lang, separator=" · "), fontsize=7)
            if rows.empty:
                ax.set_yticks([])
                ax.text(0.02, 0.5, in_language("无可比较的词", "no terms", lang), color=NOTE_GREY,
                        transform=ax.transAxes, fontsize=7.5)  # fmt: skip
                continue
            ax.barh(range(len(rows)), rows["z"], height=0.7, color=OKABE_ITO["blue"])
            ax.set_yticks(range(len(rows)), rows["term"].astype(str))
            for tick in ax.get_yticklabels():
                tick.set_gid(QUOTED)  # the plan's own word, shown as written
            for y, row in rows.iterrows():
                ax.annotate(f"{int(row['count'])}", (row["z"], y), xytext=(2, 0),
                            textcoords="offset points", va="center", fontsize=6.5,
                            color=NOTE_GREY)  # fmt: skip
        return _decorate(fig, title_zh, title_en, source_note, lang)
