"""Page debris lines found by the shortcuts of page_debris.py, held to the plain searches."""

from __future__ import annotations

import pytest

from analysis import page_debris

DEBRIS_TEXTS = [
    "",
    "12",
    "  7 \n正文",
    "正文\n12\n正文。\n\n  3\u3000\n末行",
    "表头\n１２\n单元\n4 5\n1234\n12所",  # full-width digits, two numbers, four digits, a unit
    "某县教育规划\n正文。\n某县教育规划\n某县教育规划：\n某县教育规划\t\n",
    "二〇二一年工作要点\n 二〇二一年工作要点 \n纲要|方案\n发展纲要\n发展纲要\n实施方案。",
    "\n\n规划\n计划\n规划计划\n规划",
]


def _plain_running_headers(work: str) -> list[tuple[int, int]]:
    """Every line tested on its own, as before the lines holding a title word were found."""
    seen: dict[str, list[tuple[int, int]]] = {}
    pos = 0
    for line in work.split("\n"):
        body = line.strip()
        if (
            len(body) <= page_debris.TITLE_LONGEST
            and any(w in body for w in page_debris.TITLE_WORDS)
            and not page_debris._NOT_A_HEADER.search(body)
        ):
            seen.setdefault(body, []).append((pos, pos + len(line)))
        pos += len(line) + 1
    return [span for spans in seen.values() for span in spans[1:]]


@pytest.mark.parametrize("text", DEBRIS_TEXTS)
def test_lone_numbers_found_from_line_ends_are_the_multiline_matches(text):
    assert page_debris._lone_number_spans(text) == [
        m.span() for m in page_debris.LONE_NUMBER.finditer(text)
    ]


@pytest.mark.parametrize("text", DEBRIS_TEXTS)
def test_running_headers_found_from_title_words_are_the_per_line_ones(text):
    assert sorted(page_debris._running_headers(text)) == sorted(_plain_running_headers(text))


def test_running_headers_are_found_at_all():
    text = DEBRIS_TEXTS[5]
    # the title again, and again with a tab after it (stripped); not the one ending in ：
    assert page_debris._running_headers(text) == [(11, 17), (26, 33)]
