"""The project's one plotting module: one bilingual, colour-blind-safe, print-quality style.

Every chart function takes a pandas frame (labels included: nothing here knows a city or an
indicator), returns a :class:`matplotlib.figure.Figure` and draws

- a bilingual title (``"学前教育毛入园率 · Preschool gross enrolment rate"``),
- the caller's source note at the bottom left,
- with the Okabe-Ito palette and shapes that differ as well as colours.

The style is applied by :func:`chart_style` (a context manager) and never by changing
``matplotlib.rcParams`` at import time, so importing this module changes nothing for other
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
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
import seaborn as sns
from cycler import cycler
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import blended_transform_factory

from analysis.chart_choices import LANGUAGES
from analysis.paths import FIGURES_DIR, ROOT

# --------------------------------------------------------------------------------------
# Palette and fixed bilingual labels
# --------------------------------------------------------------------------------------

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
#: colour-vision deficiency and in greyscale when paired with different marker shapes.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
#: Series order: yellow last because it is hard to see on white paper.
PALETTE = [OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "orange", "sky_blue")]
PALETTE += [OKABE_ITO[k] for k in ("reddish_purple", "black", "yellow")]

GREY = "#8C8C8C"  # connecting lines and the straight-path guide: data-free ink
NOTE_GREY = "#4D4D4D"  # source notes: readable in print but quieter than the data

BASELINE_STYLE = {"marker": "o", "color": OKABE_ITO["blue"], "markerfacecolor": "white"}
TARGET_STYLE = {"marker": "D", "color": OKABE_ITO["vermillion"]}
STATED_STYLE = {"marker": "^", "color": OKABE_ITO["orange"]}
IMPLIED_STYLE = {"marker": "o", "color": OKABE_ITO["black"], "markerfacecolor": "white"}

#: Every fixed word a chart draws, as (Chinese, English).
LABELS = {
    "not_stated": ("未载明", "not stated"),
    "conflict": ("来源数值冲突", "sources state conflicting values"),
    "baseline": ("基线", "Baseline"),
    "target": ("目标", "Target"),
    "national": ("全国", "National"),
    "baseline_not_stated": ("基线未载明", "baseline not stated"),
    "target_not_stated": ("目标未载明", "target not stated"),
    "both_not_stated": ("基线、目标未载明", "baseline, target not stated"),
    "latest_to_2025": ("最近数值→2025", "latest stated → 2025"),
    "planned_growth": ("计划增长（各指标单位）", "Planned growth (in each indicator's unit)"),
    "straight_path": ("直线路径", "Straight path"),
    "implied": ("隐含", "Implied"),
    "stated": ("实际载明", "Stated"),
    "cosine": ("余弦相似度", "Cosine similarity"),
}
NOT_STATED = "未载明 not stated"
CONFLICT_MARK = "†"
CONFLICT_NOTE = f"{CONFLICT_MARK} 来源数值冲突 sources state conflicting values"
COMPARATOR_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "~": "≈", "=": ""}

FIGURE_WIDTH = 7.2  # inches: about a full print column (183 mm)
TITLE_SEPARATOR = " · "

# --------------------------------------------------------------------------------------
# The Chinese font: packaged OTF -> cached TrueType copy
# --------------------------------------------------------------------------------------

FONT_PACKAGE = "mplfonts"
#: Inside the package. Not its SimHei.ttf: that font's licence does not allow this use.
FONT_FILE = "fonts/NotoSansCJKsc-Regular.otf"
#: Our own family name for the converted copy (see the module docstring for why).
FONT_FAMILY = "Noto Sans CJK SC TT"
#: Git-ignored (the project's .gitignore has ``build/``); safe to delete at any time.
FONT_CACHE_DIR = ROOT / "build" / "fonts"
#: Bump when the conversion below changes, so old cache files are not reused.
_CONVERTER_REVISION = 2
#: Largest distance, in font units (1000 per em), between a cubic curve and its quadratic
#: approximation: a thousandth of the type size, far below what print can show.
_CU2QU_MAX_ERR = 1.0


class FontUnavailableError(RuntimeError):
    """The packaged Chinese font cannot be found (is ``mplfonts`` installed?)."""


def source_font_path() -> Path:
    """Path of the Noto Sans CJK SC OpenType file inside the installed ``mplfonts`` package.

    ``find_spec`` locates the package without importing it, so ``mplfonts`` never gets a
    chance to touch matplotlib's settings.
    """
    spec = find_spec(FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FontUnavailableError(
            f"the Python package {FONT_PACKAGE!r} (which ships {FONT_FILE}) is not installed"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / FONT_FILE
    if not path.is_file():
        raise FontUnavailableError(f"{path} is missing from the {FONT_PACKAGE!r} package")
    return path


def _cache_name(source: Path) -> str:
    """Cache file name: changes whenever the source font, fontTools or the converter does."""
    import fontTools

    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return f"{source.stem}-{digest}-fonttools{fontTools.version}-r{_CONVERTER_REVISION}.ttf"


def chinese_font_path(cache_dir: Path = FONT_CACHE_DIR) -> Path:
    """Path of the TrueType copy of the packaged font, converting it on first use (~20 s)."""
    return _chinese_font_path(Path(cache_dir))


@cache
def _chinese_font_path(cache_dir: Path) -> Path:
    source = source_font_path()
    target = cache_dir / _cache_name(source)
    if not target.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        _atomic_write(target, lambda tmp: convert_to_truetype(source, tmp))
    return target


def convert_to_truetype(source: Path, target: Path) -> None:
    """Write ``source`` (CFF-flavoured OpenType) as a TrueType font; same bytes every run.

    Keeps every glyph that a character maps to (the cmap), with its metrics; outlines go
    through fontTools' cu2qu (cubic to quadratic curves). Glyphs reachable only through
    OpenType layout (vertical, Japanese or Korean forms) are left out together with the
    layout tables: matplotlib does no shaping, so it never uses them, and a font of the
    full 65,535 glyphs has a ``loca`` table that the FreeType 2.6 inside matplotlib < 3.11
    wheels rejects as broken. ``recalcTimestamp=False`` keeps the source's ``head.modified``
    date, which would otherwise be today's and change the output.
    """
    from fontTools.ttLib import TTFont, newTable

    with TTFont(source, recalcTimestamp=False) as font:
        keep = _glyphs_in_cmap(font)
        glyf = newTable("glyf")
        glyf.glyphOrder = keep
        glyph_set = font.getGlyphSet()
        glyf.glyphs = {name: _quadratic_glyph(glyph_set, name) for name in keep}
        # Decompile every table while glyph ids still mean the old order; from here on
        # tables refer to glyphs by name and are compiled against the new order.
        font.ensureDecompiled()
        for tag in ("CFF ", "VORG", "DSIG", "GSUB", "GPOS", "BASE"):
            if tag in font:  # CFF-only, void after any change, or layout (see above)
                del font[tag]
        font.setGlyphOrder(keep)
        font["glyf"] = glyf
        font["loca"] = newTable("loca")
        _make_truetype_tables(font)
        _rename_family(font)
        font.save(target)


def _glyphs_in_cmap(font) -> list[str]:
    """``.notdef`` and every glyph a character (or variation sequence) maps to, in order."""
    used = {font.getGlyphOrder()[0]}
    for table in font["cmap"].tables:
        if table.format == 14:
            used.update(g for pairs in table.uvsDict.values() for _, g in pairs if g)
        else:
            used.update(table.cmap.values())
    return [name for name in font.getGlyphOrder() if name in used]


def _quadratic_glyph(glyph_set, name: str):
    """The TrueType (quadratic) form of one glyph of a CFF glyph set."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    pen = TTGlyphPen(glyph_set)
    # TrueType contours run the opposite way to PostScript ones.
    glyph_set[name].draw(Cu2QuPen(pen, _CU2QU_MAX_ERR, reverse_direction=True))
    return pen.glyph()


