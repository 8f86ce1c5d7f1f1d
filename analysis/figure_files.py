"""Where a chart goes and what comes back: options, the saved figure, and the rule that
figures/ holds only the published set (data/curated/published_figures.yaml).

figures/ is what `analysis reproduce` compares with the manifest: a call with other
choices (cities, indicators, language, size, name) returns its figure and is saved under
build/ (or a folder of the caller's choosing), never in figures/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from analysis import charts
from analysis.paths import CHART_EXPORT_DIR, FIGURES_DIR, PUBLISHED_FIGURES_YAML, ROOT
from analysis.published_figures import load_published_figures


class SelectionError(ValueError):
    """An unknown city, indicator or theme id; the message lists the valid ones."""


@dataclass(frozen=True)
class ChartOptions:
    """How to draw and save: language, size in inches (None: the chart's own), dpi, formats."""

    lang: str = "bilingual"
    size: tuple[float, float] | None = None
    dpi: int = 200
    formats: tuple[str, ...] = ("png", "svg", "pdf")
    #: SVG text as text (editable in Inkscape or Illustrator) instead of glyph outlines.
    svg_text: bool = False


DEFAULT = ChartOptions()
#: Where a chart other than the published set goes when no folder is given (git-ignored).
ADHOC_DIR = CHART_EXPORT_DIR / "adhoc"


@dataclass(frozen=True)
class SavedFigure:
    """A chart written to disk; a notebook shows the very PNG that was saved.

    ``observation_ids`` are the observations plotted; ``cities`` and ``themes`` the
    selection of a theme chart (its evidence is the theme hits of those).
    """

    name: str
    files: tuple[Path, ...]
    observation_ids: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    national: bool = False
    size: tuple[float, float] = field(default=(0.0, 0.0))
    #: The drawn figure itself (for a layout check, or to show or save it again).
    figure: Figure | None = field(default=None, repr=False, compare=False)
    #: The numbers drawn, one row per mark, with observation ids and raw spans.
    data: pd.DataFrame | None = field(default=None, repr=False, compare=False)

    def _repr_png_(self):
        png = next((f for f in self.files if f.suffix == ".png"), None)
        if png is None:  # drawn without a PNG (e.g. formats=()): nothing to show
            return None
        return png.read_bytes(), {"width": 720}  # a 200 dpi file, shown at screen size

    def __repr__(self) -> str:
        return "saved: " + ", ".join(_shown(f) for f in self.files)


def _shown(path: Path) -> str:
    """A path relative to the repository when it is inside it (stable notebook output)."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _save(
    fig,
    name: str,
    out_dir: Path | None,
    options: ChartOptions,
    observation_ids=(),
    *,
    published: bool = False,
    data: pd.DataFrame | None = None,
    **selection,
) -> SavedFigure:
    out_dir = _destination(name, out_dir, published)
    files = charts.save_figure(
        fig,
        name,
        formats=options.formats,
        dpi=options.dpi,
        out_dir=out_dir,
        svg_text=options.svg_text,
    )
    ids = tuple(sorted({i for i in observation_ids if isinstance(i, str)}))  # NaN: not stated
    size = (float(fig.get_figwidth()), float(fig.get_figheight()))
    return SavedFigure(
        name, tuple(files), observation_ids=ids, size=size, figure=fig, data=data, **selection
    )


def _destination(name: str, out_dir: Path | None, published: bool) -> Path:
    """figures/ for the published set only; any other chart goes to build/ (or out_dir).

    figures/ is what `analysis reproduce` compares with the manifest, so a notebook's
    ad-hoc call (other cities, language, size or name) must never write there, least of
    all under a published figure's name.
    """
    if out_dir is None:
        return FIGURES_DIR if published else ADHOC_DIR
    if not published and Path(out_dir).resolve() == FIGURES_DIR.resolve():
        raise SelectionError(
            f"{name!r} is not one of the published figures "
            f"({_shown(PUBLISHED_FIGURES_YAML)}); figures/ holds only those: save it "
            f"elsewhere (the default for other choices is {_shown(ADHOC_DIR)})"
        )
    return Path(out_dir)


def _is_published(kind: str, key, options: ChartOptions, name: str | None, **chosen) -> bool:
    """Whether a call draws a figure of the declared published set, exactly as declared."""
    if options != DEFAULT or name is not None or any(v is not None for v in chosen.values()):
        return False
    published = load_published_figures()
    declared = {
        "gap": published.gap_indicators,
        "growth": published.growth_units,
        "midpoint": published.midpoint_cities,
        "themes": published.theme_measures,
        "similarity": (None,) if published.theme_similarity else (),
        "ambition": (None,) if published.ambition else (),
        "vocabulary": (None,) if published.distinctive_vocabulary else (),
    }[kind]
    return key in declared
