"""An amount, then what share it is of a whole, in the next clause: "财政性教育经费支出142.6亿元，
占地区生产总值的3.8%". The second clause names only the whole (占地区生产总值); the share is of
the amount the clause before named, so "财政性教育经费支出" + "占地区生产总值" + "比例" is
tried as a codebook phrase. Found, it is the phrase of the second clause's value.
"""

from __future__ import annotations

import re

from analysis.codebook import AliasMatch

# ", 占" and the whole: a run of CJK (or GDP) up to 的, 比重/比例 or the value
# (占 first: the search skips to each 占 at C speed; the comma before it is checked after)
_SHARE_CLAUSE = re.compile(r"(占)((?:[\u4e00-\u9fff]{2,12}?|GDP))(?=的|比重|比例|\d)")
_COMMA_BEFORE = re.compile(r"[，,]\s*$")
_ENDINGS = ("比例", "的比例", "比重")


def amount_share_aliases(text: str, aliases: list[AliasMatch], by_alias: dict) -> list[AliasMatch]:
    """The aliases with "占<whole>" added where the phrase of the clause before, with it,
    is a codebook phrase (see the module's text)."""
    added = []
    k = 0
    for m in _SHARE_CLAUSE.finditer(text):
        before_comma = _COMMA_BEFORE.search(text, max(0, m.start() - 4), m.start())
        if before_comma is None:
            continue
        comma = before_comma.start()
        while k < len(aliases) and aliases[k].end <= comma:
            k += 1
        if not k:
            continue
        before = aliases[k - 1]  # the last phrase ending before the comma
        if any(ch in "，,。；;" for ch in text[before.end : comma]) or (
            k < len(aliases) and aliases[k].start < m.end(2)
        ):
            continue  # not the clause right before, or the second clause has a phrase
        for ending in _ENDINGS:
            ids = by_alias.get(f"{before.alias}占{m.group(2)}{ending}")
            if ids:
                added.append(
                    AliasMatch(m.start(1), m.end(2), f"{before.alias}占{m.group(2)}{ending}", ids)
                )
                break
    return sorted(aliases + added, key=lambda a: a.start) if added else aliases
