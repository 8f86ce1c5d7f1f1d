"""Numbers with their scale, unit and comparator words (analysis/extraction/quantities.py)."""

from __future__ import annotations

import re

import pytest

from analysis import paths
from analysis.extraction.quantities import _GROUPS, ARABIC, QuantityFinder
from analysis.normalise import clean
from analysis.rules import load_rules


@pytest.fixture(scope="module")
def finder():
    return QuantityFinder(load_rules(paths.EXTRACTION_RULES_YAML))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparator before what the share is of: "不少于综合实践活动课时的50%"
        ("占比不低于全年总课时的10%", (10.0, "percent", ">=")),
        ("比例不超过在校生总数的3%", (3.0, "percent", "<=")),
        # a comparator of an earlier clause does not reach past a comma
        ("不低于上年，其中的5%", (5.0, "percent", None)),
        # nor past another number
        ("不少于2次的10%", (10.0, "percent", None)),
    ],
)
def test_a_comparator_before_the_whole_the_share_is_of(finder, text, expected):
    q = [q for q in finder.find(clean(text).paragraphs.text) if q.unit == "percent"][-1]
    assert (q.value, q.unit, q.comparator) == expected


def _plain_find(finder, text):
    """find without its inline test for Chinese words: every match goes to _quantity."""
    out, pos = [], 0
    while pos < len(text):
        at = finder._re.search(text, pos)  # the full pattern's own search
        if at is None:
            break
        m = finder._re.match(text, at.start())
        q = finder._quantity(text, m, m.group(*_GROUPS))
        pos = m.end() if m.end() > m.start() else m.start() + 1
        if q is not None:
            out.append(q)
    return finder._bounded_ranges(text, out)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Chinese numerals with no unit, scale or 百分之 are words ...
        ("进一步推进“十四五”规划，三全育人，一流学科", []),
        # ... unless they carry one, or are a zero after a verb
        ("新增学位两千个，辍学率降为零，百分之九十五，三万人", [2000.0, 0.0, 95.0, 30000.0]),
        ("零容忍，一二三，十四五期间增加5个百分点", [5.0]),
        ("1..5所学校，达到92.5%以上", [1.0, 5.0, 92.5]),
        # a fraction in words is a percentage (found when the two branches met)
        ("占比达到五分之一以上，三分之二的学校", [20.0, 66.67]),
        # financial numerals: an amount of money only (伍 and 陆 are in words too)
        ("投资人民币叁亿贰仟万元，补助玖佰肆拾元，教师队伍陆续到位，伍所学校", [320000000.0, 940.0]),
    ],
)  # fmt: skip
def test_find_skips_chinese_words_as_the_plain_search_does(finder, text, expected):
    found = finder.find(text)
    assert [q.value for q in found] == expected
    assert found == _plain_find(finder, text)


def _plain_prefix_comparator(finder, text, at):
    """_prefix_comparator without its test for the 的 that the whole-pattern needs."""
    before = text[max(0, at - 8) : at].rstrip()
    if not before.endswith(finder._any_prefix):
        whole = finder._before_whole.search(text, max(0, at - 24), at)
        return finder.rules.comparator_prefixes[whole.group(1)] if whole else None
    for word in finder._prefix:
        if before.endswith(word):
            return finder.rules.comparator_prefixes[word]
    return None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不少于综合实践活动课时的50%", ">="),
        ("不少于综合实践活动课时的 \\n 50%", ">="),
        ("不超过在校生总数的3%", "<="),
        ("不少于课时 的50%", None),  # a space in the whole: no whole
        ("不低于上年，其中的5%", None),
        ("达到50%", None),
        ("约50%", "~"),
        ("50%", None),
    ],
)  # fmt: skip
def test_prefix_comparator_is_the_plain_search(finder, text, expected):
    text = text.replace("\\n", "\n")
    at = next(k for k, ch in enumerate(text) if ch.isdigit())
    assert finder._prefix_comparator(text, at) == expected
    assert _plain_prefix_comparator(finder, text, at) == expected


@pytest.mark.parametrize(
    ("changes", "same"),
    [({}, True), ({"value": 96.0}, False), ({"comparator": ">="}, False), ({"unit": None}, False)],
)
def test_a_quantity_compares_and_hashes_by_its_fields(changes, same):
    # not frozen (for speed), still a value: equal, hashed and pickled by its fields
    import pickle
    from dataclasses import replace

    q = QuantityFinder(load_rules(paths.EXTRACTION_RULES_YAML)).find("达到95%")[0]
    other = replace(q, **changes)
    assert (q == other) is same
    assert (hash(q) == hash(other)) is same
    assert len({q, other}) == (1 if same else 2)
    assert pickle.loads(pickle.dumps(q)) == q


@pytest.mark.parametrize(
    "digits", ["7", "2025", "０５", "٣", "000123", "1,200", "1.5", "²", "一", ""]
)
def test_digits_alone_are_what_the_arabic_pattern_reads(digits):
    # _to_float's shortcut: decimal digits alone always fullmatch ARABIC (its \d+ branch)
    if digits.isdecimal():
        assert re.fullmatch(ARABIC, digits)
