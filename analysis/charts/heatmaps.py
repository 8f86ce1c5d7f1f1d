"""d. Theme heatmap, e. similarity heatmap."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from analysis.charts.style import (
    FIGURE_WIDTH,
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
# d. Theme heatmap, e. similarity heatmap
# --------------------------------------------------------------------------------------


def _sequential_cmap():
    """White to Okabe-Ito blue: order read from lightness alone, so safe for any CVD."""
    return sns.light_palette(OKABE_ITO["blue"], as_cmap=True)


def theme_heatmap(
    matrix: pd.DataFrame,
    title_zh: str,
    title_en: str,
    source_note: str,
    value_label: str,
    *,
    value_format: str = ".2f",
    lang: str = "bilingual",
    size: tuple[float, float] | None = None,
) -> Figure:
    """Annotated heatmap of theme density: themes (index) by cities (columns).

    ``value_label`` titles the colour bar. The scale starts at 0 (a density); a missing
    cell is hatched and says "not stated" instead of taking a colour.
    """
    if matrix.empty:
        raise ValueError("theme_heatmap: matrix is empty")
    check_language(lang)
    with chart_style():
        fig = _new_figure(height=1.9 + 0.36 * len(matrix.index), size=size)
        ax = fig.add_subplot()
        values = matrix.astype(float)
        vmax = float(np.nanmax(values.to_numpy())) if values.notna().any().any() else 1.0
        limits = (0.0, vmax or 1.0)
        _annotated_heatmap(ax, values, value_label, value_format, limits, lang=lang)
        _decorate(fig, title_zh, title_en, source_note, lang)
        _fit_column_labels(ax)
        return fig


def _annotated_heatmap(
    ax: Axes, values, value_label, value_format, limits, cbar_ax=None, lang="bilingual"
):
    """seaborn heatmap in the project's colours, missing cells marked, labels fitted."""
    sns.heatmap(
        values,
        ax=ax,
        cmap=_sequential_cmap(),
        vmin=limits[0],
        vmax=limits[1],
        annot=True,
        fmt=value_format,
        annot_kws={"fontsize": 8},
        linewidths=0.6,
        linecolor="white",
        cbar_ax=cbar_ax,
        cbar_kws={"label": value_label, **({} if cbar_ax else {"shrink": 0.8})},
    )
    _mark_missing_cells(ax, values, lang)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(length=0)
    ax.tick_params(axis="y", labelrotation=0)


def _mark_missing_cells(ax: Axes, values: pd.DataFrame, lang: str) -> None:
    """Hatch missing cells and write "not stated" in them: a blank cell would read as low."""
    for i, j in zip(*np.nonzero(values.isna().to_numpy()), strict=True):
        ax.add_patch(
            Rectangle(
                (j + 0.03, i + 0.03),
                0.94,
                0.94,
                facecolor="white",
                edgecolor="#BBBBBB",
                hatch="////",
                linewidth=0,
            )
        )
        ax.text(
            j + 0.5,
            i + 0.5,
            in_language(*LABELS["not_stated"], lang, separator="\n"),
            ha="center",
            va="center",
            fontsize=6.5,
            color=NOTE_GREY,
            bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"},
        )


def _fit_column_labels(ax: Axes) -> None:
    """Horizontal column labels when each fits its cell, else vertical.

    Not slanted: the boxes of slanted neighbours overlap, and a layout check (and a reader
    at a small size) cannot tell which label belongs to which column.

    Measured after a layout pass (``draw_without_rendering``) rather than guessed from
    character counts, because Chinese and Latin glyph widths differ so much.
    """
    ax.figure.draw_without_rendering()
    labels = ax.get_xticklabels()
    cell = ax.get_window_extent().width / max(len(labels), 1)
    if any(label.get_window_extent().width > 0.8 * cell for label in labels):
        ax.tick_params(axis="x", labelrotation=90)


