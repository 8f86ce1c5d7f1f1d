"""The Chinese font the HTML report bundles: a woff2 subset of the packaged Noto Sans CJK SC.

A reader's machine may have no Chinese font at all (a fresh Linux, a locked-down office
PC); the browser then draws every Han character as an empty box. So the site carries its
own font, cut down with fontTools' subsetter to the characters its pages use (a few
hundred Han characters: tens of kilobytes instead of the 16 MB OpenType file) and
compressed as woff2 (brotli). The CSS names it in ``@font-face`` under a family name of
our own, so no installed font of the same name can stand in for it.

Same pages, same bytes: the subsetter keeps glyphs in the source's order, the source's
``head.modified`` date is kept (``recalcTimestamp=False``; otherwise saving stamps
today's date) and brotli compresses deterministically.
"""

from __future__ import annotations

import io
import unicodedata

from analysis.charts.fonts import source_font_path

#: The CSS family name of the bundled subset (ours: no system font is called this).
FAMILY = "Report Noto Sans CJK SC"
#: Where the font goes inside the site, relative to the pages.
FONT_PATH = "fonts/noto-sans-cjk-sc-subset.woff2"


def site_characters(texts: list[str]) -> str:
    """Every character the given pages could draw, sorted (control characters left out)."""
    chars = {ch for text in texts for ch in text}
    return "".join(sorted(ch for ch in chars if unicodedata.category(ch)[0] != "C"))


def subset_woff2(characters: str) -> bytes:
    """The packaged font cut down to ``characters``, as woff2 bytes (same input, same bytes)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    # fontTools' default layout features (kerning, locl, vertical forms…) suffice for a
    # web page; all of them ("*") pull in alternates no page uses (+24% bytes here).
    # The name table stays whole: the font's licence (OFL) and copyright go with it.
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    with TTFont(source_font_path(), recalcTimestamp=False, lazy=True) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(ch) for ch in characters])
        subsetter.subset(font)
        font.flavor = "woff2"
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def font_face_css(url: str = FONT_PATH) -> str:
    """The ``@font-face`` rule that makes the bundled subset available as ``FAMILY``."""
    return (
        f'@font-face {{ font-family: "{FAMILY}"; src: url("{url}") format("woff2");'
        " font-style: normal; font-display: block; }\n"
    )
