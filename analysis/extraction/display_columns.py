"""Where text stands on a monospaced line: a wide or full-width character (Chinese, "　")
takes two columns, as text exports and terminals lay it out."""

from __future__ import annotations

import unicodedata


def char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns a monospaced layout gives the text."""
    return sum(char_width(ch) for ch in text)


def display_column(raw: str, at: int) -> int:
    """The column position `at` of `raw` stands at on its line."""
    return display_width(raw[raw.rfind("\n", 0, at) + 1 : at])


def nearest_range(ranges: list[tuple[float, float]], x: float) -> int:
    """The index of the (left, right) range holding x, else of the one nearest to it."""
    return min(
        range(len(ranges)),
        key=lambda k: (
            0
            if ranges[k][0] <= x <= ranges[k][1]
            else min(abs(x - ranges[k][0]), abs(x - ranges[k][1]))
        ),
    )
