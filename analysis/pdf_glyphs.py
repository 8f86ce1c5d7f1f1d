"""Glyph codes a PDF's text extraction prints for characters its font maps to no Unicode.

pdfminer (pdf2txt.py) writes "(cid:1968)" for a glyph of an embedded font that has no
ToUnicode entry: "学前三年毛入(cid:1968)率", "95(cid:6)以上", "2020(cid:663)". Each code
stands for one character, the same one wherever the same font uses it, but which one
no table says: a font's glyph numbers are its own. So the codes are read from their
context, as a reader of a damaged page would: for each code, the characters the
document's own text and the codebook's phrases put between the same neighbours
("毛入?率" -> 园, "到2025?，" -> 年, "5?以上" -> %) are counted, and a clear winner is
taken. A code with none (or two close candidates) is left out of the views, so that
its digits read as nothing rather than as a number.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

_CODE = re.compile(r"\(cid:(\d+)\)")
REASON = "a glyph code a PDF's text extraction printed for a character without Unicode (cid:N)"
# a code's placeholder while its neighbours are read
_HOLE = "\x00"
# occurrences of one code read for votes (a long text repeats its common glyphs often)
_MAX_OCCURRENCES = 24
# a winner needs this many votes (a context's whole vote is 1) and this lead over the
# runner-up
_MIN_VOTES = 1.0
_LEAD = 1.5


def has_glyph_codes(work: str) -> bool:
    return "(cid:" in work and _CODE.search(work) is not None


def glyph_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(the codes' spans, {span start: the character it reads as, or "" when unknown})."""
    codes = list(_CODE.finditer(work))
    chars = decipher(work, lexicon())
    return [m.span() for m in codes], {m.start(): chars.get(m.group(1), "") for m in codes}


def decipher(work: str, lexicon: str) -> dict[str, str]:
    """{glyph number: the character its neighbours point to} for the codes in `work`;
    `lexicon` is more text to count in (phrases a line apart)."""
    # the text with each code one hole and no line breaks (a PDF breaks lines anywhere)
    holes: list[tuple[int, str]] = []
    pieces, pos, length = [], 0, 0
    for m in _CODE.finditer(work):
        piece = work[pos : m.start()].replace("\n", "")
        pieces += (piece, _HOLE)
        length += len(piece)
        holes.append((length, m.group(1)))
        length += 1
        pos = m.end()
    pieces.append(work[pos:].replace("\n", ""))
    text = "".join(pieces)
    seen: Counter[str] = Counter()
    votes: dict[str, Counter] = defaultdict(Counter)
    for at, number in holes:
        seen[number] += 1
        if seen[number] > _MAX_OCCURRENCES:
            continue
        for pattern, weight in _patterns(text, at):
            # each context casts its vote, shared among what it finds: a loose context
            # ("11.2?。": %, 个, 所 …) weighs no more than a telling one ("到2025?，")
            found = Counter(m.group(1) for w in (text, lexicon) for m in pattern.finditer(w))
            total = sum(found.values())
            for char, n in found.items():
                votes[number][char] += weight * n / total
    out = {}
    for number, counted in votes.items():
        ranked = counted.most_common(2)
        best, n = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0
        if n >= _MIN_VOTES and n >= _LEAD * runner:
            out[number] = best
    return out


def _patterns(text: str, at: int) -> list[tuple[re.Pattern, float]]:
    """What to look for elsewhere to read the hole at `at`, each with its weight: its two
    neighbours on one side and one on the other; after a number, any number of its kind
    and what follows ("95?以上" as "60%以上", "到2025?，" as "2020年，"), and after a
    year, what follows any year (年, in Chinese). One neighbour after a value is a loose
    context ("75?。": %, 所, 个 …): half a vote."""
    right = text[at + 1 : at + 3].split(_HOLE)[0]
    number = _NUMBER_BEFORE.search(text, max(0, at - 12), at)
    if number:
        year = _YEAR.fullmatch(number.group()) is not None
        shape = (_YEAR if year else _NOT_YEAR).pattern
        out = [
            (
                re.compile(rf"(?<![\d.,]){shape}([^\x00\s\d]){re.escape(right[:k])}"),
                1.0 if k > 1 or year else 0.5,
            )
            for k in range(1, len(right) + 1)
        ]
        if year:
            out.append((re.compile(rf"(?<![\d.,]){shape}([^\x00\s\d])"), 1.0))
        return out
    left = text[max(0, at - 2) : at]
    out = []
    for before, after in ((left, right[:1]), (left[-1:], right)):
        if len(before) + len(after) < 3 or _HOLE in before:
            continue
        out.append((re.compile(re.escape(before) + r"([^\x00\s\d])" + re.escape(after)), 1.0))
    return out


# the number a hole follows, and its kinds: a year, or any other
_NUMBER_BEFORE = re.compile(r"(?<![\d.,])\d[\d.,]*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NOT_YEAR = re.compile(r"(?!(?:19|20)\d\d(?!\d))\d+(?:\.\d+)?")


@lru_cache(maxsize=1)
def lexicon() -> str:
    """The codebook's names and aliases, one a line: the phrases plans are made of."""
    from analysis import paths
    from analysis.codebook import load_codebook

    book = load_codebook(paths.CODEBOOK_YAML)
    return "\n".join(p for i in book.values() for p in (i.name_zh, *i.aliases))
