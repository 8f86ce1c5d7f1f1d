"""The Chinese font: the packaged OpenType file, converted once to a cached TrueType copy."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from matplotlib import font_manager

from analysis.charts.files import atomic_write
from analysis.paths import ROOT

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


CONVERTING_MESSAGE = "converting the CJK font for charts (once, ~25 s)"


def _to_terminal(message: str) -> None:
    # sys.__stderr__, not sys.stderr: inside a notebook kernel sys.stderr is the cell's
    # output (which nbval compares), while __stderr__ is the terminal that started the job
    print(message, file=sys.__stderr__, flush=True)


def chinese_font_path(
    cache_dir: Path = FONT_CACHE_DIR, announce: Callable[[str], None] = _to_terminal
) -> Path:
    """Path of the TrueType copy of the packaged font, converting it on first use (~25 s,
    announced once through ``announce``)."""
    return _chinese_font_path(Path(cache_dir), announce)


@cache
def _chinese_font_path(cache_dir: Path, announce: Callable[[str], None]) -> Path:
    source = source_font_path()
    target = cache_dir / _cache_name(source)
    if not target.is_file():
        announce(CONVERTING_MESSAGE)
        cache_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(target, lambda tmp: convert_to_truetype(source, tmp))
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