def similarity_heatmap(
    matrix: pd.DataFrame,
    linkage: np.ndarray | None,
    title_zh: str,
    title_en: str,
    source_note: str,
    *,
    lang: str = "bilingual",
    size: tuple[float, float] | None = None,
) -> Figure:
    """Cosine-similarity heatmap of cities; with a dendrogram on top if ``linkage`` is given.

    ``matrix`` is square with the same city labels on both axes; ``linkage`` is a SciPy
    linkage matrix over its rows in their order. With a dendrogram, rows and columns are
    reordered to its leaf order so that similar cities sit together.
    """
    _check_square(matrix)
    check_language(lang)
    values = matrix.astype(float)
    with chart_style():
        side = 2.4 + 0.62 * len(values)
        width = min(FIGURE_WIDTH, side + 1.8)
        if linkage is None:
            fig = _new_figure(height=side + 0.6, width=width, size=size)
            ax = fig.add_subplot()
            _similarity_map(ax, values, lang=lang)
        else:
            fig = _new_figure(height=side + 1.4, width=width, size=size)
            ax = _draw_with_dendrogram(fig, values, np.asarray(linkage, dtype=float), lang)
        _decorate(fig, title_zh, title_en, source_note, lang)
        _fit_column_labels(ax)
        return fig


def _similarity_map(
    ax: Axes, values: pd.DataFrame, cbar_ax: Axes | None = None, lang: str = "bilingual"
) -> None:
    """The heatmap part; colour scale from the lowest similarity (rounded down) to 1."""
    off_diagonal = values.to_numpy()[~np.eye(len(values), dtype=bool)]
    low = np.nanmin(off_diagonal) if np.isfinite(off_diagonal).any() else 0.0
    # Starting at 0 would paint every cell of similar plans the same dark blue; the colour
    # bar states the range, and every cell carries its number.
    vmin = min(math.floor(low * 10) / 10, 0.9)
    _annotated_heatmap(ax, values, label("cosine", lang), ".2f", (vmin, 1.0), cbar_ax, lang)


def _check_square(matrix: pd.DataFrame) -> None:
    """A similarity matrix needs the same labels, in the same order, on both axes."""
    if matrix.empty or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"similarity_heatmap: matrix must be square, got {matrix.shape}")

    def words(labels) -> list[str]:  # a column label may be wrapped onto two lines
        return [" ".join(str(x).split()) for x in labels]

    if words(matrix.index) != words(matrix.columns):
        raise ValueError("similarity_heatmap: index and columns must be the same labels")


def _draw_with_dendrogram(
    fig: Figure, matrix: pd.DataFrame, linkage: np.ndarray, lang: str = "bilingual"
) -> Axes:
    """Dendrogram above the heatmap (in leaf order, columns aligned); returns the heatmap."""
    from scipy.cluster import hierarchy

    n = len(matrix)
    if linkage.shape != (n - 1, 4):
        raise ValueError(f"similarity_heatmap: linkage must be ({n - 1}, 4), got {linkage.shape}")
    # A 2 x 2 grid keeps the colour bar out of the heatmap's column, so the dendrogram
    # above stays exactly as wide as the heatmap and its leaves sit over the cells.
    grid = fig.add_gridspec(2, 2, height_ratios=[1, 4], width_ratios=[1, 0.045])
    ax_tree = fig.add_subplot(grid[0, 0])
    ax_map = fig.add_subplot(grid[1, 0])
    ax_bar = fig.add_subplot(grid[1, 1])
    tree = hierarchy.dendrogram(
        linkage, ax=ax_tree, no_labels=True, link_color_func=lambda _k: "#4D4D4D"
    )
    order = tree["leaves"]
    ordered = matrix.iloc[order, order]
    ax_tree.set_xlim(0, 10 * n)  # scipy puts leaf i at 10 * i + 5: cell centres below
    ax_tree.set_axis_off()
    _similarity_map(ax_map, ordered, ax_bar, lang)
    return ax_map
