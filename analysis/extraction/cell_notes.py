"""A table cell's value with a bracketed part of it ("1,980（含幼儿园学位540个）") or a
footnote reference after it ("100注1", "95注②")."""

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


# a reference to a note under the table after the value: "100注1", "≥95 注②"
_NOTE_REFERENCE = re.compile(r"(?<=[\d%])\s*注\s*[\d①-⑳]{1,2}\s*$")


def without_note_reference(cell: GridCell, text: str) -> tuple[str, tuple[int, int] | None]:
    """text (the cell's) without a footnote reference after its value, and the reference's raw
    span (exact when the cell's raw text equals its clean text), or None."""
    m = _NOTE_REFERENCE.search(text)
    if m is None:
        return text, None
    if cell.end - cell.start == len(cell.text) and text == cell.text:
        return text[: m.start()], (cell.start + m.start(), cell.start + m.end())
    return text[: m.start()], (cell.start, cell.end)
