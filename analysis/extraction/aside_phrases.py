"""An aside in brackets inside an indicator's phrase: "区职业中专（全区唯一的中等职业学校）在校生
2,640人", "学前三年（3—5岁）毛入园率". The words before the bracket and after it, joined, are
tried as a codebook phrase (the longest first); found, the phrase spans the aside too and
replaces the phrases inside it.
"""

from __future__ import annotations

import re

from analysis.codebook import AliasMatch

_ASIDE = re.compile(r"[（(][^（）()\n]{1,24}[)）](?=[\u4e00-\u9fff])")
_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff“”\"]{1,10}$")
_RUN_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}")


def aside_aliases(text: str, aliases: list[AliasMatch], by_alias: dict) -> list[AliasMatch]:
    """The aliases with the phrases an aside in brackets cuts in two (see the module's text)."""
    added = []
    for m in _ASIDE.finditer(text):
        before = _RUN_BEFORE.search(text, max(0, m.start() - 10), m.start())
        after = _RUN_AFTER.match(text, m.end())
        if before is None or after is None:
            continue
        found = _joined(before.group(), after.group(), by_alias)
        if found is not None:
            i, j, phrase = found
            added.append(AliasMatch(before.start() + i, m.end() + j, phrase, by_alias[phrase]))
    if not added:
        return aliases
    kept = [a for a in aliases if not any(b.start <= a.start and a.end <= b.end for b in added)]
    return sorted(kept + added, key=lambda a: a.start)


def _joined(before: str, after: str, by_alias: dict) -> tuple[int, int, str] | None:
    """(where in `before` the phrase starts, how much of `after` it takes, the phrase)."""
    for i in range(len(before)):
        for j in range(len(after), 0, -1):
            phrase = before[i:] + after[:j]
            if phrase in by_alias:
                return i, j, phrase
    return None