def _make_truetype_tables(font) -> None:
    """Turn the CFF-era tables into their TrueType forms (as fontTools' otf2ttf does)."""
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000  # version 1.0 carries the TrueType limits
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxComponentDepth",
    ):
        setattr(maxp, field, 0)  # no hinting programs, no composite glyphs
    # Format 3 (no glyph names): the CID font's names (cid12345) carry no meaning, and
    # format 2 cannot index that many custom names anyway.
    font["post"].formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def _rename_family(font) -> None:
    """Give the copy its own family name so no installed font of the same name can win."""
    names = {1: FONT_FAMILY, 16: FONT_FAMILY, 4: f"{FONT_FAMILY} Regular"}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
        elif record.nameID == 3:  # unique id: must differ from the original's
            record.string = f"{record.toUnicode()};TrueType-r{_CONVERTER_REVISION}"


@cache
def _register_font() -> str:
    """Add the TrueType copy to matplotlib's font list (once) and return its family name."""
    path = chinese_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=path).get_name()


# --------------------------------------------------------------------------------------
# Style
# --------------------------------------------------------------------------------------


def _style_rc(family: str) -> dict:
    """The rc settings of the one chart style (applied only inside :func:`chart_style`)."""
    return {
        # A concrete family (not "sans-serif") is stored in each Text when it is made, so
        # a figure still draws in this font if it is saved outside the style block.
        # DejaVu Sans (shipped with matplotlib) only backs up a symbol Noto lacks.
        "font.family": [family, "DejaVu Sans"],
        "font.size": 9,
        "axes.titlesize": 9.5,
        "axes.labelsize": 9,
        "xtick.labelsize": 8.5,
        "ytick.labelsize": 8.5,
        "legend.fontsize": 8,
        "figure.titlesize": 12,
        "axes.prop_cycle": cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": "#333333",
        "axes.linewidth": 0.8,
        "axes.axisbelow": True,
        "grid.color": "#DDDDDD",
        "grid.linewidth": 0.6,
        "lines.linewidth": 1.5,
        "lines.markersize": 7,
        "legend.frameon": False,
        "figure.dpi": 100,
        "figure.facecolor": "white",
        "savefig.dpi": 200,
        "savefig.facecolor": "white",
        # Embed real TrueType subsets (selectable text) and draw SVG glyphs as paths
        # (looks the same without the font installed).
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "path",
        # SVG element ids are hashes salted with this: fixed salt, same ids every run.
        "svg.hashsalt": "city-education-plans",
        "image.cmap": "cividis",
    }


