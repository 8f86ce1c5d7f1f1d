"""A table with one row per area ("乡镇 | 幼儿园（所） | 在园幼儿（人） | 毛入园率（%）": 城厢镇,
蔓江镇, …, 合计) whose columns name indicators.

The towns' or counties' rows are not the plan's area: each of their numbers is ledgered as
another area's value. The row of the whole ("合计", "全县", the plan's own name) is turned
into an indicator table the interpreter reads: one row per column, its value under the
year of the table (the caption's "2020年", else the year an evaluation reports on, else
the baseline), or under the period's end for a column named by the period ("“十四五”新增
学位"). A row of targets ("2025年目标") gives the whole's targets; a rank column beside
each indicator (a 督导通报's "排名") is ledgered as ranks. A table of areas with no row
of the whole holds only other areas' values. (Columns per area: area_columns.py.)
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
# a row of targets: "2025年目标", "目标值", "2025年规划目标"
_TARGET_ROW = re.compile(r"^(?:((?:19|20)\d\d)年?)?(?:规划)?目标值?$")
_RANK_HEADER = re.compile(r"^(?:排名|排序|位次|名次)$")
# a thing and a count unit in brackets: "幼儿园（所）", "在园幼儿（人）"
_COUNTED = re.compile(r"^([\u4e00-\u9fff]{2,12})\((所|个|人|名|间|座)\)$")
_NOT_A_THING = ("数", "率", "比", "比例", "占比", "量", "额", "学位", "人次")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")")


def _stem(name: str) -> str:
    return re.sub(r"(?:市|县|区|旗|州|盟)$", "", name) if len(name) > 2 else name


def own_area_row(
    grid: Grid,
    own_zh: str | None,
    baseline_year: int,
    period_end: int | None,
    evaluated: int | None = None,
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
    targets = [r for r in body if r not in whole and _TARGET_ROW.match(_compact(r[0].text))]
    others = [
        r
        for r in body
        if r not in whole and r not in targets and _AREA_NAME.match(_compact(r[0].text))
    ]
    if len(others) < _MIN_AREAS or len(whole) + len(others) + len(targets) < len(body):
        return None
    if len(whole) > 1 or len(targets) > 1 or (targets and not whole):
        return None
    ranks = {k for k, c in enumerate(header) if k and _RANK_HEADER.match(_compact(c.text))}
    labels = list(grid.labels)
    for row in body:
        for k in ranks & set(range(len(row))):
            if _digits(row[k].text):
                labels.append(((row[k].start, row[k].end), "section_number", "a rank (排名)"))
    for row in others:
        reason = f"another area's row ({row[0].text})"
        labels += [
            ((c.start, c.end), "other_area", reason)
            for k, c in enumerate(row[1:], start=1)
            if k not in ranks and _digits(c.text)
        ]
    caption = _YEAR.search(grid.caption)
    year = int(caption.group(1)) if caption else (evaluated or baseline_year)
    target = _TARGET_ROW.match(_compact(targets[0][0].text)) if targets else None
    target_year = int(target.group(1)) if target and target.group(1) else period_end
    at = grid.start  # the new header's cells are not in the text
    top = [GridCell("指标", at, at), GridCell(f"{year}年", at, at)]
    if period_end is not None:
        top.append(GridCell(f"{period_end}年", at, at))
    if target_year is not None and target_year != period_end:
        top.append(GridCell(f"{target_year}年", at, at))
    rows = [top]
    for k, name in enumerate(header[1:], start=1):
        if not whole or k >= len(whole[0]) or k in ranks:
            continue
        cell, blank = whole[0][k], GridCell("", at, at)
        by_period = period_end is not None and _PERIOD.search(name.text) is not None
        if not by_period:
            name = _stock_name(name)
        row = [name, blank, cell] if by_period else [name, cell, blank][: len(top)]
        row += [blank] * (len(top) - len(row))
        if targets and target_year is not None and k < len(targets[0]):
            row[2 if target_year == period_end else 3] = targets[0][k]
        rows.append(row)
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
