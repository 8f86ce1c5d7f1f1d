"""Saving: PNG, SVG and PDF files that are byte-identical across runs, written atomically."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

from analysis.charts.files import atomic_write
from analysis.charts.style import chart_style
from analysis.paths import FIGURES_DIR

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
    svg_text: bool = False,
) -> list[Path]:
    """Write ``fig`` as ``out_dir/name.<format>`` for each format; return the paths.

    Files are byte-identical across runs (no timestamps or version strings, fixed SVG id
    salt; the SVG and PDF carry the figure title as metadata) and each is written to a
    temporary file first and then moved into place, so a reader never sees half a file.
    ``svg_text`` keeps SVG text as ``<text>`` elements (editable in Inkscape or
    Illustrator, which then need the font) instead of glyph outlines.
    """
    if not name or Path(name).name != name:
        raise ValueError(f"figure name must be a plain file name, got {name!r}")
    unknown = set(formats) - set(_METADATA)
    if unknown:
        raise ValueError(f"unsupported format(s) {sorted(unknown)}; use png, svg or pdf")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    text_as = {"svg.fonttype": "none"} if svg_text else {}
    # pdf.fonttype, svg.fonttype and svg.hashsalt are read at save time
    with chart_style(), mpl.rc_context(text_as):
        for fmt in formats:
            target = out_dir / f"{name}.{fmt}"
            metadata = dict(_METADATA[fmt])
            if fmt in ("svg", "pdf") and fig.get_suptitle():
                metadata["Title"] = fig.get_suptitle().replace("\n", " ")
            atomic_write(
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
    atomic_write(svg, lambda tmp: Path(tmp).write_text(renumbered, encoding="utf-8"))
