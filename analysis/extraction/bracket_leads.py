"""Values in brackets after their names, under a lead-in that says how to read them:
"下列约束性指标不低于括号内数值：学前三年毛入园率（95%）、九年义务教育巩固率（97.5%）",
"民办义务教育在校生占比控制在括号内数值以内（5%）". The lead's comparator goes to every
bracketed value after it in the sentence that states none of its own ("（约92%）" keeps ~).
"""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.extraction.quantities import Quantity

_LEAD = re.compile(r"([\u4e00-\u9fff]{0,4}?)括号内的?(?:数值|数据|数字|值)(以内|以下|以上|之内)?")
_SUFFIXES = {"以内": "<=", "以下": "<=", "之内": "<=", "以上": ">="}
_OPEN = "（("


def bracket_lead_comparators(
    text: str, s_start: int, candidates: list[Quantity], prefixes: dict[str, str]
) -> list[Quantity]:
    """`candidates` with each bracketed value under a lead given the lead's comparator."""
    leads = list(_LEAD.finditer(text, s_start, candidates[-1].start if candidates else s_start))
    if not leads:
        return candidates
    out = []
    for q in candidates:
        before = [m for m in leads if m.end() <= q.start]
        bracketed = text[q.start - 1 : q.start] in _OPEN
        if not before or not bracketed or q.comparator is not None:
            out.append(q)
            continue
        lead = before[-1]
        comparator = _SUFFIXES.get(lead.group(2) or "") or next(
            (c for word, c in prefixes.items() if lead.group(1).endswith(word)), None
        )
        out.append(q if comparator is None else replace(q, comparator=comparator))
    return out
