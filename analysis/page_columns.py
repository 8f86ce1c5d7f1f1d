"""Two columns of prose side by side on each line, as `pdftotext -layout` prints a
two-column page: the left column's line, a run of spaces, the right column's line. A
sentence goes on in the next line of the same column, so the views read such a stretch
column by column: every left part in order, then every right part.

A stretch is a run of lines whose second part starts at one display column (the gutter),
each line holding both parts, only a left part or only a right part, with prose on both
sides (a two-column table of names and values is no such stretch: its right parts are
short). A line that crosses the gutter (a centred heading, a full-width table, a running
header) ends the stretch.
"""

from __future__ import annotations

import re
import unicodedata
from statistics import median

# a gap between two column parts: two or more spaces inside a line
_GAP = re.compile(r"[ \u3000]{2,}")
# a line with prose on both sides of a wide gap (the cheap test for a text)
_SIDE_BY_SIDE = re.compile(r"[\u4e00-\u9fff，。；、）”%\d][ \u3000]{3,}[\u4e00-\u9fff“（\d]")
_MIN_LINES = 6  # lines with both parts a stretch holds at least
_SLACK = 5  # display columns a right part may start off the gutter
_MIN_PROSE = 0.6  # share of both-part lines with prose on both sides
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _parts(line: str) -> list[tuple[int, int]]:
    """[start, end) of each part of a line between gaps (its indent not a gap)."""
    parts, pos = [], len(line) - len(line.lstrip(" \u3000"))
    end = len(line.rstrip(" \u3000"))
    for m in _GAP.finditer(line, pos, end):
        parts.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        parts.append((pos, end))
    return parts


def _prose(text: str) -> bool:
    return len(_CJK.findall(text)) >= 6


def column_segments(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Each two-column stretch: (start, stop, [start, end) of each column line in reading
    order), stop being the line end after the stretch's last line."""
    if len(_SIDE_BY_SIDE.findall(text)) < _MIN_LINES:
        return []
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line, _parts(line)))
        pos += len(line) + 1
    starts = [
        _width(line[: parts[1][0]])
        for _, line, parts in lines
        if len(parts) == 2 and _prose(line[parts[0][0] : parts[0][1]])
    ]
    if len(starts) < _MIN_LINES:
        return []
    gutter = median(starts)
    kinds = [_kind(line, parts, gutter) for _, line, parts in lines]
    found = []
    k = 0
    while k < len(lines):
        if kinds[k] in ("span", "blank"):
            k += 1
            continue
        j = k
        while j < len(lines) and kinds[j] != "span":
            j += 1
        while kinds[j - 1] == "blank":
            j -= 1
        stretch = _stretch(lines[k:j], kinds[k:j])
        if stretch:
            found.append(stretch)
        k = j
    return found


def _kind(line: str, parts: list[tuple[int, int]], gutter: float) -> str:
    if not parts:
        return "blank"
    starts = [_width(line[:a]) for a, _ in parts]
    ends = [_width(line[:b]) for _, b in parts]
    if len(parts) == 2 and abs(starts[1] - gutter) <= _SLACK and ends[0] < gutter:
        return "both"
    if len(parts) == 1 and ends[0] <= gutter and starts[0] < gutter - 2 * _SLACK:
        return "left"
    if len(parts) == 1 and abs(starts[0] - gutter) <= _SLACK:
        return "right"
    return "span"


def _stretch(lines, kinds) -> tuple[int, int, list[tuple[int, int]]] | None:
    both = [
        (line, parts) for (_, line, parts), kind in zip(lines, kinds, strict=True) if kind == "both"
    ]
    if len(both) < _MIN_LINES:
        return None
    prose = sum(
        1 for line, (a, b) in both if _prose(line[a[0] : a[1]]) and _prose(line[b[0] : b[1]])
    )
    if prose < _MIN_PROSE * len(both):
        return None
    left, right = [], []
    for (at, _line, parts), kind in zip(lines, kinds, strict=True):
        if kind in ("both", "left"):
            left.append((at + parts[0][0], at + parts[0][1]))
        if kind in ("both", "right"):
            right.append((at + parts[-1][0], at + parts[-1][1]))
    start, last = lines[0][0], lines[-1]
    return start, last[0] + len(last[1]), left + right
