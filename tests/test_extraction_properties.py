"""Odd but valid plan text is read or reported, never a crash: property-based tests.

A real plan (Jiamusi: prose, a "|" table, half-width punctuation) gets random insertions of
bare \\r line ends, full-width characters, digits and long digit strings, ≥= comparators,
table pipes and HTML fragments. The extraction must not raise, every number it reports
must be finite, and every observation's and number-ledger row's span in the raw text must
read exactly its quote.
"""

from __future__ import annotations

import math
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import paths
from analysis.codebook import AliasMatcher, load_codebook
from analysis.extraction.extract import Extractor
from analysis.normalise import clean
from analysis.rules import load_rules
from analysis.sources import load_sources, read_raw

PLAN = "jiamusi_fyp_2021_2025"
FRAGMENTS = [
    "\r", "\r\n", "\n", "\n\n", "\u3000", "０", "１２", "％", "．", "，", "（", "）", "：",
    "≥=", "≤=", "≥", "%", "百分之", "２０２５年", "2025年", "—", "~", "至", "|", " | ",
    "| --- | --- |\n", "<table>", "<tr>", "<td>", "</td>", "<th colspan=2>", "</table>",
    "<p>", "</p>", "&nbsp;", "<br/>", "“", "”", "学前三年毛入园率", "达到", "以上",
]  # fmt: skip
fragment = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text("0123456789", min_size=1, max_size=6),
    st.text("0123456789", min_size=300, max_size=320),  # beyond a float: must not become inf
    st.text("0123456789.%|≥=<>年\r\n ", min_size=1, max_size=12),
)


@cache
def setup():
    book = load_codebook(paths.CODEBOOK_YAML)
    extractor = Extractor(book, AliasMatcher(book), load_rules(paths.EXTRACTION_RULES_YAML))
    source = next(s for s in load_sources(paths.SOURCES_YAML) if s.source_id == PLAN)
    # the part with the goals table and the prose targets keeps each example fast
    raw = read_raw(source)
    at = raw.index("主要指标")
    return extractor, source, raw[max(0, at - 3000) : at + 5000]


def mutate(text: str, edits: list[tuple[float, str]]) -> str:
    for where, piece in sorted(edits, reverse=True):  # from the end: offsets stay valid
        at = int(where * len(text))
        text = text[:at] + piece + text[at:]
    return text


# database=None: no .hypothesis folder in the repository; the seed is printed on failure
@settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.tuples(st.floats(0, 1), fragment), min_size=1, max_size=12))
def test_mutated_plan_is_read_with_exact_spans(edits):
    extractor, source, base = setup()
    raw = mutate(base, edits)
    result = extractor.extract(source, clean(raw))
    for o in result.observations:
        assert raw[o.char_start : o.char_end] == o.quote, o
        assert math.isfinite(o.value), o
        assert o.value_upper is None or math.isfinite(o.value_upper), o
    for row in result.ledger:
        assert raw[row["char_start"] : row["char_end"]] == row["quote"], row
    for table in result.unread_tables:
        # the quote is the block's first 120 characters (the span is the whole block)
        start, end = table["char_start"], table["char_end"]
        assert raw[start : min(end, start + 120)] == table["quote"], table


def test_a_309_digit_number_is_reported_not_inf():
    extractor, source, base = setup()
    digits = "9" * 309
    raw = f"到2025年，学前三年毛入园率达到{digits}%。\n" + base
    result = extractor.extract(source, clean(raw))
    assert all(math.isfinite(o.value) for o in result.observations)
    rows = [r for r in result.ledger if digits in r["quote"]]
    assert rows and all(r["disposition"] != "observation" for r in rows), rows


def test_bare_cr_and_ge_eq_cell_are_read():
    extractor, source, base = setup()
    table = (
        "| 指标 | 2020年 | 2025年 |\r| --- | --- | --- |\r| 学前三年毛入园率（%） | 88 | ≥=90 |\r"
    )
    raw = table + base
    result = extractor.extract(source, clean(raw))
    read = {(o.year, o.comparator, o.value, o.quote) for o in result.observations}
    assert {(2020, "=", 88.0, "88"), (2025, ">=", 90.0, "≥=90")} <= read
    for o in result.observations:
        assert raw[o.char_start : o.char_end] == o.quote