@contextmanager
def chart_style() -> Iterator[None]:
    """Apply the project's chart style for the duration of a ``with`` block.

    Uses ``matplotlib.rc_context``, so every setting is restored on exit; the only lasting
    effect is that the packaged font is known to matplotlib's font manager.
    """
    with mpl.rc_context(_style_rc(_register_font())):
        yield


def bilingual(zh: str, en: str) -> str:
    """``"中文 · English"``, the form of every bilingual title."""
    return f"{zh}{TITLE_SEPARATOR}{en}" if zh and en else (zh or en)


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return lang


def in_language(zh: str, en: str, lang: str = "bilingual", separator: str = " ") -> str:
    """``zh``, ``en`` or both joined by ``separator`` (a missing half falls back to the other)."""
    if check_language(lang) == "zh":
        return zh or en
    if lang == "en":
        return en or zh
    return f"{zh}{separator}{en}" if zh and en else (zh or en)


def label(key: str, lang: str = "bilingual") -> str:
    """A fixed chart word from :data:`LABELS` in ``lang``."""
    return in_language(*LABELS[key], lang)


def _display_width(text: str) -> int:
    """Width in half-width cells: CJK (wide) characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_text(text: str, width: int) -> str:
    """Wrap at spaces to ``width`` half-width cells; a CJK run may also break anywhere.

    ``textwrap`` counts a Chinese character as one cell and never breaks inside a run of
    them, so it under-estimates and overflows mixed Chinese/English notes.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if _display_width(candidate) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
            while _display_width(line) > width and any(
                unicodedata.east_asian_width(c) in "WF" for c in line
            ):
                head, line = _split_at_width(line, width)
                lines.append(head)
        lines.append(line)
    return "\n".join(lines)


