"""Rows of a table ruled between every row, whose cells wrap inside the rules: a pandoc or
reStructuredText grid table (+----+----+ between rows, +====+ under the header) or box
drawing (├──┼──┤). A long name or a value's qualifier continues on the next line of the same
row ("| 义务教育发展优质均 | % | — | 40 |" over "| 衡县比例 | | | |", "4.8" over "左右"),
so the lines between two rules are one row: each cell's pieces joined.

A table with one rule (a Markdown header's |---|) or rules only here and there is not
ruled between rows, and lines that each hold a number in the same column are rows of their
own: such lines stay rows.
"""

from __future__ import annotations

from collections import Counter

from analysis.extraction.grid import GridCell

# a ruled table: at least this many groups of lines between rules, none longer than
# MAX_LINES (a Markdown table's body is one long group)
MIN_GROUPS = 3
MAX_LINES = 4


def _joined(a: str, b: str) -> str:
    # pieces of a wrapped Chinese name or a value and its 左右 join as they are; two Latin
    # words keep a space
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return f"{a} {b}"
    return a + b


def _merged(cells: list[GridCell]) -> GridCell:
    """One cell from its pieces, top to bottom: the joined text, the raw span of the piece
    holding a digit (a value's number, not its 左右) or else of the first piece."""
    filled = [c for c in cells if c.text]
    if len(filled) < 2:
        return filled[0] if filled else cells[0]
    text = ""
    for c in filled:
        text = _joined(text, c.text)
    anchor = next((c for c in filled if any(ch.isdigit() for ch in c.text)), filled[0])
    return GridCell(text, anchor.start, anchor.end)


def _one_row(group: list[list[GridCell]], width: int) -> bool:
    """Whether the lines are pieces of one row: no column holds a number on two of them
    (two rows between one pair of rules each have their own: "1 | 学前… | 88%" over
    "2 | 九年… | 95%")."""
    return all(
        sum(any(ch.isdigit() for ch in row[c].text) for row in group) <= 1 for c in range(width)
    )


def merge_ruled_rows(rows: list[list[GridCell]], groups: list[int]) -> list[list[GridCell]]:
    """`groups`: for each row, the number of rule lines above it in the table. When the
    table is ruled between its rows, the rows of one group are merged into one row."""
    sizes = Counter(groups)
    if len(sizes) < MIN_GROUPS or max(sizes.values()) > MAX_LINES or max(sizes.values()) < 2:
        return rows
    out: list[list[GridCell]] = []
    k = 0
    while k < len(rows):
        j = k
        while j < len(rows) and groups[j] == groups[k]:
            j += 1
        group = rows[k:j]
        width = max(len(r) for r in group)
        if any(len(r) != width for r in group) or not _one_row(group, width):
            out.extend(group)  # pieces that do not line up, or rows of their own
        else:
            out.append([_merged([r[c] for r in group]) for c in range(width)])
        k = j
    return out
