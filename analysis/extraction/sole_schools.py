"""A school the plan declares the only one of its kind ("县职业教育中心是全县唯一的中等职业
学校", "县职业技术学校（全县唯一的中等职业学校）") stands for that kind wherever the plan names
it again: "县职业技术学校在校生达到1,500人左右" is the kind's enrolment, and so is a bare role
word opening a later clause of the sentence that names the school ("县职业教育中心新增专业
4个，与60家以上企业开展校企合作，在校生规模达到2,500人左右", "支持区职教中心新建实训楼，
在校学生规模达到…").
The kind and the words after the name (or the bare clause), joined, are searched with the
codebook's automaton; a phrase across the join is kept."""

from __future__ import annotations

import re

from analysis.codebook import AliasMatch
from analysis.extraction.prose_phrases import replacing_inner

# "…是全县唯一的中等职业学校", "…（全区唯一一所中等职业学校）": the kind after 唯一
_SOLE = re.compile(
    r"(?:是|为|[（(])(?:全|本)?[县市区旗州]?(?:域)?唯一(?:的|一所|一所的)?([\u4e00-\u9fff]{2,10})"
)
_NAME_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,12}$")
# a school's name ends on a word for a school
_SCHOOL_END = ("学校", "中心", "中专", "职中", "职专", "职校", "学院", "中学", "小学", "幼儿园")
_RUN_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}")
_SENTENCE_END = re.compile(r"[。；;\n]")


def _declared(text: str) -> list[tuple[str, str, int]]:
    """(name, kind, where declared) of each school declared the only one of its kind and
    named again: the name is the longest end (of three or more characters, ending on a
    word for a school) of the words before the declaration that the text holds again."""
    found = []
    for m in _SOLE.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if before is None or not before.group().endswith(_SCHOOL_END):
            continue
        words = before.group()
        name = next((words[k:] for k in range(len(words) - 2) if text.count(words[k:]) > 1), None)
        if name is not None:
            found.append((name, m.group(1), m.start()))
    return found


def _across(kind: str, run: str, matcher) -> AliasMatch | None:
    """The codebook phrase across the join of `kind` and `run`, or None."""
    cut = len(kind)
    across = [a for a in matcher.find(kind + run) if a.start < cut < a.end]
    return across[0] if across else None


def sole_school_aliases(text: str, aliases: list[AliasMatch], matcher) -> list[AliasMatch]:
    """The aliases with the phrases a sole school's name stands for (see the module's text)."""
    if "唯一" not in text:
        return aliases
    declared = _declared(text)
    if not declared:
        return aliases
    starts = sorted(a.start for a in aliases)
    covered = set(starts)
    added = []
    for name, kind, where in declared:
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if not (pos <= where <= end + 1):
                run = _RUN_AFTER.match(text, end)
                a = _across(kind, run.group(), matcher) if run else None
                if a is not None:
                    added.append(AliasMatch(pos, end + a.end - len(kind), a.alias, a.indicator_ids))
                else:
                    added.extend(_later_clauses(text, end, kind, matcher, covered))
            pos = text.find(name, end)
    if not added:
        return aliases
    return replacing_inner(aliases, added)


def _later_clauses(text: str, end: int, kind: str, matcher, covered: set) -> list[AliasMatch]:
    """The phrases of the bare clauses after the one opening on the school's name, to the
    sentence's end: a clause whose words already hold a phrase keeps it."""
    stop = _SENTENCE_END.search(text, end)
    stop_at = stop.start() if stop else len(text)
    found = []
    comma = min(
        (i for i in (text.find("，", end, stop_at), text.find(",", end, stop_at)) if i >= 0),
        default=-1,
    )
    while comma >= 0:
        run = _RUN_AFTER.match(text, comma + 1)
        if run and not any(i in covered for i in range(run.start(), run.end())):
            a = _across(kind, run.group(), matcher)
            if a is not None:
                found.append(
                    AliasMatch(
                        run.start(), run.start() + a.end - len(kind), a.alias, a.indicator_ids
                    )
                )
        nxt = [
            i
            for i in (text.find("，", comma + 1, stop_at), text.find(",", comma + 1, stop_at))
            if i >= 0
        ]
        comma = min(nxt) if nxt else -1
    return found
