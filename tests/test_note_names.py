"""A table's short names spelt out in the note under it (extraction/note_names.py)."""

from __future__ import annotations

import pytest

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.note_names import spelt_out_names


def _grid(header: list[str], names: list[str]) -> tuple[Grid, str]:
    lines = ["\t".join(header)] + [f"{n}\t1" for n in names]
    table = "\n".join(lines)
    rows, pos = [], 0
    for line in lines:
        row = []
        for cell in line.split("\t"):
            at = table.index(cell, pos)
            row.append(GridCell(cell, at, at + len(cell)))
            pos = at + len(cell)
        rows.append(row)
    return Grid("delimited", "", 0, len(table), rows), table


@pytest.mark.parametrize(
    ("note", "header", "names", "expected"),
    [
        # short names in the header and in the first column, a unit kept
        ("注：普惠率指普惠性幼儿园覆盖率；巩固率即九年义务教育巩固率。", ["县区", "普惠率（%）"], ["巩固率", "全县"], [["县区", "普惠性幼儿园覆盖率（%）"], ["九年义务教育巩固率", "1"], ["全县", "1"]]),
        # a note that explains a name (its words are not the long name's letters): unchanged
        ("注：参赛率指五年内参加县级以上教学竞赛的教师占比。", ["指标", "参赛率"], ["全县"], None),
        # a note after prose, not right under the table: unchanged
        ("\n这是正文。\n注：普惠率指普惠性幼儿园覆盖率。", ["县区", "普惠率"], ["全县"], None),
    ],
)  # fmt: skip
def test_spelt_out_names(note, header, names, expected):
    grid, table = _grid(header, names)
    got = spelt_out_names(grid, table + "\n" + note)
    if expected is None:
        assert got is None
    else:
        assert [[c.text for c in row] for row in got.rows] == expected
        assert [(c.start, c.end) for c in got.rows[0]] == [(c.start, c.end) for c in grid.rows[0]]
