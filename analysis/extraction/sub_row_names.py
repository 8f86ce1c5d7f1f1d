"""A name header spanning two columns ("二级指标" colspan=2) over rows that either repeat one
name in both ("学前三年毛入园率" | "学前三年毛入园率") or split it into a group and its
sub-rows ("净入学率" rowspan=2 beside "小学", then "初中").

A sub-row's name is the group's with the sub-row's qualifier: "小学" under "净入学率" is
"小学净入学率" (the qualifier goes before a rate, ratio or count, after anything else:
"学前教育" over "毛入园率" is "学前教育毛入园率"). Both columns then hold that one name, so
the interpreter reads the row like any other."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell

# a group name that is itself a measure: its sub-rows' qualifiers go before it
_MEASURE_END = re.compile(r"(?:率|比例|占比|比重|人数|数|规模)$")


def _named(group: str, sub: str) -> str:
    return sub + group if _MEASURE_END.search(group) else group + sub


def join_sub_row_names(grid: Grid) -> Grid | None:
    """The grid with each sub-row named by its group and qualifier, or None (no header cell
    repeated over two name columns, or no row that splits them)."""
    if not grid.rows:
        return None
    header = [c.text for c in grid.rows[0]]
    pairs = [
        k
        for k in range(len(header) - 1)
        if header[k] and header[k] == header[k + 1] and not re.search(r"\d", header[k])
    ]
    if len(pairs) != 1:
        return None
    k = pairs[0]
    rows, changed = [grid.rows[0]], False
    for row in grid.rows[1:]:
        if len(row) <= k + 1:
            rows.append(row)
            continue
        group, sub = row[k], row[k + 1]
        if group.text and sub.text and group.text != sub.text and not re.search(r"\d", sub.text):
            name = GridCell(_named(group.text, sub.text), sub.start, sub.end)
            row = [*row[:k], name, name, *row[k + 2 :]]
            changed = True
        rows.append(row)
    if not changed:
        return None
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, grid.labels)
