"""A table written as one card per indicator: a title line naming the indicator, then one
"key：value" line per column ("单位：%", "2020年：91.6", "2025年：≥95", "属性：预期性").

The keys become the header (in the order they first appear), each card a row, so the
one grid interpreter reads the values; a key a card leaves out is an empty cell.
"""

from __future__ import annotations

import re

from analysis.extraction.card_marks import (
    is_role_key,
    marked_name,
    page_number_line,
    stray_before_key,
)
from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import header_year
from analysis.extraction.line_tables import _is_value
from analysis.extraction.table_readers import TextLines, _has_digit, _masked

# "2020年：91.6", "目标值（2025年）：≥95", "单位：%"
_KEY_LINE = re.compile(r"^\s*([^\s:：，,。；;]{1,12})\s*[:：]\s*(\S(?:.{0,28}\S)?)\s*$")
# "【指标1】", "[指标1]", "指标1：", "1." before the name on a card's title line
_TITLE_MARK = re.compile(r"^\s*(?:【[^】]{0,8}】|\[[^\]]{0,8}\]|指标\s*\d{1,2}\s*[:：.、]?)\s*")
# "【学前三年毛入园率】": the whole title in brackets is the name
_BRACKETED_TITLE = re.compile(r"^\s*[【\[]\s*([^】\]]+?)\s*[】\]]\s*$")
NAME_KEYS = ("指标名称", "指标", "名称", "项目")
MAX_TITLE = 30


def _is_year_key(text: str) -> bool:
    return header_year(text) is not None


def is_value_key(text: str) -> bool:
    # a year ("2020年基数") or a role the header turns into a year ("基期值", "目标值")
    return _is_year_key(text) or is_role_key(text)


def _key_cells(lines: TextLines, k: int) -> tuple[GridCell, GridCell] | None:
    text, start, _ = lines.items[k]
    m = _KEY_LINE.match(text)
    if m is None:
        return None
    key = lines.cell(k, start + m.start(1), start + m.end(1))
    value = lines.cell(k, start + m.start(2), start + m.end(2))
    if _is_year_key(key.text) and not _is_value(value.text):
        return None  # "2020年：全市新建幼儿园…" is a sentence, not a card's cell
    return key, value


def card_title(
    lines: TextLines, k: int, cut: int | None = None
) -> tuple[GridCell, GridCell | None] | None:
    """The name on a card's title line and its mark ("【指标1】"), if any; `cut`: where the
    title ends inside the line ("name｜牵头：…"), if not at its end."""
    text, start, _ = lines.items[k]
    text = text if cut is None else text[:cut]
    body = text.strip()
    if not body or len(body) > MAX_TITLE or body.endswith("。") or _KEY_LINE.match(text):
        return None
    whole = _BRACKETED_TITLE.match(text)
    if whole and not _has_digit(whole.group(1)):
        return lines.cell(k, start + whole.start(1), start + whole.end(1)), None
    if _has_digit(_TITLE_MARK.sub("", text)):
        return None
    mark = _TITLE_MARK.match(text)
    name = lines.cell(k, start + (mark.end() if mark else 0), start + len(text))
    return name, lines.cell(k, start, start + mark.end()) if mark else None


def _card(lines: TextLines, i: int, skip) -> tuple[tuple, list, int] | None:
    """The card whose title is line i: ((name, mark), [(key, value)], end line), or None."""
    # a card has two key lines under its title, and a key line holds a colon: most lines
    # of a text are followed by none, and need no title or key pattern tried
    keyed = lines.keyed
    if i + 2 >= len(keyed) or not (keyed[i + 1] and keyed[i + 2]) or _masked(lines, i, skip):
        return None
    k = i + 1
    title = marked_name(lines, i, NAME_KEYS, _key_cells)  # "【指标卡1】" over "指标名称：…"
    if title is not None and not _masked(lines, k, skip):
        k += 1
    else:
        title = card_title(lines, i)
        named = _key_cells(lines, i) if title is None else None
        if named is not None and named[0].text in NAME_KEYS:  # "指标名称：学前三年毛入园率"
            title = named[1], None
    if title is None:
        return None
    pairs = []
    while k < len(lines.items) and not _masked(lines, k, skip):
        cells = _key_cells(lines, k)
        if cells is None and stray_before_key(lines, k, _key_cells):  # a page break
            k += 1
            continue
        if cells is None or cells[0].text in NAME_KEYS:  # the next card's name
            break
        pairs.append(cells)
        k += 1
    if len(pairs) < 2 or not any(is_value_key(key.text) for key, _ in pairs):
        return None
    return title, pairs, k


def cards_as_rows(cards: list[tuple[GridCell, GridCell | None, list]]) -> tuple[list, list]:
    """Cards (name, mark, [(key, value)]) as a grid's rows, the keys in the order they first
    appear as its header (a key a card leaves out is an empty cell), and the labels of each
    card's number and of the years repeated as keys on every card."""
    keys: dict[str, GridCell] = {}
    labels = []
    for _, mark, pairs in cards:
        if mark is not None and any(ch.isdigit() for ch in mark.text):
            labels.append(((mark.start, mark.end), "section_number", "a card's number"))
        for key, _ in pairs:
            if key.text in keys and _is_year_key(key.text):
                labels.append(((key.start, key.end), "table_header", "a card's year key"))
            keys.setdefault(key.text, key)
    at = cards[0][0].start
    rows = [[GridCell("指标", at, at), *keys.values()]]
    for name, _, pairs in cards:
        by_key = {key.text: value for key, value in pairs}
        empty = GridCell("", name.end, name.end)
        rows.append([name, *(by_key.get(key, empty) for key in keys)])
    return rows, labels


def read_records(lines: TextLines, skip: list[tuple[int, int]]) -> list[Grid]:
    """Two or more cards in a row: one grid, keys as its header."""
    grids: list[Grid] = []
    keyed = lines.keyed
    resume = 0  # the line after the last table read
    # only a line followed by two key lines can be a card's title (see _card)
    for i in [k for k in range(len(keyed) - 2) if keyed[k + 1] and keyed[k + 2]]:
        if i < resume:
            continue
        cards = []
        j = i
        while j < len(lines.items):
            card = _card(lines, j, skip)
            if card is None and page_number_line(lines, j):  # a page break between cards
                card = _card(lines, j + 1, skip)
            if card is None:
                break
            cards.append(card)
            j = card[2]
        if len(cards) < 2:
            continue
        rows, labels = cards_as_rows([(name, mark, pairs) for (name, mark), pairs, _ in cards])
        for k in range(i, j):
            if page_number_line(lines, k):
                a, b = lines.view.raw_span(lines.items[k][1], lines.items[k][2])
                labels.append(((a, b), "page_number", "a page number among the cards"))
        s, e = lines.raw_span(i, j)
        caption = lines.items[i - 1][0] if i else ""
        grids.append(Grid("records", caption, s, e, rows, labels))
        resume = j
    return grids
