"""Mending rows of a table whose cells are split by runs of spaces.

A blank mark ("—", "-", "/") typed one space after the name ("比例（%） —          50") is
not split off by a run of spaces: the row comes out one cell short and every value after
it lands one column early (50 under 2020 instead of 2025). Such a row gets its mark back
as a cell of its own. So does a first value typed one space after a name as long as its
column ("…支出比例（%） 19.6      ≥20", or with no space at all after the unit's bracket:
"…入学率（%）93.8　　　96以上"), or its unit ("…学历比例 %   61.8   75"). A
header's second line under the value columns only ("　　　　2020年　　2025年") is a row of
two cells with empty leading cells, not the table's end.
"""

from __future__ import annotations

import re
import unicodedata

from analysis.extraction.grid import GridCell
from analysis.extraction.grid_headers import SPACED_WORDS, join_spaced_words

_TRAILING_MARK = re.compile(
    r"^(.*\S)\s+(—|－|–|-|/|——|--|[≥≤<>]?\d+(?:\.\d+)?%?(?:左右|以上|以下)?"
    # a unit cell one space after a name as long as its column ("…学历比例 %")
    r"|%|‰|人|万人|人次|万人次|所|个|名|年|元|万元|亿元)$"
)
# a first value typed right after a name's unit, as long as its column: "…入学率（%）93.8"
_GLUED_VALUE = re.compile(r"^(.*\S[）)])()([≥≤<>]?\d+(?:\.\d+)?%?)$")
_RUN = re.compile(r"\s{2,}")
_SHORT_CELL = 12  # a header label or a value, not a line of indented prose
_SENTENCE = re.compile(r"[。，；：,;:]")


def name_then_values(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """A row of a space-delimited table split into two by its runs of spaces, the first
    part ending in a value or a blank mark one space after the name: three cells."""
    runs = list(_RUN.finditer(text))
    if len(runs) != 1:
        return None
    first = text[: runs[0].start()]
    m = _TRAILING_MARK.match(first) or _GLUED_VALUE.match(first)
    if m is None or not re.search(r"[^\d\s.%≥≤<>]", m.group(1)):  # the name is text
        return None
    value = m.lastindex  # (the glued pattern's value is its third group)
    return "spaces", [(0, m.end(1)), (m.start(value), m.end(value)), (runs[0].end(), len(text))]


def indented_pair(raw: str, at: int, text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """A line of two short cells whose raw line starts with white space (its leading cells
    empty, as on a header's second line): a row of a space-delimited table, which the
    table's even spacing then puts back on its columns (space_alignment). `at` is the raw
    offset of the line's first character, `text` the line as the lines view has it."""
    lead = raw[raw.rfind("\n", 0, at) + 1 : at]
    runs = list(_RUN.finditer(text))
    if not lead or lead.strip() or len(runs) != 1:
        return None
    spans = [(0, runs[0].start()), (runs[0].end(), len(text))]
    if any(b - a > _SHORT_CELL or _SENTENCE.search(text[a:b]) for a, b in spans):
        return None
    return "spaces", spans


def split_blank_marks(raw: str, rows: list[list[GridCell]], width: int) -> list[list[GridCell]]:
    """Rows one cell short of `width` whose one cell ends in " —" get the mark as a cell."""
    out = []
    for row in rows:
        marked = [k for k, c in enumerate(row) if _TRAILING_MARK.match(c.text)]
        if len(row) != width - 1 or len(marked) != 1:
            out.append(row)
            continue
        k = marked[0]
        cell = row[k]
        body, mark = _TRAILING_MARK.match(cell.text).groups()
        mark_start = cell.end - len(mark)  # NFKC keeps a dash one character ("－" is "-")
        if unicodedata.normalize("NFKC", raw[mark_start : cell.end]) != mark:
            # the raw mark is written otherwise (an encoded source: "12=E5=B7=A6…"): split
            # where the raw cell's last white space is, else leave the row as it is
            gap = _last_space(raw, cell.start, cell.end)
            if gap is None:
                out.append(row)
                continue
            pieces = [GridCell(body, cell.start, gap[0]), GridCell(mark, gap[1], cell.end)]
            out.append([*row[:k], *pieces, *row[k + 1 :]])
            continue
        body_end = len(raw[cell.start : mark_start].rstrip()) + cell.start
        pieces = [GridCell(body, cell.start, body_end), GridCell(mark, mark_start, cell.end)]
        out.append([*row[:k], *pieces, *row[k + 1 :]])
    return out


def _last_space(raw: str, start: int, end: int) -> tuple[int, int] | None:
    """The raw span of the last run of white space inside raw[start:end], or None."""
    runs = list(re.finditer(r"[ \t\u3000]+", raw[start:end].rstrip()))
    return (start + runs[-1].start(), start + runs[-1].end()) if runs else None


def merge_spaced_words(rows: list[list[GridCell]]) -> list[list[GridCell]]:
    """ "指　　标" in the first row, "合　计" in the last: a word spaced out across its
    column is split by the runs of spaces into one-character cells; they become the word
    again before the rows are put on the header's columns (a header naming no year is not
    mended later)."""
    return [join_spaced_words(r, SPACED_WORDS) for r in rows]
