"""Readers for tables whose every cell is a line of its own, with no delimiter at all.

* ``cell_lines``: row by row. A header of one cell per line ("序号", "指标", "单位",
  "2020年", "2025年", "属性") with at least one year cell and one name cell, then the body
  in chunks of the header's width (a PDF table copied cell by cell).
* ``year_rows``: one indicator down the years in two space-aligned columns ("年度  财政性
  教育经费支出（亿元）", then "2021年  72.4" per line): too narrow for the delimited
  reader, which wants three cells before it trusts runs of spaces.

Both return the same `Grid` as every other reader; the grid interpreter reads them.
"""

from __future__ import annotations

import re

from analysis.extraction.cell_line_heads import is_target_head, unit_row, without_thousands
from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import TOTAL_HEADER, header_year
from analysis.extraction.page_strays import PAGE_NUMBER as _PAGE_NUMBER
from analysis.extraction.page_strays import unmarked_number
from analysis.extraction.table_readers import (
    NOT_STATED,
    VALUE_CELL,
    YEAR_CELL,
    TextLines,
    _masked,
    _split,
    whitespace_count,
)

NAME_WORDS = ("指标", "项目", "名称", "指标名称", "项目名称")
ROLE_WORDS = (
    "序号",
    "编号",
    "指标",
    "指标名称",
    "项目名称",
    "项目",
    "名称",
    "单位",
    "计量单位",
    "属性",
    "性质",
    "类别",
    "领域",
)
MAX_CELL = 40  # a cell line is short; a sentence is not a cell
# a column after the years that is neither a value nor 属性: "备注", "责任科室", "牵头单位",
# a column of changes ("增幅", "增减（百分点）")
ATTRIBUTE_HEADS = ("属性", "性质", "指标属性", "指标性质")
TRAILING_HEADS = ("备注", "说明", "责任", "牵头", "增幅", "增减", "变化")
ROLE_LONGEST = 6  # "指标名称", "项目名称": a name word and a little more


def _is_trailing_head(text: str) -> bool:
    """A column after the values: 属性, 备注, 责任科室, a column of changes."""
    text = text.replace(" ", "")
    return text in ATTRIBUTE_HEADS or text.startswith(TRAILING_HEADS)


def _is_role(text: str) -> bool:
    return text in ROLE_WORDS or (len(text) <= ROLE_LONGEST and text.startswith(NAME_WORDS))


def _is_year(text: str) -> bool:
    return bool(YEAR_CELL.match(text)) and len(text) <= 12


def _is_value(text: str) -> bool:
    return bool(VALUE_CELL.match(text)) or (text.strip() != "" and text.strip() in NOT_STATED)


# A value with its comparator in words, as tables write them too: "达到97%", "不低于55%",
# "92以上", "保持99%以上". One number, at most a few characters either side.
_WORDED_VALUE = re.compile(
    r"^[^\d\s]{1,4}\s*\d+(?:\.\d+)?\s*%?\s*[^\d\s]{0,3}$|^\d+(?:\.\d+)?\s*%?\s*[^\d\s]{1,3}$"
)
# A range: "95—97", "93～95%", "6%-8%"
_RANGE_VALUE = re.compile(r"^\d+(?:\.\d+)?\s*%?\s*[-—–~～至到]\s*\d+(?:\.\d+)?\s*%?$")


def _is_year_value(text: str) -> bool:
    """What a cell under a year may hold: a value, "not stated", a range, or a value with
    its comparator in words."""
    text = without_thousands(text)
    if _is_value(text) or _RANGE_VALUE.match(text):
        return True
    return bool(_WORDED_VALUE.match(text)) and not _is_year(text)


def _is_cell_line(lines: TextLines, k: int) -> bool:
    text = lines.items[k][0]
    return 0 < len(text) <= MAX_CELL and _split(text) is None and not text.endswith("。")


