"""Table cells that carry their English translation after the Chinese: a bilingual plan's
"指标 Indicator", "学前三年毛入园率 Preschool GER", "2020年 / 2020", "年 Years".

The translation says nothing the Chinese does not, and it hides the header words and
years the interpreter knows, so a cell is read by its Chinese alone (its raw span still
covers both). A cell that is all English, or whose Latin letters stand inside the Chinese
("5G网络覆盖率"), is left as it is.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell

# after a Chinese character, a closing bracket or "%": an optional "/", then English to the end
_TRANSLATION = re.compile(
    r"(?<=[\u4e00-\u9fff%)）”])[^\S\n]*(?:/[^\S\n]*)?[A-Za-z][A-Za-z0-9 .,'’()&%/\-]*$"
)
# "2020年 / 2020": the year repeated after a slash
_YEAR_REPEATED = re.compile(r"(?<=年)[^\S\n]*/[^\S\n]*(?:19|20)\d\d$")
_LATIN = re.compile(r"[A-Za-z]|年[^\S\n]*/")


def _chinese_part(text: str) -> str:
    m = _TRANSLATION.search(text) or _YEAR_REPEATED.search(text)
    return text[: m.start()] if m and m.start() > 0 else text


def without_translations(grid: Grid) -> Grid:
    """The grid with each cell's text its Chinese part (see the module's text)."""
    if not any(_LATIN.search(c.text) for row in grid.rows for c in row):
        return grid
    rows = [[GridCell(_chinese_part(c.text), c.start, c.end) for c in row] for row in grid.rows]
    if rows == grid.rows:
        return grid
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, grid.labels)
