"""Half-open character spans asked about many times: which positions they cover and which
spans they overlap. The spans are merged once and each question is a binary search; a loop
over every span for every phrase, number or line made one very large text quadratic."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class SpanSet:
    """The union of half-open spans [a, b); empty spans cover nothing."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for a, b in sorted(spans):
            if a >= b:
                continue
            if self._ends and a < self._ends[-1]:  # overlapping (not touching): one span
                self._ends[-1] = max(self._ends[-1], b)
            else:
                self._starts.append(a)
                self._ends.append(b)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def __contains__(self, pos: int) -> bool:
        """Some span has a <= pos < b."""
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Some span has a < end and start < b (as asked of each span in turn)."""
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start


class PositionIndex:
    """The items whose position (a start or an end, given by `key`) lies in a window, in the
    items' own order."""

    def __init__(self, items: list, key):
        self._items = items
        self._order = sorted(range(len(items)), key=lambda i: key(items[i]))
        self._keys = [key(items[i]) for i in self._order]

    def between(self, lo: int, hi: int) -> list:
        """The items with lo <= position <= hi."""
        a, b = bisect_left(self._keys, lo), bisect_right(self._keys, hi)
        return [self._items[i] for i in sorted(self._order[a:b])]
