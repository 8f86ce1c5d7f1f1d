"""A progress dashboard's cards: a title line naming the indicator, then one line of its
values by role, separated by bars ("基期值 90.6 ｜ 目标值 ≥96 ｜ 当前值 93.8").

Each card is one grid (a header of its roles, a row of its values) for the one interpreter,
which dates the roles from the registry: the baseline, the period's end and, in a progress
report, the year it reports on (grid_headers.role_year_header). The lines between cards
(完成进度 ███ 59%, 备注) stay prose.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import CURRENT_ROLE
from analysis.extraction.record_tables import card_title, is_value_key
from analysis.extraction.table_readers import TextLines, _masked

# one "role value" part of the line: a key of a few characters, an optional colon, a value
_PART = re.compile(r"\s*([^\s:：|\d][^\s:：|]{1,7})\s*[:：]?\s*([^\s|](?:[^|]{0,14}[^\s|])?)\s*")
_MIN_PARTS = 2


def _value_key(key: str) -> bool:
    # a card's value keys, and a progress report's current value ("当前值")
    return is_value_key(key) or CURRENT_ROLE.match(key) is not None


def _parts(lines: TextLines, i: int) -> list[tuple[GridCell, GridCell]] | None:
    """The (key, value) cells of line i when it is a card's role line, else None."""
    text, start, _ = lines.items[i]
    pairs, pos = [], 0
    for piece in text.split("|"):
        m = _PART.fullmatch(piece)
        if m is None or not _value_key(m.group(1).replace(" ", "")):
            return None
        at = start + pos
        pairs.append(
            (
                lines.cell(i, at + m.start(1), at + m.end(1)),
                lines.cell(i, at + m.start(2), at + m.end(2)),
            )
        )
        pos += len(piece) + 1
    return pairs if len(pairs) >= _MIN_PARTS else None


def _name(lines: TextLines, k: int) -> tuple[GridCell, GridCell | None] | None:
    """The card's name on its title line, up to a bar ("学前三年毛入园率（%）｜牵头：…")."""
    bar = lines.items[k][0].find("|")
    return card_title(lines, k, bar if bar >= 0 else None)


def read_role_line_cards(lines: TextLines, skip) -> list[Grid]:
    grids = []
    for i in range(1, len(lines.items)):
        text = lines.items[i][0]
        if (
            text.count("|") + 1 < _MIN_PARTS
            or _masked(lines, i, skip)
            or _masked(lines, i - 1, skip)
        ):
            continue
        pairs = _parts(lines, i)
        if pairs is None:
            continue
        title = _name(lines, i - 1)
        if title is None:
            continue
        name, mark = title
        at = name.start
        header = [GridCell("指标", at, at), *(key for key, _ in pairs)]
        labels = []
        if mark is not None and any(ch.isdigit() for ch in mark.text):
            labels.append(((mark.start, mark.end), "section_number", "a card's number"))
        s, e = lines.raw_span(i - 1, i + 1)
        caption = lines.items[i - 2][0] if i >= 2 else ""
        grids.append(
            Grid("role_cards", caption, s, e, [header, [name, *(v for _, v in pairs)]], labels)
        )
    return grids
