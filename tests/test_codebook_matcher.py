"""AliasMatcher (one Aho-Corasick automaton) finds exactly what the alternation regex found.

The reference below is the straightforward implementation the matcher replaced: one regex,
the aliases longest first, each tolerating IGNORABLE characters between its characters.
"""

from __future__ import annotations

import random
import re

import pytest

from analysis import paths
from analysis.codebook import (
    IGNORABLE,
    AliasMatch,
    AliasMatcher,
    Indicator,
    alias_pattern,
    load_codebook,
)
from analysis.normalise import clean


class RegexMatcher:
    """The reference: one alternation regex, longest alias first, leftmost match wins."""

    def __init__(self, by_alias: dict[str, tuple[str, ...]]):
        self.by_alias = by_alias
        self.ordered = sorted(by_alias, key=lambda a: (-len(a), a))
        self.regex = re.compile("|".join(f"({alias_pattern(a)})" for a in self.ordered))

    def find(self, text: str) -> list[AliasMatch]:
        out = []
        for m in self.regex.finditer(text):
            alias = self.ordered[m.lastindex - 1]
            out.append(AliasMatch(m.start(), m.end(), alias, self.by_alias[alias]))
        return out


def book_of(aliases: dict[str, list[str]]) -> dict[str, Indicator]:
    return {
        iid: Indicator(
            indicator_id=iid,
            name_zh=iid,
            name_en=iid,
            aliases=tuple(words),
            unit="percent",
            direction="higher_is_better",
            stage="all",
            category="test",
            comparable=True,
            definition="",
        )
        for iid, words in aliases.items()
    }


@pytest.fixture(scope="module")
def codebook():
    return load_codebook(paths.CODEBOOK_YAML)


@pytest.fixture(scope="module")
def matchers(codebook):
    matcher = AliasMatcher(codebook)
    return matcher, RegexMatcher(matcher.by_alias)


RAW_PLANS = sorted(paths.RAW_DIR.glob("*.txt"))


@pytest.mark.parametrize("path", RAW_PLANS, ids=lambda p: p.stem)
def test_same_matches_as_the_regex_on_the_real_plans(matchers, path):
    matcher, reference = matchers
    raw = path.read_text(encoding="utf-8")
    cleaned = clean(raw)
    for text in (raw, cleaned.lines.text, cleaned.paragraphs.text):
        expected = reference.find(text)
        assert matcher.find(text) == expected
    assert expected, "a real plan names some codebook indicator"


CRAFTED = [
    '"双师型"教师占比达到50%',
    "“双师型”教师占比",
    "「双师型」教师占比",
    "‘双师型’教师占比",
    "双 师 型 教 师 占 比",
    "学前 三年 毛入园率达到90%",
    "学前\t三年\t毛入园率",
    "学前“三年”毛入园率和学前三年毛入园率",
    "  学前三年毛入园率  ",  # ignorable before and after: not part of the span
    "“学前三年毛入园率”",
    '""""学前三年毛入园率""""',
    "学前教育三年毛入园率",
    "学前教育毛入园率学前毛入园率",  # adjacent matches
    "",
    "没有任何指标的句子。",
    "“”“”  \t\t",
]


@pytest.mark.parametrize("text", CRAFTED)
def test_same_matches_on_crafted_quotes_and_spaces(matchers, text):
    matcher, reference = matchers
    assert matcher.find(text) == reference.find(text)


def test_quotes_and_spaces_inside_an_alias_are_tolerated(matchers, codebook):
    matcher, _ = matchers
    text = '"双师型"教师占比'
    (m,) = [m for m in matcher.find(text) if m.alias == "双师型教师占比"]
    assert (m.start, m.end) == (1, len(text))  # starts on 双, ends on 比
    text = "在学前 三年 毛入园率上"
    (m,) = matcher.find(text)
    assert text[m.start : m.end] == "学前 三年 毛入园率"
    assert m.alias == "学前三年毛入园率"
    assert m.indicator_ids == matcher.by_alias["学前三年毛入园率"]


