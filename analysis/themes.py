"""Policy-theme coding: a keyword dictionary applied paragraph by paragraph.

Each theme (data/curated/theme_codebook.yaml) has Chinese keywords; a paragraph is coded
with a theme when any keyword occurs in its normalised text (so 督導 counts as 督导).
Weak keywords are broad words (农村, 高校, 信息化) that are often a passing mention: one
counts only in context, that is when the paragraph also has a keyword of the theme, when it
stands in the paragraph's lead (its title sentence, up to the first 。), or when the
section heading names the theme (heading inheritance).
Every keyword occurrence that counts is a hit with its paragraph, heading and raw span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from analysis.codebook import alias_pattern, strip_ignorable
from analysis.normalise import CleanText
from analysis.sections import Paragraph, paragraphs
from analysis.theme_search import ThemeSearch
from analysis.validation import load_checked, refuse


@dataclass(frozen=True)
class Theme:
    theme_id: str
    name_zh: str
    name_en: str
    definition: str
    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()  # phrases that contain a keyword but mean something else
    min_mentions: int = 1  # keyword occurrences a paragraph needs to be coded
    known_weakness: str | None = None  # stated where validation F1 is below 0.8
    weak_keywords: tuple[str, ...] = ()  # count only in context (module docstring)


def load_themes(path: Path) -> dict[str, Theme]:
    """Read the dictionary (data/schemas/theme_codebook.schema.json, then unique ids and
    keywords)."""
    path = Path(path)
    data, lines = load_checked(path, "theme_codebook")
    themes: dict[str, Theme] = {}
    for i, e in enumerate(data["themes"]):
        tid = e["theme_id"]
        if tid in themes:
            raise refuse(path, lines, ("themes", i, "theme_id"), f"duplicate theme_id {tid!r}")
        stripped = [strip_ignorable(w) for w in e["keywords"] + (e.get("weak_keywords") or [])]
        for k, word in enumerate(stripped):
            if word in stripped[:k]:
                raise refuse(
                    path,
                    lines,
                    ("themes", i, "keywords", k)
                    if k < len(e["keywords"])
                    else ("themes", i, "weak_keywords", k - len(e["keywords"])),
                    f"{tid}: a keyword is listed twice ({word!r})",
                )
        themes[tid] = Theme(
            tid,
            e["name_zh"],
            e["name_en"],
            e["definition"],
            tuple(stripped[: len(e["keywords"])]),
            tuple(strip_ignorable(x) for x in e.get("exclude") or []),
            e.get("min_mentions", 1),
            e.get("known_weakness"),
            tuple(stripped[len(e["keywords"]) :]),
        )
    return themes


class ThemeHit(NamedTuple):
    """One keyword occurrence that counts; its fields are the theme_hits columns, in order.
    (A named tuple: ~570 a plan are made, a third of the time a frozen dataclass took.)"""

    source_id: str
    theme_id: str
    keyword: str
    paragraph_index: int
    heading: str
    char_start: int  # raw span of the keyword occurrence
    char_end: int
    quote: str


class ThemeCoder:
    def __init__(self, themes: dict[str, Theme]):
        self.themes = themes
        # one regex per theme; longest keyword first so overlapping keywords count once
        self._regex = {
            tid: re.compile(
                "|".join(
                    alias_pattern(k)
                    for k in sorted(t.keywords + t.weak_keywords, key=lambda k: (-len(k), k))
                )
            )
            for tid, t in themes.items()
        }
        self._exclude = {
            tid: re.compile("|".join(alias_pattern(x) for x in t.exclude))
            for tid, t in themes.items()
            if t.exclude
        }
        self._weak = {tid: frozenset(t.weak_keywords) for tid, t in themes.items()}
        # every theme's matches in one pass over a whole plan (theme_search.py)
        self._search = ThemeSearch(
            {tid: t.keywords + t.weak_keywords for tid, t in themes.items()},
            {tid: t.exclude for tid, t in themes.items()},
        )

    def code_text(self, text: str, heading: str = "") -> dict[str, list[tuple[int, int, str]]]:
        """theme_id -> [(start, end, matched text)] in a cleaned paragraph under `heading`."""
        found = {tid: self._matches(tid, text) for tid in self._regex}
        return self._enough(found, text, heading)

    def matches(self, tid: str, text: str) -> list[tuple[int, int, str]]:
        """Every keyword occurrence of a theme (strong or weak, exclusions masked), before
        the context and min_mentions rules: what a validation error is explained by."""
        return self._matches(tid, text)

    def _matches(self, tid: str, text: str) -> list[tuple[int, int, str]]:
        masked = text
        if tid in self._exclude:
            # blank out excluded phrases, keeping offsets (大学区 is not a university)
            masked = self._exclude[tid].sub(lambda m: "\0" * len(m.group()), text)
        return [(m.start(), m.end(), m.group()) for m in self._regex[tid].finditer(masked)]

    def _whole_text_matches(self, text: str) -> tuple[dict, dict]:
        """theme_id -> matches, and theme_id -> exclusion spans, in a whole text: one
        automaton pass (theme_search.py), or a regex pass per theme if it cannot be used."""
        if self._search.usable:
            return self._search.find(text)
        exclusions = {tid: [] for tid in self._regex}
        for tid, pattern in self._exclude.items():
            exclusions[tid] = [m.span() for m in pattern.finditer(text)]
        return {tid: self._matches(tid, text) for tid in self._regex}, exclusions

    def _enough(
        self, found: dict[str, list], text: str, heading: str, keyword: dict | None = None
    ) -> dict[str, list]:
        """The themes mentioned at least their min_mentions times, weak keywords in context.
        `keyword`: matched text -> strip_ignorable of it, filled as it goes (one plan's)."""
        keyword = {} if keyword is None else keyword
        lead_end = text.find("。") + 1 or len(text)
        out = {}
        for tid, matches in found.items():
            weak = self._weak[tid]
            if weak and matches:
                for _, _, w in matches:
                    if w not in keyword:
                        keyword[w] = strip_ignorable(w)
                strong = any(keyword[w] not in weak for _, _, w in matches)
                named = strong or bool(heading and self._regex[tid].search(heading))
                matches = [
                    m for m in matches if named or m[0] < lead_end or keyword[m[2]] not in weak
                ]
            if matches and len(matches) >= self.themes[tid].min_mentions:
                out[tid] = matches
        return out

    def code(self, source_id: str, clean: CleanText) -> tuple[list[Paragraph], list[ThemeHit]]:
        view = clean.paragraphs
        paras = paragraphs(view.text)
        offsets, raw = view.offsets, clean.raw
        keyword: dict[str, str] = {}  # matched text -> keyword: a plan repeats a few dozen
        hits: list[ThemeHit] = []
        hit = hits.append
        coded = self._code_paragraphs(view.text, paras, keyword)
        for p, found_by_theme in zip(paras, coded, strict=True):
            if not found_by_theme:
                continue
            base, index, heading = p.start, p.index, p.heading
            for tid, found in sorted(found_by_theme.items()):
                for start, end, word in found:
                    # view.raw_span(base + start, base + end), without two calls a hit
                    a, b = offsets[base + start], offsets[base + end - 1] + 1
                    if word not in keyword:
                        keyword[word] = strip_ignorable(word)
                    hit(ThemeHit(source_id, tid, keyword[word], index, heading, a, b, raw[a:b]))
        return paras, hits

    def _code_paragraphs(self, text: str, paras: list[Paragraph], keyword: dict) -> list[dict]:
        """code_text of every paragraph, with one search over the whole text for all themes.

        Per paragraph it is 30 regex calls times thousands of lines; a match or an
        exclusion that runs across a line break could hide a match a per-paragraph pass
        finds, so the paragraphs it touches are coded again one by one (rare)."""
        starts = [p.start for p in paras]
        ends = [p.end for p in paras]
        found: list[dict[str, list]] = [defaultdict(list) for _ in paras]
        redo: set[int] = set()

        def where(start: int, end: int) -> int | None:
            first, last = (
                bisect_right(starts, start) - 1,
                bisect_right(starts, max(start, end - 1)) - 1,
            )
            if first != last or end > paras[first].end:
                redo.update(range(first, last + 1))
                return None
            return first

        matches, exclusions = self._whole_text_matches(text)
        for tid in self._regex:
            for start, end in exclusions[tid]:
                where(start, end)
            for start, end, word in matches[tid]:
                # where(start, end) without a call: a match that ends in the paragraph
                # its start is in (paragraphs are contiguous) is inside it
                i = bisect_right(starts, start) - 1
                if end <= ends[i]:
                    off = starts[i]
                    found[i][tid].append((start - off, end - off, word))
                else:
                    where(start, end)
        return [
            self.code_text(paras[i].text, paras[i].heading)
            if i in redo
            else self._enough(by_theme, paras[i].text, paras[i].heading, keyword)
            if by_theme
            else {}
            for i, by_theme in enumerate(found)
        ]


def non_space_characters(text: str) -> int:
    """How many characters of the text are not whitespace (what re's \\s matches).

    str.split() and re's \\s test the same Unicode property (Py_UNICODE_ISSPACE): one C
    pass over a whole plan instead of a regex substitution per paragraph."""
    return sum(map(len, text.split()))


def coverage(
    source_id: str, city_id: str, paras: list[Paragraph], hits: list[ThemeHit], themes
) -> list[dict]:
    """Per theme: mentions, paragraphs hit, share of paragraphs, density per 10,000 characters."""
    n_paragraphs = len([p for p in paras if p.text.strip()])
    n_chars = non_space_characters("".join(p.text for p in paras))
    mentions: dict[str, int] = defaultdict(int)
    hit_paras: dict[str, set] = defaultdict(set)
    for h in hits:
        mentions[h.theme_id] += 1
        hit_paras[h.theme_id].add(h.paragraph_index)
    rows = []
    for tid in themes:
        rows.append(
            {
                "city_id": city_id,
                "source_id": source_id,
                "theme_id": tid,
                "mentions": mentions[tid],
                "paragraphs_hit": len(hit_paras[tid]),
                "n_paragraphs": n_paragraphs,
                "n_characters": n_chars,
                "share_of_paragraphs": len(hit_paras[tid]) / n_paragraphs if n_paragraphs else 0.0,
                "density_per_10k_chars": mentions[tid] / n_chars * 10_000 if n_chars else 0.0,
            }
        )
    return rows
