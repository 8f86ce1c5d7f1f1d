"""SpanSet and PositionIndex answer exactly as the loops over every span they replace."""

from __future__ import annotations

import random

import pytest

from analysis.extraction.span_sets import PositionIndex, SpanSet

SPANS = [
    ([], []),
    ([(3, 5)], [2, 3, 4, 5]),
    ([(1, 3), (3, 5)], [0, 1, 2, 3, 4, 5]),  # touching
    ([(4, 4), (1, 2)], [1, 2, 4]),  # an empty span covers nothing
    ([(5, 9), (1, 6), (2, 3)], [0, 1, 5, 8, 9]),  # overlapping, out of order
]


@pytest.mark.parametrize(("spans", "positions"), SPANS)
def test_a_position_inside_as_the_loop(spans, positions):
    covered = SpanSet(spans)
    for pos in positions:
        assert (pos in covered) == any(a <= pos < b for a, b in spans), (spans, pos)
    assert bool(covered) == any(a < b for a, b in spans)


@pytest.mark.parametrize("seed", range(20))
def test_random_spans_as_the_loops(seed):
    rng = random.Random(seed)
    spans = []
    for _ in range(rng.randrange(0, 12)):
        a = rng.randrange(0, 40)
        spans.append((a, a + rng.randrange(0, 8)))
    covered = SpanSet(spans)
    for pos in range(-1, 50):
        assert (pos in covered) == any(a <= pos < b for a, b in spans)
    for start in range(-1, 50):
        for end in range(start, start + 6):
            plain = any(a < end and start < b for a, b in spans if a < b)
            assert covered.overlaps(start, end) == plain, (spans, start, end)


@pytest.mark.parametrize("seed", range(10))
def test_position_index_keeps_the_items_order(seed):
    rng = random.Random(seed)
    items = [(rng.randrange(0, 30), i) for i in range(rng.randrange(0, 15))]
    rng.shuffle(items)
    index = PositionIndex(items, lambda t: t[0])
    for lo in range(-1, 32):
        for hi in range(lo, lo + 5):
            assert index.between(lo, hi) == [t for t in items if lo <= t[0] <= hi]


@pytest.mark.parametrize("seed", range(10))
def test_a_phrase_within_one_of_disjoint_spans_as_the_loop(seed):
    from types import SimpleNamespace

    from analysis.extraction.prose_binder import _within_one

    rng = random.Random(seed)
    done, pos = [], 0
    for _ in range(rng.randrange(0, 6)):  # as finditer gives them: in order, disjoint
        pos += rng.randrange(0, 4)
        done.append((pos, pos + rng.randrange(1, 5)))
        pos = done[-1][1]
    for start in range(0, pos + 2):
        for end in range(start + 1, start + 5):
            phrase = SimpleNamespace(start=start, end=end)
            plain = any(s <= start and end <= e for s, e in done)
            assert _within_one(phrase, done) == plain, (done, start, end)
