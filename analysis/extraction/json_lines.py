"""A table pasted as data: one JSON object a line, as open-data portals preview a dataset
({"序号":1,"指标":"学前三年毛入园率","单位":"%","2020年":"88.6","2025年":"≥92"}), also as
the lines of an array ("[{…},", "{…}]").

As for indicator cards (record_tables.py), the keys become the header and each object a
row, so the one grid interpreter reads the values; a key an object leaves out, or its null,
is an empty cell. A row number key (序号) is no value.
"""

from __future__ import annotations

import json
import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import INDEX_HEADERS
from analysis.extraction.record_tables import NAME_KEYS, cards_as_rows, is_value_key
from analysis.extraction.table_readers import TextLines, _masked

_OBJECT_LINE = re.compile(r"^\s*\[?\s*\{.*\}\s*[\],]*\s*$")
# "key": "string" | number | null | true | false
_PAIR = re.compile(
    r'"((?:[^"\\]|\\.)*)"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)'
    r"|(null|true|false))"
)
_INDEX_KEYS = (*INDEX_HEADERS, "id", "ID")


def _text(escaped: str) -> str:
    """A JSON string's text (\\" is ", \\u4e00 is 一)."""
    if "\\" not in escaped:
        return escaped
    try:
        return json.loads(f'"{escaped}"')
    except ValueError:  # a stray backslash: the text as written
        return escaped


def _object(lines: TextLines, k: int) -> tuple | None:
    """Line k as (name cell, [(key, value)] cells, row-number label or None), or None."""
    text, start, _ = lines.items[k]
    if not _OBJECT_LINE.match(text):
        return None
    name, pairs, label = None, [], None
    for m in _PAIR.finditer(text):
        at = lines.cell(k, start + m.start(1), start + m.end(1))
        key = GridCell(_text(m.group(1)), at.start, at.end)
        group = 2 if m.group(2) is not None else 3 if m.group(3) is not None else 4
        if group == 4:  # null, true, false: nothing stated, an empty cell under the key
            pairs.append((key, GridCell("", key.end, key.end)))
            continue
        found = lines.cell(k, start + m.start(group), start + m.end(group))
        value = GridCell(_text(found.text), found.start, found.end) if found.text else found
        if key.text in NAME_KEYS and name is None:
            name = value
        elif key.text in _INDEX_KEYS:
            label = ((value.start, value.end), "section_number", "a row number (序号)")
        else:
            pairs.append((key, value))
    if name is None or not any(is_value_key(key.text) for key, _ in pairs):
        return None
    return name, pairs, label


def read_json_lines(lines: TextLines, skip) -> list[Grid]:
    """Two or more object lines in a row: one grid, keys as its header."""
    if '{"' not in lines.view.text and '{ "' not in lines.view.text:
        return []  # most plans: no line can be an object
    grids: list[Grid] = []
    n = len(lines.items)
    k = 0
    while k < n:
        cards, labels, j = [], [], k
        while j < n and not _masked(lines, j, skip):
            found = _object(lines, j)
            if found is None:
                break
            name, pairs, label = found
            cards.append((name, None, pairs))
            labels += [label] if label else []
            j += 1
        if len(cards) < 2:
            k += 1
            continue
        rows, card_labels = cards_as_rows(cards)
        s, e = lines.raw_span(k, j)
        caption = lines.items[k - 1][0] if k else ""
        grids.append(Grid("json_lines", caption, s, e, rows, labels + card_labels))
        k = j
    return grids
