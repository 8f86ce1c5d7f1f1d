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
from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import accumulate, groupby, repeat
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from analysis.codebook import IGNORABLE, alias_pattern, strip_ignorable
from analysis.normalise import CleanText
from analysis.sections import Paragraph, paragraphs
from analysis.theme_search import ThemeSearch
from analysis.validation import load_checked, refuse

_LINE_END = re.compile("\n")
_ITEM = array("q").itemsize
_PARAGRAPH_AND_THEME = itemgetter(0, 1)
_THEME_OF_HIT = itemgetter(1)  # ThemeHit.theme_id
_THEME_AND_PARAGRAPH_OF_HIT = itemgetter(1, 3)  # ThemeHit.theme_id, .paragraph_index
_THEME_OF_PAIR = itemgetter(0)


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
        # themes whose matches in a paragraph are not all hits (_enough)
        self._contextual = frozenset(
            tid for tid, t in themes.items() if t.weak_keywords or t.min_mentions > 1
        )
        phrases = [w for t in themes.values() for w in t.keywords + t.weak_keywords + t.exclude]
        # (a line break that is IGNORABLE would join paragraphs in the stripped text)
        self._one_pass = (
            self._search.usable and "\n" not in IGNORABLE and not any("\n" in w for w in phrases)
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
        paras = paragraphs(view, clean.raw)
        if self._one_pass:
            return paras, self._hits(source_id, clean, paras)
        keyword: dict[str, str] = {}  # matched text -> keyword: a plan repeats a few dozen
        hits: list[ThemeHit] = []
        hit = hits.append
        offsets, raw, wide = view.offsets, clean.raw, view.wide_ends
        coded = self._code_paragraphs(view.text, paras, keyword)
        for p, found_by_theme in zip(paras, coded, strict=True):
            if not found_by_theme:
                continue
            base, index, heading = p.start, p.index, p.heading
            for tid, found in sorted(found_by_theme.items()):
                for start, end, word in found:
                    # view.raw_span(base + start, base + end), without two calls a hit
                    a, b = offsets[base + start], offsets[base + end - 1]
                    b = wide.get(b, b + 1) if wide else b + 1
                    if word not in keyword:
                        keyword[word] = strip_ignorable(word)
                    hit(ThemeHit(source_id, tid, keyword[word], index, heading, a, b, raw[a:b]))
        return paras, hits

    def _hits(self, source_id: str, clean: CleanText, paras: list[Paragraph]) -> list[ThemeHit]:
        """code's hits from one scan of the whole paragraphs view (theme_search.py).

        No keyword or exclusion holds a "\n" (nor is one IGNORABLE), so every match lies in
        one paragraph and a theme's left-to-right scan starts afresh in each: the whole
        text's matches are each paragraph's. They stay in stripped coordinates until the
        hit is made."""
        view = clean.paragraphs
        scan = self._search.scan(view.text)
        # paragraph starts in the stripped text (the same lines), and its end as a sentinel
        starts = [0]
        starts.extend(m.end() for m in _LINE_END.finditer(scan.stripped))
        starts.append(len(scan.stripped) + 1)
        # a match's paragraph: the line breaks before it, counted from the match before it
        # (the matches come in order of start; str.count instead of a bisection a match)
        match_starts = [m[0] for m in scan.matches]
        paragraph_of = accumulate(
            map(scan.stripped.count, repeat("\n"), [0, *match_starts[:-1]], match_starts)
        )
        rows = [
            (i, tid, s, e, key)
            for i, (s, e, tid, key) in zip(paragraph_of, scan.matches, strict=True)
        ]
        rows.sort()  # a paragraph's hits theme by theme, each theme's in order (as code_text)
        rows = self._in_context(rows, scan.stripped, starts, paras)
        raw = clean.raw
        raw_at = _raw_offsets_of_stripped(view.offsets, scan.piece_at)
        headings = [p.heading for p in paras]
        new = tuple.__new__  # ThemeHit(...) without its Python-level __new__: 500 hits a plan
        wide = view.wide_ends  # (View.raw_end: a character read from an escape ends after it)
        return [
            new(ThemeHit, (source_id, tid, key, i, headings[i], a, b, raw[a:b]))
            for i, tid, s, e, key in rows
            for a, b in ((raw_at[s], wide.get(raw_at[e - 1], raw_at[e - 1] + 1)),)
        ]

    def _in_context(self, rows: list, stripped: str, starts: list[int], paras) -> list:
        """_enough on sorted rows (paragraph, theme, start, end, keyword), in stripped
        coordinates: a "。" is not IGNORABLE, so a match starts before the lead's end in the
        stripped text iff it does in the text."""
        kept: list = []
        keep = kept.extend
        contextual, weak_of, themes = self._contextual, self._weak, self.themes
        for (i, tid), group in groupby(rows, _PARAGRAPH_AND_THEME):
            if tid not in contextual:
                keep(group)
                continue
            group = list(group)
            weak = weak_of[tid]
            if weak and weak.issuperset([row[4] for row in group]):  # no strong keyword
                heading = paras[i].heading
                if not (heading and self._regex[tid].search(heading)):
                    dot = stripped.find("。", starts[i], starts[i + 1] - 1)
                    lead_end = dot + 1 if dot >= 0 else starts[i + 1]
                    group = [row for row in group if row[2] < lead_end]
            if len(group) >= themes[tid].min_mentions:
                keep(group)
        return kept

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


def _raw_offsets_of_stripped(offsets: array, piece_at: list[int]) -> array:
    """The raw offset of each character of the stripped text: the view's offsets without
    those of the IGNORABLE characters, copied piece by piece (a few hundred a plan)
    instead of two bisections a hit (see codebook._strip_with_map for piece_at)."""
    if not piece_at:
        return offsets
    out = array("q")
    with memoryview(offsets).cast("B") as raw_bytes:
        # piece k starts at text position piece_at[k] + k: k characters were dropped before;
        # joined first, then copied once (an array grown piece by piece reallocates)
        out.frombytes(
            b"".join(
                [
                    raw_bytes[(piece_at[k] + k) * _ITEM : (piece_at[k + 1] + k) * _ITEM]
                    for k in range(len(piece_at) - 1)
                ]
            )
        )
    return out


def non_space_characters(text: str) -> int:
    """How many characters of the text are not whitespace (what re's \\s matches).

    str.split() and re's \\s test the same Unicode property (Py_UNICODE_ISSPACE): one C
    pass over a whole plan instead of a regex substitution per paragraph."""
    return sum(map(len, text.split()))


def coverage(
    source_id: str, city_id: str, paras: list[Paragraph], hits: list[ThemeHit], themes
) -> list[dict]:
    """Per theme: mentions, paragraphs hit, share of paragraphs, density per 10,000 characters."""
    texts = [p.text for p in paras]
    # not blank: neither "" nor white space alone (what p.text.strip() tests)
    n_paragraphs = len(texts) - texts.count("") - sum(map(str.isspace, texts))
    n_chars = non_space_characters("".join(texts))
    # counted in C (Counter, set, map) instead of two dict updates a hit in Python
    mentions = Counter(map(_THEME_OF_HIT, hits))
    hit_paras = Counter(map(_THEME_OF_PAIR, set(map(_THEME_AND_PARAGRAPH_OF_HIT, hits))))
    rows = []
    for tid in themes:
        mentioned, paragraphs_hit = mentions[tid], hit_paras[tid]
        rows.append(
            {
                "city_id": city_id,
                "source_id": source_id,
                "theme_id": tid,
                "mentions": mentioned,
                "paragraphs_hit": paragraphs_hit,
                "n_paragraphs": n_paragraphs,
                "n_characters": n_chars,
                "share_of_paragraphs": paragraphs_hit / n_paragraphs if n_paragraphs else 0.0,
                "density_per_10k_chars": mentioned / n_chars * 10_000 if n_chars else 0.0,
            }
        )
    return rows
