"""An aside in brackets inside an indicator's phrase: "区职业中专（全区唯一的中等职业学校）在校生
2,640人", "学前三年（3—5岁）毛入园率". The words before the bracket and after it, joined, are
searched for a codebook phrase across the join; found, the phrase spans the aside too and
replaces the phrases inside it. An aside naming the school's kind ("县职业技术学校（全县唯一
的中等职业学校）在校生") lends its kind: the kind and the words after, joined, are searched.
"""

from __future__ import annotations

import re

from analysis.codebook import AliasMatch
from analysis.extraction.prose_phrases import replacing_inner

_ASIDE = re.compile(r"[（(][^（）()\n]{1,24}[)）](?=[\u4e00-\u9fff])")
_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff“”\"]{1,10}$")
_RUN_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}")
_DIGIT = re.compile(r"\d")
# "县职业技术学校（全县唯一的中等职业学校）在校生": the aside names the school's kind
_ONLY_ONE = re.compile(r"唯一(?:的|一所)?([\u4e00-\u9fff]{2,10})$")
_VALUE_REACH = 24  # the phrase's rest (8), a verb and a comparator, then the number


def aside_aliases(text: str, aliases: list[AliasMatch], matcher) -> list[AliasMatch]:
    """The aliases with the phrases an aside in brackets cuts in two (see the module's text):
    the words around the aside, joined, are searched with the codebook's automaton
    (`matcher`, an AliasMatcher), and a phrase across the join is kept."""
    added = []
    for m in _ASIDE.finditer(text):
        if _DIGIT.search(text, m.end(), m.end() + _VALUE_REACH) is None:
            continue  # no number soon after: no value to name
        before = _RUN_BEFORE.search(text, max(0, m.start() - 10), m.start())
        after = _RUN_AFTER.match(text, m.end())
        if before is None or after is None:
            continue
        cut = len(before.group())
        across = [a for a in matcher.find(before.group() + after.group()) if a.start < cut < a.end]
        if across:
            a = across[0]
            start, end = before.start() + a.start, m.end() + a.end - cut
            added.append(AliasMatch(start, end, a.alias, a.indicator_ids))
            continue
        kind = _ONLY_ONE.search(text, m.start() + 1, m.end() - 1)
        if kind is not None:
            cut = len(kind.group(1))
            found = matcher.find(kind.group(1) + after.group())
            across = [a for a in found if a.start < cut < a.end]
            if across:
                a = across[0]
                added.append(
                    AliasMatch(before.start(), m.end() + a.end - cut, a.alias, a.indicator_ids)
                )
    if not added:
        return aliases
    return replacing_inner(aliases, added)
