"""A table's short names spelt out in its note: "注：毛入园率指学前三年毛入园率，普惠覆盖率指
普惠性幼儿园覆盖率…" (a ranking table whose narrow columns carry abbreviations).

A header or first-column cell that is one of the note's short names reads as the long
name; its span stays the cell's own (the value's provenance is the table). Only a short
name made of the long one's characters in order is one: "参赛率指五年内参加…的教师占比"
explains a name, it does not spell one out.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell

# how far after a table its note may stand
_REACH = 400
_NOTE = re.compile(r"^[^\S\n]*(?:注|说明|备注)\s*\d?\s*[:：]", re.M)
# "毛入园率指学前三年毛入园率", "巩固率即九年义务教育巩固率", "高中毛入学率是指…"
_DEFINITION = re.compile(
    r"([\u4e00-\u9fff“”\"]{2,12})(?:是指|系指|指|即)([\u4e00-\u9fff“”\"()（）、]{3,40})"
)
_UNIT = re.compile(r"\s*[(（][^()（）]{1,8}[)）]\s*$")


def spelt_out_names(grid: Grid, raw: str) -> Grid | None:
    """The grid with its short names read as its note spells them out, or None."""
    after = raw[grid.end : grid.end + _REACH]
    note = _NOTE.search(after)
    if note is None or after[: note.start()].strip():
        return None  # no note right under the table
    line_end = after.find("\n\n", note.end())
    text = after[note.end() : line_end if line_end >= 0 else len(after)]
    names = {}
    for clause in re.split(r"[，,；;。]", text):
        m = _DEFINITION.fullmatch(clause.strip())
        if m and m.group(2) != m.group(1) and _abbreviates(m.group(1), m.group(2)):
            names[m.group(1)] = m.group(2)
    if not names:
        return None

    def spelt(cell: GridCell) -> GridCell:
        unit = _UNIT.search(cell.text)
        bare = cell.text[: unit.start()] if unit else cell.text
        long = names.get(bare.replace(" ", ""))
        if long is None:
            return cell
        return GridCell(long + (unit.group() if unit else ""), cell.start, cell.end)

    rows = [list(row) for row in grid.rows]
    if rows:
        rows[0] = [spelt(c) for c in rows[0]]
    for row in rows[1:]:
        if row:
            row[0] = spelt(row[0])
    if rows == grid.rows:
        return None
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, list(grid.labels))


def _abbreviates(short: str, long: str) -> bool:
    """Every character of the short name stands in the long one, in order."""
    rest = iter(long)
    return all(ch in rest for ch in short)
