"""Marks in the left margin of every line that are not the text: a draft's line numbers
("12  到2025年，学前三年…") and an e-mail's quote marks ("> ", "> > ").

normalise.clean blanks them (spaces, so that every raw offset stays where it was) before
anything else reads the lines: a wrapped sentence then joins across the line break as in
any PDF text ("81.⏎16  7%" reads 81.7%), and a table row's own 序号 is its first cell again.
The line numbers' digits get the ledger disposition ``line_number``.

A draft's numbering is told from a numbered table or list by three things at once: it runs
on line after line (each number one more than the last, blank lines numbered or skipped),
it covers most of the document's lines, and many of the numbered lines are prose.
"""

from __future__ import annotations

import re

# a number at a line's start, then white space, a bar or the line end: a margin number
_MARGIN_NUMBER = re.compile(r"[^\S\n]*(\d{1,5})(?:[^\S\n]*[|│][^\S\n]?|[ \t]+|(?=\n)|$)")
# lines opening on a number, counted first (a literal "\n" lets the engine jump to lines)
_NUMBERED_LINE = re.compile(r"\n[^\S\n]*\d{1,5}(?:[ \t|│]|\n)")
# e-mail quote marks: one or more ">" (each with an optional space) opening a line
# (then a space or the line end: ">99" is a table cell's comparator and its value)
_QUOTE_MARKS = re.compile(r"^[^\S\n]*>(?:[^\S\n]?>)*(?:[^\S\n]|$)", re.MULTILINE)
_MIN_NUMBERED = 20  # a draft numbers more lines than this
_MIN_RUN = 10  # a run of line numbers this long counts towards the cover
_MIN_COVER = 0.8  # share of the non-blank lines the runs must number
_MIN_PROSE = 0.25  # share of the numbered lines holding sentence punctuation
_PROSE_MARKS = re.compile("[，。；、,]")
_MIN_QUOTED = 5  # quoted lines in a row, at least once, one of them a sentence
_HEAD_CHARS, _HEAD_LINES, _HEAD_NUMBERED = 600, 6, 4  # the first lines looked at first
_MAX_SKIP = 3  # lines between two numbered lines of a run (blank lines not numbered)


def gutter_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(spans to blank, spans of the line numbers' digits), both sorted, in `text`."""
    blanks: list[tuple[int, int]] = []
    digits: list[tuple[int, int]] = []
    if _opens_numbered(text) and len(_NUMBERED_LINE.findall(text)) + 1 >= _MIN_NUMBERED:
        numbered = _line_numbers(text)
        blanks.extend(span for span, _ in numbered)
        digits.extend(digit for _, digit in numbered)
    # (C searches for a quote mark opening a line, then its space or its second ">")
    if text.lstrip(" \t").startswith(">") or text.find("\n> ") >= 0 or text.find("\n>>") >= 0:
        quoted = _quote_marks(text)
        if quoted:
            blanks = sorted(_merge(blanks, quoted))
    return blanks, digits


def _opens_numbered(text: str) -> bool:
    """Most of the first non-blank lines open with a margin number (a draft numbers its
    title lines too): the cheap test before every line is looked at."""
    first = [line for line in text[:_HEAD_CHARS].split("\n") if line.strip()][:_HEAD_LINES]
    return sum(1 for line in first if _MARGIN_NUMBER.match(line)) >= _HEAD_NUMBERED


def _line_numbers(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(margin span, digits span) of each line number of a numbered draft, or []."""
    lines = []  # (line index, number, margin span, digits span, rest of the line)
    nonblank = 0
    start = 0
    for index, line in enumerate(text.split("\n")):
        m = _MARGIN_NUMBER.match(line)
        if line.strip():
            nonblank += 1
        if m:
            a = start
            lines.append(
                (
                    index,
                    int(m.group(1)),
                    (a, a + m.end()),
                    (a + m.start(1), a + m.end(1)),
                    line[m.end() :],
                )
            )
        start += len(line) + 1
    runs: list[list[tuple]] = []
    for entry in lines:
        if runs:
            last = runs[-1][-1]
            step, skip = entry[1] - last[1], entry[0] - last[0]
            if skip <= _MAX_SKIP and step in (1, skip):
                runs[-1].append(entry)
                continue
        runs.append([entry])
    kept = [entry for run in runs if len(run) >= _MIN_RUN for entry in run]
    if len(kept) < _MIN_NUMBERED or len(kept) < _MIN_COVER * nonblank:
        return []
    prose = sum(1 for entry in kept if _PROSE_MARKS.search(entry[4]))
    if prose < _MIN_PROSE * len(kept):
        return []  # a long numbered table or list, not a draft's margin
    return [(entry[2], entry[3]) for entry in kept]


def _quote_marks(text: str) -> list[tuple[int, int]]:
    """The quote marks opening the lines of an e-mail's quoted text, or []."""
    spans = []
    streak, longest = 0, 0
    last_line_end = -2
    prose = False
    for m in _QUOTE_MARKS.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        streak = streak + 1 if line_start == last_line_end + 1 else 1
        longest = max(longest, streak)
        end = text.find("\n", m.end())
        last_line_end = len(text) if end < 0 else end
        prose = prose or _PROSE_MARKS.search(text, m.end(), last_line_end) is not None
        spans.append(m.span())
    return spans if longest >= _MIN_QUOTED and prose else []


def _merge(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of two lists of spans, as spans that do not overlap."""
    out: list[tuple[int, int]] = []
    for s, e in sorted([*a, *b]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span's characters turned into spaces (same length)."""
    pieces = []
    pos = 0
    for a, b in spans:
        pieces.append(text[pos:a])
        pieces.append(" " * (b - a))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)
