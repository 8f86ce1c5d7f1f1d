"""The project's plotting package: one bilingual, colour-blind-safe, print-quality style.

Every chart function takes a pandas frame (labels included: nothing here knows a city or an
indicator), returns a :class:`matplotlib.figure.Figure` and draws

- a bilingual title (``"学前教育毛入园率 · Preschool gross enrolment rate"``),
- the caller's source note at the bottom left,
- with the Okabe-Ito palette and shapes that differ as well as colours.

The style is applied by :func:`chart_style` (a context manager) and never by changing
``matplotlib.rcParams`` at import time, so importing this package changes nothing for other
code. :func:`save_figure` writes PNG, SVG and PDF files that are byte-identical across runs.

The Chinese font
----------------
The glyphs come from Noto Sans CJK SC (SIL Open Font Licence) as shipped in the PyPI package
``mplfonts``; no system font is looked up and nothing is downloaded. That file is an
OpenType font with CFF (cubic) outlines, which matplotlib's PDF backend cannot embed
properly: as Type 42 it writes a CFF font where a TrueType one is declared (an invalid
PDF that some viewers reject), and as Type 3 older matplotlib versions draw characters past
the first 256 as pictures, so the PDF text cannot be copied. The font is therefore converted
once (about 20 s), deterministically and with fontTools only, to TrueType (quadratic)
outlines, keeping the glyph of every character in its character map, and cached under the
git-ignored ``build/`` folder; the cache file's name holds the source file's hash and the
fontTools version, so a changed input makes a new file instead of a stale one. The TrueType
copy is used for all three formats (one set of metrics everywhere): PDFs embed it as a
Type 42 (CID TrueType) subset with a ToUnicode map, so the text can be copied, and SVGs
draw glyphs as paths. The copy gets its own family name so that a system-wide "Noto Sans
CJK SC" can never be picked instead of it.

Modules: ``style`` (palette, labels, the style, text fitting), ``fonts`` (the Chinese
font), ``saving``, ``common`` (helpers shared by the charts), ``layout`` (text that
leaves the figure or overlaps other text, measured after a draw), and one per chart:
``gap``, ``growth``, ``midpoint``, ``heatmaps``, ``ambition``, ``vocabulary``. The names
other code uses are re-exported here.
"""

from __future__ import annotations

from analysis.charts.ambition import pace_and_path
from analysis.charts.ambition import row_capacity as ambition_row_capacity
from analysis.charts.common import format_comparator, format_number
from analysis.charts.fonts import (
    FONT_CACHE_DIR,
    FONT_FAMILY,
    FONT_PACKAGE,
    chinese_font_path,
    convert_to_truetype,
    source_font_path,
)
from analysis.charts.gap import gap_dumbbell
from analysis.charts.growth import growth_ranked
from analysis.charts.growth import row_capacity as growth_row_capacity
from analysis.charts.heatmaps import similarity_heatmap, theme_heatmap
from analysis.charts.layout import layout_problems
from analysis.charts.midpoint import midpoint_progress, panel_capacity
from analysis.charts.saving import save_figure
from analysis.charts.style import (
    CONFLICT_NOTE,
    FIGURE_WIDTH,
    NOT_STATED,
    OKABE_ITO,
    PALETTE,
    chart_style,
    check_language,
    in_language,
    wrap_text,
)
from analysis.charts.vocabulary import distinctive_terms_panels

__all__ = [
    "CONFLICT_NOTE",
    "FIGURE_WIDTH",
    "FONT_CACHE_DIR",
    "FONT_FAMILY",
    "FONT_PACKAGE",
    "NOT_STATED",
    "OKABE_ITO",
    "PALETTE",
    "ambition_row_capacity",
    "chart_style",
    "check_language",
    "chinese_font_path",
    "convert_to_truetype",
    "distinctive_terms_panels",
    "format_comparator",
    "format_number",
    "gap_dumbbell",
    "growth_ranked",
    "growth_row_capacity",
    "in_language",
    "layout_problems",
    "midpoint_progress",
    "pace_and_path",
    "panel_capacity",
    "save_figure",
    "similarity_heatmap",
    "source_font_path",
    "theme_heatmap",
    "wrap_text",
]
