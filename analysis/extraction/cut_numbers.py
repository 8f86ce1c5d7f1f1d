"""A table row cut by a line break inside a number, as a scraped page or a text export
breaks a long row: "5⇥残疾儿童少年义务教育入学率⇥%⇥96." over "3⇥≥98⇥约束性".

The two lines are one row when together they have the table's width (the cut cell
counted once), the first line ends on a digit or a decimal point and the second starts
with a digit: the cut cell is one number, its raw span running over the line break."""

from __future__ import annotations

import re

from analysis.extraction.grid import GridCell

_CUT_HEAD = re.compile(r"[≥≤<>＞＜约]?\d[\d,.]*$")
_CUT_TAIL = re.compile(r"\d")


def join_cut_numbers(rows: list[list[GridCell]], width: int) -> list[list[GridCell]]:
    """The rows, each pair of lines that is one row cut inside a number joined."""
    out: list[list[GridCell]] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if (
            nxt
            and len(row) < width
            and len(row) + len(nxt) - 1 == width
            and _CUT_HEAD.search(row[-1].text)
            and _CUT_TAIL.match(nxt[0].text)
        ):
            head, tail = row[-1], nxt[0]
            joined = GridCell(head.text + tail.text, head.start, tail.end)
            out.append([*row[:-1], joined, *nxt[1:]])
            k += 2
            continue
        out.append(row)
        k += 1
    return out
