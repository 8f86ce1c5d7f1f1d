"""A table with one row per area ("乡镇 | 幼儿园（所） | 在园幼儿（人） | 毛入园率（%）": 城厢镇,
蔓江镇, …, 合计) whose columns name indicators.

The towns' or counties' rows are not the plan's area: each of their numbers is ledgered as
another area's value. The row of the whole ("合计", "全县", the plan's own name) is turned
into an indicator table the interpreter reads: one row per column, its value under the
year of the table (the caption's "2020年", else the baseline), or under the period's end
for a column named by the period ("“十四五”新增学位"). A table of areas with no row of
the whole holds only other areas' values. (Columns per area: area_columns.py.)
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.grid_headers import header_year

# a town, county or district by its name ("城厢镇", "东湖区", "长坡乡", "城关街道")
_AREA_NAME = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|州|盟|镇|乡|街道|苏木)$")
# the whole ("合计", "全县", "全县合计", "总计")
_WHOLE = re.compile(r"^(?:(?:全|本)(?:市|县|区|旗|州|盟)(?:合计|总计)?|合计|总计|总体)$")
# the first header cell of a table of areas ("乡镇", "乡（镇）", "县（市、区）", "地区"; a
# province's "市州", "设区市")
_AREA_HEADER = re.compile(
    r"^(?:乡镇|乡\(镇\)|镇\(乡\)|乡镇\(街道\)|街道|县\(市、?区\)|县市区|县区|区县|地区|区域|单位|"
    r"县\(区\)|市\(县、?区\)|县\(市\)|名称|市州|市\(州\)|地市|城市|市县|设区市)(?:名称)?$"
)
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
# a column named by the five-year period ("“十四五”新建公办园"): a total over it
_PERIOD = re.compile(r"十[一二三四五六七八九]五|(?:19|20)\d\d\s*[—\-–~～至到]\s*(?:19|20)\d\d")
_MIN_AREAS = 3
# a thing and a count unit in brackets: "幼儿园（所）", "在园幼儿（人）"
_COUNTED = re.compile(r"^([\u4e00-\u9fff]{2,12})\((所|个|人|名|间|座)\)$")
_NOT_A_THING = ("数", "率", "比", "比例", "占比", "量", "额", "学位", "人次")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")")


def _stem(name: str) -> str:
    return re.sub(r"(?:市|县|区|旗|州|盟)$", "", name) if len(name) > 2 else name


def own_area_row(
    grid: Grid, own_zh: str | None, baseline_year: int, period_end: int | None
) -> Grid | None:
    """The whole area's row as an indicator table (other rows ledgered as other areas'),
    or None when the grid is not a table of areas by row."""
    if len(grid.rows) < _MIN_AREAS + 1:
        return None
    header, body = grid.rows[0], [row for row in grid.rows[1:] if row]
    if len(header) < 2 or not _AREA_HEADER.match(_compact(header[0].text)):
        return None
    if any(header_year(c.text) for c in header[1:]):
        return None  # years as columns: one indicator by area, not this layout
    own_names = {own_zh, _stem(own_zh)} if own_zh else set()
    whole = [r for r in body if _WHOLE.match(_compact(r[0].text)) or r[0].text in own_names]
    others = [r for r in body if r not in whole and _AREA_NAME.match(_compact(r[0].text))]
    if len(others) < _MIN_AREAS or len(whole) + len(others) < len(body) or len(whole) > 1:
        return None
    labels = list(grid.labels)
    for row in others:
        reason = f"another area's row ({row[0].text})"
        labels += [((c.start, c.end), "other_area", reason) for c in row[1:] if _digits(c.text)]
    caption = _YEAR.search(grid.caption)
    year = int(caption.group(1)) if caption else baseline_year
    at = grid.start  # the new header's cells are not in the text
    top = [GridCell("指标", at, at), GridCell(f"{year}年", at, at)]
    if period_end is not None:
        top.append(GridCell(f"{period_end}年", at, at))
    rows = [top]
    for k, name in enumerate(header[1:], start=1):
        if not whole or k >= len(whole[0]):
            continue
        cell, blank = whole[0][k], GridCell("", at, at)
        by_period = period_end is not None and _PERIOD.search(name.text) is not None
        if not by_period:
            name = _stock_name(name)
        rows.append([name, blank, cell] if by_period else [name, cell, blank][: len(top)])
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, labels)


def _stock_name(cell: GridCell) -> GridCell:
    """ "幼儿园（所）" -> "幼儿园数（所）": a column naming a thing, counted in a status table
    of areas, is the number of those things (as "共有幼儿园164所" is in prose)."""
    m = _COUNTED.match(_compact(cell.text))
    if m is None or m.group(1).endswith(_NOT_A_THING):
        return cell
    return GridCell(f"{m.group(1)}数({m.group(2)})", cell.start, cell.end)


def _digits(text: str) -> bool:
    return any(ch.isdigit() for ch in text)
