"""A sentence after a semicolon that names nothing keeps the phrases of the sentence before.

"…覆盖率提高到88%；2023年达到86%" (a year, a verb and a value), "…年限达到11.0年；到2025年，
达到11.3年", "…比例不低于18%；到2025年，不低于18.5%，…" (the value comes before the
sentence's own first phrase), "（1）毛入园率：2020年88.1%；2025年比2020年提高3个百分点以上"
(a comparison with a year may stand before the change) and "A达到97%，B达到96%；到2025年，
两项指标分别达到97.5%和98%" (the counted names are the last N phrases of the sentence
before). A mixin helper of ProseBinder: it uses the binder's `_fits` and rules.
"""

from __future__ import annotations

import re

from analysis.codebook import AliasMatch
from analysis.extraction.prose_phrases import (
    CITED_PLAN,
    COMPARISON_PHRASE,
    COUNTED_NAMES,
    clause_start,
    small_count,
)

# what opens a thread's next post that goes on with the last one's sentence: its number, a
# hashtag, "（接上条）" (prose_binder's _RESUMES starts with it)
RESUMED_LEAD = (
    r"(?:【\d{1,3}/\d{1,3}】)?\s*(?:#[^#\n]{1,30}#)?\s*"
    r"(?:[（(](?:接上条|续上条|接上|续上)[）)])?\s*"
)
_RESUMED_LEAD = re.compile(RESUMED_LEAD)
# "2025年：≥92%": a colon or a comparison symbol between a year and its value
_SYMBOLS = re.compile(r"[\s:：≥≤<>=＜＞]")


def bind_carried(binder, text, start, aliases, candidates, taken, carry, filler, not_a_noun):
    """Binds, in `taken`, the values of a sentence that come before any phrase of its own to
    the phrases `carry` of the sentence before (which ended in a semicolon)."""
    if not carry:
        return
    first_name = aliases[0].start if aliases else len(text)
    free = [q for q in candidates if q.start < first_name and q.start not in taken]
    if not free:
        return
    if _counted(binder, text, start, free, taken, carry):
        return
    for q in free:
        lead = text[_RESUMED_LEAD.match(text, start, q.start).end() : q.start]
        left = _SYMBOLS.sub("", filler.sub("", COMPARISON_PHRASE.sub("", lead)))
        # "；100余名学生被评为…": a count followed by what it counts has a subject of its own
        names_its_own = not_a_noun.match(text, q.end) is None
        if left or names_its_own:
            continue
        change = binder.increase_re.search(lead) is not None
        ids = binder._fits(carry[-1].indicator_ids, q, cumulative_ok=False, change=change)
        if ids:
            taken[q.start] = (carry[-1], ids, q.end)


def _counted(binder, text, start, free, taken, carry: tuple[AliasMatch, ...]) -> bool:
    """ "两项指标分别达到97.5%和98%" with no phrase of its own: the last N distinct phrases
    of the sentence before, in order, take the values."""
    at = text.find("分别", start, free[-1].start)
    m = COUNTED_NAMES.search(text, max(start, at - 10), at) if at >= 0 else None
    if m is None:
        return False
    n = small_count(m.group(1))
    names: list[AliasMatch] = []
    for a in reversed(carry):
        if all(a.indicator_ids != b.indicator_ids for b in names):
            names.insert(0, a)
    values = [q for q in free if q.start > at]
    if len(names) < n or len(values) != n:
        return False
    for a, q in zip(names[-n:], values, strict=True):
        ids = binder._fits(a.indicator_ids, q, cumulative_ok=True)
        if ids:
            taken[q.start] = (a, ids, q.end)
    return True


# what may stand in a clause that goes on the clause before: when ("上半年", "年底前",
# "秋季开学前", "2024—2025年"), 其中/再, and "实现全覆盖（…）" restating a full share
_WHEN = re.compile(
    r"(?:19|20)\d\d\s*年?\s*[—\-~～至到]?|[上下]半年|年[底内初]|全年|[\u4e00-\u9fff\d]{0,5}前|"
    r"其中|再|全覆盖|[（(]"
)
_GOES_ON_VERB = re.compile(r"达到|实现")
# a count of years the plan gives a total for: "，《规划》五年培训2.5万人次"
_YEARS_COUNT = re.compile(r"[一二三四五六七八九十]年")


def bind_continued(binder, text, start, aliases, candidates, taken, filler, not_a_noun):
    """ "新建改扩建中小学校45所，2024—2025年再建成30所", "新增学位1.8万个，其中上半年交付
    0.6万个，秋季开学前再交付1.2万个", "建设率上半年达到95%，下半年达到100%": a clause naming
    nothing but when, a verb and a value in the unit of the clause right before goes on
    that clause's phrase (its year is its own); so does one citing the plan as who set it
    ("，《规划》要求2025年达到90%") or saying part of the phrase again."""
    verbs = (*binder.rules.cumulative_verbs, *binder.rules.completion_verbs)
    for q in candidates:
        if q.start in taken:
            continue
        lo = clause_start(text, q.start, start)
        if lo <= start or any(lo <= a.start < q.start for a in aliases):
            continue
        before = [p for p in candidates if p.start < lo]
        p = before[-1] if before else None
        if (
            p is None
            or p.start not in taken
            or p.unit != q.unit
            or p.start < clause_start(text, lo - 1, start)
        ):
            continue
        head = text[lo : q.start]
        rest = _WHEN.sub("", filler.sub("", _YEARS_COUNT.sub("", CITED_PLAN.sub("", head))))
        for v in verbs:
            rest = rest.replace(v, "")
        alias, ids, _ = taken[p.start]
        rest = rest.strip()
        # "培训教师5,860人次，《规划》五年培训2.5万人次": a part of the phrase said again
        said_again = len(rest) >= 2 and rest in text[alias.start : alias.end]
        if not (_GOES_ON_VERB.search(head) or binder.building_re.search(head) or said_again):
            continue
        if (rest and not said_again) or not_a_noun.match(text, q.end) is None:
            continue
        ids = binder._fits(ids, q, cumulative_ok=True)
        if ids:
            taken[q.start] = (alias, ids, q.end)


# a paragraph's label sentence: "（一）公办园在园幼儿占比。", "2. “双师型”教师占比："
_LABEL_NUMBER = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．])?\s*"
)
_LABEL_ENDS = "。：:"
_QUOTES = '“”"‘’「」 \u3000'


def label_phrases(text: str, p_start: int, label_end: int, aliases) -> tuple[AliasMatch, ...]:
    """ "（一）公办园在园幼儿占比。2025年为49.4%，较目标低…": a paragraph opening on a
    sentence that is only a (numbered) name labels the sentence after it, whose values
    come before any name of its own. The label's phrase, or () when it is no label."""
    if label_end >= len(text) or text[label_end] not in _LABEL_ENDS:
        return ()
    lo = _LABEL_NUMBER.match(text, p_start, label_end).end()
    inside = [a for a in aliases if lo <= a.start and a.end <= label_end]
    if len(inside) != 1:
        return ()
    a = inside[0]
    if text[lo : a.start].strip(_QUOTES) or text[a.end : label_end].strip(_QUOTES):
        return ()
    return (a,)
