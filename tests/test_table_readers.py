"""Shortcuts in the line readers' helpers (analysis/extraction/table_readers.py) held to
the plain code they replace."""

from __future__ import annotations

import pytest

from analysis.extraction import table_readers
from analysis.extraction.table_readers import TextLines, _has_digit, _masked, whitespace_count
from analysis.normalise import clean


def _plain_masked(lines: TextLines, i: int, skip) -> bool:
    _, a, b = lines.items[i]
    if a == b:
        return False
    raw = lines.view.raw_start(a)
    return any(s <= raw < e for s, e in skip)


_TEXT = "指标\t2020年\t2025年\n\n毛入园率\t88\t92\n巩固率\t95\t96\n"


@pytest.mark.parametrize(
    ("skip", "expected"),
    [
        ([], [False, False, False]),
        ([(0, 1)], [True, False, False]),  # the first line's first character
        ([(0, len(_TEXT))], [True, True, True]),
        ([(100, 200), (14, 25)], [False, True, False]),  # the second span holds line 2
        ([(15, 16)], [False, False, False]),  # inside a line, not at its start
    ],
)  # fmt: skip
def test_masked_is_the_plain_any_over_the_spans(skip, expected):
    lines = TextLines(clean(_TEXT))
    texts = [k for k, (t, _, _) in enumerate(lines.items) if t]
    assert [_masked(lines, k, skip) for k in texts] == expected
    assert [_masked(lines, k, skip) for k in range(len(lines.items))] == [
        _plain_masked(lines, k, skip) for k in range(len(lines.items))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", False), ("毛入园率", False), ("88", True), ("第①项", True), ("２０２５", True), ("x²", True), ("一二三", False)],
)  # fmt: skip
def test_has_digit_is_any_isdigit(text, expected):
    assert _has_digit(text) is expected
    assert _has_digit(text) is any(ch.isdigit() for ch in text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", 0), ("毛入园率", 0), ("毛入园率  88", 2), ("a\tb\u3000c d", 3), ("指标  2020年  2025年", 4)],
)  # fmt: skip
def test_whitespace_count_is_the_count_of_isspace(text, expected):
    assert whitespace_count(text) == expected == sum(ch.isspace() for ch in text)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("指标|\n2020年|\n2025年|\n毛入园率|\n88|\n92|\n", 1),
        ("指标|\n２０２０年|\n2025年|\n毛入园率|\n88|\n92|\n", 1),  # full-width year
        ("指标│\n2020年│\n2025年│\n毛入园率│\n88│\n92│\n", 0),  # box bars end no cell
        ("指标\n2020年\n2025年\n毛入园率\n88\n92\n", 0),
        # a one-cell line before the header heads nothing; the header after it does
        ("说明|\n指标|\n2020年|\n2025年|\n毛入园率|\n88|\n92|\n", 1),
        ("指标|\n2020年|\n毛入园率|\n88|\n指标|\n2025年|\n巩固率|\n96|\n", 2),
    ],
)
def test_pipe_cells_need_a_bar_in_the_text(text, rows):
    grids = table_readers.read_pipe_cells(TextLines(clean(text)), [])
    assert sum(len(g.rows) - 1 for g in grids) == rows
