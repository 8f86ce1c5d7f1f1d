"""Reader for ``column_blocks`` tables: a header line "指标 单位 2020年 2025年 [属性]", then
names, units and each year's values column by column (PDF extraction of a boxed table).
Returns the same `Grid` as every other reader; the grid interpreter reads it.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.page_strays import PAGE_NUMBER
from analysis.extraction.single_space_tables import space_tokens
from analysis.extraction.table_readers import (
    NOT_STATED,
    UNIT_LINE,
    VALUE_CELL,
    TextLines,
    _masked,
    _split,
)


def read_column_blocks(
    lines: TextLines, skip: list[tuple[int, int]], unit_cells: dict, attribute_cells: dict
) -> list[Grid]:
    """Header "指标 单位 2015年 2020年"; then [category] names, units, values column by column."""
    items = lines.items
    grids: list[Grid] = []
    i = 0
    while i < len(items):
        compact = lines.compact[i]
        # the cheap test first: only a line starting 指标 can head a table (the years and
        # the splits of every line were most of this reader's time)
        years = re.findall(r"((?:19|20)\d\d)年", compact) if compact.startswith("指标") else []
        header_ok = (
            len(years) >= 2
            # a header spaced into cells still heads column blocks when the next line is
            # one cell
            and (
                _split(items[i][0]) is None
                or (
                    i + 1 < len(items)
                    and _split(items[i + 1][0]) is None
                    # "单位：万人" under a delimited header: that table's unit line
                    and not UNIT_LINE.match(items[i + 1][0])
                )
            )
        )
        if not header_ok or _masked(lines, i, skip):
            i += 1
            continue
        has_attr = "属性" in compact
        has_unit = "单位" in compact
        hs = lines.cell(i, items[i][1], items[i][2])
        header = [GridCell("指标", hs.start, hs.start)]
        if has_unit:
            header.append(GridCell("单位", hs.start, hs.start))
        for m in re.finditer(r"((?:19|20)\d\d)\s*年", items[i][0]):
            header.append(lines.cell(i, items[i][1] + m.start(), items[i][1] + m.end()))
        if has_attr:
            header.append(GridCell("属性", hs.start, hs.start))
        rows = [header]
        j = i + 1
        while j < len(items):
            group = _column_group(
                lines, j, len(years), has_attr, unit_cells, attribute_cells, has_unit
            )
            if group is None and PAGE_NUMBER.match(items[j][0].strip()):  # a page break
                group = _column_group(  # between two groups: the next goes on the table
                    lines, j + 1, len(years), has_attr, unit_cells, attribute_cells, has_unit
                )
            if group is None:
                break
            new_rows, j = group
            rows.extend(new_rows)
        if len(rows) > 1:
            s, e = lines.raw_span(i, j)
            grids.append(Grid("column_blocks", items[i - 1][0] if i else "", s, e, rows))
            i = j
        else:
            i += 1
    return grids


def _kind(text: str, unit_cells: dict, attribute_cells: dict) -> str:
    if text in unit_cells:
        return "unit"
    if VALUE_CELL.match(text):
        return "value"
    if text in attribute_cells:
        return "attribute"
    return "text"


def _column_group(
    lines: TextLines,
    j: int,
    n_years: int,
    has_attr: bool,
    units: dict,
    attrs: dict,
    has_unit: bool = True,
):
    items = lines.items

    def kind(k: int) -> str:
        return _kind(items[k][0], units, attrs)

    def whole(k: int) -> GridCell:
        return lines.cell(k, items[k][1], items[k][2])

    texts: list[int] = []
    k = j
    while k < len(items) and kind(k) == "text":
        row = _row_line(lines, k, n_years, has_attr, units, attrs, has_unit)
        if row is not None:
            if len(texts) > 1:
                return None
            out = [[whole(t)] for t in texts] + [row]
            return out, k + 1
        texts.append(k)
        k += 1
    if not has_unit:  # column by column needs the unit lines to know where names end
        return None
    unit_lines = []
    while k < len(items) and kind(k) == "unit":
        unit_lines.append(k)
        k += 1
    n = len(unit_lines)
    if n == 0 or len(texts) not in (n, n + 1):
        return None
    need = n * n_years
    values = list(range(k, k + need))
    if k + need > len(items) or not all(
        kind(v) == "value" or (items[v][0].strip() and items[v][0].strip() in NOT_STATED)
        for v in values
    ):
        return None
    k += need
    attributes: list[GridCell] = []
    if has_attr and k + n <= len(items) and all(kind(a) == "attribute" for a in range(k, k + n)):
        attributes = [whole(a) for a in range(k, k + n)]
        k += n
    rows = [[whole(texts[0])]] if len(texts) == n + 1 else []
    names = texts[-n:]
    for r in range(n):
        row = [whole(names[r]), whole(unit_lines[r])]
        row += [whole(values[col * n + r]) for col in range(n_years)]
        if attributes:
            row.append(attributes[r])
        rows.append(row)
    return rows, k


def _row_line(
    lines: TextLines,
    k: int,
    n_years: int,
    has_attr: bool,
    units: dict,
    attrs: dict,
    has_unit: bool = True,
):
    """A whole row written on one line: name [unit] v1 .. vn [属性] ("—" for a blank)."""
    text, start, _ = lines.items[k]
    first = 2 if has_unit else 1
    width = first + n_years + (1 if has_attr else 0)
    tokens = space_tokens(text, width)
    if len(tokens) != width:
        return None
    cells = [lines.cell(k, start + a, start + b) for a, b in tokens]
    if has_unit and _kind(cells[1].text, units, attrs) != "unit":
        return None
    if not all(
        _kind(c.text, units, attrs) == "value" or c.text in NOT_STATED
        for c in cells[first : first + n_years]
    ):
        return None
    return cells