def read_cell_lines(lines: TextLines, skip: list[tuple[int, int]]) -> list[Grid]:
    items = lines.items
    compact = lines.compact
    grids: list[Grid] = []
    i = 0
    while i < len(items):
        if len(compact[i]) > _HEAD_LONGEST:  # no header starts so: none of the three below
            i += 1
            continue
        header_end = _header(lines, i, skip)
        transposed = False
        top: list[list[GridCell]] = []  # a header on two rows: both, as the grid's first
        if header_end is not None:
            # a page number the page break left among the header's cells is none of them
            header = [
                _whole(lines, k)
                for k in range(i, header_end)
                if not _PAGE_NUMBER.match(items[k][0].strip())
            ]
            labels, after = _row_with_blanks(lines, header_end, len(header))
            if _is_label_row(labels, header):  # "基期值" under "2020年"
                top, header_end = [header, labels], after
        elif (found := _transposed_header(lines, i, skip)) is not None:
            header_end, transposed = found, True
            header = [_whole(lines, k) for k in range(i, header_end)]
            units = unit_row(header)
            if units is not None:  # "单位", then a unit per name: a second header row
                header = header[: len(units)]
                top = [header, units]
        elif (two := _two_row_header(lines, i, skip)) is not None:
            top, header_end = two
            header = [b if b.text else a for a, b in zip(*top, strict=True)]
        else:
            i += 1
            continue
        # a PDF's text boxes: a blank line after every cell, so a line right under
        # another is the rest of its cell ("残疾儿童少年义务教育入" / "学率")
        boxed = header_end - i > 2 and all(lines.blanks_before(k) for k in range(i + 1, header_end))
        rows, j = _body(lines, header, header_end, False, transposed, boxed)
        # an empty line can be an empty cell (a word processor's table as text): read
        # the body that way too, and keep it when it gives more rows
        with_blanks, j_blanks = _body(lines, header, header_end, True, transposed)
        if len(with_blanks) > len(rows):
            rows, j = with_blanks, j_blanks
        if len(rows) >= 2:
            rows[:1] = top or rows[:1]
            s, e = lines.raw_span(i, j)
            grids.append(Grid("cell_lines", items[i - 1][0] if i else "", s, e, rows))
            i = j
        else:
            i += 1
    return grids


def _body(
    lines: TextLines,
    header: list[GridCell],
    k: int,
    blank_cells: bool,
    transposed: bool,
    boxed: bool = False,
) -> tuple[list[list[GridCell]], int]:
    """The rows under a one-cell-per-line header from line k, the header first, and the
    line after the last row. With blank_cells, each empty raw line before a line of the
    body is an empty cell; a row then needs one value in a year column, not all.
    Transposed (years as rows): each row is a year, then a value per indicator.
    Boxed (a PDF's text boxes, a blank line after each): a line right under another
    continues its cell.

    A page number that a page break left among the cells ("5" alone on a line) shifts
    every cell after it: when a row does not fit its columns, the row without one bare
    number among its cells is tried. When more than one such number would do (a page
    number between two values), the row is skipped rather than read with a guess."""
    width = len(header)
    rows, first, end = [header], k, k
    cells: list[tuple[GridCell, int]] = []  # the next cells, each with the line after it
    while True:
        while len(cells) <= width and k < len(lines.items) and _is_cell_line(lines, k):
            if blank_cells and k > first:
                at = lines.view.raw_start(lines.items[k][1])
                cells.extend([(GridCell("", at, at), k)] * lines.blanks_before(k))
            if boxed and cells and cells[-1][1] == k and not lines.blanks_before(k):
                last, line = cells[-1][0], _whole(lines, k)  # the rest of the box's cell
                cells[-1] = (GridCell(last.text + line.text, last.start, line.end), k + 1)
            else:
                cells.append((_whole(lines, k), k + 1))
            k += 1
        if blank_cells and 0 < len(cells) < width and k < len(lines.items):
            # the table's last cells are empty: blank lines before the text after it
            at = lines.view.raw_start(lines.items[k][1])
            blanks = min(lines.blanks_before(k), width - len(cells))
            cells.extend([(GridCell("", at, at), k)] * blanks)
        merged = None
        if len(cells) < width or not _fits(
            [c for c, _ in cells[:width]], header, blank_cells, transposed
        ):
            merged = None if transposed else _under_merged_category(cells, header, blank_cells)
        if merged is not None:
            row, used = merged
            rows.append(row)
            end = cells[used - 1][1]
            del cells[:used]
            continue
        if len(cells) < width:
            break
        if not _fits([c for c, _ in cells[:width]], header, blank_cells, transposed):
            strays = [
                n
                for n in range(min(width, len(cells) - 1))
                if _PAGE_NUMBER.match(cells[n][0].text)
                and _fits(
                    [c for c, _ in cells[:n] + cells[n + 1 : width + 1]],
                    header,
                    blank_cells,
                    transposed,
                )
            ]
            if not strays:
                break
            if len(strays) > 1:  # which number is the page's cannot be told: skip the row
                del cells[: width + 1]
                continue
            del cells[strays[0]]
        elif (n := unmarked_number([c.text for c, _ in cells[: width + 1]])) is not None and (
            _fits(
                [c for c, _ in cells[:n] + cells[n + 1 : width + 1]],
                header,
                blank_cells,
                transposed,
            )
        ):
            del cells[n]  # a page number: the row's last value is the cell after it
            continue
        rows.append([c for c, _ in cells[:width]])
        end = cells[width - 1][1]
        del cells[:width]
    return rows, end


CATEGORY_HEADS = ("类别", "领域", "类型", "分类")


