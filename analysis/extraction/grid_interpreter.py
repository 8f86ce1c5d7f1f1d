"""One interpreter for every grid: find the header, the name, unit and attribute columns,
then turn each value cell into a table value or a ledger reason.

Headers are found by their year cells ("2020年", "2020年基期值", "2025年目标值", "2023").
A grid with years down its first column and names across its header is transposed.
A column of changes ("增减（百分点）") holds increases to the last year before it; a column
of another area's values (全省, 全国) is context. A blank, "—", "/" or "-" cell is not
stated, never zero. What a header cell names and
the layouts mended before reading are grid_headers.py's.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from analysis.codebook import AliasMatcher, Indicator, strip_ignorable
from analysis.extraction.cell_notes import without_note_reference, without_part_note
from analysis.extraction.cut_names import completes_a_cut_phrase
from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import (
    ATTRIBUTE_HEADERS,
    CATEGORY_HEADERS,
    CHANGE_HEADER,
    CODE_HEADERS,
    COMPARATOR_HEADERS,
    DATE_HEADER,
    HEADER_COMPARATOR,
    INDEX_HEADERS,
    MILESTONE_HEADER,
    MILESTONE_REASON,
    NAME_HEADER_END,
    NAME_HEADERS,
    PROGRESS_HEADER,
    RULE_HEADER,
    RULE_REASON,
    SCORE_HEADER,
    SCORE_REASON,
    TOTAL_HEADER,
    UNIT_HEADERS,
    YEARLY_CHANGE_HEADER,
    aspired_columns,
    bare_period_year,
    header_year,
    labelled_year_cells,
    merge_spaced_header,
    merge_two_line_header,
    names_a_change,
    names_other_area,
    pad_blank_leading,
    period_total_year,
    side_by_side,
    stretched_years,
    transpose,
)
from analysis.extraction.grid_indicator_names import IndicatorNames
from analysis.extraction.grid_names import (
    _ATTRIBUTE_IN_NAME,
    _UNIT_IN_NAME,
    _UNIT_NOTE,
    _bare_name,
    _scale_of,
    _sub_span,
    _unit_core,
)
from analysis.extraction.grid_readings import CellNote, GridReading, TableValue
from analysis.extraction.project_readings import ProjectReadings
from analysis.extraction.quantities import QuantityFinder, scaled
from analysis.extraction.stacked_headers import stack_year_line
from analysis.extraction.table_readers import NOT_STATED
from analysis.rules import Rules

# a unit note listing several units ("单位：%、所、万人"), split into them
_UNIT_LIST = re.compile(r"\s*[、,，/／]\s*")
# "其中：社会投入" under "教育项目投资": a row (or, transposed, a column) that names a part
# of the row before it
_PART_ROW = re.compile(r"^其中\s*[:：]?\s*")
# a cell that is a number, perhaps with a comparator or a percent sign
_NUMBER_CELL = re.compile(r"[≥≤<>＜＞约~]?[\d.,，]+%?(?:左右|以上|以下)?")

_PROPOSAL_HEADER = re.compile(
    r"^(?:建议|提议|调整建议|修改建议)(?:目标|指标)?值?(?:[(（].{0,8}[)）])?$"
)
_PROPOSAL_REASON = "a proposer's target (建议目标), not the plan's"
_GROUP_SUM = "a group row's sum of the items set in under it (a pivot table's subtotal)"
_LEVEL_SUM = "a total column's sum of a level over the years (总计 of a rate), no value"
_LEVEL_HEADER = re.compile(r"^[一二三四]级指标(?:名称)?$")


class GridInterpreter(IndicatorNames, ProjectReadings):
    def __init__(self, book: dict[str, Indicator], matcher: AliasMatcher, rules: Rules):
        self.book, self.matcher, self.rules = book, matcher, rules
        self.numbers = QuantityFinder(rules)
        # a table row may carry the indicator's official name ("实现“班班通”的农村学校比例")
        self.official: dict[str, tuple[str, ...]] = {}
        for ind in book.values():
            key = strip_ignorable(unicodedata.normalize("NFKC", ind.name_zh))  # as the cells
            self.official[key] = (*self.official.get(key, ()), ind.indicator_id)

    def read(self, grid: Grid, period_end: int | None = None, projects=False) -> GridReading:
        """`period_end`: the year of a column of period totals ("“十四五”累计") and, with
        `projects`, of a project table's totals (no year columns at all)."""
        grid = merge_spaced_header(merge_two_line_header(stack_year_line(grid)))
        header_row = self._header_row(grid)
        if header_row is not None:
            halves = side_by_side(grid, header_row)
            if len(halves) > 1:  # two tables printed side by side: each has its name column
                readings = [self._read_rows(half, header_row, period_end) for half in halves]
                return GridReading(
                    [v for r in readings for v in r.values],
                    [n for r in readings for n in r.notes],
                    True,
                    header=grid.rows[header_row],
                )
            return self._read_rows(grid, header_row, period_end)
        if self._transposed(grid):
            return self._read_rows(transpose(grid), 0, period_end)
        labelled = labelled_year_cells(grid)
        if labelled is not None:  # "name  2020年：88.5%  2025年：92%"
            reading = self._read_rows(labelled, 0, period_end)
            reading.notes.extend(CellNote(*label) for label in labelled.labels)
            return reading
        if projects and period_end is not None:
            reading = self._read_projects(grid, period_end)
            if reading is not None:
                return reading
        notes = [
            CellNote((c.start, c.end), "unread_table", "no header row of year cells found")
            for r in grid.rows
            for c in r
            if any(ch.isdigit() for ch in c.text)
        ]
        return GridReading([], notes, False, "no header row of year cells found")

    # ------------------------------------------------------------ layout

    def _header_row(self, grid: Grid) -> int | None:
        for r, row in enumerate(grid.rows[:4]):
            if sum(1 for c in row if header_year(c.text)) >= 1 and not self._is_year_col(grid, r):
                return r
        return None

    def _is_year_col(self, grid: Grid, r: int) -> bool:
        """Row r has a year only in its first cell: a transposed table's body row."""
        row = grid.rows[r]
        years = [k for k, c in enumerate(row) if header_year(c.text)]
        others = [o for k, o in enumerate(grid.rows) if k != r and o and header_year(o[0].text)]
        return years == [0] and bool(others)

    def _transposed(self, grid: Grid) -> bool:
        first = [row[0].text for row in grid.rows[1:] if row]
        return sum(1 for t in first if header_year(t)) >= 1 and bool(first)

    # ------------------------------------------------------------ rows

    def _read_rows(self, grid: Grid, h: int, period_end: int | None = None) -> GridReading:
        header = grid.rows[h]
        years: dict[int, int] = {}
        header_units: dict[int, str] = {}
        roles: dict[str, int] = {}
        notes: list[CellNote] = []
        changes: dict[int, int] = {}  # column -> the year its change is measured to
        yearly: set[int] = set()  # the change columns of yearly rates (年均增长)
        other_area: dict[int, GridCell] = {}
        milestones: list[int] = []  # "一季度" … "四季度": checkpoints inside the year
        # columns of numbers that are no values: a self-evaluation's points ("分值", "得分"),
        # a proposer's targets ("建议目标"); column -> (disposition, reason)
        aside: dict[int, tuple[str, str]] = {}
        levels: list[int] = []  # "一级指标", "二级指标", "三级指标"
        header_comparators: dict[int, str] = {}  # "目标值（≥）": the column's comparator
        totals: set[int] = set()  # "合计", "总计" after the year columns: their sum
        for k, c in enumerate(header):
            year = (
                header_year(c.text)
                or period_total_year(c.text, period_end)
                or bare_period_year(c.text, header)
            )
            if not year and years and TOTAL_HEADER.match(c.text.replace(" ", "")):
                year = max(years.values())
                totals.add(k)
            if not year and years and CHANGE_HEADER.match(c.text.replace(" ", "")):
                changes[k] = years[max(years)]
                if YEARLY_CHANGE_HEADER.match(c.text.replace(" ", "")):
                    yearly.add(k)
                header_units.update(self._header_unit(k, c.text))
                notes.append(CellNote((c.start, c.end), "table_header", "a column of changes"))
                continue
            if year:
                years[k] = year
                header_units.update(self._header_unit(k, c.text))
                bracket = HEADER_COMPARATOR.search(c.text)
                if bracket and bracket.group(1) in self.rules.table_comparator_cells:
                    header_comparators[k] = self.rules.table_comparator_cells[bracket.group(1)]
                notes.append(CellNote((c.start, c.end), "table_header", "a column's year"))
                continue
            compact = c.text.replace(" ", "")
            if MILESTONE_HEADER.match(compact):
                milestones.append(k)
                continue
            if SCORE_HEADER.match(compact):  # a self-evaluation's 分值 | 得分
                aside[k] = ("no_indicator", SCORE_REASON)
                continue
            if RULE_HEADER.match(compact):  # a target letter's 评分标准
                aside[k] = ("no_indicator", RULE_REASON)
                continue
            if _PROPOSAL_HEADER.match(compact):  # a 提案's 建议目标
                aside[k] = ("proposal", _PROPOSAL_REASON)
                continue
            if compact in CODE_HEADERS:  # a statistics form's 代码 01, 02 …
                aside[k] = ("phone_number", "a row's code in a form (代码)")
                continue
            if DATE_HEADER.match(compact):  # 截止日期 2025-12-31
                aside[k] = ("date", "a column of dates (截止日期)")
                continue
            if PROGRESS_HEADER.match(compact):  # 进度 % 98.7
                aside[k] = ("no_indicator", "a row's progress to its target (进度 %)")
                continue
            if _LEVEL_HEADER.match(compact):  # 一级指标 | 二级指标 | 三级指标: the last names
                levels.append(k)
                continue
            for role, words in (
                ("index", INDEX_HEADERS),
                ("unit", UNIT_HEADERS),
                ("attribute", ATTRIBUTE_HEADERS),
                ("comparator", COMPARATOR_HEADERS),
                ("name", NAME_HEADERS),
                ("category", CATEGORY_HEADERS),
            ):
                # "指标属性": an attribute column whose header opens with 指标
                ends = role == "attribute" and any(compact.endswith(w) for w in words)
                if (ends or any(compact.startswith(w) for w in words)) and role not in roles:
                    roles[role] = k
                    break
            else:
                if "name" not in roles and NAME_HEADER_END.match(compact):  # 考核指标
                    roles["name"] = k
        # "全省", "全国2025年": another area's column beside the city's is context
        below = grid.rows[h + 1] if h + 1 < len(grid.rows) else []
        sub = below if not any(ch.isdigit() for c in below for ch in c.text) else []
        years.update(stretched_years(header, sub, years, set(roles.values())))
        aspired = aspired_columns(header, sub, years)
        for k in [k for k in years if names_other_area(header, sub, k)]:
            del years[k]
            other_area[k] = header[k]
        # "2020年 | | 2023年 | " over "全县 | 其中农村 | 全县 | 其中农村": a sub-column named
        # 其中… holds a part of the column beside it
        parts = {
            k
            for k, c in enumerate(sub)
            if _PART_ROW.match(c.text) and k not in years.keys() | roles.values()
        }
        if levels and "name" not in roles:
            roles["name"] = levels[-1]
            if "category" not in roles and len(levels) > 1:
                roles["category"] = levels[-2]
        if "name" not in roles:
            free = [
                k
                for k in range(len(header))
                if k not in years
                and k not in roles.values()
                and k not in other_area
                and k not in changes
            ]
            # a column left blank (a budget's, blanked by budget_tables.py) names nothing
            named = [k for k in free if any(k < len(r) and r[k].text for r in grid.rows[h + 1 :])]
            # of those, a column of names: not of numbers (a value column no header dates),
            # nor of short words only (a unit's "%", an attribute's "预期性")
            worded = [k for k in named if _holds_names(grid.rows[h + 1 :], k)]
            roles["name"] = (worded or named or free)[-1] if free else 0
        default_unit = self._default_unit(grid, header[roles["name"]].text)
        values: list[TableValue] = []
        category = ""
        total = ("", "")  # the bare name and category of the last row not named 其中…
        rows = [pad_blank_leading(row, header, roles) for row in grid.rows[h + 1 :]]
        rows = self._join_wrapped_names(rows, roles["name"], years)
        groups = _group_rows(rows, roles["name"], grid.indented) if grid.indented else set()
        for r, row in enumerate(rows):
            if not row:
                continue
            if r in groups:  # "学前教育 | 238.02 | …" over its set-in items: their sum
                notes.extend(
                    CellNote((c.start, c.end), "part_of_total", _GROUP_SUM)
                    for k, c in enumerate(row)
                    if k != roles["name"] and any(ch.isdigit() for ch in c.text)
                )
                continue
            filled = [c for c in row if c.text and c.text not in NOT_STATED]
            value_cells = [row[k] for k in years if k < len(row) and row[k].text]
            # a row of one distinct cell (or a colspan copy) is a category row
            if len({(c.start, c.end) for c in filled}) == 1 and not any(
                ch.isdigit() for ch in filled[0].text
            ):
                category = filled[0].text
                continue
            if "index" in roles and roles["index"] < len(row) and row[roles["index"]].text:
                c = row[roles["index"]]
                notes.append(CellNote((c.start, c.end), "section_number", "a row number"))
            if "category" in roles and roles["category"] < len(row) and row[roles["category"]].text:
                category = row[roles["category"]].text
            name_cell = row[roles["name"]] if roles["name"] < len(row) else None
            if name_cell is None or not value_cells:
                continue
            bare = _bare_name(name_cell.text)[0]
            if not _PART_ROW.match(bare):
                total = (bare, category)
            elif set(self._indicators(*total)) & set(self._indicators(bare, category)):
                # a part of the total above it, matched to the total's own indicator (社会投入
                # under 教育投资 is 投入 too): its values are parts, not the indicator's
                notes.extend(
                    CellNote((c.start, c.end), "part_of_total", "a part of the row above (其中…)")
                    for c in value_cells
                    if any(ch.isdigit() for ch in c.text)
                )
                continue
            unit_cell = (
                row[roles["unit"]].text if "unit" in roles and roles["unit"] < len(row) else ""
            )
            named_unit = _bare_name(name_cell.text)[1]
            attribute = None
            if "attribute" in roles and roles["attribute"] < len(row):
                cell = row[roles["attribute"]]
                attribute = self.rules.table_attribute_cells.get(cell.text)
                if cell.text.isdecimal():  # a form's 属性 code: "1—预期性，2—约束性"
                    notes.append(CellNote((cell.start, cell.end), "phone_number", _CODED_ATTRIBUTE))
            m = _ATTRIBUTE_IN_NAME.search(name_cell.text)
            if m:
                attribute = self.rules.table_attribute_cells.get(m.group(1), attribute)
            # level columns, then a column of changes (增减) read as increases; a row named
            # as a change ("（比2020年提高，百分点）") holds increases in its year columns
            # ... or by its unit cell ("示范园占比提高 | 百分点")
            row_kind = "increase" if names_a_change(name_cell.text + unit_cell) else None
            for columns, kind in ((years, row_kind), (changes, "increase")):
                for k, year in columns.items():
                    if k >= len(row):
                        continue
                    found, cell_notes = self._cell(
                        grid,
                        name_cell,
                        category,
                        # a unit in the row's name ("（年）") overrides the header's
                        unit_cell or (not named_unit and header_units.get(k)) or "",
                        default_unit,
                        row[k],
                        year,
                        attribute,
                        kind=kind,
                    )
                    comparator = self._stated_comparator(row, roles, k, years, header_comparators)
                    if comparator is not None and columns is years:
                        found = [
                            replace(v, comparator=comparator) if v.comparator == "=" else v
                            for v in found
                        ]
                    if k in totals:
                        # the sum of a rate or a stock over the years (a pivot table's
                        # 总计 of 毛入园率 466.1) is no value: only a total over the period is
                        summed = [v for v in found if not self._cumulative(v)]
                        found = [v for v in found if self._cumulative(v)]
                        notes.extend(CellNote(v.span, "no_indicator", _LEVEL_SUM) for v in summed)
                    if k in yearly:
                        found = [replace(v, qualifier="年均") for v in found]
                    elif k in aspired:
                        found = [replace(v, qualifier="力争") for v in found]
                    values.extend(found)
                    notes.extend(cell_notes)
            for k in milestones:
                if k < len(row) and any(ch.isdigit() for ch in row[k].text):
                    c = row[k]
                    notes.append(CellNote((c.start, c.end), "milestone", MILESTONE_REASON))
            for k, (disposition, reason) in aside.items():
                if k < len(row) and any(ch.isdigit() for ch in row[k].text):
                    c = row[k]
                    notes.append(CellNote((c.start, c.end), disposition, reason))
            for k in other_area:
                if k < len(row) and any(ch.isdigit() for ch in row[k].text):
                    c = row[k]
                    notes.append(
                        CellNote((c.start, c.end), "context_statistic", "another area's value")
                    )
            notes.extend(
                CellNote((row[k].start, row[k].end), "part_of_total", "a part column (其中…)")
                for k in sorted(parts)
                if k < len(row) and any(ch.isdigit() for ch in row[k].text)
            )
        return GridReading(values, notes, True, header=header)

    def _cumulative(self, v: TableValue) -> bool:
        """A value of an indicator counted over a period (新增学位), not of a level."""
        return v.kind != "increase" and all(
            self.book[i].value_kind == "cumulative" for i in v.indicator_ids
        )

    def _header_unit(self, k: int, text: str) -> dict[int, str]:
        """ "2025年（万人）": a unit in brackets after a column's year; "（基期）" is a label."""
        u = _UNIT_IN_NAME.search(text)
        if u is None or _unit_core(u.group(1)) not in self.rules.quantity_units:
            return {}
        return {k: u.group(1)}

    def _join_wrapped_names(self, rows, name_col: int, years: dict[int, int]):
        """ "劳动年龄人口平均受|年|10.5|11" then "教育年限|||": a name cell wrapped onto a line
        of its own. The lone cell is joined to the name above it when the name above names
        no indicator and the two together do (otherwise it stays a category row)."""
        out: list[list[GridCell]] = []
        for row in rows:
            filled = [c for c in row if c.text and c.text not in NOT_STATED]
            prev = out[-1] if out else None
            # "残疾儿童少年义务教育入学" alone, then "率|%|95.3|97": the name's start is on
            # the line above its values
            lone = [c for c in prev if c.text] if prev is not None else []
            if (
                len(lone) == 1
                and not any(ch.isdigit() for ch in lone[0].text)
                and name_col < len(row)
                and row[name_col].text
                and any(k < len(row) and row[k].text for k in years)
            ):
                below = row[name_col]
                joined = lone[0].text + below.text
                # a lone row that reads as the category of the name below ("高中阶段教育"
                # over "在校生数") stays a category row: later rows need it
                bare = _bare_name(below.text)[0]
                if not self._indicators(bare, lone[0].text) and self._indicators(
                    _bare_name(joined)[0], ""
                ):
                    out[-1] = [*row[:name_col], GridCell(joined, lone[0].start, below.end)]
                    out[-1].extend(row[name_col + 1 :])
                    continue
            if (
                prev is not None
                and 0 < name_col < len(prev)
                and len(filled) == name_col + 1
                and filled == row[: name_col + 1]
                and not any(ch.isdigit() for c in filled for ch in c.text)
                and any(k < len(prev) and prev[k].text for k in years)
            ):
                # "学前|学前三年毛入|%|82.4|90" then "教育|园率": a category and a name, both
                # wrapped onto the next line, each joined to its cell above
                joined = [
                    GridCell(a.text + b.text, a.start, b.end)
                    for a, b in zip(prev[: name_col + 1], filled, strict=True)
                ]
                if not self._indicators(
                    _bare_name(prev[name_col].text)[0], ""
                ) and self._indicators(_bare_name(joined[name_col].text)[0], ""):
                    out[-1] = [*joined, *prev[name_col + 1 :]]
                    continue
            if (
                prev is not None
                and len({(c.start, c.end) for c in filled}) == 1
                and not any(ch.isdigit() for ch in filled[0].text)
                and name_col < len(prev)
                and any(k < len(prev) and prev[k].text for k in years)
            ):
                above = prev[name_col]
                joined = above.text + filled[0].text
                if (
                    not self._indicators(_bare_name(above.text)[0], "")
                    or completes_a_cut_phrase(self.matcher, above.text, filled[0].text)
                ) and self._indicators(_bare_name(joined)[0], ""):
                    cell = GridCell(joined, above.start, filled[0].end)
                    out[-1] = [*prev[:name_col], cell, *prev[name_col + 1 :]]
                    continue
            out.append(row)
        return out

    def _default_unit(self, grid: Grid, name_header: str) -> str:
        for text in (name_header, grid.caption):
            m = _UNIT_NOTE.search(text) or _UNIT_IN_NAME.search(text)
            if m:
                return m.group(1)
        return ""

    # ------------------------------------------------------------ cells

    def _stated_comparator(self, row, roles, k, years, header_comparators) -> str | None:
        """The comparator a bare cell of column k takes: the row's 比较 cell for the target
        (the last year column), else the column header's bracket ("目标值（≥）")."""
        at = roles.get("comparator")
        if at is not None and at < len(row) and k == max(years, key=years.get):
            stated = self.rules.table_comparator_cells.get(row[at].text.strip())
            if stated is not None:
                return stated
        return header_comparators.get(k)

    def _cell(
        self, grid, name_cell, category, unit_text, default_unit, cell, year, attribute, kind=None
    ):
        text, note_span = without_part_note(cell)  # "1,980（含幼儿园学位540个）"
        text, mark_span = without_note_reference(cell, text)  # "100注1"
        if text in NOT_STATED or (
            not any(ch.isdigit() for ch in text)
            and not re.search(r"[一二两三四五六七八九十百千]", text)
        ):
            return [], []
        names = [n for n in name_cell.text.split("/")]
        parts = [p for p in text.split("/")] if len(names) > 1 else [text]
        span = (cell.start, cell.end)
        if len(parts) != len(names):
            return [], [
                CellNote(span, "unaccounted", f"{len(names)} names but {len(parts)} values")
            ]
        out, notes = [], []
        if note_span:
            notes.append(CellNote(note_span, "part_of_total", "a part of the cell's value (含…)"))
        if mark_span:
            notes.append(CellNote(mark_span, "section_number", "a footnote reference (注1)"))
        name_at = 0
        part_at = 0
        for name, part in zip(names, parts, strict=True):
            n_off = name_cell.text.find(name, name_at)
            name_at = n_off + len(name)
            p_off = text.find(part, part_at)
            part_at = p_off + len(part)
            name_span = _sub_span(name_cell, n_off, len(name))
            value_span = _sub_span(cell, p_off + len(part) - len(part.lstrip()), len(part.strip()))
            if part.strip() in NOT_STATED:
                continue
            found = self._one(name, category, unit_text, default_unit, part.strip(), year, kind)
            if isinstance(found, CellNote):
                notes.append(CellNote(value_span, found.disposition, found.reason))
                continue
            ids, comparator, value, upper, unit = found
            out.append(
                TableValue(
                    ids,
                    year,
                    comparator,
                    value,
                    upper,
                    unit,
                    value_span,
                    name_span,
                    attribute,
                    grid.caption,
                    grid.reader,
                    kind=kind,
                )
            )
        return out, notes

    def _one(self, name, category, unit_text, default_unit, text, year, kind=None):
        bare, unit_from_name = _bare_name(name)
        ids = self._indicators(bare, category)
        if not ids:
            return CellNote(
                (0, 0), "no_indicator", f"table row {bare!r} matches no codebook indicator"
            )
        qs = self.numbers.find(text)
        if len(qs) != 1:
            return CellNote((0, 0), "unaccounted", f"cell {text!r} is not one value")
        q = qs[0]
        expected = {self.book[i].unit for i in ids}
        stated_unit = (
            q.unit_token or unit_text or unit_from_name or self._listed_unit(default_unit, expected)
        )
        value, upper = q.value, q.upper
        if not q.unit_token and stated_unit:
            scale = _scale_of(stated_unit)
            value = scaled(value, scale)
            upper = scaled(upper, scale) if upper is not None else None
        unit = self.rules.quantity_units.get(_unit_core(stated_unit)) if stated_unit else None
        if unit is None:
            unit = next(iter(expected)) if len(expected) == 1 else None
        if kind == "increase" and q.unit == "percent" and unit not in expected:
            # "+27.8%" in the column of changes of a row in 亿元: its growth in percent
            return ids, q.comparator or "=", value, upper, "percent"
        if unit == "yuan" and not stated_unit and value < _LEAST_BARE_YUAN:
            # "估算总投资 8.6" under no unit: 亿元 or 万元 most likely, 元 never; unknown
            return CellNote((0, 0), "unaccounted", f"money {text!r} with no unit (元, 万元, 亿元)")
        if unit not in expected:
            return CellNote(
                (0, 0),
                "unit_mismatch",
                f"unit {stated_unit!r} in table, {sorted(expected)} in codebook",
            )
        comparator = q.comparator or "="
        return tuple(i for i in ids if self.book[i].unit == unit), comparator, value, upper, unit

    def _listed_unit(self, units: str, expected: set) -> str:
        """A table's unit note naming several units ("%、所、万人"): the one of the row's
        indicator's unit (a 万人 row's cells are in 万人); one unit is that unit."""
        listed = _UNIT_LIST.split(units)
        if len(listed) < 2:
            return units
        fits = [u for u in listed if self.rules.quantity_units.get(_unit_core(u)) in expected]
        return fits[0] if len(fits) == 1 else ""


# a sum of money below this with no unit is in 万元 or 亿元, never in 元
_LEAST_BARE_YUAN = 10_000
_CODED_ATTRIBUTE = "an attribute written as a code (1—预期性，2—约束性)"


def _holds_names(rows: list[list[GridCell]], k: int) -> bool:
    """Column k holds names: some cell longer than a unit, most cells not numbers."""
    cells = [r[k].text for r in rows if k < len(r) and r[k].text]
    numbers = sum(1 for t in cells if _NUMBER_CELL.fullmatch(t.replace(" ", "")))
    return numbers * 2 <= len(cells) and any(len(t) > 3 for t in cells)


def _group_rows(rows: list[list[GridCell]], name: int, indented: frozenset[int]) -> set[int]:
    """The rows whose name is not set in and whose next row's name is: a group's row."""
    starts = [row[name].start if name < len(row) and row[name].text else None for row in rows]
    return {
        r
        for r in range(len(rows) - 1)
        if starts[r] is not None and starts[r] not in indented and starts[r + 1] in indented
    }
