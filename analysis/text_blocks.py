"""Whole-line ranges of a long text: blocks, so per-line work holds one block, never every
line; and the lines a pattern occurs in, so a costly per-line regex runs on those only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

BLOCK = 1 << 20  # characters: about 1 MiB of text a block


def line_blocks(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Ranges [start, stop) of whole lines, about BLOCK characters each.

    A block ends before a "\\n" (the line end of its last line, in neither block) or at
    the end of the text.
    """
    while True:
        stop = text.find("\n", start + BLOCK) if len(text) - start > BLOCK else -1
        if stop < 0:
            yield start, len(text)
            return
        yield start, stop
        start = stop + 1


def lines_holding(pattern: re.Pattern, text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Ranges [start, end) (line end excluded) of the lines of text[start:stop] in which
    `pattern` occurs, each once, in order; `pattern` never matches a "\\n".

    A line-anchored regex that backtracks over every line (or a lookbehind that stops the
    regex engine from skipping ahead) is then tried on these lines only. finditer's
    matches do not overlap, but one that hides an occurrence lies in the same line, so
    every line holding an occurrence is found."""
    found: list[tuple[int, int]] = []
    for m in pattern.finditer(text, start, stop):
        if found and m.start() < found[-1][1]:
            continue
        a = text.rfind("\n", start, m.start()) + 1 or start
        b = text.find("\n", m.end(), stop)
        found.append((a, stop if b < 0 else b))
    return found


@lru_cache(maxsize=8)
def line_patterns(body: str) -> tuple[re.Pattern, re.Pattern]:
    """A line pattern matched at the start of a range, and after every "\\n": the "\\n" is a
    literal the search finds at C speed (a "^" in MULTILINE mode is tried at every
    character)."""
    return re.compile(body), re.compile("\n" + body)


def line_start_spans(body: str, text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Spans of the matches of `body` at the starts of the lines in text[start:stop]."""
    first, after_newline = line_patterns(body)
    m = first.match(text, start, stop)
    spans = [m.span()] if m else []
    spans.extend((m.start() + 1, m.end()) for m in after_newline.finditer(text, start, stop))
    return spans