def _under_merged_category(cells: list, header: list[GridCell], blank_cells: bool):
    """A first column of categories whose cell spans its group's rows ("学前教育" once
    for three indicators) leaves the other rows one cell short, and a category wrapped
    onto two lines ("高中阶段", "教育") leaves its row one cell long. Returns the row
    that fits either way and how many cells it used, or None."""
    width = len(header)
    if header[0].text.replace(" ", "") not in CATEGORY_HEADS or len(cells) < width - 1:
        return None
    cells = [c for c, _ in cells]
    empty = GridCell("", cells[0].start, cells[0].start)
    tries = [([empty, *cells[: width - 1]], width - 1)]
    if len(cells) > width and not _is_year_value(cells[1].text):
        joined = GridCell(cells[0].text + cells[1].text, cells[0].start, cells[1].end)
        tries.append(([joined, *cells[2 : width + 1]], width + 1))
    for row, used in tries:
        if _fits(row, header, blank_cells, False):
            return row, used
    return None


# columns whose cells are never a number: a cell there that is one is in the wrong column
TEXT_COLUMNS = ("单位", "计量单位", "属性", "性质", "指标属性", *NAME_WORDS, "指标名称", "项目名称")


def _fits(row: list[GridCell], header: list[GridCell], blank_cells: bool, transposed: bool):
    """Does the row fit the header's columns (values under the years, text elsewhere)?"""
    if len(row) != len(header):  # the text ends inside the row: it cannot be one
        return False
    if transposed:  # the columns holding values: all but a remarks column ("备注")
        years = [c for c in range(1, len(header)) if not _is_trailing_head(header[c].text)]
    else:
        years = [c for c, cell in enumerate(header) if _names_year(cell.text)]
    # a category row across the table ("**学前教育**", then empty lines) has no value
    if blank_cells and not transposed and row[0].text and not any(c.text for c in row[1:]):
        return True
    stated = [row[n].text for n in years if row[n].text or not blank_cells]
    return (
        bool(stated)
        and all(_is_year_value(t) for t in stated)
        and not any(_is_year(c.text) for n, c in enumerate(row) if n not in years and n > 0)
        and _is_year(row[0].text) == transposed
        and not any(
            _is_year_value(c.text)
            for h, c in zip(header, row, strict=True)
            if h.text.replace(" ", "") in TEXT_COLUMNS
        )
    )


def _two_row_header(lines: TextLines, i: int, skip) -> tuple[list[list[GridCell]], int] | None:
    """A header on two rows of one cell per line: labels ("指标名称", "单位", "“十三五”末",
    "属性"), then the years under them ("（2020年）"), the other cells of that row empty
    lines. Returns both rows and the line after the header."""
    items = lines.items
    # the word test first: it rules out nearly every line, and costs less than the mask
    if not _is_role(items[i][0].replace(" ", "")) or _masked(lines, i, skip):
        return None
    k = i
    while (
        k < len(items)
        and _is_cell_line(lines, k)
        and (k == i or lines.blanks_before(k) == 0)
        and not _is_year(items[k][0])  # a label may name a period ("“十三五”末"), not a year
        and not _is_year_value(items[k][0])
    ):
        k += 1
    width = k - i
    labels = [_whole(lines, n) for n in range(i, k)]
    if width < 3 or not any(c.text.replace(" ", "").startswith(NAME_WORDS) for c in labels):
        return None
    years, k = _row_with_blanks(lines, k, width)
    stated = [c.text for c in years if c.text]
    if len(years) != width or not stated or not all(_names_year(t) for t in stated):
        return None
    return [labels, years], k


def _row_with_blanks(lines: TextLines, k: int, width: int) -> tuple[list[GridCell], int]:
    """Up to `width` cells from line k, each empty raw line before a line an empty cell;
    and the line after them."""
    cells: list[GridCell] = []
    while len(cells) < width and k < len(lines.items) and _is_cell_line(lines, k):
        at = lines.view.raw_start(lines.items[k][1])
        cells.extend([GridCell("", at, at)] * lines.blanks_before(k))
        if len(cells) >= width:
            return cells[:width], k
        cells.append(_whole(lines, k))
        k += 1
    return cells, k


def _is_label_row(cells: list[GridCell], header: list[GridCell]) -> bool:
    """A second header row of labels: some cells, all empty lines or short words, the
    first empty (a category row across the table has its name there). A year is a label
    under a column that names none ("2025年" under "“十四五”目标")."""
    stated = [(h.text, c.text) for h, c in zip(header, cells, strict=False) if c.text]
    return (
        len(cells) == len(header)
        and not cells[0].text
        and 0 < len(stated) < len(header)
        and not any(_is_year_value(t) or _is_value(t) or _another_year(h, t) for h, t in stated)
    )


