"""Cleaned views of a raw text for matching, each character mapped back to a raw offset.

Two views are built, both from the same per-line cleaning:

* ``lines``: one cleaned line per non-empty raw line, joined by "\\n" (tables are read here);
* ``paragraphs``: the same lines with PDF line breaks inside a sentence joined, one
  paragraph per line (prose is read here).

Cleaning: NFKC (full-width -> half-width), traditional -> simplified (OpenCC t2s),
HTML tags and Markdown markers removed, page-number debris lines ("— 8—") dropped,
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

import re
import sys
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import opencc

# A line that is only a page number, as PDF extraction leaves them: "— 8—", "- 12 -".
PAGE_DEBRIS = re.compile(r"^\s*[—–\-－]{1,2}\s*\d{1,3}\s*[—–\-－]{1,2}\s*$")
HTML_TAG = re.compile(r"<[^<>\n]{1,40}>")
MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s*")
MARKDOWN_EMPHASIS = re.compile(r"\*\*|__")
# A cleaned line that ends a sentence or a heading: the next line starts a new paragraph.
SENTENCE_END = re.compile(r"[。！？；:：!?;]$|[。！？]”$")
# A cleaned line that starts a heading or a numbered item: never glued to the line before.
HEADING_START = re.compile(
    r"^(第[一二三四五六七八九十百]+[章节部分篇]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)"
    r"|\d{1,2}[.、](?!\d)|专栏|<)"
)

# The per-line patterns above, run once over the whole text (line ends unified to "\n"):
# "\s" becomes "[^\S\n]" so that a match never leaves its line, and "^" a leading "\n"
# (a literal prefix lets the regex engine jump from line to line; the first line is
# matched on its own).
_DEBRIS_BODY = r"[^\S\n]*[—–\-－]{1,2}[^\S\n]*\d{1,3}[^\S\n]*[—–\-－]{1,2}[^\S\n]*(?![^\n])"
_DEBRIS_DASHES = "—–-－"
_HEADING_BODY = r"[^\S\n]*#{1,6}[^\S\n]*"
# SENTENCE_END is tried on the last two characters of a line only (its longest match,
# anchored at the end: tests check the width), so one search serves every line that ends
# the same way. HEADING_START is tried after every "\n" of the lines view in one pass.
_SENTENCE_END_WIDTH = 2
_HEADING_START_AFTER_NEWLINE = re.compile(
    "\n(?=" + HEADING_START.pattern + ")", HEADING_START.flags | re.MULTILINE
)

# Characters str.splitlines() breaks at that are not line ends here: white space.
_SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_SEPARATOR_TO_SPACE = str.maketrans(dict.fromkeys(_SEPARATORS, " "))
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
_ITEM = array("q").itemsize


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

    def raw_start(self, i: int) -> int:
        return self.offsets[i]

    def raw_end(self, j: int) -> int:
        """Raw end offset (exclusive) of a view span ending before index j (j > 0)."""
        return self.offsets[j - 1] + 1

    def raw_span(self, i: int, j: int) -> tuple[int, int]:
        return self.raw_start(i), self.raw_end(j)


@dataclass(frozen=True)
class CleanText:
    raw: str
    lines: View
    paragraphs: View


def clean(raw: str) -> CleanText:
    """Build both views of a raw text."""
    work = _unify_line_ends(raw)
    text, offsets, heading_ends = _remove_markup(work)
    del work
    text, offsets = _nfkc(text, offsets)
    lines_text, lines_offsets = _join_lines(text, offsets)
    del text, offsets
    lines_text = _simplify_lines(lines_text)
    para_text, para_offsets = _paragraphs(lines_text, lines_offsets, heading_ends)
    return CleanText(
        raw=raw,
        lines=View(lines_text, lines_offsets),
        paragraphs=View(para_text, para_offsets),
    )


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
    return array("q", range(0x10000)).tobytes()


@lru_cache(maxsize=4)
def _per_line(body: str) -> tuple[re.Pattern, re.Pattern]:
    """A line pattern matched at the start of the text, and after every "\n"."""
    return re.compile(body), re.compile("\n" + body)


def _line_spans(body: str, text: str) -> list[tuple[int, int]]:
    """Spans of the lines' matches of `body` at their starts (without the "\n")."""
    first, after_newline = _per_line(body)
    m = first.match(text)
    spans = [m.span()] if m else []
    spans.extend((m.start() + 1, m.end()) for m in after_newline.finditer(text))
    return spans


