"""Column groups named by area: a prefecture's table with the whole city ("全市") and named
counties ("漠南县", "柘川县") in separate groups of year columns.

The plan states its own area's values; the other groups are references for monitoring.
Their columns are taken out of the grid before it is read, and each number in them is
ledgered as another area's value, never dropped and never read as the plan's own."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import header_year

# a cell naming an area: the whole of one ("全市", "本县"), or a named one ("漠南县",
# "城关镇", "高新区"); no digits, short
_AREA = re.compile(r"^(?:全|本)?[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|州|盟|镇|乡)(?:合计)?$")
_WHOLE_OWN = re.compile(r"^(?:全|本)(?:市|县|区|旗|州|盟)(?:合计)?$|^合计$")


def _stem(name: str) -> str:
    """ "青漠市" -> "青漠": the name without its level, as headers often write it."""
    return re.sub(r"(?:市|县|区|旗|州|盟)$", "", name) if len(name) > 2 else name


def _label(above: list[GridCell], k: int) -> str:
    """The area over column k: its own cell's text, or, where a table without merged cells
    leaves the rest of a group's cells empty ("| 全市 |  | 岘山区 |  |"), the cell's to the
    left over the empty ones."""
    while k > 0 and not above[k].text.strip():
        k -= 1
    return above[k].text.replace(" ", "")


def own_area_columns(grid: Grid, own_zh: str | None) -> Grid | None:
    """The grid without the year columns grouped under another area's name, or None when
    the header names no areas (or none of them is the plan's own: nothing is dropped)."""
    rows = list(grid.rows)
    own_names = {own_zh, _stem(own_zh)} if own_zh else set()
    for h in range(1, min(4, len(rows))):
        above = rows[h - 1]
        gap = len(above) - len(rows[h])
        if gap > 0:  # a line that starts with a bar drops its empty first cells
            pad = rows[h][0].start if rows[h] else grid.start
            rows[h] = [GridCell("", pad, pad)] * gap + list(rows[h])
        years = [k for k, c in enumerate(rows[h]) if header_year(c.text)]
        if len(years) < 2 or len(above) != len(rows[h]):
            continue
        labels = {k: _label(above, k) for k in years}
        if len(set(labels.values())) < 2 or not all(
            _AREA.match(t) or t in own_names for t in labels.values()
        ):
            continue
        own = {k for k, t in labels.items() if _WHOLE_OWN.match(t) or _stem(t) in own_names}
        others = set(years) - own
        if not own or not others:
            return None
        kept_rows: list[list[GridCell]] = []
        notes = list(grid.labels)
        for r, row in enumerate(rows):
            kept_rows.append([c for k, c in enumerate(row) if k not in others])
            if r < h:
                continue
            for k in sorted(others):
                if k < len(row) and any(ch.isdigit() for ch in row[k].text):
                    c = row[k]
                    if r == h:
                        notes.append(((c.start, c.end), "table_header", "another area's year"))
                    else:
                        reason = f"another area's column ({labels[k]})"
                        notes.append(((c.start, c.end), "other_area", reason))
        # the year row takes the words over its empty cells ("指标", "单位" set above a
        # blank), so that it is the whole header once the areas are gone
        kept_rows[h] = [
            c if c.text.strip() or k >= len(kept_rows[h - 1]) else kept_rows[h - 1][k]
            for k, c in enumerate(kept_rows[h])
        ]
        return Grid(grid.reader, grid.caption, grid.start, grid.end, kept_rows, notes)
    return None
