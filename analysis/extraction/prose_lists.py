"""Lists in prose: several phrases, then their values, bound in order or to each.

"A、B分别达到x和y" gives A=x and B=y (each 分别 of a sentence pairs its own values; a
later clause of 均 gives its value to every name; values that cannot be paired are
reported, never given to the last name); "A、B各建设30个" gives the value to each;
"新建幼儿园12所，中小学校8所" shares the building verb with every item of the list.
A mixin of ProseBinder: it uses the binder's rules and its `_fits`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from analysis.codebook import AliasMatch
from analysis.extraction.prose_phrases import (
    CLAUSE_BREAK,
    EACH,
    clause_start,
    counted_names,
    next_break,
)
from analysis.extraction.quantities import Quantity

# phrases joined into a list; quote marks may stand on either side: "A、“B”"
CHAIN = re.compile(r"^[\s“”\"]*(?:、|和|及|与|以及|,|，)[\s“”\"]*$")
# "安保达标率、阳光厨房“明厨亮灶”建设率均达到100%": with 均/都 the next phrase may carry a
# short modifier of its own after the joiner, or a quoted one ("、“1+X”证书通过率")
CHAIN_MODIFIED = re.compile(
    r"^[\s“”\"]*(?:、|和|及|与|以及)[\s“”\"]*(?:[\u4e00-\u9fff]{1,4}|“[^“”，,、；;。]{1,6}”)[\s“”\"]*$"
)
# the words before a phrase in a list item after a comma: a short modifier ("县级")
_LIST_ITEM_HEAD = re.compile(r"^\s*[\u4e00-\u9fff]{0,4}\s*$")


class ListBinding:
    def _listed_after_a_verb(self, text, a: AliasMatch, q: Quantity, s_start) -> bool:
        """ "新建幼儿园12所，中小学校8所": a clause of only a short modifier, a phrase and its
        count, after a clause with a building verb and a number, is an item of that verb's
        list (the clause must end at the count: "…27所被评为" says something else)."""
        lo = clause_start(text, a.start, s_start, "，,")
        if (
            lo <= s_start
            or text[a.end : q.start].strip()
            or not _LIST_ITEM_HEAD.match(text[lo : a.start])
        ):
            return False
        if q.end < len(text) and text[q.end] not in "，,。；;\n":
            return False
        before = text[clause_start(text, lo - 1, s_start, "，,") : lo - 1]
        return any(ch.isdigit() for ch in before) and any(
            v in before for v in self.rules.cumulative_verbs
        )

    def _respectively(self, text, s_start, aliases, candidates, taken) -> dict[int, str]:
        """Binds the values after each 分别 to the names before it, in order; returns the
        values that cannot be paired (as many names as values, or twice as many values, is
        required), by start, with why: no name may take them all."""
        unpaired: dict[int, str] = {}
        end = candidates[-1].start if candidates else s_start
        at = text.find("分别", s_start, end)
        while at >= 0:
            unpaired.update(self._one_respectively(text, s_start, aliases, candidates, taken, at))
            at = text.find("分别", at + 2, end)
        return unpaired

    def _one_respectively(self, text, s_start, aliases, candidates, taken, at) -> dict[int, str]:
        # "三项指标分别…" counts its names: that count outranks a chain of phrases
        group = counted_names(text, aliases, at, s_start)
        if not group:
            group = self._chain_ending_before(text, aliases, at)
            # "100%的农村学校班班通，城镇…、农村…分别达到100%和95%": a phrase whose value
            # stands before it is not one of the chain's names
            bound = {id(a) for at_q, (a, _, _) in taken.items() if at_q < a.start}
            while group and id(group[0]) in bound:
                group = group[1:]
        if len(group) < 2:  # "巩固率96.8%，毛入学率91.5%，分别比…提高3.1和6.7个百分点"
            group = _names_with_values_before(text, aliases, candidates, at, s_start) or group
        stop = next((a.start for a in aliases if a.start > at), len(text))
        first = next((q for q in candidates if at < q.start < stop), None)
        if first is not None:  # "2020年分别为x、y，2025年均…": the list ends with its clause
            stop = next_break(text, first.end, stop, CLAUSE_BREAK)
        values = [q for q in candidates if at < q.start < stop and q.start not in taken]
        n = len(group)
        if n < 2 or not values:
            return {}
        if len(values) not in (n, 2 * n):
            why = f"分别 after {n} names but {len(values)} values: which is whose is not stated"
            return {q.start: why for q in values}
        if len(values) == n:
            _one_comparator_for_all(text, values, candidates)
        # "分别由X、Y提高到Z、W": the from-values, then the to-values, each in the names' order
        for a, q in zip(group * (len(values) // n), values, strict=True):
            ids = self._fits(a.indicator_ids, q, cumulative_ok=True)
            if ids:
                taken[q.start] = (a, ids, q.end)
        # "…2020年分别为x、y，2025年均达到z": a later clause of 均/都 and a value, with no
        # name of its own, gives the value to every name of the list
        next_name = next((a.start for a in aliases if a.start > at), len(text))
        for q in candidates:
            if not stop <= q.start < next_name or q.start in taken:
                continue
            clause = text[clause_start(text, q.start, stop) : q.start]
            ids = tuple(i for a in group for i in self._fits(a.indicator_ids, q, True))
            if re.search(r"均|都", clause) and ids:
                taken[q.start] = (group[-1], ids, q.end)
        return {}

    def _each(self, text, aliases, candidates, taken):
        """ "名师工作室、名班主任工作室各建设30个": the value is each listed name's."""
        for q in candidates:
            prior = [a for a in aliases if a.end <= q.start]
            if q.start in taken or not prior or not EACH.match(text[prior[-1].end : q.start]):
                continue
            group = self._chain_ending_before(text, aliases, prior[-1].end)
            ids = tuple(i for a in group for i in self._fits(a.indicator_ids, q, True))
            if len(group) >= 2 and ids:
                taken[q.start] = (group[-1], ids, q.end)

    def _chain_ending_before(self, text, aliases, at) -> list[AliasMatch]:
        before = [a for a in aliases if a.end <= at]
        if not before:
            return []
        chain = [before[-1]]
        for a in reversed(before[:-1]):
            between = text[a.end : chain[0].start]
            # a list item may carry a short modifier of its own ("、“1+X”证书通过率")
            if CHAIN.match(between) or CHAIN_MODIFIED.match(between):
                chain.insert(0, a)
            else:
                break
        return chain