def _remove_markup(work: str) -> tuple[str, array, list[int]]:
    """Drop page-number lines, HTML tags and Markdown markers; raw offsets of the rest.

    Also returns, for each Markdown heading line, the raw offset of its line end (-1 for
    the last line): such a line always ends its paragraph.
    """
    spans: list[tuple[int, int]] = []
    if any(dash in work for dash in _DEBRIS_DASHES):
        spans.extend(_line_spans(_DEBRIS_BODY, work))
    if "<" in work:
        spans.extend(m.span() for m in HTML_TAG.finditer(work))
    if "**" in work or "__" in work:
        spans.extend(m.span() for m in MARKDOWN_EMPHASIS.finditer(work))
    heading_ends: list[int] = []
    if "#" in work:
        for a, b in _line_spans(_HEADING_BODY, work):
            spans.append((a, b))
            heading_ends.append(work.find("\n", b))
    offsets = array("q")
    if not spans:
        _append_range(offsets, 0, len(work))
        return work, offsets, heading_ends
    pieces = []
    pos = 0
    for a, b in sorted(spans):
        if a > pos:
            pieces.append(work[pos:a])
            _append_range(offsets, pos, a)
        pos = max(pos, b)
    pieces.append(work[pos:])
    _append_range(offsets, pos, len(work))
    return "".join(pieces), offsets, heading_ends


def _nfkc(text: str, offsets: array) -> tuple[str, array]:
    """NFKC each character on its own (separators -> " "); expansions repeat the offset."""
    rest = _NFKC_STABLE_RUNS.sub("", text)
    if not rest:
        return text, offsets
    one: dict[str, str] = {}
    many: dict[str, str] = {}
    for ch in set(rest):
        norm = unicodedata.normalize("NFKC", ch).translate(_SEPARATOR_TO_SPACE)
        if norm == ch:
            continue
        (one if len(norm) == 1 else many)[ch] = norm
    if len(one) > _REPLACE_ONE_BY_ONE:
        text = re.compile("[" + re.escape("".join(one)) + "]").sub(lambda m: one[m.group()], text)
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


def _join_lines(text: str, offsets: array) -> tuple[str, array]:
    """Strip each line, drop empty ones, join the rest with one "\n" (the line's end).

    Offsets are copied run by run: a run goes on over a line end as long as nothing
    between two kept lines is dropped.
    """
    kept = []
    out = array("q")
    run_start = run_end = -1  # text range not yet copied to out
    newline = -1  # text position of the "\n" ending the last kept line
    pos = 0
    with memoryview(offsets).cast("B") as raw_bytes:
        for line in text.split("\n"):
            body = line.strip()  # str.isspace white space, as NFKC left it
            if body:
                start = pos if body is line else pos + len(line) - len(line.lstrip())
                if run_end < 0:
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
        if run_end >= 0:
            out.frombytes(raw_bytes[run_start * _ITEM : run_end * _ITEM])
    return "\n".join(kept), out


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


def _paragraphs(lines_text: str, lines_offsets: array, heading_ends: list[int]):
    """The lines view with the line breaks inside a paragraph (PDF wraps) removed.

    A break stays after a line that ends a sentence (SENTENCE_END), before a line that
    starts a heading or a numbered item (HEADING_START), and after a Markdown heading.
    """
    marked = set()  # lines-view position of the "\n" after each kept Markdown heading line
    for end in heading_ends:
        if end >= 0:
            i = bisect_left(lines_offsets, end)
            if i < len(lines_offsets) and lines_offsets[i] == end and lines_text[i] == "\n":
                marked.add(i)
    starts_heading = {m.end() for m in _HEADING_START_AFTER_NEWLINE.finditer(lines_text)}
    ends_sentence: dict[str, bool] = {}  # by the last two characters of a line
    lines = lines_text.split("\n")
    del lines[-1]  # the last line is followed by no line break
    pieces = []
    out = array("q")
    run_start = pos = 0
    with memoryview(lines_offsets).cast("B") as raw_bytes:
        for line in lines:
            newline = pos + len(line)
            tail = line[-_SENTENCE_END_WIDTH:]
            ends = ends_sentence.get(tail)
            if ends is None:
                ends = ends_sentence[tail] = SENTENCE_END.search(tail) is not None
            if not (ends or newline + 1 in starts_heading or newline in marked):
                # a PDF wrap: glue the next line on
                pieces.append(lines_text[run_start:newline])
                out.frombytes(raw_bytes[run_start * _ITEM : newline * _ITEM])
                run_start = newline + 1
            pos = newline + 1
        if run_start == 0:
            return lines_text, lines_offsets[:]  # a copy (memcpy): the views share nothing
        pieces.append(lines_text[run_start:])
        out.frombytes(raw_bytes[run_start * _ITEM :])
    return "".join(pieces), out
