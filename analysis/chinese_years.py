"""Years written in Chinese digits ("二〇二三年", "二零二五年", "一九九八年") as Arabic digits,
for the readers: one character for one, so every offset stays valid, and the readers date
values by them as by "2023年". The cleaned views themselves keep what was written (theme
sampling and labelling read them); the extractor reads a copy (`with_arabic_years`)."""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.normalise import CleanText, View

_DIGIT = "〇零○一二三四五六七八九"
# four digits of 19xx or 20xx, then 年 (a space inside is no year: "二〇 二二年"); not the
# vision year of a 纲要's title ("…规划和二〇三五年远景目标纲要"), which a running header
# left inside a table or a paragraph would otherwise make the year of the values after it
# (the character before the year is tested after its first two digits: a pattern that starts
# with its literal digits lets the regex engine jump to them, one that starts with a
# lookbehind is tried at every character; tests hold it to the plain form)
_YEAR = re.compile(
    rf"(?:一九|二[〇零○])(?<![{_DIGIT}十百千万萬]..)[{_DIGIT}]{{2}}(?=年)(?!年远景|年遠景)"
)
_TO_ARABIC = str.maketrans(_DIGIT, "000123456789")


def digit_years(text: str) -> str:
    """text with every year written in Chinese digits written in Arabic digits."""
    # every such year holds 〇/零/○ (20xx) or 一九 (19xx): four C searches rule most texts out
    # before the regex tries every character
    if "〇" not in text and "零" not in text and "○" not in text and "一九" not in text:
        return text
    return _YEAR.sub(lambda m: m.group().translate(_TO_ARABIC), text)


def with_arabic_years(clean: CleanText) -> CleanText:
    """The cleaned text with its views' Chinese-digit years in Arabic digits (same offsets)."""
    lines, paragraphs = digit_years(clean.lines.text), digit_years(clean.paragraphs.text)
    if lines == clean.lines.text and paragraphs == clean.paragraphs.text:
        return clean
    return replace(
        clean,
        lines=View(lines, clean.lines.offsets, clean.lines.wide_ends, clean.lines.reordered),
        paragraphs=View(
            paragraphs,
            clean.paragraphs.offsets,
            clean.paragraphs.wide_ends,
            clean.paragraphs.reordered,
        ),
    )
