"""Every theme's keyword matches in a text with one Aho-Corasick pass instead of a regex each.

ThemeCoder's plain search is, per theme, a regex sub that masks the theme's exclusions
(alternation in listed order) and then an alternation of its keywords, longest first, each
written with alias_pattern (quote marks and spaces allowed between characters). Thirty
themes meant thirty passes over every plan. Here one automaton holds every keyword and
every exclusion of every theme; it runs once over the text with the IGNORABLE characters
removed (as AliasMatcher does) and each theme's matches are then picked from the
occurrences, following the regex's rules:

- exclusions: left to right, at each start the first one in listed order that occurs there,
  non-overlapping; they mask the text for that theme only;
- keywords: left to right, at each start the longest keyword that occurs there and touches
  no masked character, non-overlapping.

A keyword or exclusion never starts or ends on an IGNORABLE character (they are stored
stripped), so a start or end in the stripped text maps back to the same span the regex
finds in the text. tests/test_speedups.py holds this to the plain regexes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

import ahocorasick

from analysis.codebook import _strip_with_map

Match = tuple[int, int, str]  # start, end, matched text (raw characters of the text)


class ThemeSearch:
    def __init__(self, keywords: dict[str, tuple[str, ...]], excludes: dict[str, tuple[str, ...]]):
        """`keywords`: theme_id -> its keywords (strong and weak), stripped; `excludes`:
        theme_id -> its exclusions in listed order, stripped."""
        self.theme_ids = tuple(keywords)
        by_key: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
        for tid, words in keywords.items():
            for w in words:
                by_key[w][0].append(tid)
        for tid, phrases in excludes.items():
            for rank, x in enumerate(phrases):
                by_key[x][1].append((tid, rank))
        # an empty phrase matches everywhere in a regex: no automaton reproduces that
        self.usable = bool(by_key) and "" not in by_key
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for key in sorted(by_key):
            themes, exclusions = by_key[key]
            self._automaton.add_word(key, (len(key), tuple(themes), tuple(exclusions)))
        if self.usable:
            self._automaton.make_automaton()

    def find(self, text: str) -> tuple[dict[str, list[Match]], dict[str, list[tuple[int, int]]]]:
        """theme_id -> keyword matches (as ThemeCoder.matches gives them), and theme_id ->
        the spans of its exclusion matches (as its exclusion regex's finditer gives them)."""
        stripped, piece_at = _strip_with_map(text)
        # (start, -length) of every occurrence of the theme's keywords, so that sorted the
        # longest at a start comes first; start -> (rank, length) of the theme's first
        # listed exclusion there
        occurrences: dict[str, list[tuple[int, int]]] = defaultdict(list)
        excluded: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
        for last, (length, themes, exclusions) in self._automaton.iter(stripped):
            start = last - length + 1
            for tid in themes:
                occurrences[tid].append((start, -length))
            for tid, rank in exclusions:
                best = excluded[tid].get(start)
                if best is None or rank < best[0]:
                    excluded[tid][start] = (rank, length)

        matches: dict[str, list[Match]] = {}
        exclusion_spans: dict[str, list[tuple[int, int]]] = {}
        for tid in self.theme_ids:
            found = matches[tid] = []
            if tid not in excluded:  # most themes have no exclusion, or none in the text
                masked = exclusion_spans[tid] = []
                if tid not in occurrences:
                    continue
            else:
                masked = _leftmost(
                    (s, s + length) for s, (_, length) in sorted(excluded[tid].items())
                )
                exclusion_spans[tid] = [_back(piece_at, a, b) for a, b in masked]
            mask_starts = [a for a, _ in masked]
            cursor = 0
            # at a start, the longest keyword touching no masked character; then past it
            for s, minus_length in sorted(occurrences.get(tid, ())):
                if s < cursor:
                    continue
                e = s - minus_length
                if masked and _touches(masked, mask_starts, s, e):
                    continue
                cursor = e
                if piece_at:  # back to the text: the first and last characters' offsets
                    a, b = _back(piece_at, s, e)
                    found.append((a, b, text[a:b]))
                else:
                    found.append((s, e, text[s:e]))
        return matches, exclusion_spans


def _back(piece_at: list[int], a: int, b: int) -> tuple[int, int]:
    """A stripped span [a, b) in the text (see codebook._strip_with_map)."""
    if not piece_at:
        return a, b
    return a + bisect_right(piece_at, a) - 1, b + bisect_right(piece_at, b - 1) - 1


def _leftmost(spans) -> list[tuple[int, int]]:
    """Spans sorted by start, one per start: keep those that start at or after the end
    of the last one kept (a regex's non-overlapping scan)."""
    kept, cursor = [], 0
    for a, b in spans:
        if a >= cursor:
            kept.append((a, b))
            cursor = b
    return kept


def _touches(masked: list[tuple[int, int]], mask_starts: list[int], a: int, b: int) -> bool:
    """Whether [a, b) overlaps one of the sorted, disjoint `masked` spans."""
    i = bisect_left(mask_starts, b) - 1  # the last masked span starting before b
    return i >= 0 and masked[i][1] > a
