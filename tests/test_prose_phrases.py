"""Shortcuts in the prose binder's phrase helpers (analysis/extraction/prose_phrases.py)
held to the plain code they replace."""

from __future__ import annotations

import re

import pytest

from analysis.codebook import AliasMatch
from analysis.extraction.prose_phrases import (
    _PARTS_BRACKET,
    _VERB_LIST,
    CLAUSE_BREAK,
    _parts_brackets,
    _verb_lists,
    any_word,
    clause_start,
    next_break,
    shared_verb_aliases,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("培训校长、教师1.2万人次", [("培训校长", "教师", (5, 7))]),
        # a run longer than 8 characters: its last 8
        ("今年全市共计组织培训校长、教师300人", [("共计组织培训校长", "教师", (13, 15))]),
        # too short a run; a term too long; no number after the term
        ("校长、教师12人，培训校长、骨干教师骨干3人，培训校长、教师等", []),
        # two lists in a row, the second right after the first's number
        ("培训校长、教师12人培训园长、保育员3人", [("培训校长", "教师", (5, 7)), ("人培训园长", "保育员", (15, 18))]),
        ("新建学校、幼儿园 5所、中小学10所", [("新建学校", "幼儿园", (5, 8))]),
        ("", []),
    ],
)  # fmt: skip
def test_verb_lists_are_the_full_patterns_matches(text, expected):
    plain = [(m.group(1), m.group(2), m.span(2)) for m in _VERB_LIST.finditer(text)]
    assert list(_verb_lists(text)) == plain
    assert plain == expected


def _plain_shared_verb_aliases(text, aliases, by_alias, verbs):
    """shared_verb_aliases without its startswith shortcut."""
    from analysis.extraction.prose_phrases import _NEXT_TERM

    added = []
    taken = [(a.start, a.end) for a in aliases]
    for a in aliases:
        prefix, rest = "", a.alias
        while verb := next((v for v in verbs if rest.startswith(v) and rest != v), None):
            prefix, rest = prefix + verb, rest[len(verb) :]
        m = _NEXT_TERM.match(text, a.end)
        if not prefix or m is None:
            continue
        term = m.group(1)
        tried = [prefix + term] + [v + term for v in verbs if v in prefix]
        ids = next((by_alias[c] for c in tried if c in by_alias), None)
        span = (m.start(1), m.end(1))
        if ids and not any(s < span[1] and span[0] < e for s, e in taken):
            added.append(AliasMatch(*span, prefix + term, ids))
    return sorted(aliases + added, key=lambda m: m.start) if added else aliases


_BY_ALIAS = {
    "新建改扩建幼儿园": ("k",),
    "新建中小学": ("s",),
    "改扩建中小学": ("s",),
    "新建": ("v",),
    "幼儿园": ("g",),
}
_VERBS = ["改扩建", "新建", "改建"]


@pytest.mark.parametrize(
    ("text", "aliases", "expected"),
    [
        ("新建改扩建幼儿园22所、中小学15所", [AliasMatch(0, 8, "新建改扩建幼儿园", ("k",))], [(0, 8, "新建改扩建幼儿园"), (12, 15, "新建改扩建中小学")]),
        # a phrase no verb opens adds nothing; nor a phrase that is only a verb
        ("幼儿园22所、中小学15所", [AliasMatch(0, 3, "幼儿园", ("g",))], [(0, 3, "幼儿园")]),
        ("新建22所、中小学15所", [AliasMatch(0, 2, "新建", ("v",))], [(0, 2, "新建")]),
    ],
)  # fmt: skip
def test_shared_verb_aliases_match_the_plain_loop(text, aliases, expected):
    got = shared_verb_aliases(text, aliases, _BY_ALIAS, _VERBS)
    assert got == _plain_shared_verb_aliases(text, aliases, _BY_ALIAS, _VERBS)
    assert [(a.start, a.end, a.alias) for a in got] == expected


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (("提高", "增加"), "比上年增加2所", True),
        (("提高", "增加"), "达到95%", False),
        (("每年", "每千人"), "每千名教师", False),
        (("每年", "每千人"), "每千人拥有", True),
        (("a.b", "(x"), "axb", False),  # the words are literal, not patterns
        (("a.b", "(x"), "a(x", True),
        ((), "任何文字", False),  # no words: nothing is found
    ],
)
def test_any_word_is_any_word_in(words, text, expected):
    assert (any_word(words).search(text) is not None) == expected
    assert any(w in text for w in words) == expected


def _clause_start_stepping_back(text, pos, floor, breaks=CLAUSE_BREAK):
    i = pos
    while i > floor and not _is_break(text, i - 1, breaks):
        i -= 1
    return i


def _is_break(text, i, breaks):
    # a comma between a digit and three more ("5,860") is inside a number
    if text[i] not in breaks:
        return False
    return not (text[i] == "," and re.match(r"\d,\d{3}(?!\d)", text[i - 1 : i + 5]) and i > 0)


