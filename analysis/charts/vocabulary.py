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
    ncols = max(1, min(columns, len(panels)))
    nrows = math.ceil(len(panels) / ncols)
    most = max(1, int(df.groupby("panel", sort=False)["term"].count().max()))
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
            for y, row in rows.iterrows():
                ax.annotate(f"{int(row['count'])}", (row["z"], y), xytext=(2, 0),
                            textcoords="offset points", va="center", fontsize=6.5,
                            color=NOTE_GREY)  # fmt: skip
        return _decorate(fig, title_zh, title_en, source_note, lang)
