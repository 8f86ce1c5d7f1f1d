"""The subject of a statistics bulletin's clause stated once, in the clause before: "全县共有
小学82所（含教学点19个），在校生4.86万人" is 小学在校生, "中等职业学校2所，在校生3,860人" the
中等职业学校在校生, and so is "县职教中心是全县唯一的中等职业学校，2020年在校生3,560人". A role
word opening a clause right after a count of schools ("N所"), or right after a clause that
ends on the schools' name, is read as the phrase of that name and the role word, when the
codebook has that phrase."""

from __future__ import annotations

import re

from analysis.codebook import AliasMatch

# Both are found from the role word, whose first characters the search finds at C speed: a
# pattern opening on a run of Chinese characters, a count or a comma is tried at every one
# of them, which cost more than the rest of the reader. Then, in the few characters before:
# "…小学82所（含教学点19个），在校生": the count of schools, a comma (and the intake);
# "…唯一的中等职业学校，2020年在校生": a clause ending on the name, a comma, maybe a year.
_ROLE = re.compile(r"在校生|在校学生|在园幼儿|专任教师|教职工")
# a bulletin may state the intake first: "中等职业学校32所，招生1.42万人，在校生4.08万人"
_INTAKE = r"(?:招生|招收新生|毕业生)\s*[\d,.]+\s*万?\s*人\s*[，,]\s*"
_COUNT_BEFORE = re.compile(
    r"(?<![\d,.])[\d,.]+\s*所\s*(?:[（(][^）)\n]{0,20}[）)])?\s*[，,]\s*(?:" + _INTAKE + r"){0,2}$"
)
_COMMA_YEAR_BEFORE = re.compile(r"[，,]\s*(?:(?:19|20)\d\d\s*年\s*)?$")
_COUNT_REACH = 48
_YEAR_REACH = 10
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
    counts = "所" in text
    for role in _ROLE.finditer(text):
        at = role.start()
        count = _COUNT_BEFORE.search(text, max(0, at - _COUNT_REACH), at) if counts else None
        if count is not None:
            name = _name_before(text, count.start(), floor)
            if len(name) < 2:
                continue
            floor = role.end()
        else:
            lead = _COMMA_YEAR_BEFORE.search(text, max(0, at - _YEAR_REACH), at)
            if lead is None:
                continue
            name = _name_before(text, lead.start(), 0)
        found = _subject(name, role, by_alias)
        if found is not None:
            added.append(found)
    if not added:
        return aliases
    replaced = {a.start for a in added}
    kept = [a for a in aliases if a.start not in replaced]
    return sorted(kept + added, key=lambda a: a.start)


def _subject(name: str, role: re.Match, by_alias: dict) -> AliasMatch | None:
    """The role word as the phrase of the longest end of `name` and the role, or None."""
    word = role.group()
    for size in range(len(name), 1, -1):
        ids = by_alias.get(name[-size:] + word)
        if ids:
            return AliasMatch(role.start(), role.end(), name[-size:] + word, ids)
    return None
