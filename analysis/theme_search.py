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
finds in the text. tests/test_plan_reading.py holds this to the plain regexes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import NamedTuple

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

from analysis.codebook import _strip_with_map

Match = tuple[int, int, str]  # start, end, matched text (raw characters of the text)


class Scan(NamedTuple):
    """One pass over a text, in the coordinates of the text without IGNORABLE characters
    (`stripped`; `piece_at` maps back, see codebook._strip_with_map)."""

    stripped: str
    piece_at: list[int]
    # (start, end, theme_id, keyword) of every theme's matches, in order of start; the
    # keyword is the stripped matched text
    matches: list[tuple[int, int, str, str]]
    # theme_id -> (exclusion spans, their starts), for the themes with one in the text
    masks: dict[str, tuple[list[tuple[int, int]], list[int]]]


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
        # the automaton's patterns, and each one's (-length, key, themes, exclusions) at its
        # index; scan is only for a usable search (ahocorasick_rs refuses an empty pattern)
        keys = sorted(by_key)
        self._entries = tuple(
            (-len(key), key, tuple(by_key[key][0]), tuple(by_key[key][1])) for key in keys
        )
        self._automaton = (
            AhoCorasick(keys, matchkind=MatchKind.Standard, implementation=Implementation.DFA)
            if self.usable
            else None
        )

    def scan(self, text: str) -> Scan:
        """The matches of every theme in the text, in stripped coordinates (see Scan)."""
        stripped, piece_at = _strip_with_map(text)
        # every occurrence as (start, (-length, key, themes, exclusions)): sorted, the
        # occurrences at a start come longest first (no two share a start and a length)
        entries = self._entries
        found = [
            (start, entries[i])
            for i, start, _ in self._automaton.find_matches_as_indexes(stripped, overlapping=True)
        ]
        found.sort()
        masks = self._masks(found)
        cursor = dict.fromkeys(self.theme_ids, 0)  # where each theme's next match may start
        matches = []
        keep = matches.append
        # at a start, the longest keyword touching no masked character; then past it
        for start, (minus_length, key, themes, _) in found:
            for tid in themes:
                if start < cursor[tid]:
                    continue
                end = start - minus_length
                if tid in masks and _touches(*masks[tid], start, end):
                    continue
                cursor[tid] = end
                keep((start, end, tid, key))
        return Scan(stripped, piece_at, matches, masks)

    def _masks(self, found: list) -> dict[str, tuple[list, list]]:
        """theme_id -> its exclusion spans (leftmost, non-overlapping; at a start the
        first listed) and their starts, for the themes with an exclusion in the text."""
        excluded: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
        for start, (minus_length, _, _, exclusions) in found:
            for tid, rank in exclusions:
                best = excluded[tid].get(start)
                if best is None or rank < best[0]:
                    excluded[tid][start] = (rank, -minus_length)
        masks = {}
        for tid, by_start in excluded.items():
            spans = _leftmost((s, s + length) for s, (_, length) in sorted(by_start.items()))
            masks[tid] = (spans, [a for a, _ in spans])
        return masks

    def find(self, text: str) -> tuple[dict[str, list[Match]], dict[str, list[tuple[int, int]]]]:
        """theme_id -> keyword matches (as ThemeCoder.matches gives them), and theme_id ->
        the spans of its exclusion matches (as its exclusion regex's finditer gives them)."""
        scan = self.scan(text)
        piece_at = scan.piece_at
        matches: dict[str, list[Match]] = {tid: [] for tid in self.theme_ids}
        for start, end, tid, _ in scan.matches:
            a, b = _back(piece_at, start, end)
            matches[tid].append((a, b, text[a:b]))
        exclusion_spans = {
            tid: [_back(piece_at, a, b) for a, b in scan.masks[tid][0]] if tid in scan.masks else []
            for tid in self.theme_ids
        }
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
