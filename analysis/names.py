"""The names people use for cities, indicators and themes, resolved to ids.

`--cities`, `--indicators`, `--themes` and the notebooks' ``figures.check_*`` accept an id,
the Chinese or English name, an indicator alias of the codebook, or a near variant of
these (青岚 for 青岚市, "qinglan city", "preschool-gross-enrolment-rate"). How variants
are folded together is data: data/curated/name_matching.yaml. The names themselves come
from the built database (what a chart can draw) or, before the first build, from the
registries (sources.yaml and the two codebooks); no name is written in code.

A name that matches nothing is an error that suggests the closest names (at most three);
a name that matches several entries is an error that lists them.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from analysis import paths
from analysis.validation import load_checked

#: kind -> the plural the command line and `list` use
KINDS = {"city": "cities", "indicator": "indicators", "theme": "themes"}
# Between names: comma, full-width comma and the enumeration comma people type in Chinese.
_BETWEEN_NAMES = re.compile(r"([,，、])")  # kept by split(): a name may hold one itself
_QUOTES = re.compile(r"[\"'“”‘’「」『』]")
_SPACERS = re.compile(r"[\s_\-‐‑–—]+")  # spaces, underscores and hyphens are one separator
_CJK = r"\u2e80-\u9fff\uf900-\ufaff"
_SPACE_BY_CJK = re.compile(rf"(?<=[{_CJK}]) | (?=[{_CJK}])")  # "青岚 市" is 青岚市
_PARENTHESISED = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"[a-z]+")
_SUGGESTIONS = 3
# difflib's similarity ratio a suggestion needs. Chinese names are short: 0.5 lets a
# two-character name with one character wrong (青兰 for 青岚) find its city. English names
# share common words: below 0.65 "literacy rate" would suggest "school internet access rate".
_CLOSE_ENOUGH = {"zh": 0.5, "en": 0.65}
_HAS_CJK = re.compile(rf"[{_CJK}]")


class UnknownName(ValueError):
    """A name that matches no entry, or several; the message says which and what to do."""


@dataclass(frozen=True)
class MatchingRules:
    """data/curated/name_matching.yaml: the variants folded together before comparing."""

    city_suffixes_zh: tuple[str, ...]
    city_suffixes_en: tuple[str, ...]
    spellings: dict[str, str] = field(default_factory=dict)


def load_rules(path: Path = paths.NAME_MATCHING_YAML) -> MatchingRules:
    data, _ = load_checked(Path(path), "name_matching")
    by_length = lambda words: tuple(sorted(words, key=len, reverse=True))  # noqa: E731
    return MatchingRules(
        city_suffixes_zh=by_length(data["city_suffixes_zh"]),
        city_suffixes_en=by_length(data["city_suffixes_en"]),
        spellings=dict(data["spellings"]),
    )


@dataclass(frozen=True)
class Named:
    """One city, indicator or theme: its id, names, other accepted names and the columns
    `list` shows beside the names."""

    id: str
    name_zh: str
    name_en: str
    aliases: tuple[str, ...] = ()
    details: tuple[tuple[str, str], ...] = ()

    def label(self) -> str:
        return f"{self.id} ({self.name_zh}, {self.name_en})"


def _names_in(text: str, lookup) -> list[tuple[str, list[str]]]:
    """(name, ids it matches) for each name in ``text`` ("青岚市，Songhe、qinglan"; blanks
    dropped). Pieces between separators are joined back where together they make a known
    name (市级以上名师、名校长人数 is one indicator), the longest first; a piece that
    matches nothing alone stays unknown."""
    tokens = _BETWEEN_NAMES.split(text)
    pieces = tokens[0::2]
    found, i = [], 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            name = "".join(tokens[2 * i : 2 * j - 1]).strip()  # pieces i..j-1, separators kept
            matches = lookup(name) if name else []
            if matches or j == i + 1:
                if name:
                    found.append((name, matches))
                i = j
                break
    return found


def fold(text: str, rules: MatchingRules) -> str:
    """The form two names are compared in: case and width folded, quote marks dropped,
    spaces/hyphens/underscores alike, one spelling per word."""
    text = _QUOTES.sub("", unicodedata.normalize("NFKC", text).casefold())
    text = _SPACE_BY_CJK.sub("", _SPACERS.sub(" ", text).strip())
    return _WORD.sub(lambda m: rules.spellings.get(m.group(), m.group()), text)


def reduce(folded: str, rules: MatchingRules, kind: str) -> str:
    """A folded name without parenthesised parts, a leading "the" and, for a city, its
    administrative suffix (青岚市 -> 青岚, "qinglan city" -> "qinglan")."""
    text = " ".join(_PARENTHESISED.sub(" ", folded).split())
    text = text.removeprefix("the ") or text
    if kind != "city":
        return text
    for suffix in rules.city_suffixes_en:
        if text.endswith(" " + suffix):
            return text.removesuffix(" " + suffix)
    for suffix in rules.city_suffixes_zh:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text.removesuffix(suffix)
    return text


@dataclass(frozen=True)
class Catalogue:
    """Every valid entry of one kind, and where the names were read (for `list`)."""

    kind: str
    entries: tuple[Named, ...]
    origin: str
    rules: MatchingRules

    @property
    def ids(self) -> list[str]:
        return [e.id for e in self.entries]

    def _indexes(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """(exact, loose): folded name -> ids, and reduced name -> ids, in catalogue order."""
        exact: dict[str, list[str]] = defaultdict(list)
        loose: dict[str, list[str]] = defaultdict(list)
        for entry in self.entries:
            for name in (entry.id, entry.name_zh, entry.name_en, *entry.aliases):
                folded = fold(name, self.rules)
                for index, key in ((exact, folded), (loose, reduce(folded, self.rules, self.kind))):
                    if entry.id not in index[key]:
                        index[key].append(entry.id)
        return exact, loose

    def resolve(self, chosen: str | Iterable[str]) -> list[str]:
        """The ids the names stand for, in the caller's order, repeats dropped. Raises
        UnknownName naming every name that matches nothing or several entries."""
        exact, loose = self._indexes()

        def lookup(name: str) -> list[str]:
            folded = fold(name, self.rules)
            return exact.get(folded) or loose.get(reduce(folded, self.rules, self.kind), [])

        found = [hit for part in _parts(chosen) for hit in _names_in(part, lookup)]
        see = f"see: python -m analysis list {KINDS[self.kind]}"
        if not found:
            raise UnknownName(f"choose at least one {self.kind}; {see}")
        ids, problems = [], []
        for name, matches in found:
            if len(matches) == 1:
                ids.append(matches[0])
            elif matches:
                listed = _either(self._label(i) for i in matches)
                problems.append(
                    f'{self.kind} "{name}" is ambiguous: {listed}; give one of these ids'
                )
            else:
                problems.append(self._unknown(name, fold(name, self.rules), exact, loose))
        if problems:
            message = "; ".join(problems)
            raise UnknownName(message + (" " if message.endswith("?") else "; ") + see)
        return list(dict.fromkeys(ids))

    def _label(self, entry_id: str) -> str:
        return next(e.label() for e in self.entries if e.id == entry_id)

    def _unknown(self, name: str, folded: str, exact: dict, loose: dict) -> str:
        reduced = reduce(folded, self.rules, self.kind)
        cutoff = _CLOSE_ENOUGH["zh" if _HAS_CJK.search(folded) else "en"]
        close = difflib.get_close_matches(folded, list(exact), n=10, cutoff=cutoff)
        close += difflib.get_close_matches(reduced, list(loose), n=10, cutoff=cutoff)
        scored = sorted(close, key=lambda key: -difflib.SequenceMatcher(None, reduced, key).ratio())
        ids = dict.fromkeys(i for key in scored for i in exact.get(key) or loose[key])
        message = f'unknown {self.kind} "{name}"'
        if not ids:
            return message
        labels = [self._label(i) for i in list(ids)[:_SUGGESTIONS]]
        return f"{message}; did you mean {_either(labels)}?"


def _either(labels: Iterable[str]) -> str:
    """ "a", "a or b", "a, b or c"."""
    labels = list(labels)
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]


def _parts(chosen: str | Iterable[str]) -> Sequence[str]:
    return [chosen] if isinstance(chosen, str) else list(chosen)


# ---------------------------------------------------------------------- where names are read


def load_catalogue(
    kind: str,
    database: Path | None = None,
    *,
    registry: Path = paths.SOURCES_YAML,
    codebook: Path = paths.CODEBOOK_YAML,
    themes: Path = paths.THEME_CODEBOOK_YAML,
    rules: MatchingRules | None = None,
    source: str = "built",
) -> Catalogue:
    """The entries of ``kind``. ``source``: "built" reads the database and, before the first
    build, the registries; "database" only the database (a chart can only draw what was
    built); "registries" only the registries."""
    from analysis import name_sources

    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose {', '.join(KINDS)}")
    database = Path(paths.DATABASE if database is None else database)
    rules = rules or load_rules()
    if source != "registries" and database.is_file():
        entries = name_sources.from_database(kind, database, registry)
        origin = str(database)
    elif source == "database":
        raise FileNotFoundError(f"{database} is missing: run `make all` (python -m analysis build)")
    else:
        entries = name_sources.from_registries(kind, registry, codebook, themes)
        origin = str({"city": registry, "indicator": codebook, "theme": themes}[kind])
    return Catalogue(kind, tuple(entries), origin, rules)


def resolve(kind: str, chosen: str | Iterable[str], database: Path | None = None) -> list[str]:
    """Ids of the built database for the names in ``chosen`` (see Catalogue.resolve)."""
    return load_catalogue(kind, database, source="database").resolve(chosen)
