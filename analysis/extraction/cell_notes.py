"""A table cell's value with a bracketed part of it: "1,980（含幼儿园学位540个）"."""

from __future__ import annotations

import re

from analysis.extraction.grid import GridCell

# a bracket at the end of the cell naming a part of its value (含, 其中, 包括)
_PART_NOTE = re.compile(r"\s*[(（]\s*(?:含|其中|包括)[^()（）]*[)）]\s*$")


def without_part_note(cell: GridCell) -> tuple[str, tuple[int, int] | None]:
    """The cell's text without a closing bracket that names a part of its value, and the
    bracket's raw span (exact when the cell's raw text equals its clean text), or None."""
    m = _PART_NOTE.search(cell.text)
    if m is None or not any(ch.isdigit() for ch in cell.text[: m.start()]):
        return cell.text, None
    if cell.end - cell.start == len(cell.text):
        return cell.text[: m.start()], (cell.start + m.start(), cell.start + m.end())
    return cell.text[: m.start()], (cell.start, cell.end)
