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
from analysis.extraction.prose_phrases import COMPARISON_PHRASE, COUNTED_NAMES

# "2025年：≥92%": a colon or a comparison symbol between a year and its value
_SYMBOLS = re.compile(r"[\s:：≥≤<>=＜＞]")
_NUMERALS = {ch: k for k, ch in enumerate("零一二三四五六七八九十")} | {"两": 2}


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
        lead = text[start : q.start]
        left = _SYMBOLS.sub("", filler.sub("", COMPARISON_PHRASE.sub("", lead)))
        # "；100余名学生被评为…": a count followed by what it counts has a subject of its own
        names_its_own = not_a_noun.match(text, q.end) is None
        if left or names_its_own:
            continue
        change = any(v in lead for v in binder.rules.increase_verbs)
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
    digit = m.group(1)
    n = int(digit) if digit.isdigit() else _NUMERALS[digit]
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
