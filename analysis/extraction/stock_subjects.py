"""The subject of a statistics bulletin's clause stated once, in the clause before: "全县共有
小学82所（含教学点19个），在校生4.86万人" is 小学在校生, "中等职业学校2所，在校生3,860人" the
中等职业学校在校生, and so is "县职教中心是全县唯一的中等职业学校，2020年在校生3,560人". A role
word opening a clause right after a count of schools ("N所"), or right after a clause that
ends on the schools' name, is read as the phrase of that name and the role word, when the
codebook has that phrase."""

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
# "…唯一的中等职业学校，2020年在校生": a clause ending on the name, then (a year and) the role
_NAME_THEN_ROLE = re.compile(
    r"[，,]\s*(?:(?:19|20)\d\d\s*年\s*)?(在校生|在校学生|在园幼儿|专任教师|教职工)"
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
    added = []
    floor = 0
    counted = _COUNT_THEN_ROLE.finditer(text) if "所" in text else ()
    for m in counted:
        name = _name_before(text, m.start(), floor)
        if len(name) < 2:
            continue
        floor = m.end()
        found = _subject(name, m, by_alias)
        if found is not None:
            added.append(found)
    starts = {a.start for a in added}
    for m in _NAME_THEN_ROLE.finditer(text):
        if m.start(1) not in starts:
            found = _subject(_name_before(text, m.start(), 0), m, by_alias)
            if found is not None:
                added.append(found)
    if not added:
        return aliases
    replaced = {a.start for a in added}
    kept = [a for a in aliases if a.start not in replaced]
    return sorted(kept + added, key=lambda a: a.start)


def _subject(name: str, m: re.Match, by_alias: dict) -> AliasMatch | None:
    """The role word of `m` as the phrase of the longest end of `name` and the role, or
    None."""
    role = m.group(1)
    for size in range(len(name), 1, -1):
        ids = by_alias.get(name[-size:] + role)
        if ids:
            return AliasMatch(m.start(1), m.end(1), name[-size:] + role, ids)
    return None
