"""Page numbers that a page break leaves among the cells of a table read one cell per
line ("7" alone on a line between two values of a column).

A column with one value line more than it has rows holds one such number. It can be
dropped only when one bare number (one to three digits, no unit or comparator) could be
it; when several could ("4.2", "4", "2.8", "400", "20"), which is the page's cannot be
told: the rows between them are left unread (their numbers stay unaccounted in the
ledger) rather than read shifted by one row.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analysis.extraction.grid import GridCell

PAGE_NUMBER = re.compile(r"^\d{1,3}$")
NOT_STATED_MARKS = {"", "—", "-", "/", "－", "–", "——", "--", "无", "\\"}  # as table_readers


def column_without_stray(
    values: list[int], cell: Callable[[int], GridCell], is_value: Callable[[int], bool]
) -> tuple[list[GridCell], int]:
    """The cells of a column's value lines (`values`, consecutive), and the line after the
    column. When the line after them is a value too, the page number among them is
    dropped; when several bare numbers could be it, the rows from the first such number
    to the last cannot be told and are empty cells (not stated), those around them kept."""
    extra = values[-1] + 1
    if not is_value(extra):
        return [cell(v) for v in values], extra
    cells = [cell(v) for v in [*values, extra]]
    bare = [n for n, c in enumerate(cells) if PAGE_NUMBER.match(c.text.strip())]
    if len(bare) == 1:
        return cells[: bare[0]] + cells[bare[0] + 1 :], extra + 1
    first, last = bare[0], bare[-1]
    unread = [GridCell("", c.start, c.start) for c in cells[first:last]]
    return cells[:first] + unread + cells[last + 1 :], extra + 1


def cells_past_page_numbers(
    k: int, count: int, end: int, is_cell: Callable[[int], bool], text: Callable[[int], str]
) -> tuple[list[int], int] | None:
    """The next `count` cell lines from line k (before `end`), a page number between them
    skipped (in a layout where every cell is marked, as "…|", a bare number line is none),
    and the line after the last; None when they run out first."""
    found: list[int] = []
    while len(found) < count and k < end:
        if is_cell(k):
            found.append(k)
        elif not PAGE_NUMBER.match(text(k).strip()):
            return None
        k += 1
    return (found, k) if len(found) == count else None


def unmarked_number(cells: list[str]) -> int | None:
    """A row's cells and the cell after them: the one bare number among the row's values
    when the other values, the next cell included, are percentages ("对口升学率", "4",
    "82%", "/"; blanks aside): a page number the break left inside the row; else None."""
    if len(cells) < 3:
        return None
    bare = [n for n, t in enumerate(cells[1:-1], 1) if PAGE_NUMBER.match(t.strip())]
    others = [t.strip() for n, t in enumerate(cells[1:], 1) if n not in bare]
    others = [t for t in others if t not in NOT_STATED_MARKS]
    if len(bare) != 1 or not others or not all(t.endswith("%") for t in others):
        return None
    return bare[0]
