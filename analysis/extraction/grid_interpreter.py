"""One interpreter for every grid: find the header, the name, unit and attribute columns,
then turn each value cell into a table value or a ledger reason.

Headers are found by their year cells ("2020年", "2020年基期值", "2025年目标值", "2023").
A grid with years down its first column and names across its header is transposed.
A blank, "—", "/" or "-" cell is not stated, never zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.codebook import AliasMatcher, Indicator, strip_ignorable
from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.project_tables import description_cells, project_columns
from analysis.extraction.quantities import QuantityFinder, scaled
from analysis.extraction.table_readers import NOT_STATED
from analysis.rules import Rules

YEAR_HEADER = re.compile(
    r"^(?:(?:\d{1,2}|[一二三四五六七八九十]+)[.、])?\s*((?:19|20)\d\d)\s*年?\s*"
    r"[^\d()（）]{0,6}\s*(?:[(（][^)）]*[)）])?$"
)
# a label before the year: "基期值（2020年）", "“十三五”末(2020年)", "中期值 2023年"
_LABELLED_YEAR = re.compile(
    r"^[^\d()（）]{1,8}?\s*[(（]?\s*((?:19|20)\d\d)\s*年?(?:末|底)?\s*[)）]?\s*"
    r"(?:[(（][^)）\d]*[)）])?$"
)
# the year line of a header written on two lines: "（2020年）"
_BARE_YEAR = re.compile(r"^[(（]?\s*((?:19|20)\d\d)\s*年?(?:末|底)?\s*[)）]?$")
NAME_HEADERS = ("指标", "项目", "名称", "内容")
UNIT_HEADERS = ("单位", "计量单位")
ATTRIBUTE_HEADERS = ("属性", "性质", "类型")
INDEX_HEADERS = ("序号", "编号")
CATEGORY_HEADERS = ("类别", "领域", "分类", "类型")
_UNIT_IN_NAME = re.compile(r"\s*[(（]\s*(?:单位\s*[:：]\s*)?([^()（）]{1,6})\s*[)）]\s*$")
_UNIT_NOTE = re.compile(r"单位\s*[:：]\s*([^)）|,，;；\s]+)")
_NUMBERING = re.compile(r"^(?:\d{1,2}[.、]|[(（]\d{1,2}[)）]|[一二三四五六七八九十]+、)\s*")
_ATTRIBUTE_IN_NAME = re.compile(r"[(（]\s*(预期性|约束性)\s*[)）]")


@dataclass(frozen=True)
class TableValue:
    indicator_ids: tuple[str, ...]
    year: int
    comparator: str
    value: float
    upper: float | None
    unit: str
    span: tuple[int, int]  # raw span of the value
    name_span: tuple[int, int]
    attribute: str | None
    caption: str
    reader: str
    year_basis: str = "table_header"  # "default": a project table's period total


@dataclass(frozen=True)
class CellNote:
    """A number in a grid that is not a value, and why (for the ledger)."""

    span: tuple[int, int]
    disposition: str
    reason: str


_PERIOD_TOTAL = re.compile(
    r"^[“\"]?(?:十[一二三四五]五[”\"]?(?:时期|期间)?|(?:19|20)\d\d\s*[—\-~～至到]\s*((?:19|20)\d\d)\s*年?)"
    r"\s*(?:累计|合计|总计|期间)(?:值|数)?\s*$"
)


def period_total_year(text: str, period_end: int | None) -> int | None:
    """A column of totals over the period ("“十四五”累计", "2021—2025年累计"): the year
    the span ends (the plan's period end when the span is named in words)."""
    m = _PERIOD_TOTAL.match(text.replace(" ", ""))
    if m is None:
        return None
    return int(m.group(1)) if m.group(1) else period_end


def header_year(text: str) -> int | None:
    """The year a header cell names, or None: "2020年", "2025年目标值", "基期值(2020年)"."""
    m = YEAR_HEADER.match(text) or _LABELLED_YEAR.match(text) or _BARE_YEAR.match(text)
    return int(m.group(1)) if m else None


def merge_two_line_header(grid: Grid) -> Grid:
    """A header on two lines, labels above and years below ("“十三五”末" over "（2020年）"):
    one header row whose year cells carry both, so the rest of the interpreter is unchanged.

    The year line's cells are matched in order to the label line's cells that are not
    name, unit, attribute, category or row-number columns."""
    for r in range(min(3, len(grid.rows) - 1)):
        top, below = grid.rows[r], grid.rows[r + 1]
        year_cells = [c for c in below if c.text]
        if not year_cells or any(_BARE_YEAR.match(c.text) is None for c in year_cells):
            continue
        if any(header_year(c.text) for c in top):
            continue
        slots = [k for k, c in enumerate(top) if c.text and not _is_role_header(c.text)]
        if len(slots) != len(year_cells):
            continue
        merged = list(top)
        for k, c in zip(slots, year_cells, strict=True):
            merged[k] = GridCell(f"{top[k].text}{c.text}", c.start, c.end)
        rows = [*grid.rows[:r], merged, *grid.rows[r + 2 :]]
        return Grid(grid.reader, grid.caption, grid.start, grid.end, rows)
    return grid


def continues(raw: str, previous: Grid, header: list[GridCell], grid: Grid) -> bool:
    """Is `grid` (no header of its own) the rest of `previous`, cut by page debris?

    Same number of columns, and between them at most four short lines that are not
    sentences (a page number, a running title, one character of a vertical category)."""
    if grid.start < previous.end or not header or grid.width != len(header):
        return False
    between = [ln.strip() for ln in raw[previous.end : grid.start].splitlines()]
    between = [ln for ln in between if ln]
    return len(between) <= 4 and all(len(ln) <= 40 and ln[-1] not in "。；;：:" for ln in between)


def side_by_side(grid: Grid, h: int) -> list[Grid]:
    """ "指标|2020年|2025年|指标|2020年|2025年": two tables printed side by side, cut at
    each name column that has year columns after it; one grid when there is one table."""
    header = grid.rows[h]
    names = [
        k
        for k, c in enumerate(header)
        if any(c.text.replace(" ", "").startswith(w) for w in NAME_HEADERS)
    ]
    cuts = [k for k in names if any(header_year(c.text) for c in header[k + 1 :])]
    if len(cuts) < 2 or cuts[0] > 1:
        return [grid]
    bounds = [*cuts[1:], grid.width]
    halves = []
    for lo, hi in zip([0, *cuts[1:]], bounds, strict=True):
        rows = [row[lo:hi] for row in grid.rows]
        halves.append(Grid(grid.reader, grid.caption, grid.start, grid.end, rows))
    return halves


def _is_role_header(text: str) -> bool:
    compact = text.replace(" ", "")
    words = NAME_HEADERS + UNIT_HEADERS + ATTRIBUTE_HEADERS + INDEX_HEADERS + CATEGORY_HEADERS
    return any(compact.startswith(w) for w in words)


@dataclass
class GridReading:
    values: list[TableValue]
    notes: list[CellNote]
    read: bool  # a header with years was found
    problem: str | None = None
    header: list[GridCell] | None = None  # the header row used (for a table's continuation)
    # cells left to the prose binder: a project table's descriptions ("新建幼儿园12所，…")
    prose_spans: list[tuple[int, int]] = field(default_factory=list)


class GridInterpreter:
    def __init__(self, book: dict[str, Indicator], matcher: AliasMatcher, rules: Rules):
        self.book, self.matcher, self.rules = book, matcher, rules
        self.numbers = QuantityFinder(rules)
        # a table row may carry the indicator's official name ("实现“班班通”的农村学校比例")
        self.official: dict[str, tuple[str, ...]] = {}
        for ind in book.values():
            key = strip_ignorable(ind.name_zh)
            self.official[key] = (*self.official.get(key, ()), ind.indicator_id)

    def read(self, grid: Grid, period_end: int | None = None, projects=False) -> GridReading:
        """`period_end`: the year of a column of period totals ("“十四五”累计") and, with
        `projects`, of a project table's totals (no year columns at all)."""
        grid = merge_two_line_header(grid)
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
            return self._read_rows(_transpose(grid), 0, period_end)
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
        for k, c in enumerate(header):
            year = header_year(c.text) or period_total_year(c.text, period_end)
            if year:
                years[k] = year
                u = _UNIT_IN_NAME.search(c.text)
                if u:
                    header_units[k] = u.group(1)
                notes.append(CellNote((c.start, c.end), "table_header", "a column's year"))
                continue
            compact = c.text.replace(" ", "")
            for role, words in (
                ("index", INDEX_HEADERS),
                ("unit", UNIT_HEADERS),
                ("attribute", ATTRIBUTE_HEADERS),
                ("name", NAME_HEADERS),
                ("category", CATEGORY_HEADERS),
            ):
                if any(compact.startswith(w) or compact == w for w in words) and role not in roles:
                    roles[role] = k
                    break
        if "name" not in roles:
            free = [k for k in range(len(header)) if k not in years and k not in roles.values()]
            roles["name"] = free[-1] if free else 0
        default_unit = self._default_unit(grid, header[roles["name"]].text)
        values: list[TableValue] = []
        category = ""
        for row in self._join_wrapped_names(grid.rows[h + 1 :], roles["name"], years):
            if not row:
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
            unit_cell = (
                row[roles["unit"]].text if "unit" in roles and roles["unit"] < len(row) else ""
            )
            attribute = None
            if "attribute" in roles and roles["attribute"] < len(row):
                attribute = self.rules.table_attribute_cells.get(row[roles["attribute"]].text)
            m = _ATTRIBUTE_IN_NAME.search(name_cell.text)
            if m:
                attribute = self.rules.table_attribute_cells.get(m.group(1), attribute)
            for k, year in years.items():
                if k >= len(row):
                    continue
                found, cell_notes = self._cell(
                    grid,
                    name_cell,
                    category,
                    unit_cell or header_units.get(k) or "",
                    default_unit,
                    row[k],
                    year,
                    attribute,
                )
                values.extend(found)
                notes.extend(cell_notes)
        return GridReading(values, notes, True, header=header)

    def _read_projects(self, grid: Grid, year: int) -> GridReading | None:
        """A project table (project_tables.py): value columns and description cells."""
        columns, described, index = project_columns(grid, self._names_a_total)
        if not columns and not described:
            return None
        header = grid.rows[0]
        values: list[TableValue] = []
        notes = [
            CellNote((c.start, c.end), "table_header", "a column header")
            for c in header
            if any(ch.isdigit() for ch in c.text)
        ]
        for row in grid.rows[1:]:
            if (
                index is not None
                and index < len(row)
                and any(ch.isdigit() for ch in row[index].text)
            ):
                notes.append(
                    CellNote((row[index].start, row[index].end), "section_number", "a row number")
                )
            for k, head in columns.items():
                if k >= len(row) or row[k].text in NOT_STATED:
                    continue
                cell = row[k]
                found = self._one(head, "", "", "", cell.text, year)
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
        prose = [(c.start, c.end) for c in description_cells(grid, described)]
        return GridReading(values, notes, True, prose_spans=prose)

    def _names_a_total(self, text: str) -> bool:
        ids = self._indicators(_bare_name(text)[0], "")
        return bool(ids) and all(self.book[i].value_kind == "cumulative" for i in ids)

    def _join_wrapped_names(self, rows, name_col: int, years: dict[int, int]):
        """ "劳动年龄人口平均受|年|10.5|11" then "教育年限|||": a name cell wrapped onto a line
        of its own. The lone cell is joined to the name above it when the name above names
        no indicator and the two together do (otherwise it stays a category row)."""
        out: list[list[GridCell]] = []
        for row in rows:
            filled = [c for c in row if c.text and c.text not in NOT_STATED]
            prev = out[-1] if out else None
            if (
                prev is not None
                and len({(c.start, c.end) for c in filled}) == 1
                and not any(ch.isdigit() for ch in filled[0].text)
                and name_col < len(prev)
                and any(k < len(prev) and prev[k].text for k in years)
            ):
                above = prev[name_col]
                joined = above.text + filled[0].text
                if not self._indicators(_bare_name(above.text)[0], "") and self._indicators(
                    _bare_name(joined)[0], ""
                ):
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

    def _cell(self, grid, name_cell, category, unit_text, default_unit, cell, year, attribute):
        text = cell.text
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
            found = self._one(name, category, unit_text, default_unit, part.strip(), year)
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
                )
            )
        return out, notes

    def _one(self, name, category, unit_text, default_unit, text, year):
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
        stated_unit = q.unit_token or unit_text or unit_from_name or default_unit
        value, upper = q.value, q.upper
        if not q.unit_token and stated_unit:
            scale = _scale_of(stated_unit)
            value = scaled(value, scale)
            upper = scaled(upper, scale) if upper is not None else None
        unit = self.rules.quantity_units.get(_unit_core(stated_unit)) if stated_unit else None
        expected = {self.book[i].unit for i in ids}
        if unit is None:
            unit = next(iter(expected)) if len(expected) == 1 else None
        if unit not in expected:
            return CellNote(
                (0, 0),
                "unit_mismatch",
                f"unit {stated_unit!r} in table, {sorted(expected)} in codebook",
            )
        comparator = q.comparator or "="
        return tuple(i for i in ids if self.book[i].unit == unit), comparator, value, upper, unit

    def _indicators(self, bare: str, category: str) -> tuple[str, ...]:
        ids = self.matcher.exact(bare) or self.matcher.exact(category + bare)
        if ids:
            return ids
        official = self.official.get(strip_ignorable(bare))
        if official:
            return official
        matches = self.matcher.find(bare)
        found = {m.indicator_ids for m in matches}
        if len(found) == 1:
            return next(iter(found))
        # "义务教育学校互联网接入率": a Chinese noun phrase ends in its head, so the phrase
        # that ends the name is what the row measures
        last = [m for m in matches if m.end == len(bare)]
        return last[0].indicator_ids if len(last) == 1 and len(found) > 1 else ()


