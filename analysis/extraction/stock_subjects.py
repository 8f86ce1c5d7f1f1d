"""The subject of a statistics bulletin's clause stated once, in the clause before: "全县共有
小学82所（含教学点19个），在校生4.86万人" is 小学在校生, "中等职业学校2所，在校生3,860人" the
中等职业学校在校生. A role word opening a clause right after a count of schools ("N所") is read
as the phrase of the schools' name and the role word, when the codebook has that phrase."""

from __future__ import annotations

import re

from analysis.codebook import AliasMatch

# "…小学82所（含教学点19个），在校生": the count of schools, a comma, the role word. The match
# starts at the count, not at the name: a pattern opening on a run of Chinese characters is
# tried at every character of the text, which cost more than the rest of the reader.
_COUNT_THEN_ROLE = re.compile(
    r"[\d,.]+\s*所\s*(?:[（(][^）)\n]{0,20}[）)])?\s*[，,]\s*"
    r"(在校生|在校学生|在园幼儿|专任教师|教职工)"
)
_NAME_LONGEST = 12


def _name_before(text: str, end: int, floor: int) -> str:
    """The run of up to 12 Chinese characters before `end` (over any whitespace), not
    reaching back past `floor`."""
    while end > floor and text[end - 1].isspace():
        end -= 1
    start = end
    while start > max(floor, end - _NAME_LONGEST) and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    return text[start:end]


def stock_subject_aliases(text: str, aliases: list[AliasMatch], by_alias: dict) -> list[AliasMatch]:
    """The aliases with each such role word read as its subject's phrase (the longest end
    of the name before the count that, with the role word, is a codebook phrase)."""
    if "所" not in text:
        return aliases
    added = []
    floor = 0
    for m in _COUNT_THEN_ROLE.finditer(text):
        name, role = _name_before(text, m.start(), floor), m.group(1)
        if len(name) < 2:
            continue
        floor = m.end()
        for size in range(len(name), 1, -1):
            ids = by_alias.get(name[-size:] + role)
            if ids:
                added.append(AliasMatch(m.start(1), m.end(1), name[-size:] + role, ids))
                break
    if not added:
        return aliases
    replaced = {a.start for a in added}
    kept = [a for a in aliases if a.start not in replaced]
    return sorted(kept + added, key=lambda a: a.start)