def test_longest_alias_wins_at_the_same_start_and_leftmost_otherwise():
    book = book_of({"x_short": ["ab"], "x_long": ["abcde"], "y_mid": ["bcd"], "z_one": ["c"]})
    matcher = AliasMatcher(book)
    reference = RegexMatcher(matcher.by_alias)
    for text in ("abcde", "abcd", "xbcdx", "ab cde", "a“b”c d e", "abcdeabcd"):
        assert matcher.find(text) == reference.find(text), text
    assert [(m.start, m.end, m.alias) for m in matcher.find("abcd")] == [(0, 2, "ab"), (2, 3, "c")]
    assert [(m.start, m.end, m.alias) for m in matcher.find("ab cde")] == [(0, 6, "abcde")]


def test_an_alias_of_two_indicators_reports_both():
    matcher = AliasMatcher(book_of({"b_two": ["共享"], "a_one": ["共享"]}))
    (m,) = matcher.find("资源共享")
    assert m.indicator_ids == ("a_one", "b_two")


def test_random_texts_agree_with_the_regex():
    """Small alphabets make overlaps, nested aliases and ignorable runs frequent."""
    rnd = random.Random(20240601)
    for _ in range(1500):
        alphabet = "甲乙丙"[: rnd.randint(2, 3)]
        words = {
            "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 5)))
            for _ in range(rnd.randint(1, 6))
        }
        book = book_of({f"ind_{i}": [w] for i, w in enumerate(sorted(words))})
        matcher = AliasMatcher(book)
        reference = RegexMatcher(matcher.by_alias)
        text = "".join(rnd.choice(alphabet + "丁" + IGNORABLE) for _ in range(rnd.randint(0, 40)))
        assert matcher.find(text) == reference.find(text), (sorted(words), text)


def test_exact_and_alias_pattern_are_unchanged(matchers):
    matcher, _ = matchers
    assert matcher.exact('"双师型"教师占比') == matcher.by_alias["双师型教师占比"]
    assert matcher.exact("学前 三年 毛入园率") == matcher.by_alias["学前三年毛入园率"]
    assert matcher.exact("没有这个指标") == ()
    assert re.fullmatch(alias_pattern("双师型"), "双” 师\t型")
    assert not re.fullmatch(alias_pattern("双师型"), "双师型”")


def test_an_empty_codebook_finds_nothing():
    assert AliasMatcher({}).find("学前三年毛入园率") == []
    # an alias of IGNORABLE characters only is no phrase: nothing to search for either
    assert AliasMatcher(book_of({"x": ["“ ”"]})).find("“ ”学前") == []


def test_spans_count_characters_beyond_the_basic_plane():
    """The automaton's offsets are characters of the text, astral ones (two UTF-16 units,
    four UTF-8 bytes) counting one, as the regex counts them."""
    book = book_of({"a_astral": ["𠀀𠀁"], "b_mixed": ["学前🎓三年"], "c_plain": ["三年"]})
    matcher = AliasMatcher(book)
    reference = RegexMatcher(matcher.by_alias)
    texts = ["🎓𝄞𠀀“𠀁”学前🎓 三年𠀀𠀁", "𝄞" * 9 + "学前三年", "学前🎓三年🎓三年", "𠀀 𠀁𠀀𠀁"]
    for text in texts:
        assert matcher.find(text) == reference.find(text), text
    (m, n, o) = matcher.find(texts[0])
    assert (m.start, m.end, m.alias) == (2, 5, "𠀀𠀁")  # 𠀀“𠀁
    assert texts[0][n.start : n.end] == "学前🎓 三年" and n.alias == "学前🎓三年"
    assert (o.start, o.end) == (len(texts[0]) - 2, len(texts[0]))


@pytest.mark.parametrize(
    ("changes", "same"),
    [({}, True), ({"start": 1}, False), ({"indicator_ids": ("other",)}, False)],
)
def test_an_alias_match_compares_and_hashes_by_its_fields(changes, same):
    # not frozen (for speed), still a value: equal, hashed and pickled by its fields
    import pickle
    from dataclasses import replace

    m = AliasMatch(0, 4, "毛入园率", ("preschool_gross_enrollment_rate",))
    other = replace(m, **changes)
    assert (m == other) is same
    assert (hash(m) == hash(other)) is same
    assert len({m, other}) == (1 if same else 2)
    assert pickle.loads(pickle.dumps(m)) == m
