"""Palette, fixed bilingual labels, the chart style and text fitting."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib as mpl
from cycler import cycler
from matplotlib.figure import Figure

from analysis.chart_choices import LANGUAGES
from analysis.charts.fonts import _register_font

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
    "baseline_is_target": ("基线即目标", "baseline = target"),
    "carried_latest": (
        "斜线：最近数值为2020年基线（发布年份前未载明更新数值）",
        "hatched: latest = 2020 baseline carried to the issue year (no later value stated)",
    ),
}
NOT_STATED = "未载明 not stated"
CONFLICT_MARK = "†"
CONFLICT_NOTE = f"{CONFLICT_MARK} 来源数值冲突 sources state conflicting values"
COMPARATOR_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "~": "≈", "=": ""}

FIGURE_WIDTH = 7.2  # inches: about a full print column (183 mm)
TITLE_SEPARATOR = " · "

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
