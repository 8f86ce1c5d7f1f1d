"""The indicator codebook (data/curated/indicator_codebook.yaml) and alias matching."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import ahocorasick

from analysis.errors import InputError
from analysis.yamlio import load_yaml, require_fields, require_list

UNITS = {"percent", "persons", "person_times", "years", "count", "hours", "times", "yuan"}
DIRECTIONS = {"higher_is_better", "lower_is_better"}
VALUE_KINDS = {"level", "cumulative"}
REQUIRED = [
    "indicator_id",
    "name_zh",
    "name_en",
    "aliases",
    "unit",
    "direction",
    "stage",
    "category",
    "definition",
]
# Characters the plans put inside an indicator phrase that do not change it.
IGNORABLE = "“”\"'‘’「」 \t"
_IGNORABLE_CLASS = "[" + re.escape(IGNORABLE) + "]*"
_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")


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


def strip_ignorable(text: str) -> str:
    return "".join(ch for ch in text if ch not in IGNORABLE)


def load_codebook(path: Path) -> dict[str, Indicator]:
    path = Path(path)
    entries = require_list(path, load_yaml(path), "indicators")
    book: dict[str, Indicator] = {}
    lines: dict[str, int | None] = {}
    for e in entries:
        require_fields(path, e, REQUIRED, "indicator")
        iid = str(e["indicator_id"])
        if not _ID.match(iid):
            raise InputError(path, f"indicator_id {iid!r} is not spelled-out snake_case", e.line)
        if iid in book:
            raise InputError(
                path, f"duplicate indicator_id {iid!r} (first at line {lines[iid]})", e.line
            )
        for key, allowed in (("unit", UNITS), ("direction", DIRECTIONS)):
            if e[key] not in allowed:
                raise InputError(
                    path, f"{iid}: {key} {e[key]!r} is not one of {sorted(allowed)}", e.line
                )
        kind = e.get("value_kind", "level")
        if kind not in VALUE_KINDS:
            raise InputError(path, f"{iid}: value_kind {kind!r} not in {VALUE_KINDS}", e.line)
        position = e.get("alias_position", "before")
        if position not in ("before", "after"):
            raise InputError(path, f"{iid}: alias_position must be before or after", e.line)
        aliases = e["aliases"]
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise InputError(path, f"{iid}: aliases must be a list of phrases", e.line)
        seen: set[str] = set()
        for alias in aliases:
            # compare as matched: quote marks and spaces do not make a new phrase
            if strip_ignorable(alias) in seen:
                raise InputError(path, f"{iid}: alias {alias!r} is listed twice", e.line)
            seen.add(strip_ignorable(alias))
        if not isinstance(e.get("comparable"), bool):
            raise InputError(path, f"{iid}: comparable must be true or false", e.line)
        book[iid] = Indicator(
            indicator_id=iid,
            name_zh=str(e["name_zh"]),
            name_en=str(e["name_en"]),
            aliases=tuple(strip_ignorable(a) for a in aliases),
            unit=str(e["unit"]),
            direction=str(e["direction"]),
            stage=str(e["stage"]),
            category=str(e["category"]),
            comparable=bool(e["comparable"]),
            definition=str(e["definition"]),
            alias_position=position,
            value_kind=kind,
        )
        lines[iid] = e.line
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


@dataclass(frozen=True)
class AliasMatch:
    start: int
    end: int
    alias: str
    indicator_ids: tuple[str, ...]


class AliasMatcher:
    """Finds every codebook phrase in a text; the longest phrase wins where two overlap.

    One Aho-Corasick automaton holds every alias, so a search is linear in the length of
    the text whatever the size of the codebook. It runs on a copy of the text with the
    IGNORABLE characters removed, and the spans are mapped back: a match starts and ends on
    an alias character, with any quote marks and spaces of the text in between, exactly as
    the alternation regex of ``alias_pattern`` (longest phrase first) would find it.
    """

    def __init__(self, book: dict[str, Indicator]):
        by_alias: dict[str, list[str]] = {}
        for ind in book.values():
            for alias in ind.aliases:
                by_alias.setdefault(alias, []).append(ind.indicator_id)
        self.by_alias = {a: tuple(sorted(ids)) for a, ids in by_alias.items()}
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for alias in sorted(self.by_alias, key=lambda a: (-len(a), a)):
            ids = self.by_alias[alias]
            key = strip_ignorable(alias)  # load_codebook already stores aliases stripped
            if key and key not in self._automaton:
                self._automaton.add_word(key, (len(key), alias, ids))
        self._searchable = len(self._automaton) > 0
        if self._searchable:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[AliasMatch]:
        """Non-overlapping matches left to right; the longest phrase at a start wins."""
        if not self._searchable or not text:
            return []
        stripped, piece_at = _strip_with_map(text)
        # The automaton reports every phrase occurrence (overlapping ones too), in order of
        # their end. Keep the longest at each start, then take them left to right.
        longest: dict[int, tuple[int, str, tuple[str, ...]]] = {}
        for last, (length, alias, ids) in self._automaton.iter(stripped):
            start = last - length + 1
            best = longest.get(start)
            if best is None or best[0] < length:
                longest[start] = (length, alias, ids)
        matches = []
        cursor = 0
        for start in sorted(longest):
            if start < cursor:
                continue
            length, alias, ids = longest[start]
            cursor = start + length
            if piece_at:  # back to the text: the first and last characters' offsets
                a = start + bisect_right(piece_at, start) - 1
                b = cursor + bisect_right(piece_at, cursor - 1) - 1
            else:
                a, b = start, cursor
            matches.append(AliasMatch(a, b, alias, ids))
        return matches

    def exact(self, name: str) -> tuple[str, ...]:
        """Indicator ids whose alias equals a table row name exactly (quotes and spaces ignored)."""
        return self.by_alias.get(strip_ignorable(name), ())