def _split_at_width(text: str, width: int) -> tuple[str, str]:
    """Split ``text`` where it reaches ``width`` cells (used for long CJK runs)."""
    used = 0
    for i, char in enumerate(text):
        used += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used > width:
            return text[: max(i, 1)], text[max(i, 1) :]
    return text, ""


def _chars_per_line(fig: Figure, fontsize: float) -> int:
    """How many half-width cells of ``fontsize`` points fit across the figure."""
    # A half-width glyph is about 0.55 em wide in Noto Sans CJK; keep a small margin.
    return int(fig.get_figwidth() * 72 * 0.96 / (fontsize * 0.55))


def _new_figure(
    height: float, width: float = FIGURE_WIDTH, size: tuple[float, float] | None = None
) -> Figure:
    """A pyplot-free figure (nothing to close, no global state) with constrained layout.

    ``size`` (width, height in inches), when given, replaces the size the chart would pick.
    """
    width, height = size if size is not None else (width, height)
    if width <= 0 or height <= 0:
        raise ValueError(f"figure size must be positive, got {width} x {height} inches")
    return Figure(figsize=(width, height), layout="constrained")


def _decorate(
    fig: Figure, title_zh: str, title_en: str, source_note: str, lang: str = "bilingual"
) -> Figure:
    """Add the title (top left) in ``lang`` and the source note (bottom left)."""
    title_size = mpl.rcParams["figure.titlesize"]
    title = in_language(title_zh, title_en, lang, TITLE_SEPARATOR)
    title = wrap_text(title, _chars_per_line(fig, title_size))
    fig.suptitle(title, x=0.01, ha="left", fontsize=title_size)
    # supxlabel rather than fig.text: constrained layout reserves room for it, so the note
    # can never overlap the axis labels above it.
    note_size = 7
    note = wrap_text(source_note, _chars_per_line(fig, note_size))
    fig.supxlabel(note, x=0.01, ha="left", fontsize=note_size, color=NOTE_GREY)
    return fig


# --------------------------------------------------------------------------------------
# Saving
# --------------------------------------------------------------------------------------

#: Fixed metadata: no dates, no version strings, so files change only when the chart does.
_CREATOR = "city-education-plans (analysis.charts)"
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": _CREATOR},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": _CREATOR, "Producer": None},
}


def save_figure(
    fig: Figure,
    name: str,
    *,
    formats: Sequence[str] = ("png", "svg", "pdf"),
    dpi: int = 200,
    out_dir: Path = FIGURES_DIR,
) -> list[Path]:
    """Write ``fig`` as ``out_dir/name.<format>`` for each format; return the paths.

    Files are byte-identical across runs (no timestamps or version strings, fixed SVG id
    salt; the SVG and PDF carry the figure title as metadata) and each is written to a
    temporary file first and then moved into place, so a reader never sees half a file.
    """
    if not name or Path(name).name != name:
        raise ValueError(f"figure name must be a plain file name, got {name!r}")
    unknown = set(formats) - set(_METADATA)
    if unknown:
        raise ValueError(f"unsupported format(s) {sorted(unknown)}; use png, svg or pdf")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with chart_style():  # pdf.fonttype, svg.fonttype and svg.hashsalt are read at save time
        for fmt in formats:
            target = out_dir / f"{name}.{fmt}"
            metadata = dict(_METADATA[fmt])
            if fmt in ("svg", "pdf") and fig.get_suptitle():
                metadata["Title"] = fig.get_suptitle().replace("\n", " ")
            _atomic_write(
                target,
                lambda tmp, fmt=fmt, metadata=metadata: fig.savefig(
                    tmp, format=fmt, dpi=dpi, metadata=metadata
                ),
            )
            if fmt == "svg":
                _renumber_clip_ids(target)
            written.append(target)
    return written


