"""Distinctive vocabulary: the Fightin' Words formula, tokens, example spans, determinism."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from analysis import paths
from analysis.normalise import clean
from analysis.sources import load_sources
from analysis.vocabulary import (
    VocabularySettings,
    distinctive_terms,
    load_settings,
    make_tokenizer,
    sentence_span,
    tokens,
    weighted_log_odds,
)


def test_formula_on_a_hand_computed_corpus():
    # A says x twice and y once, B the reverse; n = 6, alpha_0 = 6, so alpha_x = alpha_y = 3.
    # A, x: delta = log((2+3)/(3+6-2-3)) - log((1+3)/(3+6-1-3)) = log(5/4) - log(4/5)
    #       var = 1/(2+3) + 1/(1+3) = 0.45
    rows = weighted_log_odds({"A": Counter(x=2, y=1), "B": Counter(x=1, y=2)}, alpha_0=6)
    got = {(r["group"], r["term"]): r for r in rows}
    delta = math.log(5 / 4) - math.log(4 / 5)
    assert got["A", "x"]["delta"] == pytest.approx(delta)
    assert got["A", "x"]["variance"] == pytest.approx(0.45)
    assert got["A", "x"]["z"] == pytest.approx(delta / math.sqrt(0.45))  # 0.4463 / 0.6708
    assert got["A", "x"]["z"] == pytest.approx(0.665286, abs=1e-6)
    assert got["A", "y"]["z"] == pytest.approx(-got["A", "x"]["z"])  # symmetric corpus
    assert got["B", "y"]["z"] == pytest.approx(got["A", "x"]["z"])
    assert [(r["group"], r["term"]) for r in rows] == [
        ("A", "x"),
        ("A", "y"),
        ("B", "y"),
        ("B", "x"),
    ]


@pytest.mark.parametrize(
    ("counts", "word", "sign"),
    [
        # a word only one group uses is distinctive for it, and more so the more it is used
        ({"A": Counter(w=5, v=5), "B": Counter(v=10)}, "w", 1),
        ({"A": Counter(v=10), "B": Counter(w=5, v=5)}, "v", 1),
        # the same rate in both groups: no difference
        ({"A": Counter(w=2, v=8), "B": Counter(w=4, v=16)}, "w", 0),
    ],
)
def test_direction_of_z(counts, word, sign):
    z = next(
        r["z"] for r in weighted_log_odds(counts, 10) if (r["group"], r["term"]) == ("A", word)
    )
    assert (z > 1e-12) - (z < -1e-12) == sign


def test_one_group_gives_nothing_to_compare():
    assert weighted_log_odds({"A": Counter(x=3), "B": Counter()}, 10) == []


def test_tokens_keep_project_phrases_and_drop_numbers_and_stop_words():
    tokenizer = make_tokenizer({"县管校聘", "普惠性幼儿园覆盖率"})
    text = "推进县管校聘改革,普惠性幼儿园覆盖率达到 85%。"
    words = [t.word for t in tokens(tokenizer, text, {"推进"})]
    assert "县管校聘" in words and "普惠性幼儿园覆盖率" in words
    assert "推进" not in words and "85" not in words and "%" not in words
    assert all(text[t.start : t.end] == t.word for t in tokens(tokenizer, text, set()))


@pytest.mark.parametrize(
    ("text", "word", "sentence"),
    [
        ("第一句。第二句有目标词。第三句", "目标词", "第二句有目标词。"),
        ("标题\n  正文目标词;后文", "目标词", "正文目标词;"),
        ("只有一句目标词", "目标词", "只有一句目标词"),
    ],
)
def test_sentence_span(text, word, sentence):
    i = text.index(word)
    a, b = sentence_span(text, i, i + len(word))
    assert text[a:b] == sentence


@pytest.fixture(scope="module")
def terms(raw_texts):
    sources = load_sources(paths.SOURCES_YAML)
    return distinctive_terms(sources, raw_texts, load_settings())


def test_every_city_with_text_has_terms_and_each_example_traces_to_its_raw_span(terms, raw_texts):
    rows, totals = terms
    settings = load_settings()
    cities = {s.city_id for s in load_sources(paths.SOURCES_YAML)}
    assert set(totals) == cities
    for city in cities:
        mine = [r for r in rows if r["city_id"] == city]
        assert 0 < len(mine) <= settings.top_n
        assert [r["rank"] for r in mine] == list(range(1, len(mine) + 1))
        assert all(r["count"] >= settings.min_count and r["z"] > 0 for r in mine)
    for r in rows:
        raw = raw_texts[r["source_id"]][r["char_start"] : r["char_end"]]
        assert r["term"] in r["sentence"]
        # the raw span, cleaned, is the sentence shown
        assert clean(raw).paragraphs.text.replace("\n", "") == r["sentence"].replace("\n", "")


def test_same_inputs_same_terms(terms, raw_texts):
    sources = load_sources(paths.SOURCES_YAML)
    assert distinctive_terms(sources, raw_texts, load_settings()) == terms


def test_a_city_without_words_is_listed_not_dropped(raw_texts):
    sources = load_sources(paths.SOURCES_YAML)[:2]
    texts = {sources[0].source_id: raw_texts[sources[0].source_id], sources[1].source_id: "1 2 3"}
    settings = VocabularySettings(1000.0, 5, 1, frozenset())
    rows, totals = distinctive_terms(sources, texts, settings)
    assert totals[sources[1].city_id] == 0
    assert rows == []  # one city with words: nothing to compare with
