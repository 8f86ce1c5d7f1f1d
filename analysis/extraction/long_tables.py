"""A table in long format: one row per indicator and year, as an open-data portal exports
it ("指标代码,指标名称,年份,数值,单位,指标类型,属性" / "JY01,学前三年毛入园率,2020,90.6,%,基期,
预期性").

Its rows are pivoted into the wide grid the one interpreter reads: a row per indicator
(and unit), a column per year and type of value, headed "2020年基期值", "2022年实际值",
"2025年目标值"; each value keeps its raw span. The header's cells take the span of the
first year field of their column; every other year field is labelled a year for the
ledger, and so is a row code holding digits ("JY01"). A note before the table that makes
every target a lower bound ("目标值均为…下限值（即不低于该值）") puts "（≥）" on the target
columns' headers, as a table's own "目标值（≥）" would.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell

_NAME = ("指标名称", "指标", "名称", "指标项", "项目", "统计指标")
_YEAR = ("年份", "年度", "统计年度", "年", "时间", "数据年份")
_VALUE = ("数值", "值", "指标值", "数据", "数据值", "取值", "统计值")
_UNIT = ("单位", "计量单位")
_ROLE = ("指标类型", "数值类型", "值类型", "数据类型", "类型")
_ATTRIBUTE = ("属性", "指标属性")
_CODE = ("指标代码", "代码", "编码", "指标编码", "序号")
_FIELDS = {"name": _NAME, "year": _YEAR, "value": _VALUE, "unit": _UNIT, "role": _ROLE}
_FIELDS |= {"attribute": _ATTRIBUTE, "code": _CODE}
_SPLIT = re.compile(r"\s*[,，\t|]\s*")
_YEAR_FIELD = re.compile(r"^((?:19|20)\d\d)\s*年?$")
# what a type of value is called in a wide header
_ROLE_HEADS = {
    "基期": "基期值",
    "基准": "基期值",
    "实际": "实际值",
    "目标": "目标值",
    "规划": "目标值",
}
# a note making every target a lower bound
_LOWER_BOUNDS = re.compile(r"目标[^。\n]{0,30}(?:下限|不低于该值|最低值)")


def _columns(header: list[str]) -> dict[str, int]:
    """The column of each field a long table's header names (name, year, value, unit …)."""
    col: dict[str, int] = {}
    for k, text in enumerate(header):
        key = text.replace(" ", "")
        for field, words in _FIELDS.items():
            if key in words and field not in col:
                col[field] = k
    return col


def is_long_header(header: list[str]) -> bool:
    """A header naming an indicator, a year and a value column: a long table's."""
    return {"name", "year", "value"} <= _columns(header).keys()


def pivot_long(grid: Grid, before: str = "") -> Grid | None:
    """The wide grid of a long-format table, else None. `before`: the text above it."""
    header, body = _header(grid)
    if header is None:
        return None
    col = _columns(header)
    if not {"name", "year", "value"} <= col.keys():
        return None
    rows = [r for r in body if len(r) > max(col.values())]
    if len(rows) < 2 or not all(_YEAR_FIELD.match(r[col["year"]].text) for r in rows):
        return None
    lower_bounds = _LOWER_BOUNDS.search(before) is not None
    heads: dict[tuple[int, str], GridCell] = {}  # (year, type) -> its header cell
    groups: dict[tuple[str, ...], list[dict]] = {}  # (name, unit, attribute) -> rows
    labels = list(grid.labels)
    for r in rows:
        year_cell = r[col["year"]]
        year = int(_YEAR_FIELD.match(year_cell.text).group(1))
        role = r[col["role"]].text.strip() if "role" in col else ""
        column = (year, role)
        if column not in heads:
            word = _ROLE_HEADS.get(role, role)
            bound = "（≥）" if lower_bounds and word == "目标值" else ""
            heads[column] = GridCell(f"{year}年{word}{bound}", year_cell.start, year_cell.end)
        else:
            labels.append(((year_cell.start, year_cell.end), "year", "a long table's year field"))
        code = r[col["code"]] if "code" in col else None
        if code is not None and any(ch.isdigit() for ch in code.text):
            labels.append(((code.start, code.end), "section_number", "a long table's row code"))
        key = tuple(r[col[f]].text for f in ("name", "unit", "attribute") if f in col)
        cells = groups.setdefault(key, [{}])
        if column in cells[-1]:
            cells.append({})  # the same indicator twice in a year: a row of its own
        cells[-1][column] = r[col["value"]]
        cells[-1].setdefault("row", r)
    columns = sorted(heads)
    kept = [f for f in ("name", "unit", "attribute") if f in col]
    first = grid.rows[0][0] if grid.rows and grid.rows[0] else GridCell("", grid.start, grid.start)
    top = [GridCell(header[col[f]], first.start, first.start) for f in kept]
    wide = [top + [heads[c] for c in columns]]
    for runs in groups.values():
        for cells in runs:
            source = cells["row"]
            blank = GridCell("", source[col["name"]].end, source[col["name"]].end)
            wide.append([source[col[f]] for f in kept] + [cells.get(c, blank) for c in columns])
    return Grid(grid.reader + "_long", grid.caption, grid.start, grid.end, wide, labels)


def _header(grid: Grid) -> tuple[list[str] | None, list[list[GridCell]]]:
    """The header's field names and the body rows: the first row, or the caption when the
    reader took the header line for one."""
    if grid.rows and any(c.text.replace(" ", "") in _YEAR for c in grid.rows[0]):
        return [c.text for c in grid.rows[0]], grid.rows[1:]
    fields = _SPLIT.split(grid.caption.strip())
    if any(f.replace(" ", "") in _YEAR for f in fields) and len(fields) == grid.width:
        return fields, grid.rows
    return None, grid.rows