_CLIP_ID = re.compile(r'(?<=id=")p[0-9a-f]{10}(?=")|(?<=url\(#)p[0-9a-f]{10}(?=\))')


def _renumber_clip_ids(svg: Path) -> None:
    """Replace matplotlib's clip-path ids by their order of appearance.

    The ids hash the clip rectangle's exact float bounds, which can differ in the last
    bits depending on what the process drew before; the drawing itself does not change.
    """
    text = svg.read_text(encoding="utf-8")
    order: dict[str, str] = {}
    renumbered = _CLIP_ID.sub(lambda m: order.setdefault(m.group(), f"clip{len(order)}"), text)
    _atomic_write(svg, lambda tmp: Path(tmp).write_text(renumbered, encoding="utf-8"))


def _atomic_write(target: Path, write) -> None:
    """Call ``write(tmp_path)`` on a temporary file beside ``target``, then rename it."""
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        # mkstemp makes the file private (0600); give it the mode of an ordinary file.
        tmp.chmod(0o644)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------
# Helpers shared by the charts
# --------------------------------------------------------------------------------------


def _require_columns(df: pd.DataFrame, columns: Iterable[str], chart: str) -> None:
    """Fail early, naming the chart and the missing columns, on a frame of the wrong shape."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{chart}: frame lacks column(s) {missing}")
    if df.empty:
        raise ValueError(f"{chart}: frame has no rows")


def _is_missing(value) -> bool:
    """True for None, NaN and pandas NA (a missing value is never drawn as 0)."""
    return value is None or bool(pd.isna(value))


def format_number(value: float) -> str:
    """Up to two decimals, trailing zeros dropped: 95 -> "95", 87.25 -> "87.25"."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        return "0"
    return text.replace("-", "\N{MINUS SIGN}")  # typographic minus, as on the axes


def format_comparator(comparator, value: float) -> str:
    """``(">=", 95)`` -> ``"≥95"``; an unknown comparator is shown as written."""
    symbol = "" if _is_missing(comparator) else COMPARATOR_SYMBOLS.get(str(comparator), comparator)
    return f"{symbol}{format_number(value)}"


def _first_scalar(df: pd.DataFrame, column: str) -> float:
    """The one value of a repeated-scalar column (NaN if absent or all missing)."""
    if column not in df.columns:
        return math.nan
    values = pd.to_numeric(df[column], errors="coerce").dropna().unique()
    if len(values) > 1:
        raise ValueError(f"column {column!r} must repeat one value, found {sorted(values)}")
    return float(values[0]) if len(values) else math.nan


def _padded_limits(values: Iterable[float], pad: float = 0.12) -> tuple[float, float]:
    """Data limits widened by ``pad`` of the range on each side (room for value labels)."""
    finite = [v for v in values if not _is_missing(v) and math.isfinite(v)]
    if not finite:
        return 0.0, 1.0
    low, high = min(finite), max(finite)
    span = high - low or max(abs(high), 1.0)
    return low - pad * span, high + pad * span


def _legend_above(ax: Axes, handles: list, ncols: int | None = None) -> None:
    """Legend in one band just above the axes: clear of the data and of the tick labels."""
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0, 1.01),
        ncols=ncols or len(handles),
        borderaxespad=0.2,
        handletextpad=0.4,
        columnspacing=1.2,
    )


def _marker_handle(label: str, style: dict) -> Line2D:
    """A legend entry showing only a marker of ``style``."""
    return Line2D([], [], linestyle="none", label=label, **style)