def _bare_name(name: str) -> tuple[str, str]:
    name = _ATTRIBUTE_IN_NAME.sub("", name).strip()
    name = _NUMBERING.sub("", name).strip().rstrip("*＊").strip()
    m = _UNIT_IN_NAME.search(name)
    if m:
        return name[: m.start()].strip(), m.group(1).strip()
    return name, ""


def _unit_core(unit: str) -> str:
    """ "万人" -> "人" (the scale is applied separately); "%" stays."""
    unit = unit.strip()
    if unit[:1] in ("万", "亿", "千") and len(unit) > 1:
        return unit[1:]
    return unit


def _scale_of(unit: str) -> float:
    unit = unit.strip()
    return {"万": 1e4, "亿": 1e8, "千": 1e3}.get(unit[:1], 1.0) if len(unit) > 1 else 1.0


def _sub_span(cell: GridCell, offset: int, length: int) -> tuple[int, int]:
    """A part of a cell's raw span (exact when the cell's raw text equals its clean text)."""
    if cell.end - cell.start == len(cell.text):
        return cell.start + offset, cell.start + offset + length
    return cell.start, cell.end


def _transpose(grid: Grid) -> Grid:
    width = grid.width
    empty = GridCell("", grid.start, grid.start)
    rows = [[r[k] if k < len(r) else empty for r in grid.rows] for k in range(width)]
    return Grid(grid.reader + "_transposed", grid.caption, grid.start, grid.end, rows)
