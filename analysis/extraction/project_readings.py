"""A project table read (project_tables.py finds its columns): value columns summed by a
合计 row, description cells left to the prose binder, score and comment columns ledgered.
Mixed into GridInterpreter (uses its book, _one, _default_unit and _indicators)."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid
from analysis.extraction.grid_headers import (
    COMMENT_HEADER,
    COMMENT_REASON,
    SCORE_HEADER,
    SCORE_REASON,
)
from analysis.extraction.grid_names import _bare_name
from analysis.extraction.grid_readings import CellNote, GridReading, TableValue
from analysis.extraction.project_tables import (
    description_cells,
    project_columns,
    total_row,
    without_header,
)
from analysis.extraction.table_readers import NOT_STATED

_EXCERPT = re.compile(r"摘要|节选|摘录|选录|部分项目")
_UNHEADED_REASON = "a project's figure in a column with no header naming an indicator"


class ProjectReadings:
    def _read_projects(self, grid: Grid, year: int) -> GridReading | None:
        """A project table (project_tables.py): value columns and description cells."""
        bare = without_header(grid)  # numbered items with no header row
        grid = bare or grid
        total = total_row(grid)
        # a bare "投资（亿元）" column is the projects' investment where a 合计 row sums it
        money = total is not None
        columns, described, index = project_columns(
            grid, lambda text: self._names_a_total(text, money)
        )
        if bare is not None:
            index = 0  # the items' numbers
        if not columns and not described:
            return None
        header = grid.rows[0]
        # "重点项目（摘要）": a selection of the projects, whose amounts are no total
        excerpt = _EXCERPT.search(grid.caption) is not None
        # "（金额单位：万元）" in the caption: the unit of a value column whose header has none
        caption_unit = self._default_unit(grid, "")
        values: list[TableValue] = []
        notes = [
            CellNote((c.start, c.end), "table_header", "a column header")
            for c in header
            if any(ch.isdigit() for ch in c.text)
        ]
        # columns of numbers that are no values beside the descriptions: an assessment's
        # 分值, a consultation's comments (意见建议: the commenters' numbers)
        asides: dict[int, tuple[str, str]] = {}
        for k, c in enumerate(header):
            compact = c.text.replace(" ", "")
            if k in columns:
                continue
            if SCORE_HEADER.match(compact):
                asides[k] = ("no_indicator", SCORE_REASON)
            elif COMMENT_HEADER.match(compact):
                asides[k] = ("proposal", COMMENT_REASON)
            elif bare is not None and k not in described and k != index:
                asides[k] = ("no_indicator", _UNHEADED_REASON)
        for r, row in enumerate(grid.rows[1:], start=1):
            if (
                index is not None
                and index < len(row)
                and any(ch.isdigit() for ch in row[index].text)
            ):
                notes.append(
                    CellNote((row[index].start, row[index].end), "section_number", "a row number")
                )
            for k, (disposition, reason) in asides.items():
                if k < len(row) and any(ch.isdigit() for ch in row[k].text):
                    notes.append(CellNote((row[k].start, row[k].end), disposition, reason))
            for k, head in columns.items():
                if k >= len(row) or row[k].text in NOT_STATED:
                    continue
                cell = row[k]
                if total is not None and r != total:
                    why = "a project's part of the table's total row (合计)"
                    notes.append(CellNote((cell.start, cell.end), "part_of_total", why))
                    continue
                if total is None and len(grid.rows) > 2:
                    why = "one project's value among several (no total row)"
                    notes.append(CellNote((cell.start, cell.end), "part_of_total", why))
                    continue
                if total is None and excerpt:
                    why = "a project of an excerpted list (摘要), part of a larger total"
                    notes.append(CellNote((cell.start, cell.end), "part_of_total", why))
                    continue
                bare = _bare_name(head)[0]
                named = head.replace(bare, _project_money(bare), 1) if bare and money else head
                found = self._one(named, "", "", caption_unit, cell.text, year)
                if isinstance(found, CellNote):
                    notes.append(CellNote((cell.start, cell.end), found.disposition, found.reason))
                    continue
                ids, comparator, value, upper, unit = found
                values.append(
                    TableValue(
                        ids,
                        year,
                        comparator,
                        value,
                        upper,
                        unit,
                        (cell.start, cell.end),
                        (header[k].start, header[k].end),
                        None,
                        grid.caption,
                        grid.reader,
                        "default",
                    )
                )
        aside_cells = {
            (row[k].start, row[k].end) for row in grid.rows[1:] for k in asides if k < len(row)
        }
        prose = [
            (c.start, c.end)
            for c in description_cells(grid, described)
            if (c.start, c.end) not in aside_cells
        ]
        return GridReading(values, notes, True, prose_spans=prose)

    def _names_a_total(self, text: str, money: bool = False) -> bool:
        bare = _bare_name(text)[0]
        ids = self._indicators(_project_money(bare) if money else bare, "")
        return bool(ids) and all(self.book[i].value_kind == "cumulative" for i in ids)


def _project_money(bare: str) -> str:
    """A project table's "投资（亿元）" column: the projects' investment (项目投资)."""
    return "项目投资" if bare in ("投资", "投资额", "投资金额", "估算投资") else bare
