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
# a cell of English words, two at least ("Gross preschool enrolment rate (%)")
_ENGLISH_CELL = re.compile(r"[A-Za-z][A-Za-z0-9 .,'’\"()&%/\-–:;]*\s[A-Za-z0-9 .,'’\"()&%/\-–:;]*")
REASON = "in an English translation of the Chinese cell beside it"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGITS = re.compile(r"\d+")


def _chinese_part(text: str) -> str:
    m = _TRANSLATION.search(text) or _YEAR_REPEATED.search(text)
    return text[: m.start()] if m and m.start() > 0 else text


def without_translations(grid: Grid) -> Grid:
    """The grid with each cell's text its Chinese part (see the module's text), and a
    column of English beside a column of Chinese names ("中文指标 | English indicator")
    emptied: it names the rows again, and the interpreter would take it for the names."""
    if not any(_LATIN.search(c.text) for row in grid.rows for c in row):
        return grid
    rows = [[GridCell(_chinese_part(c.text), c.start, c.end) for c in row] for row in grid.rows]
    labels = list(grid.labels)
    english = _english_columns(rows)
    if english:
        for row in rows:
            for k in english:
                if k < len(row) and row[k].text:
                    cell = row[k]
                    labels.extend(
                        ((cell.start + m.start(), cell.start + m.end()), "translation", REASON)
                        for m in _DIGITS.finditer(cell.text)
                    )
                    row[k] = GridCell("", cell.start, cell.start)
    if rows == grid.rows:
        return grid
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, labels)


def _english_columns(rows: list[list[GridCell]]) -> list[int]:
    """Columns whose body cells are all English words, beside a column of Chinese ones."""
    body = rows[1:]
    if len(body) < 2:
        return []
    width = max(len(r) for r in rows)

    def column(k):
        return [r[k].text for r in body if k < len(r) and r[k].text]

    def english(cells):
        return bool(cells) and all(_ENGLISH_CELL.fullmatch(t) for t in cells)

    def chinese(cells):
        return bool(cells) and all(_CJK.search(t) for t in cells)

    if not any(chinese(column(k)) for k in range(width)):
        return []
    return [k for k in range(width) if english(column(k))]
