"""Column groups named by area: a prefecture's table with the whole city ("全市") and named
counties ("漠南县", "柘川县") in separate groups of year columns; or each year's group cut
into the whole and its parts under it ("2020年" over "全县 | 城区 | 镇区 | 乡村").

The plan states its own area's values; the other groups are references for monitoring,
and the parts (城区, 乡村 …) are parts of the whole's value. Their columns are taken out of
the grid before it is read, and each number in them is ledgered as another area's value
or a part of the total, never dropped and never read as the plan's own."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import header_year

# a cell naming an area: the whole of one ("全市", "本县"), or a named one ("漠南县",
# "城关镇", "高新区"); no digits, short
_AREA = re.compile(r"^(?:全|本)?[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|州|盟|镇|乡)(?:合计)?$")
_WHOLE_OWN = re.compile(r"^(?:全|本)(?:市|县|区|旗|州|盟)(?:合计)?$|^合计$")


# a part of the plan's area a table splits its values by
_PART = re.compile(
    r"^(?:城区|镇区|乡村|农村|城镇|县城|乡镇|城市|市区|县镇|城关|中心城区|农村地区)(?:学校)?$"
)


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
            if r == h:
                notes.extend(
                    ((c.start, c.end), "table_header", "another area's year")
                    for _, c in _dropped_cells(row, others)
                )
            else:
                notes.extend(_dropped_notes(row, others, labels, parts=False))
        # the year row takes the words over its empty cells ("指标", "单位" set above a
        # blank), so that it is the whole header once the areas are gone
        kept_rows[h] = [
            c if c.text.strip() or k >= len(kept_rows[h - 1]) else kept_rows[h - 1][k]
            for k, c in enumerate(kept_rows[h])
        ]
        return Grid(grid.reader, grid.caption, grid.start, grid.end, kept_rows, notes)
    return None


def whole_area_columns(grid: Grid, own_zh: str | None) -> Grid | None:
    """The grid with only the whole area's column of each year, where a row of areas under
    the year row splits each year into the whole ("全县", "合计") and its parts ("城区",
    "乡村") or other areas; None when no such row is found."""
    rows = list(grid.rows)
    own_names = {own_zh, _stem(own_zh)} if own_zh else set()
    for h in range(1, min(4, len(rows))):
        above, areas = list(rows[h - 1]), list(rows[h])
        if not any(header_year(c.text) for c in above):
            continue
        # the rows as wide as the body's: the row of areas starts under the first year (its
        # empty first cells dropped), the year row may have lost its empty last cells
        width = max(len(r) for r in rows[h - 1 :])
        if len(areas) < width:
            pad = areas[0].start if areas else grid.start
            areas = [GridCell("", pad, pad)] * (width - len(areas)) + areas
        if len(above) < width:
            pad = above[-1].end if above else grid.start
            above += [GridCell("", pad, pad)] * (width - len(above))
        labels = {k: c.text.replace(" ", "") for k, c in enumerate(areas) if c.text.strip()}
        if len(labels) < 4 or not all(
            _PART.match(t) or _AREA.match(t) or _WHOLE_OWN.match(t) or t in own_names
            for t in labels.values()
        ):
            continue
        if not any(header_year(_label(above, k)) for k in labels):
            continue
        whole = {k for k, t in labels.items() if _WHOLE_OWN.match(t) or _stem(t) in own_names}
        others = set(labels) - whole
        if not whole or not others:
            return None
        notes = list(grid.labels)
        kept_rows: list[list[GridCell]] = []
        for r, row in enumerate(rows):
            if r == h:
                continue  # the row of areas: its whole's cells name nothing more
            if r == h - 1:  # each year over the whole's column
                kept_rows.append(
                    [
                        GridCell(_label(above, k), above[k].start, above[k].end)
                        if k in whole and not above[k].text.strip()
                        else c
                        for k, c in enumerate(above)
                        if k not in others
                    ]
                )
                continue
            kept_rows.append([c for k, c in enumerate(row) if k not in others])
            if r < h:
                continue
            notes.extend(_dropped_notes(row, others, labels, parts=True))
        return Grid(grid.reader, grid.caption, grid.start, grid.end, kept_rows, notes)
    return None


def _dropped_cells(row: list[GridCell], others: set[int]) -> list[tuple[int, GridCell]]:
    """(column, cell) of each cell with digits in the columns taken out of the grid."""
    return [
        (k, row[k])
        for k in sorted(others)
        if k < len(row) and any(ch.isdigit() for ch in row[k].text)
    ]


def _dropped_notes(row, others: set[int], labels: dict[int, str], parts: bool) -> list:
    """Ledger labels of a body row's cells in the columns taken out: another area's value,
    or (with `parts`) a part of the whole's ("城区")."""
    notes = []
    for k, c in _dropped_cells(row, others):
        if parts and _PART.match(labels[k]):
            notes.append(
                ((c.start, c.end), "part_of_total", f"a part of the area's value ({labels[k]})")
            )
        else:
            notes.append(((c.start, c.end), "other_area", f"another area's column ({labels[k]})"))
    return notes
