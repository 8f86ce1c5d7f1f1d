"""Yearly target sequences in prose: one value a year over a span of years.

"学前三年毛入园率2021—2025年分别达到92%、93%、94%、95%、96%", "覆盖率（2021—2025年）：86%→87%→
88%→89%→90%", "招聘教师2021—2025年依次为180名、200名、220名、220名、180名，共1,000名": the span's
years go to its values in order when there are exactly as many values as years, joined by
nothing but 、 , → or 和. A total right after the sequence ("，五年合计12,000个", "，共1,000名")
is the period's, dated the span's last year. A comparator word before the first value
("分别不低于90%、92%…") governs every value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from analysis.extraction.quantities import Quantity

YEAR_SPAN = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:—{1,2}|–|-|~|～|至|到)\s*((?:19|20)\d\d)\s*年?")
_LEAD_LONGEST = 24  # between the span and its first value: "分别达到", "）：", "全区分别新增学位"
_JOINER = re.compile(r"\s*(?:[、，,]|→|->|=>|＞|>|和|及)\s*(?:和|及)?\s*")
_TOTAL = re.compile(
    r"\s*[，,；;]?\s*(?:[五四三六5436]年|全期|期间)?\s*(?:合计|共计|总计|累计|共)\s*(?:为|达到|达)?\s*"
)
_LONGEST_SPAN = 10  # years


@dataclass(frozen=True)
class Sequence:
    values: tuple[Quantity, ...]
    years: tuple[int, ...]
    total: Quantity | None  # the period's total stated after the values


def yearly_sequences(text: str, s_start: int, s_end: int, candidates: list[Quantity]) -> list:
    """The sequences of one sentence, text[s_start:s_end]; `candidates` in order."""
    if len(candidates) < 2 or not YEAR_SPAN.search(text, s_start, s_end):
        return []
    out = []
    for m in YEAR_SPAN.finditer(text, s_start, s_end):
        first_year, last_year = int(m.group(1)), int(m.group(2))
        count = last_year - first_year + 1
        if not 2 <= count <= _LONGEST_SPAN:
            continue
        after = [q for q in candidates if q.start >= m.end()]
        if not after:
            continue
        lead = text[m.end() : after[0].start]
        if len(lead) > _LEAD_LONGEST or any(ch in "。；;" or ch.isdigit() for ch in lead):
            continue
        run = [after[0]]
        for q in after[1:]:
            if not _JOINER.fullmatch(text, run[-1].end, q.start):
                break
            run.append(q)
        if len(run) != count:
            continue  # more or fewer values than years: not one a year
        following = after[count] if len(after) > count else None
        total = (
            following
            if following is not None and _TOTAL.fullmatch(text, run[-1].end, following.start)
            else None
        )
        out.append(Sequence(tuple(run), tuple(range(first_year, last_year + 1)), total))
    return out


def with_lead_comparator(seq: Sequence) -> Sequence:
    """Each value after the first takes the first's comparator when it states none."""
    lead = seq.values[0].comparator
    if lead is None:
        return seq
    values = [seq.values[0]] + [
        q if q.comparator is not None else replace(q, comparator=lead) for q in seq.values[1:]
    ]
    return replace(seq, values=tuple(values))


def bind_sequences(binder, text, start, end, aliases, candidates):
    """The sentence's yearly sequences bound to the phrase before their first value (a
    mixin helper of ProseBinder: it uses the binder's `_fits` and book): (candidates with
    the lead comparator spread, start -> binding, start -> year)."""
    taken, years = {}, {}
    if not aliases:
        return candidates, taken, years
    spread = {}
    for seq in yearly_sequences(text, start, end, candidates):
        seq = with_lead_comparator(seq)
        prior = [a for a in aliases if a.end <= seq.values[0].start]
        if not prior:
            continue
        alias = prior[-1]
        for q, year in zip(seq.values, seq.years, strict=True):
            ids = binder._fits(alias.indicator_ids, q, cumulative_ok=True)
            if ids:
                taken[q.start], years[q.start], spread[q.start] = (alias, ids, q.end), year, q
        total = seq.total
        if total is not None:
            ids = tuple(
                i
                for i in binder._fits(alias.indicator_ids, total, cumulative_ok=True)
                if binder.book[i].value_kind == "cumulative"
            )
            if ids:
                taken[total.start], years[total.start] = (alias, ids, total.end), seq.years[-1]
    if spread:
        candidates = [spread.get(q.start, q) for q in candidates]
    return candidates, taken, years
