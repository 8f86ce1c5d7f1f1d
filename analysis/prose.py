"""Prose patterns: an indicator phrase from the codebook, then its value, in one clause.

Handles levels ("已达 90%", "达到 92.2%"), maintained levels ("保持在 99% 以上"), caps
("控制在 1% 以下"), approximations ("95% 左右"), ranges ("6%~8%"), changes ("提高 3%
以上", "增加 1 倍") and cumulative counts ("补充乡村教师 1300 人", "建设10个…基地").
Works on the ``paragraphs`` view; every hit keeps its view span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.codebook import AliasMatcher, Indicator
from analysis.rules import Rules
from analysis.sections import paragraphs

NUMBER = r"\d+(?:\.\d+)?"
EXPLICIT_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?![)）]|\s*[—\-~～至到])")
SENTENCE_BREAK = "。；;!！?？\n"
VERB_SCOPE_BREAK = "，,。；;\n"


def _scan_back(text: str, pos: int, stops: str) -> int:
    """The start of the run of characters before `pos` that contains none of `stops`."""
    i = pos
    while i > 0 and text[i - 1] not in stops:
        i -= 1
    return i


@dataclass(frozen=True)
class ProseHit:
    indicator_ids: tuple[str, ...]
    alias: str
    label_span: tuple[int, int]  # paragraphs-view span of the phrase
    quote_span: tuple[int, int]  # phrase and value expression together
    value: float
    value_upper: float | None
    comparator: str
    unit: str
    value_kind: str  # level | range | increase | cumulative
    year: int | None  # None: not stated in the sentence
    year_basis: str  # sentence | period_phrase | section | default
    in_baseline_section: bool
    section: str


@dataclass(frozen=True)
class Skipped:
    """A phrase found with a number nearby that was deliberately not taken, and why."""

    span: tuple[int, int]
    reason: str


class ProseReader:
    def __init__(self, book: dict[str, Indicator], matcher: AliasMatcher, rules: Rules):
        self.book, self.matcher, self.rules = book, matcher, rules
        units = sorted(rules.units, key=len, reverse=True)
        unit_re = "|".join(re.escape(u) for u in units)
        suffix_re = "|".join(
            re.escape(s) for s in sorted(rules.comparator_suffixes, key=len, reverse=True)
        )
        sep = re.escape(rules.range_separators)
        stop = re.escape(rules.gap_stop_chars)
        self.after_alias = re.compile(
            rf"(?P<gap>[^\d{stop}]{{0,{rules.max_gap_chars}}}?)"
            rf"(?P<num>{NUMBER})\s*(?P<unit>{unit_re})?"
            rf"(?:\s*[{sep}]\s*(?P<num2>{NUMBER})\s*(?P<unit2>{unit_re})?)?"
            rf"\s*(?P<suffix>{suffix_re})?"
        )
        self.before_alias = re.compile(
            rf"(?P<num>{NUMBER})\s*(?P<unit>{unit_re})(?:\s*(?P<suffix>{suffix_re}))?的?\s*$"
        )

    # ------------------------------------------------------------ sections

    def _sections(self, text: str) -> list[tuple[int, int, str, bool]]:
        """(start, end, heading, is_baseline) for each paragraph of the view."""
        return [
            (p.start, p.end, p.heading, any(k in p.heading for k in self.rules.baseline_keywords))
            for p in paragraphs(text)
        ]

    # ------------------------------------------------------------ reading

    def read(
        self, text: str, excluded: list[tuple[int, int]]
    ) -> tuple[list[ProseHit], list[Skipped]]:
        """All hits in a paragraphs-view text; `excluded` spans (tables) are skipped."""
        hits: list[ProseHit] = []
        skipped: list[Skipped] = []
        sections = self._sections(text)
        # a sentence never reaches back into a table (its header years are not the prose's)
        table_ends = sorted(b for _, b in excluded)
        s_idx = 0
        for m in self.matcher.find(text):
            if any(a <= m.start < b for a, b in excluded):
                continue
            while sections[s_idx][1] < m.start:
                s_idx += 1
            _, _, heading, baseline = sections[s_idx]
            positions = {self.book[i].alias_position for i in m.indicator_ids}
            for position in sorted(positions):
                ids = tuple(i for i in m.indicator_ids if self.book[i].alias_position == position)
                reader = self._value_after if position == "before" else self._value_before
                found = reader(text, m, ids)
                if found is None:
                    continue
                if isinstance(found, Skipped):
                    skipped.append(found)
                    continue
                floor = max((b for b in table_ends if b <= m.start), default=0)
                year, basis = self._year(text, m.start, baseline, floor)
                hits.append(
                    ProseHit(
                        indicator_ids=ids,
                        alias=m.alias,
                        label_span=(m.start, m.end),
                        quote_span=found["quote_span"],
                        value=found["value"],
                        value_upper=found["value_upper"],
                        comparator=found["comparator"],
                        unit=found["unit"],
                        value_kind=found["kind"],
                        year=year,
                        year_basis=basis,
                        in_baseline_section=baseline,
                        section=heading,
                    )
                )
        return hits, skipped

    def _clause_start(self, text: str, pos: int) -> int:
        return _scan_back(text, pos, self.rules.gap_stop_chars)

    def _verb_scope_start(self, text: str, pos: int) -> int:
        """Start of the clause a building verb governs: "建设30个…、60个…" shares one verb."""
        return _scan_back(text, pos, VERB_SCOPE_BREAK)

    def _sentence_start(self, text: str, pos: int) -> int:
        return _scan_back(text, pos, SENTENCE_BREAK)

    def _per_unit(self, text: str, start: int, end: int) -> bool:
        prefix = text[self._clause_start(text, start) : end]
        return any(marker in prefix for marker in self.rules.per_unit_markers)

    def _value_after(self, text: str, m, ids):
        """Phrase first, value after it: 巩固率超过 95%."""
        v = self.after_alias.match(text, m.end)
        if v is None:
            return None
        if self._per_unit(text, m.start, m.start):
            return Skipped((m.start, v.end()), "per-unit norm (每…/各…) before the phrase")
        gap = v.group("gap")
        unit = self.rules.units.get(v.group("unit") or "")
        if unit is None:
            return Skipped((m.start, v.end()), "number without a unit")
        kind = self.book[ids[0]].value_kind
        for verb in self.rules.increase_verbs:
            at = gap.find(verb)
            if at >= 0 and not gap[at + len(verb) :].lstrip().startswith(("到", "至")):
                kind = "increase"
        expected = {self.book[i].unit for i in ids}
        if unit not in expected and not (kind == "increase" and unit in ("times", "percent")):
            return Skipped(
                (m.start, v.end()), f"unit {unit} differs from codebook {sorted(expected)}"
            )
        return self._result(v, gap, kind, unit, m.start, v.end())

    def _value_before(self, text: str, m, ids):
        """Value first, phrase after it: 85%的农村学校, 建设10个研学基地."""
        window_start = max(self._clause_start(text, m.start), m.start - 30)
        v = self.before_alias.search(text, window_start, m.start)
        if v is None:
            return None
        unit = self.rules.units.get(v.group("unit"))
        expected = {self.book[i].unit for i in ids}
        if unit not in expected:
            return None
        if self._per_unit(text, v.start(), v.start()):
            return Skipped((v.start(), m.end), "per-unit norm (每…/各…) before the value")
        clause = text[self._verb_scope_start(text, v.start()) : v.start()]
        kind = self.book[ids[0]].value_kind
        if unit != "percent" and not any(verb in clause for verb in self.rules.cumulative_verbs):
            return Skipped((v.start(), m.end), "count without a building verb (not a target)")
        return self._result(v, clause, kind, unit, v.start(), m.end)

    def _result(self, v, gap, kind, unit, start, end):
        value = float(v.group("num"))
        upper = v.groupdict().get("num2")
        comparator = "="
        for word, comp in sorted(
            self.rules.comparator_prefixes.items(), key=lambda kv: -len(kv[0])
        ):
            if word in gap:
                comparator = comp
                break
        if v.group("suffix"):
            comparator = self.rules.comparator_suffixes[v.group("suffix")]
        if upper is not None:
            kind = "range" if kind == "level" else kind
        return {
            "value": value,
            "value_upper": float(upper) if upper is not None else None,
            "comparator": comparator,
            "unit": unit,
            "kind": kind,
            "quote_span": (start, end),
        }

    # ------------------------------------------------------------ years

    def _year(self, text: str, pos: int, baseline: bool, floor: int = 0) -> tuple[int | None, str]:
        sentence = text[max(floor, self._sentence_start(text, pos)) : pos]
        years = EXPLICIT_YEAR.findall(sentence)
        if years:
            return int(years[-1]), "sentence"
        plain = sentence.replace("“", "").replace("”", "").replace('"', "")
        if any(p in plain for p in self.rules.period_end_phrases):
            return None, "period_phrase"
        return None, "section" if baseline else "default"
