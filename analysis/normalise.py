"""Cleaned views of a raw text for matching, each character mapped back to a raw offset.

Two views are built, both from the same per-line cleaning:

* ``lines``: one cleaned line per non-empty raw line, joined by "\\n" (tables are read here);
* ``paragraphs``: the same lines with PDF line breaks inside a sentence joined, one
  paragraph per line (prose is read here; the joining is paragraph_breaks.py's).

Cleaning: NFKC (full-width -> half-width), traditional -> simplified (OpenCC t2s),
HTML tags and Markdown markers removed, page debris lines dropped ("— 8—", a page number
alone between two lines that are not table cells, a running header repeating the title),
surrounding white space stripped. The raw text is never modified: a span [i, j) of a
view maps back to ``raw[raw_start(i):raw_end(j)]``.

Line ends are "\\r\\n", "\\r" (old Mac files) and "\\n", as in universal-newline mode and
in editors; a view's "\\n" maps to the first character of the raw line end. The other
characters ``str.splitlines`` breaks at (\\v, \\f, \\x1c-\\x1e, \\x85, \\u2028, \\u2029)
are not line ends here but white space: stripped at either end of a line and a plain
" " inside one (a form feed from pdftotext starts the first line of a page, a \\v or
\\u2028 is a soft break inside a paragraph). So "\\n" is the only line break in a view.

Every step works on the whole text at once (regexes, str.replace, OpenCC on large
chunks, offsets copied run by run), so time and memory grow linearly with the text;
Python-level work is per line at most, never per character.
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import opencc

from analysis.box_frames import frame_spans
from analysis.foreign_scripts import LETTERS, foreign_script_spans
from analysis.invisible_marks import invisible_spans
from analysis.latex_math import latex_edits
from analysis.letter_spacing import letter_space_spans, letter_spaced
from analysis.line_gutters import blank, gutter_spans
from analysis.ocr_boxes import box_segments
from analysis.ocr_spacing import digit_letters, ocr_space_spans
from analysis.page_columns import column_segments
from analysis.page_debris import debris_lines
from analysis.paragraph_breaks import _ITEM, _paragraphs
from analysis.pictographs import BMP_CHARACTERS, pictograph_edits
from analysis.source_formats import source_edits
from analysis.text_blocks import line_blocks, line_patterns, line_start_spans, lines_holding
from analysis.tracked_changes import tracked_changes
from analysis.wiki_markup import is_wiki, reference_spans, url_spans, wiki_spans

# A line that is only a page number, as PDF extraction leaves them: "— 8—", "- 12 -",
# "· 5 ·", or a running header spaced away from one ("某县教育规划　　　　·2·").
_MARK = "[—–\\-－·•・]"
PAGE_DEBRIS = re.compile(rf"^(?:.*\S\s{{2,}})?\s*{_MARK}{{1,2}}\s*\d{{1,3}}\s*{_MARK}{{1,2}}\s*$")
# a tag: short, or opening on a letter, "/", "!" or "?" (an element with attributes, a
# closing tag, a comment, an XML declaration: `<dataset code="440899-JY-2021-0107" …>`;
# an XML root element declares its namespaces in a tag of a few thousand characters)
HTML_TAG = re.compile(r"<(?:[A-Za-z/!?][^<>\n]{0,4000}|[^<>\n]{1,40})>")
# a tag that ends a block: at a line's end it ends the paragraph (a heading, a paragraph,
# a list item, a row)
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|div|li|tr|table|title|section|article)\s*>|<br\s*/?>", re.I)
_LINE_END_AFTER = re.compile(r"[ \t]*(?:\n|$)")
# a named HTML entity left in scraped text (&ldquo;道德与法治&rdquo;, &nbsp;): its character
# in the views, mapped to the entity's first raw character (numeric ones carry digits the
# ledger would have to account for; scraped plans use the named ones)
HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});")
MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s*")
MARKDOWN_EMPHASIS = re.compile(r"\*\*|__")
IMAGE_LINK = re.compile(r"!\[[^\]\n]{0,100}\]\([^)\n]{1,300}\)")
# A percentage as OCR leaves it, every character spaced out ("9 1 . 2 %", "1 0 0 %"): its
# inner spaces are dropped so that the number reads as one. At least two characters must be
# spaced out and a "%" must end it: spaced digits elsewhere ("第 1 2 3 项") stay as they are.
# This runs before NFKC, so the full-width forms count too ("９ ３ ． ５ ％"; \d has ９).
OCR_SPACED_PERCENT = re.compile(r"(?<![\d.．])\d(?: [\d.．])+ ?(?=[%％])")
# One space beside the decimal point of a percentage ("96. 3%", "96 .3%"): dropped too.
OCR_SPACED_POINT = re.compile(r"(?<=\d) (?=[.．]\d{1,3} ?[%％])|(?<=\d[.．]) (?=\d{1,3} ?[%％])")
# A footnote mark right after a number ("≥93①", "55%②", "130²"): NFKC would make the
# circled or superscript digit a digit of the number (931, 1302), so it is dropped from the
# views. (An area's "m²" follows a letter, not a digit.)
FOOTNOTE_AFTER_NUMBER = re.compile(
    r"(?<=[\d%％])[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+"
)

# The per-line patterns above, run once over the whole text (line ends unified to "\n"):
# "\s" becomes "[^\S\n]" so that a match never leaves its line, and "^" a leading "\n"
# (a literal prefix lets the regex engine jump from line to line; the first line is
# matched on its own).
_DEBRIS_BODY = (
    rf"(?:[^\n]*\S[^\S\n]{{2,}})?[^\S\n]*{_MARK}{{1,2}}[^\S\n]*\d{{1,3}}[^\S\n]*{_MARK}{{1,2}}"
    r"[^\S\n]*(?![^\n])"
)
_DEBRIS_DASHES = "—–-－·•・"
# What every match of the patterns below holds, searched for first: the line-anchored
# _DEBRIS_BODY backtracks over every line, and a leading lookbehind keeps the regex engine
# from skipping ahead (tests/test_normalise.py holds the shortcut to the plain search).
_DEBRIS_CORE = re.compile(rf"{_MARK}[^\S\n]*\d{{1,3}}[^\S\n]*{_MARK}")  # "— 8 —"
# (one mark, not a run: a class alone lets the regex engine skip ahead by it)
_FOOTNOTE_MARK = re.compile(
    FOOTNOTE_AFTER_NUMBER.pattern.removeprefix(r"(?<=[\d%％])").removesuffix("+")
)
# a digit or point, a space, a digit or point (in OCR_SPACED_PERCENT's and _POINT's
# matches), found from the space: a literal first character is searched for at C speed
_SPACED_DIGITS = re.compile(r" (?<=[\d.．] )[\d.．]")
_HEADING_BODY = r"[^\S\n]*#{1,6}[^\S\n]*"

# what an emoji below U+10000 or a letter of another script (Uyghur, Mongolian …) starts with
_UNUSUAL = re.compile(f"[{BMP_CHARACTERS}{LETTERS}]")

# Characters str.splitlines() breaks at that are not line ends here: white space.
_SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_SEPARATOR_TO_SPACE = str.maketrans(dict.fromkeys(_SEPARATORS, " "))
# the ideographic space is as wide as a character: two spaces, so that a table whose cells
# are apart by one of them ("类别　指标　单位　2020年") keeps runs of two spaces between cells
_WIDE_SPACE = {"\u3000": "  "}
# Characters that NFKC leaves as they are, by far most of a plan: ASCII (but for the
# separators above), the CJK Unified Ideographs block (no decompositions, and Unicode
# never adds one to an encoded character) and the usual Chinese punctuation.
_NFKC_STABLE = "".join(
    ch
    for ch in "、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛‘’“”—–·•※〇"
    if unicodedata.normalize("NFKC", ch) == ch
)
_NFKC_STABLE_RUNS = re.compile("[\t\n\x20-\x7e\u4e00-\u9fff" + re.escape(_NFKC_STABLE) + "]+")
# Above this many distinct characters to change, one regex pass beats one pass each.
_REPLACE_ONE_BY_ONE = 12
# OpenCC converts this many characters at a time (cut at a line end): its working memory
# grows with the input, so a 50 MB text is not handed over in one piece.
_T2S_CHUNK = 1 << 18


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified, guaranteed to keep the length (offsets depend on it)."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length: fall back to character-by-character conversion.
    out = []
    for ch in text:
        c = _t2s().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True)
class View:
    """A cleaned text and, for each of its characters, the raw offset it came from."""

    text: str
    offsets: array  # array('q'): 8 bytes a character instead of a tuple's ~36
    # raw start -> raw end of the characters read from more than one raw character (an
    # escape "\u6240", an entity "&ldquo;", a quoted-printable "=E5=AD=A6"): a span
    # ending on one ends after all of it
    wide_ends: dict = field(default_factory=dict)
    # whether some pieces were read out of raw order (two columns, OCR boxes by position):
    # the offsets then go back now and then, and a raw span of a view span is no longer
    # that of its ends (raw_extent)
    reordered: bool = False

    def raw_start(self, i: int) -> int:
        return self.offsets[i]

    def raw_end(self, j: int) -> int:
        """Raw end offset (exclusive) of a view span ending before index j (j > 0)."""
        at = self.offsets[j - 1]
        return self.wide_ends.get(at, at + 1) if self.wide_ends else at + 1

    def raw_span(self, i: int, j: int) -> tuple[int, int]:
        return self.raw_start(i), self.raw_end(j)

    def raw_extent(self, i: int, j: int) -> tuple[int, int]:
        """The raw span from the first to the last raw character of view span [i, j)
        (j > i): raw_span, unless the view was read out of raw order."""
        if not self.reordered:
            return self.raw_span(i, j)
        part = self.offsets[i:j]
        last = max(part)
        return min(part), self.wide_ends.get(last, last + 1)


@dataclass(frozen=True)
class CleanText:
    raw: str
    lines: View
    paragraphs: View
    # raw [start, end) of each line dropped as page debris other than "— 8 —" (which
    # PAGE_DEBRIS names): lone page numbers, repeated running headers; sorted
    debris: tuple[tuple[int, int], ...] = ()
    # raw [start, end) of text a draft marks deleted and of reviewers' comments, with
    # why (tracked_changes.py): left out of both views; sorted
    struck: tuple[tuple[int, int, str], ...] = ()
    # raw [start, end) of text in another script beside the Chinese (foreign_scripts.py):
    # left out of both views; sorted
    translated: tuple[tuple[int, int], ...] = ()
    # raw [start, end) of the digits of a draft's line numbers (line_gutters.py): blanked
    # with the e-mail quote marks before anything reads the lines; sorted
    margins: tuple[tuple[int, int], ...] = ()


def clean(raw: str) -> CleanText:
    """Build both views of a raw text."""
    work = _unify_line_ends(raw)
    gutters, margins = gutter_spans(work)
    if gutters:
        work = blank(work, gutters)
    debris = debris_lines(work)
    changes = tracked_changes(work)
    # one search rules out emoji and other scripts for most plans (both readers skipped)
    unusual = _UNUSUAL.search(work) is not None or _has_astral(work)
    translated = foreign_script_spans(work) if unusual else []
    hidden = sorted([*debris, *changes.drop, *translated]) if changes.drop or translated else debris
    hidden_starts = [a for a, _ in hidden]
    spaced = letter_spaced(work)
    wiki = is_wiki(work)
    source = source_edits(work)  # RTF or LaTeX source: its markup out of the views
    lines = _LinesView()
    nfkc = _Nfkc()
    heading_ends = array("q")  # raw offset of the line end of each Markdown heading line
    wide_ends: dict[int, int] = {}
    stretches = column_segments(work) or box_segments(work)
    for start, stop, line_end, glue in _pieces(work, stretches):
        a, b = bisect_left(hidden_starts, start), bisect_left(hidden_starts, stop)
        text, offsets = _remove_markup(
            work, start, stop, heading_ends, hidden[a:b], unusual, spaced, wiki, source, wide_ends
        )
        text, offsets = nfkc(text, offsets)
        text = digit_letters(text)  # after NFKC: a full-width Ｏ is an O by then
        lines.add(text, offsets, line_end if line_end < len(work) else -1, glue)
    del work
    lines_text, lines_offsets = lines.result()
    # (a block's wiki or HTML ends were added beside its Markdown headings')
    heading_ends = array("q", sorted(heading_ends))
    para_text, para_offsets = _paragraphs(lines_text, lines_offsets, heading_ends)
    return CleanText(
        raw=raw,
        lines=View(lines_text, lines_offsets, wide_ends, bool(stretches)),
        paragraphs=View(para_text, para_offsets, wide_ends, bool(stretches)),
        debris=tuple(debris),
        struck=tuple(changes.struck),
        translated=tuple(translated),
        margins=tuple(margins),
    )


def _pieces(work: str, stretches: list) -> Iterator[tuple[int, int, int, str | None]]:
    """[start, stop) of each piece the lines view is built from, in reading order, with
    the raw offset of its line end and its glue (None: the piece starts a line; else
    what joins it to the piece before): blocks of whole lines; in a two-column stretch
    (page_columns.py) each column's line, the left column's first; in an OCR listing
    (ocr_boxes.py) each box's text, row by row: the `stretches`."""
    for start, stop in line_blocks(work):
        pos = start
        for a, b, segments in stretches:
            if a < pos or b > stop:
                continue  # (a stretch across a block's end is read line by line)
            if a > pos:
                yield pos, a - 1, a - 1, None
            for s, e, *glue in segments:
                yield s, e, e, glue[0] if glue else None
            pos = b + 1
        if pos <= stop:
            yield pos, stop, stop, None


