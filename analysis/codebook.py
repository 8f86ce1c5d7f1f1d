"""The indicator codebook (data/curated/indicator_codebook.yaml) and alias matching."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

from analysis.validation import load_checked, refuse

# Characters the plans put inside an indicator phrase that do not change it.
IGNORABLE = "“”\"'‘’「」 \t"
_IGNORABLE_CLASS = "[" + re.escape(IGNORABLE) + "]*"


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    name_zh: str
    name_en: str
    aliases: tuple[str, ...]
    unit: str
    direction: str
    stage: str
    category: str
    comparable: bool
    definition: str
    alias_position: str = "before"
    value_kind: str = "level"
    # plausible values (corrections, reference): a percent is 0-100 unless the entry says
    min_value: float | None = None
    max_value: float | None = None

    def out_of_range(self, value: float) -> str | None:
        """Why a value is implausible for this indicator, or None."""
        if self.min_value is not None and value < self.min_value:
            return f"{value:g} is below {self.min_value:g}, the smallest {self.indicator_id}"
        if self.max_value is not None and value > self.max_value:
            return f"{value:g} is above {self.max_value:g}, the largest {self.indicator_id}"
        return None


_DELETE_IGNORABLE = str.maketrans("", "", IGNORABLE)


def strip_ignorable(text: str) -> str:
    # str.translate: one C call (a theme hit or a table row name each goes through here)
    return text.translate(_DELETE_IGNORABLE)


def load_codebook(path: Path) -> dict[str, Indicator]:
    """Read the codebook (data/schemas/indicator_codebook.schema.json, then the checks
    across entries: unique ids, no alias listed twice)."""
    path = Path(path)
    data, lines = load_checked(path, "indicator_codebook")
    book: dict[str, Indicator] = {}
    first: dict[str, int | None] = {}
    for i, e in enumerate(data["indicators"]):
        iid = e["indicator_id"]
        if iid in book:
            raise refuse(
                path,
                lines,
                ("indicators", i, "indicator_id"),
                f"duplicate indicator_id {iid!r} (first at line {first[iid]})",
            )
        seen: set[str] = set()
        for k, alias in enumerate(e["aliases"]):
            # compare as matched: quote marks and spaces do not make a new phrase
            if strip_ignorable(alias) in seen:
                raise refuse(
                    path,
                    lines,
                    ("indicators", i, "aliases", k),
                    f"{iid}: alias {alias!r} is listed twice",
                )
            seen.add(strip_ignorable(alias))
        percent = e["unit"] == "percent"
        low, high = (
            e.get("min_value", 0 if percent else None),
            e.get("max_value", 100 if percent else None),
        )
        if low is not None and high is not None and low > high:
            raise refuse(
                path,
                lines,
                ("indicators", i, "max_value"),
                f"{iid}: max_value {high} is below min_value {low}",
            )
        book[iid] = Indicator(
            indicator_id=iid,
            name_zh=e["name_zh"],
            name_en=e["name_en"],
            aliases=tuple(strip_ignorable(a) for a in e["aliases"]),
            unit=e["unit"],
            direction=e["direction"],
            stage=e["stage"],
            category=e["category"],
            comparable=e["comparable"],
            definition=e["definition"],
            alias_position=e.get("alias_position", "before"),
            value_kind=e.get("value_kind", "level"),
            min_value=low,
            max_value=high,
        )
        first[iid] = e.line
    return book


def alias_pattern(alias: str) -> str:
    """Regex for an alias that tolerates quote marks and spaces between its characters."""
    return _IGNORABLE_CLASS.join(re.escape(ch) for ch in alias)


def _strip_with_map(text: str) -> tuple[str, list[int]]:
    """The text without IGNORABLE characters, and the map back to the text's offsets.

    Every IGNORABLE character is first turned into the first one, then the text is split
    there (C-speed string methods only: no per-character Python work). Piece k of the
    split lost k characters before it, so stripped offset p is text offset
    ``p + bisect_right(piece_at, p) - 1``, where ``piece_at[k]`` is the stripped offset
    of piece k. The list is empty when nothing is removed (the map is the identity).
    """
    mark = IGNORABLE[0]
    for ch in IGNORABLE[1:]:
        if ch in text:
            text = text.replace(ch, mark)
    if mark not in text:
        return text, []
    pieces = text.split(mark)
    return "".join(pieces), list(accumulate(map(len, pieces), initial=0))


# Not frozen, as extraction.quantities.Quantity: one is made per phrase found (~170 a plan)
# and never changed; unsafe_hash keeps it hashable by its fields.
@dataclass(slots=True, unsafe_hash=True)
class AliasMatch:
    start: int
    end: int
    alias: str
    indicator_ids: tuple[str, ...]


class AliasMatcher:
    """Finds every codebook phrase in a text; the longest phrase wins where two overlap.

    One Aho-Corasick automaton (ahocorasick_rs, a DFA) holds every alias, so a search is
    linear in the length of the text whatever the size of the codebook. It runs on a copy
    of the text with the IGNORABLE characters removed, and the spans are mapped back: a
    match starts and ends on an alias character, with any quote marks and spaces of the
    text in between, exactly as the alternation regex of ``alias_pattern`` (longest phrase
    first) would find it.
    """

    def __init__(self, book: dict[str, Indicator]):
        by_alias: dict[str, list[str]] = {}
        for ind in book.values():
            for alias in ind.aliases:
                # the text is matched in NFKC: "（市、区）" is written "(市、区)" there
                key = unicodedata.normalize("NFKC", alias)
                by_alias.setdefault(key, []).append(ind.indicator_id)
        self.by_alias = {a: tuple(sorted(ids)) for a, ids in by_alias.items()}
        # the automaton's patterns, and each one's (alias, ids) at its index; an alias
        # stripped to another's key is found as that one (longest, then first sorted)
        keys: dict[str, tuple[str, tuple[str, ...]]] = {}
        for alias in sorted(self.by_alias, key=lambda a: (-len(a), a)):
            key = strip_ignorable(alias)  # load_codebook already stores aliases stripped
            if key and key not in keys:
                keys[key] = (alias, self.by_alias[alias])
        self._entries = tuple(keys.values())
        self._searchable = bool(keys)  # no phrase: nothing to search, and no automaton
        # leftmost-longest: from where the last match ended, the occurrence that starts
        # first, the longest there (the alternation regex's rule, longest phrase first)
        self._automaton = (
            AhoCorasick(
                list(keys), matchkind=MatchKind.LeftmostLongest, implementation=Implementation.DFA
            )
            if self._searchable
            else None
        )

    def find(self, text: str) -> list[AliasMatch]:
        """Non-overlapping matches left to right; the longest phrase at a start wins."""
        if not self._searchable or not text:
            return []
        stripped, piece_at = _strip_with_map(text)
        # (pattern index, start, end) of each match, in characters of the stripped text
        found = self._automaton.find_matches_as_indexes(stripped)
        entries = self._entries
        if not piece_at:
            return [AliasMatch(a, b, *entries[i]) for i, a, b in found]
        # back to the text: the first and last characters' offsets
        return [
            AliasMatch(
                a + bisect_right(piece_at, a) - 1,
                b + bisect_right(piece_at, b - 1) - 1,
                *entries[i],
            )
            for i, a, b in found
        ]

    def exact(self, name: str) -> tuple[str, ...]:
        """Indicator ids whose alias equals a table row name exactly (quotes and spaces ignored)."""
        return self.by_alias.get(strip_ignorable(name), ())
