"""Indicator cards written on one line each: the "key：value" pairs of a card side by side
("指标名称：学前三年毛入园率；单位：%；2020年：90.3；2025年：≥93；属性：预期性"), or under a
title line naming the indicator ("（一）九年义务教育巩固率" over "基期值：95.8　目标值：≥97").

As in record_tables.py, the keys become the header and each card a row, so the one grid
interpreter reads the values. Two such cards in a row make a table; one line of pairs
alone (a contact line) is none.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.record_tables import NAME_KEYS, card_title, cards_as_rows, is_value_key
from analysis.extraction.table_readers import TextLines, _masked

_COLON = re.compile(r"[:：]")
_SEPARATOR = set("；;，, \t")
MIN_PAIRS = 3
MAX_KEY = 12
MAX_VALUE = 20
# an indicator's name is longer than a value ("财政性教育经费支出占地区生产总值比例（%）")
MAX_NAME = 40


def _pairs(lines: TextLines, k: int) -> list[tuple[GridCell, GridCell]] | None:
    """Line k as a card's pairs ((key, value) cells), or None when it is anything else."""
    text, start, _ = lines.items[k]
    colons = [m.start() for m in _COLON.finditer(text)]
    if len(colons) < MIN_PAIRS:
        return None
    keys = []  # (start, end) of each key: the run of text right before its colon
    for c in colons:
        a = c
        while a > 0 and text[a - 1] not in _SEPARATOR and not _COLON.match(text[a - 1]):
            a -= 1
        if not 0 < c - a <= MAX_KEY:
            return None
        keys.append((a, c))
    if text[: keys[0][0]].strip():
        return None  # words before the first key: a sentence
    pairs = []
    for n, (a, c) in enumerate(keys):
        end = keys[n + 1][0] if n + 1 < len(keys) else len(text)
        value = text[c + 1 : end].strip(" ；;，,\t")
        longest = MAX_NAME if text[a:c].strip() in NAME_KEYS else MAX_VALUE
        if not value or len(value) > longest or "。" in value:
            return None
        at = text.index(value, c + 1)
        pairs.append(
            (
                lines.cell(k, start + a, start + c),
                lines.cell(k, start + at, start + at + len(value)),
            )
        )
    if not any(is_value_key(key.text) for key, _ in pairs):
        return None
    return pairs


def _card_at(lines: TextLines, j: int, skip) -> tuple[tuple, int] | None:
    """The one-line card starting at line j, ((name, mark, pairs), the line after it):
    pairs with a name key on line j, or a title on line j and its pairs on line j + 1."""
    if lines.keyed[j]:
        pairs = _pairs(lines, j)
        named = [v for key, v in pairs if key.text in NAME_KEYS] if pairs else []
        if not named:
            return None
        return (named[0], None, [p for p in pairs if p[0].text not in NAME_KEYS]), j + 1
    if j + 1 >= len(lines.items) or not lines.keyed[j + 1] or _masked(lines, j + 1, skip):
        return None
    pairs = _pairs(lines, j + 1)
    if pairs is None or any(key.text in NAME_KEYS for key, _ in pairs):
        return None
    title = card_title(lines, j)
    if title is None:
        return None
    return (title[0], title[1], pairs), j + 2


def read_inline_records(lines: TextLines, skip) -> list[Grid]:
    """Two or more one-line cards in a row: one grid, keys as its header."""
    grids: list[Grid] = []
    keyed, n = lines.keyed, len(lines.items)
    k = 0
    while k < n:
        # a card's pairs hold colons: the line itself or the one after its title
        if not (keyed[k] or (k + 1 < n and keyed[k + 1])) or _masked(lines, k, skip):
            k += 1
            continue
        cards, j = [], k
        while j < n and not _masked(lines, j, skip):
            found = _card_at(lines, j, skip)
            if found is None:
                break
            cards.append(found[0])
            j = found[1]
        if len(cards) < 2:
            k += 1
            continue
        grids.append(_grid(lines, cards, k, j))
        k = j
    return grids


def _grid(lines: TextLines, cards: list, i: int, j: int) -> Grid:
    rows, labels = cards_as_rows(cards)
    s, e = lines.raw_span(i, j)
    caption = lines.items[i - 1][0] if i else ""
    return Grid("inline_records", caption, s, e, rows, labels)