def _has_astral(text: str) -> bool:
    """A character above U+FFFF (most emoji): UTF-16 writes it as two units (one C pass)."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _unify_line_ends(raw: str) -> str:
    """The raw text with every line end a "\\n" at the line end's first character.

    Same length, position for position: "\\r\\n" becomes "\\n " (the space is leading
    white space of the next line, stripped later) and a lone "\\r" becomes "\\n".
    """
    if "\r" not in raw:
        return raw
    return raw.replace("\r\n", "\n ").replace("\r", "\n")


def _append_range(out: array, start: int, stop: int) -> None:
    """out.extend(range(start, stop)), without building a Python int per element.

    Whole blocks of 65536 values are copied from one cached block of 0..65535 and their
    upper bytes set with strided slice assignment (little-endian int64).
    """
    if stop - start < 256 or sys.byteorder != "little" or _ITEM != 8:
        out.extend(range(start, stop))
        return
    low = _low_block()
    pos = start
    while pos < stop:
        lo = pos & 0xFFFF
        count = min(0x10000 - lo, stop - pos)
        block = bytearray(low[lo * 8 : (lo + count) * 8])
        high = pos >> 16
        byte = 2
        while high:
            if high & 0xFF:
                block[byte::8] = bytes((high & 0xFF,)) * count
            high >>= 8
            byte += 1
        out.frombytes(block)
        pos += count


@lru_cache(maxsize=1)
def _low_block() -> bytes:
    """array("q", range(65536)).tobytes(), little-endian, built from bytes."""
    block = bytearray(8 << 16)
    block[0::8] = bytes(range(256)) * 256
    block[1::8] = b"".join(bytes((i,)) * 256 for i in range(256))
    return bytes(block)


def _page_number_lines(work: str, start: int, stop: int) -> list[tuple[int, int]]:
    """line_start_spans(_DEBRIS_BODY, work, start, stop), tried on the lines holding
    "— 8 —"."""
    page_number = line_patterns(_DEBRIS_BODY)[0]
    matches = (
        page_number.match(work, a, b) for a, b in lines_holding(_DEBRIS_CORE, work, start, stop)
    )
    return [m.span() for m in matches if m]


def _ocr_spaces(work: str, start: int, stop: int, point: bool) -> list[tuple[int, int]]:
    """The spaces inside OCR_SPACED_PERCENT's matches and, if `point`, OCR_SPACED_POINT's
    matches in work[start:stop], searched for in the lines with a spaced digit only."""
    spans = []
    for a, b in lines_holding(_SPACED_DIGITS, work, start, stop):
        for m in OCR_SPACED_PERCENT.finditer(work, a, b):
            spans.extend((i, i + 1) for i in range(m.start(), m.end()) if work[i] == " ")
        if point:
            spans.extend(m.span() for m in OCR_SPACED_POINT.finditer(work, a, b))
    return spans


def _remove_markup(
    work: str,
    start: int,
    stop: int,
    heading_ends: array,
    debris: list[tuple[int, int]],
    unusual: bool,
    spaced: bool = False,
    wiki: bool = False,
    source: tuple[list[tuple[int, int]], dict[int, str]] | None = None,
    wide_ends: dict[int, int] | None = None,
) -> tuple[str, array]:
    """work[start:stop] without page-number lines (and the other `debris` lines in it),
    HTML tags and Markdown markers; without the letter spaces of a `spaced` text
    (letter_spacing.py).

    Returns the text and the raw offset of each of its characters. Appends to
    heading_ends the raw offset of the line end of each Markdown heading line (-1 for the
    text's last line): such a line always ends its paragraph; and to `wide_ends` the raw
    span of each character read from several raw ones (View.wide_ends).
    """
    spans: list[tuple[int, int]] = list(debris)
    if any(work.find(dash, start, stop) >= 0 for dash in _DEBRIS_DASHES):
        spans.extend(_page_number_lines(work, start, stop))
    if work.find("<", start, stop) >= 0:
        for m in HTML_TAG.finditer(work, start, stop):
            spans.append(m.span())
            # "…</p>⏎", "…</h1>⏎": a block's end at a line's end ends the paragraph
            if _BLOCK_END.match(m.group()):
                end = _LINE_END_AFTER.match(work, m.end(), stop)
                if end is not None:
                    at = end.end() - 1
                    if at < m.end() or not work.startswith("\n", at):
                        at = stop if stop < len(work) else -1  # the block's last line
                    heading_ends.append(at)
    replaced: dict[int, str] = {}
    if work.find("&", start, stop) >= 0:
        for m in HTML_ENTITY.finditer(work, start, stop):
            char = html.unescape(m.group())
            if char != m.group():
                spans.append(m.span())
                replaced[m.start()] = char
    if work.find("$", start, stop) >= 0 or work.find("\\(", start, stop) >= 0:
        math, as_text = latex_edits(work, start, stop)  # "$9 0 . 4 \\%$" reads 90.4%
        spans.extend(math)
        replaced.update(as_text)
    if work.find("![", start, stop) >= 0:  # a converter's image link "![](images/3f9a….jpg)"
        spans.extend(m.span() for m in IMAGE_LINK.finditer(work, start, stop))
    if work.find("**", start, stop) >= 0 or work.find("__", start, stop) >= 0:
        spans.extend(m.span() for m in MARKDOWN_EMPHASIS.finditer(work, start, stop))
    if _FOOTNOTE_MARK.search(work, start, stop):
        spans.extend(m.span() for m in FOOTNOTE_AFTER_NUMBER.finditer(work, start, stop))
    percent = work.find("%", start, stop) >= 0 or work.find("％", start, stop) >= 0
    spans.extend(_ocr_spaces(work, start, stop, percent))
    spans.extend(ocr_space_spans(work, start, stop))
    if spaced:
        spans.extend(letter_space_spans(work, start, stop))
    spans.extend(frame_spans(work, start, stop))  # a one-column box's ┌─┐ │…│ └─┘
    spans.extend(invisible_spans(work, start, stop))
    emoji, as_text = pictograph_edits(work, start, stop) if unusual else ([], {})
    if emoji:
        spans.extend(emoji)
        replaced.update(as_text)
    if source is not None:  # an RTF or LaTeX source's markup, found once per text
        lo, hi = bisect_left(source[0], (start, -1)), bisect_left(source[0], (stop, -1))
        spans.extend(source[0][lo:hi])
        replaced.update((a, source[1][a]) for a, _ in source[0][lo:hi] if a in source[1])
    spans.extend(url_spans(work, start, stop))
    spans.extend(reference_spans(work, start, stop))
    if wiki:
        marks, ends = wiki_spans(work, start, stop)
        spans.extend(marks)
        heading_ends.extend(end if end < len(work) else -1 for end in ends)
    if work.find("#", start, stop) >= 0:
        for a, b in line_start_spans(_HEADING_BODY, work, start, stop):
            spans.append((a, b))
            end = work.find("\n", b, stop)
            heading_ends.append(end if end >= 0 else stop if stop < len(work) else -1)
    offsets = array("q")
    pieces = []
    pos = start
    for a, b in sorted(spans):
        if a > pos:
            pieces.append(work[pos:a])
            _append_range(offsets, pos, a)
        if a >= pos and a in replaced:
            pieces.append(replaced[a])
            offsets.extend([a] * len(replaced[a]))
            if wide_ends is not None and b - a > 1 and replaced[a].strip():
                wide_ends[a] = b
        pos = max(pos, b)
    pieces.append(work[pos:stop])
    _append_range(offsets, pos, stop)
    return "".join(pieces), offsets


class _Nfkc:
    """NFKC of each character on its own (separators -> " "), remembered across blocks."""

    def __init__(self):
        self.known: dict[str, str] = {}

    def __call__(self, text: str, offsets: array) -> tuple[str, array]:
        """The text normalised; where a character became several, its offset repeats."""
        rest = _NFKC_STABLE_RUNS.sub("", text)
        if not rest:
            return text, offsets
        one: dict[str, str] = {}
        many: dict[str, str] = {}
        for ch in set(rest):
            norm = self.known.get(ch)
            if norm is None:
                norm = _WIDE_SPACE.get(ch) or unicodedata.normalize("NFKC", ch).translate(
                    _SEPARATOR_TO_SPACE
                )
                self.known[ch] = norm
            if norm != ch:
                (one if len(norm) == 1 else many)[ch] = norm
        if len(one) > _REPLACE_ONE_BY_ONE:
            text = re.compile("[" + re.escape("".join(one)) + "]").sub(
                lambda m: one[m.group()], text
            )
        else:
            for ch, norm in one.items():
                text = text.replace(ch, norm)
        if not many:
            return text, offsets
        pieces = []
        out = array("q")
        pos = 0
        with memoryview(offsets).cast("B") as raw_bytes:
            for m in re.finditer("[" + re.escape("".join(many)) + "]", text):
                p = m.start()
                norm = many[m.group()]
                pieces.append(text[pos:p])
                pieces.append(norm)
                out.frombytes(raw_bytes[pos * _ITEM : p * _ITEM])
                out.extend([offsets[p]] * len(norm))
                pos = p + 1
            pieces.append(text[pos:])
            out.frombytes(raw_bytes[pos * _ITEM :])
        return "".join(pieces), out


class _LinesView:
    """The lines view, built block by block: lines stripped, empty ones dropped, the rest
    joined with one "\\n" mapped to the line end of the line before it; then simplified.

    Offsets are copied run by run: a run goes on over a line end as long as nothing
    between two kept lines is dropped.
    """

    def __init__(self):
        self.parts: list[str] = []
        self.offsets = array("q")
        self.line_end = -1  # raw offset of the line end after the last kept line so far

    def add(self, text: str, offsets: array, block_end: int, glue: str | None = None) -> None:
        """One block's text (NFKC done) and offsets; block_end: raw offset of its line end;
        glue: None to start a line, else what joins the block to the line before."""
        out = self.offsets
        kept = []
        run_start = run_end = -1  # block range not yet copied to out
        newline = -1  # block position of the "\n" ending the block's last kept line
        pos = 0
        with memoryview(offsets).cast("B") as raw_bytes:
            for line in text.split("\n"):
                body = line.strip()  # str.isspace white space, as NFKC left it
                if body:
                    start = pos if body is line else pos + len(line) - len(line.lstrip())
                    if run_end < 0:  # the block's first kept line
                        if self.parts and glue != "":  # the last block's line end (or glue)
                            out.append(self.line_end)
                        run_start = start
                    elif not (run_end == newline and start == newline + 1):
                        if run_end == newline:  # the run's own line end comes along
                            out.frombytes(raw_bytes[run_start * _ITEM : (newline + 1) * _ITEM])
                        else:
                            out.frombytes(raw_bytes[run_start * _ITEM : run_end * _ITEM])
                            out.append(offsets[newline])
                        run_start = start
                    run_end = start + len(body)
                    kept.append(body)
                    newline = pos + len(line)
                pos += len(line) + 1
            if run_end < 0:
                return
            out.frombytes(raw_bytes[run_start * _ITEM : run_end * _ITEM])
            self.line_end = offsets[newline] if newline < len(text) else block_end
        if self.parts:
            self.parts.append("\n" if glue is None else glue)
        self.parts.append(_simplify_lines("\n".join(kept)))

    def result(self) -> tuple[str, array]:
        return "".join(self.parts), self.offsets


def _simplify_lines(text: str) -> str:
    """to_simplified() of each line, in chunks of whole lines.

    OpenCC's longest-match segmentation never crosses a "\\n" (no dictionary phrase holds
    one), so converting many lines at once gives the per-line result. Where a phrase rule
    changed a line's length, that line is converted again on its own, character by
    character, by to_simplified().
    """
    out = []
    pos = 0
    while pos < len(text):
        cut = len(text)
        if cut - pos > _T2S_CHUNK:
            nl = text.find("\n", pos + _T2S_CHUNK)
            cut = len(text) if nl < 0 else nl + 1
        chunk = text[pos:cut]
        converted = _t2s().convert(chunk)
        if len(converted) != len(chunk) or list(map(len, converted.split("\n"))) != list(
            map(len, chunk.split("\n"))
        ):
            converted = "\n".join(map(to_simplified, chunk.split("\n")))
        out.append(converted)
        pos = cut
    return "".join(out)