_VALUE_JOINER = re.compile(r"^\s*(?:、|和|及|与|,|，)\s*$")
_SUFFIX_WORD = re.compile(r"以上|以下|以内|左右|余|多")


def _one_comparator_for_all(text: str, values: list[Quantity], candidates: list[Quantity]):
    """ "分别不低于95%、90%": a comparator word before the first value bounds every value of
    the list (joined by 、/和 alone). One after the last ("分别达到93%和90%以上") stays the
    last value's, as the gold files of the earlier sets read it (b3)."""
    if not all(_VALUE_JOINER.match(text[a.end : b.start]) for a, b in pairwise(values)):
        return
    first = values[0]
    if not first.comparator or any(q.comparator for q in values[1:]):
        return
    if _SUFFIX_WORD.search(text, first.num_end, first.end):
        return  # "95%以上和90%": the word is the first value's own
    for q in values:
        if q.comparator is None:
            candidates[candidates.index(q)] = replace(q, comparator=first.comparator)


_NAME_TO_VALUE = re.compile(r"^\s*(?:达到|达|为|是)?\s*$")
# the next item may open on its own short verb or modifier: "中小学校4所、新建公办幼儿园5所"
_AFTER_VALUE = re.compile(r"^\s*[，,、]\s*[\u4e00-\u9fff]{0,2}\s*$")


def _names_with_values_before(text, aliases, candidates, at, s_start) -> list[AliasMatch]:
    """The names before 分别 each followed by one value of its own and a comma or 、
    ("A 96.8%，B 91.5%，分别…"), in order; the list stops at a name that is not."""
    group, end = [], at
    for a in reversed([a for a in aliases if s_start <= a.start and a.end <= at]):
        own = [q for q in candidates if a.end <= q.start and q.end <= end]
        if (
            len(own) != 1
            or not _NAME_TO_VALUE.match(text[a.end : own[0].start])
            or not _AFTER_VALUE.match(text[own[0].end : end])
        ):
            break
        group.insert(0, a)
        end = a.start
    return group if len(group) >= 2 else []
