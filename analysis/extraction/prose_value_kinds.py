"""What kind a bound number in prose is (a level, an increase, a cumulative amount, a range),
its qualifier (每年, 力争, 确保), and whether it counts designated schools: mixed into the
prose binder, after a number is bound."""

from __future__ import annotations

import re

from analysis.codebook import AliasMatch
from analysis.extraction.prose_phrases import any_word, clause_start
from analysis.extraction.quantities import Quantity


class ValueKinds:
    """Mixed into ProseBinder: uses its book and rules."""

    def compile_word_lists(self, rules) -> None:
        """The rules' word lists as one pattern each: `.search(s)` asks whether any word of
        the list is in s in one C call (the binder asks it for every number and phrase)."""
        self.building_re = any_word((*rules.cumulative_verbs, *rules.completion_verbs))
        self.increase_re = any_word(rules.increase_verbs)
        self.recognition_re = any_word(rules.recognition_words)
        # the longest first: "场次" before "场"
        self.measure_words = tuple(sorted(rules.measure_words, key=len, reverse=True))
        self.designation_re = any_word(rules.designation_words)
        self.context_re = any_word(rules.context_words)
        self.per_unit_re = any_word(rules.per_unit_markers)
        self.cumulative_word_re = any_word(rules.cumulative_words)
        self.cumulative_verb_starts = tuple(rules.cumulative_verbs)

    def _designation(self, text, a: AliasMatch) -> bool:
        """A generic phrase (学校) right after a designation word (特色, 高水平)."""
        generic = all(self.book[i].alias_position == "after" for i in a.indicator_ids)
        # "建成国家级重点中职学校4所": the word may stand a few characters before the phrase
        before = text[max(clause_start(text, a.start, 0), a.start - 9) : a.start]
        # "新建公办示范幼儿园5所" is still a building built
        clause = text[clause_start(text, a.start, 0) : a.start]
        built = _BUILT.search(clause)
        words = self.rules.designation_words
        # "完成首批11所学校试点工作": the word may follow the phrase
        after = text[a.end : a.end + 4].startswith(tuple(words))
        # "认定市级产教融合型企业30家", "新认定普惠性民办幼儿园5所": recognised, not built
        recognised = self.recognition_re.search(clause) or self.designation_re.search(before)
        return generic and not built and (after or recognised is not None)

    def _kind(self, text, q: Quantity, alias: AliasMatch, ids, s_start):
        lo = (
            min(alias.end, q.start)
            if alias.end <= q.start
            else clause_start(text, q.start, s_start)
        )
        gap = text[lo : q.start]
        # "提高4个百分点，达到92%": a verb before an earlier number is that number's
        digits = [m.end() for m in _DIGIT.finditer(gap)]
        gap = gap[digits[-1] :] if digits else gap
        clause = text[clause_start(text, q.start, s_start) : q.start]
        unit = self.book[ids[0]].unit
        if q.points:
            return "increase", unit, self._falls(gap)
        if q.unit == "times" and unit != "times":
            return "increase", "times", False
        if _FROM_BEFORE.search(text[max(0, q.start - 10) : q.start]):
            return "level", unit, False
        for verb in self.rules.increase_verbs:
            at = gap.rfind(verb)
            if at >= 0 and not _TO_AFTER.match(gap, at + len(verb)):
                # "经费…同比增长8.3%": a growth rate is in percent, whatever the level's unit
                return "increase", "percent" if q.unit == "percent" else unit, self._falls(gap)
        if any(self.book[i].value_kind == "cumulative" for i in ids):
            return "cumulative", unit, False
        if unit != "percent" and self.cumulative_word_re.search(clause):
            return "cumulative", unit, False
        return ("range" if q.upper is not None else "level"), unit, False

    def _falls(self, gap: str) -> bool:
        """Whether the change verb nearest the number states a fall (下降, 减少): the last
        increase verb in the gap that is not "…到" (a level), if it is a decrease verb."""
        nearest, where = None, -1
        for verb in self.rules.increase_verbs:
            at = gap.rfind(verb)
            if at > where and not _TO_AFTER.match(gap, at + len(verb)):
                nearest, where = verb, at
        return nearest in self.rules.decrease_verbs

    def _qualifier(self, text, q, s_start) -> str | None:
        per_year = _PER_YEAR.search(text, clause_start(text, q.start, s_start), q.start)
        if per_year:  # an amount per year ("每年招聘教师800名"), not the period's total
            return per_year.group()
        clause = text[clause_start(text, q.start, s_start, "。；;\n") : q.start]
        for word in ("力争", "确保", "争取"):
            if word in clause:
                return word
        return None


# the patterns of _kind and _qualifier, compiled once (they run for every bound number)
_DIGIT = re.compile(r"\d")
_BUILT = re.compile(r"新建|改扩建")
_FROM_BEFORE = re.compile(r"(?:由|从)\s*(?:(?:19|20)\d\d\s*年\s*的?)?\s*$")
_TO_AFTER = re.compile(r"\s*(?:到|至|为)")
_PER_YEAR = re.compile(r"每年|年均|逐年")
