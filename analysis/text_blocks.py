"""Whole-line blocks of a long text, so per-line work holds one block, never every line."""

from __future__ import annotations

from collections.abc import Iterator

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