def _blank_handle(label: str) -> Line2D:
    """A legend entry that is text only (e.g. the explanation of a dagger)."""
    return Line2D([], [], linestyle="none", marker=None, label=label)


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
) -> Figure:
    """One row per city: a line from baseline to target, with national reference lines.

    Columns: ``city_label``, ``baseline`` and ``target`` (float or NaN),
    ``target_comparator`` (``">="``, ``"="``, ``"~"`` ... or NaN), ``conflict`` (bool);
    optional ``national_baseline`` / ``national_target`` (one value repeated, or NaN).
    A missing value is written as "not stated" in a note column, never drawn at 0; rows
    whose sources conflict get a dagger after the city label, explained in the legend.
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
        for y, row in rows.iterrows():
            _draw_gap_row(ax, y, row, lang)
        ax.set_yticks(range(len(rows)), [_city_tick(r) for _, r in rows.iterrows()])
        ax.set_ylim(len(rows) - 0.5, -0.5)  # first row at the top, as in the frame
        ax.set_xlim(*_padded_limits([*rows["baseline"], *rows["target"], *national.values()]))
        ax.set_xlabel(unit_label)
        ax.grid(axis="x")
        ax.tick_params(axis="y", length=0)
        handles = _national_lines(ax, national, lang)
        handles = [
            _marker_handle(label("baseline", lang), BASELINE_STYLE),
            _marker_handle(label("target", lang), TARGET_STYLE),
            *handles,
        ]
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
    if has_base:
        ax.plot([baseline], [y], linestyle="none", zorder=3, **BASELINE_STYLE)
    if has_target:
        ax.plot([target], [y], linestyle="none", zorder=3, **TARGET_STYLE)
        # Label on the side away from the baseline, so it never sits on the line.
        right = not has_base or target >= baseline
        ax.annotate(
            format_comparator(row["target_comparator"], target),
            (target, y),
            xytext=(7 if right else -7, 0),
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


# --------------------------------------------------------------------------------------
# b. Growth, ranked
# --------------------------------------------------------------------------------------

GROWTH_COLUMNS = ("label", "growth_5y", "growth_from_latest", "unit_label")
GROWTH_SERIES = {
    "growth_5y": (("2020→2025", ""), OKABE_ITO["blue"]),  # the same in both languages
    "growth_from_latest": (LABELS["latest_to_2025"], OKABE_ITO["orange"]),
}


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
    ``growth_from_latest`` (NaN where no later value is stated) and ``unit_label``.
    Indicators have different units, so each bar is labelled with its value and unit.
    """
    _require_columns(df, GROWTH_COLUMNS, "growth_ranked")
    check_language(lang)
    rows = df.sort_values("growth_5y", ascending=False, kind="stable", na_position="last")
    rows = rows.reset_index(drop=True)
    with chart_style():
        fig = _new_figure(height=1.8 + 0.55 * len(rows), size=size)
        ax = fig.add_subplot()
        height = 0.38
        for offset, column in zip((-height / 2, height / 2), GROWTH_SERIES, strict=True):
            _draw_growth_series(ax, rows, column, offset, height, lang)
        ax.set_yticks(range(len(rows)), rows["label"].astype(str))
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
        _legend_above(ax, handles)
        return _decorate(fig, title_zh, title_en, source_note, lang)


def _draw_growth_series(
    ax: Axes, rows: pd.DataFrame, column: str, offset: float, height, lang: str
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
        ax.barh(y + offset, value, height=height, color=color, label=series)
        text = f"{'+' if value > 0 else ''}{format_number(value)} {row['unit_label']}".strip()
        ax.annotate(
            text,
            (value, y + offset),
            xytext=(3 if value >= 0 else -3, 0),
            textcoords="offset points",
            ha="left" if value >= 0 else "right",
            va="center",
            fontsize=7.5,
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
    """Horizontal column labels when each fits its cell, else slanted at 30 degrees.

    Measured after a layout pass (``draw_without_rendering``) rather than guessed from
    character counts, because Chinese and Latin glyph widths differ so much.
    """
    ax.figure.draw_without_rendering()
    labels = ax.get_xticklabels()
    cell = ax.get_window_extent().width / max(len(labels), 1)
    if any(label.get_window_extent().width > 0.92 * cell for label in labels):
        ax.tick_params(axis="x", labelrotation=30)
        for label in labels:
            label.set_horizontalalignment("right")
            label.set_rotation_mode("anchor")


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
    if list(matrix.index) != list(matrix.columns):
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