LONG = "全面提升" * 30  # a clause longer than both of clause_start's search windows
MID = "全面提升" * 6  # longer than the near window (16), shorter than the far one (80)


@pytest.mark.parametrize(
    ("text", "pos", "floor", "breaks", "expected"),
    [
        ("到2025年，毛入园率达到92%", 15, 0, CLAUSE_BREAK, 7),
        ("到2025年，毛入园率达到92%", 15, 10, CLAUSE_BREAK, 10),  # no break after floor
        ("到2025年，毛入园率达到92%", 6, 10, CLAUSE_BREAK, 6),  # pos at or before floor
        ("毛入园率达到92%", 8, 0, CLAUSE_BREAK, 0),  # no break at all
        ("甲，乙：丙", 5, 0, CLAUSE_BREAK, 4),  # the last break, whichever kind
        ("甲，乙：丙", 5, 0, "，,", 2),  # only the breaks asked for
        ("一（二，三", 5, 0, "，,。；;\n（(", 4),
        ("一（二三", 4, 0, "，,。；;\n（(", 2),  # a bracket a break of its own set
        ("甲，" + LONG + "95%", 2 + len(LONG), 0, CLAUSE_BREAK, 2),  # past the window
        ("甲，" + LONG + "95%", 2 + len(LONG), 1, CLAUSE_BREAK, 2),
        ("甲，" + LONG + "95%", 2 + len(LONG), 5, CLAUSE_BREAK, 5),
        ("甲\n" + LONG, 2 + len(LONG), 0, "。；;\n", 2),
        ("甲，" + MID + "95%", 2 + len(MID), 0, CLAUSE_BREAK, 2),  # in the far window
        ("甲，" + MID + "95%", 2 + len(MID), 3, CLAUSE_BREAK, 3),
        ("甲，" + MID + "，95%", 3 + len(MID), 0, CLAUSE_BREAK, 3 + len(MID)),
        ("，" + "提升" * 8 + "，" + MID, 18 + len(MID), 0, CLAUSE_BREAK, 18),  # both windows
        (LONG + "，" + LONG, 1 + 2 * len(LONG), 0, CLAUSE_BREAK, 1 + len(LONG)),
        # a thousands comma is inside its number, a comma before a year is a break
        ("甲,培训5,860人次", 10, 0, CLAUSE_BREAK, 2),
        ("甲,达到1,200,2025年", 15, 0, CLAUSE_BREAK, 10),
        ("甲," + MID + "5,860", 2 + len(MID) + 5, 0, CLAUSE_BREAK, 2),
    ],
)
def test_clause_start_is_the_last_break_before(text, pos, floor, breaks, expected):
    assert clause_start(text, pos, floor, breaks) == expected
    assert _clause_start_stepping_back(text, pos, floor, breaks) == expected


FILL = "甲" * 58


@pytest.mark.parametrize(
    "text",
    [
        "在校生1.25万人（普通高中0.82万人、中职0.43万人）",
        "共12所(含民办3所)，另有5个（教学点）",
        "5（a（3（bc）",  # a bracket inside the parts
        "5）（ab）（cd）",
        "5甲乙丙丁（ab）",  # the bracket four characters after the digit
        "5甲乙丙丁戊（ab）",  # five: no match
        "5（" + FILL + "）",  # 58 characters in the bracket
        "5（" + FILL + "乙乙）",  # 60
        "5（" + FILL + "乙乙乙）",  # 61: no match
        "5（" + FILL + "乙乙乙）6（ab）",
        "1（ab）2（cd）3（ef）" * 3,
        "没有数字（甲乙）",
        "（）",
    ],
)
def test_parts_brackets_are_the_plain_finditers(text):
    assert [m.span() for m in _parts_brackets(text)] == [
        m.span() for m in _PARTS_BRACKET.finditer(text)
    ]


def test_parts_brackets_on_every_short_string():
    # every string of up to 6 characters over the kinds of character the pattern tells apart
    from itertools import product

    for n in range(1, 7):
        for chars in product("1甲（）(，", repeat=n):
            text = "".join(chars)
            assert [m.span() for m in _parts_brackets(text)] == [
                m.span() for m in _PARTS_BRACKET.finditer(text)
            ], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("目标(5,000个、700名),再", 15),  # a thousands comma is inside its number
        ("达到1,200,2025年", 7),  # a comma before a year (four digits) ends the clause
        ("达到95%,再", 5),
        ("人数12,34所", 4),  # two digits after it: no thousands group
        ("1,234,567人,再", 10),
    ],
)
def test_next_break_skips_a_thousands_comma(text, expected):
    assert next_break(text, 0, len(text), CLAUSE_BREAK) == expected
