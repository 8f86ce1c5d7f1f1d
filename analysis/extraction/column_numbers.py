"""A form's row of column letters and numbers under its header ("甲  乙  丙  1  2  3"):
it names the columns for the notes ("第1栏填2020年实际数"), and holds no values. The row
leaves the grid; its numbers go to the ledger as column numbers."""

from __future__ import annotations

from analysis.extraction.grid import Grid

_LETTERS = set("甲乙丙丁戊己庚辛壬癸")
_REASON = "a column's number in a form (栏次: 甲 乙 丙 1 2 3)"


def without_column_numbers(grid: Grid) -> Grid | None:
    """The grid without its column-number row, or None if it has none."""
    for r, row in enumerate(grid.rows[:5]):
        texts = [c.text.strip() for c in row if c.text.strip()]
        numbers = [t for t in texts if t.isdecimal()]
        letters = [t for t in texts if t in _LETTERS]
        if len(texts) < 3 or len(numbers) + len(letters) != len(texts) or len(numbers) < 2:
            continue
        # numbered 1, 2, 3 … in order, after the letters of the name columns
        if [int(t) for t in numbers] != list(range(1, len(numbers) + 1)):
            continue
        labels = [((c.start, c.end), "section_number", _REASON) for c in row if c.text.isdecimal()]
        rows = grid.rows[:r] + grid.rows[r + 1 :]
        return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, grid.labels + labels)
    return None