def _another_year(head: str, text: str) -> bool:
    """A year under a header cell naming another year (a body row's year, not the year
    line of a "“十四五”目标" over "2025年" header)."""
    return _is_year(text) and _names_year(head) and header_year(text) != header_year(head)


def _names_year(text: str) -> bool:
    """A header cell naming a year: "2020年", "（2020年）", "2025年目标值"."""
    return _is_year(text) or header_year(text) is not None


YEAR_ROLE_WORDS = ("年度", "年份")
# the longest first line (spaces removed) any cell-per-line header can start with: a role
# word (_header, _two_row_header) or a year role word (_transposed_header)
_HEAD_LONGEST = max(ROLE_LONGEST, *map(len, ROLE_WORDS), *map(len, YEAR_ROLE_WORDS))


def _transposed_header(lines: TextLines, i: int, skip) -> int | None:
    """End of a transposed header ("年度", then one indicator name per line, the first
    year row next), or None."""
    items = lines.items
    if items[i][0].replace(" ", "") not in YEAR_ROLE_WORDS or _masked(lines, i, skip):
        return None
    k = i + 1
    while (
        k < len(items)
        and _is_cell_line(lines, k)
        and not _is_year(items[k][0])
        and not _is_year_value(items[k][0])
    ):
        k += 1
    at_year = k < len(items) and _is_year(items[k][0])
    return k if k - i >= 2 and at_year else None


def _header(lines: TextLines, i: int, skip) -> int | None:
    """End of a one-cell-per-line header starting at line i, or None."""
    items = lines.items
    if not _is_role(items[i][0].replace(" ", "")) or _masked(lines, i, skip):
        return None
    k = i
    seen_year = seen_name = False
    while k < len(items) and _is_cell_line(lines, k):
        text = items[k][0].replace(" ", "")
        if _is_year(text):
            seen_year = True
        elif seen_year and (
            _is_trailing_head(text) or is_target_head(text) or TOTAL_HEADER.match(text)
        ):
            pass  # a column after the years (属性, 备注, the years' total "合计"), or a
            # target whose year is on the row below
        elif _is_role(text):
            if seen_year:
                break  # a role word after the years: the body's first row can't start so
            seen_name = seen_name or text.startswith(NAME_WORDS)
        elif not (
            seen_name and not seen_year and _PAGE_NUMBER.match(text) and _heads(lines, k + 1)
        ):
            break  # (a page number between the name header and the years is skipped)
        k += 1
    return k if seen_year and seen_name and k - i >= 3 else None


def _heads(lines: TextLines, k: int) -> bool:  # line k is a header's year or role word
    text = lines.items[k][0].replace(" ", "") if k < len(lines.items) else ""
    return bool(text) and _is_cell_line(lines, k) and (_is_year(text) or _is_role(text))


# how a year row's line starts ("2021年  72.4"): its first cell is a year
_FIRST_ROW_START = YEAR_CELL
_TWO_CELLS = re.compile(r"^(\S(?:.*?\S)?)\s{2,}(\S(?:.*\S)?)$")


def _two_cells(lines: TextLines, k: int) -> list[GridCell] | None:
    text, start, _ = lines.items[k]
    if whitespace_count(text) < 2:  # no run of two spaces: the pattern's scan is not needed
        return None
    m = _TWO_CELLS.match(text)
    if m is None or re.search(r"\s{2,}", m.group(2)):
        return None
    return [lines.cell(k, start + m.start(g), start + m.end(g)) for g in (1, 2)]


def read_year_rows(lines: TextLines, skip: list[tuple[int, int]]) -> list[Grid]:
    """A header of two cells (a label, the indicator), then two or more "year  value" lines."""
    items = lines.items
    grids: list[Grid] = []
    i = 1
    while i < len(items):
        # the first row under the header starts with a year: a line after one that does
        # not cannot be a header, and needs no split into two cells
        if not _FIRST_ROW_START.match(items[i][0]):
            i += 1
            continue
        header = _two_cells(lines, i - 1)
        if header is None or _masked(lines, i - 1, skip) or _is_value(header[1].text):
            i += 1
            continue
        rows = [header]
        j = i
        while j < len(items) and not _masked(lines, j, skip):
            row = _two_cells(lines, j)
            if row is None or not _is_year(row[0].text) or not _is_value(row[1].text):
                break
            rows.append(row)
            j += 1
        if len(rows) >= 3:
            s, e = lines.raw_span(i - 1, j)
            grids.append(Grid("year_rows", items[i - 2][0] if i > 1 else "", s, e, rows))
            i = j + 1
        else:
            i += 1
    return grids


def _whole(lines: TextLines, k: int) -> GridCell:
    _, a, b = lines.items[k]
    return lines.cell(k, a, b)
