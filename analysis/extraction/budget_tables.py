"""Budget execution tables (预算执行/决算): 项目 | 年初预算 | 调整预算 | 决算数 | 完成预算(%) |
比上年增长(%), under a caption naming the year ("2023年…预算执行情况").

The outturn (决算数, 执行数, 实际支出) is the year's value and the growth over the last year
its increase; the rows from "其中：" on are parts of the total. What was budgeted (年初预算,
调整预算) and how much of it was spent (完成预算, 执行率) are no values of the plan's
indicators: those cells are left out and ledgered. The grid comes back with the outturn
column headed by its year and the growth column as a column of changes, which the
interpreter reads as any other table."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell

_OUTTURN = re.compile(
    r"^(?:全年)?(?:决算数?|执行数|实际支出|实际完成|支出数)(?:[(（].{0,6}[)）])?$"
)
_BUDGETED = re.compile(r"^(?:年初|调整后?|全年)?预算(?:数|额)?(?:[(（].{0,6}[)）])?$")
_EXECUTION = re.compile(r"^(?:完成(?:调整)?预算|预算执行率|执行率|完成率)")
_GROWTH = re.compile(r"^(?:比上年|较上年|同比)(?:决算数?)?(?:增长|增减|增幅)")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_DIGIT = re.compile(r"\d")
_BARE_NUMBER = re.compile(r"^[+\-−]?\d+(?:\.\d+)?$")
_PARTS = re.compile(r"^\s*其中")
_PART_REASON = "a part of the total above (其中…)"


def budget_execution(grid: Grid, current: int | None) -> Grid | None:
    """The grid as a year's table (see the module's text), or None when it is no budget
    execution table or no year is named (the caption's, else the report's `current`)."""
    if len(grid.rows) < 2:
        return None
    header = grid.rows[0]
    texts = [c.text.replace(" ", "") for c in header]
    outturn = [k for k, t in enumerate(texts) if k and _OUTTURN.match(t)]
    budgeted = [k for k, t in enumerate(texts) if k and _BUDGETED.match(t)]
    execution = [k for k, t in enumerate(texts) if k and _EXECUTION.match(t)]
    growth = [k for k, t in enumerate(texts) if k and _GROWTH.match(t)]
    if len(outturn) != 1 or not (budgeted or execution):
        return None
    years = {int(y) for y in _YEAR.findall(grid.caption)}
    year = years.pop() if len(years) == 1 else current
    if year is None:
        return None
    k_out = outturn[0]
    top = list(header)
    top[k_out] = GridCell(
        f"{year}年（{header[k_out].text}）", header[k_out].start, header[k_out].end
    )
    changes = [k for k in growth if k > k_out]  # a column of changes follows its year's
    for k in changes:
        top[k] = GridCell("增长", header[k].start, header[k].end)
    dropped = {k: "a budgeted amount (年初预算, 调整预算), not the outturn" for k in budgeted}
    dropped.update({k: "an execution rate (完成预算%), not a value" for k in execution})
    labels = list(grid.labels)
    rows = [top]
    parts = False  # the rows from "其中：学前教育" on break the total above down
    for row in grid.rows[1:]:
        parts = parts or bool(row and _PARTS.match(row[0].text))
        kept = row[:1]
        for k, cell in enumerate(row[1:], start=1):
            why = (
                ("part_of_total", _PART_REASON) if parts else ("context_statistic", dropped.get(k))
            )
            if why[1] and _DIGIT.search(cell.text):
                labels.append(((cell.start, cell.end), *why))
                cell = GridCell("", cell.start, cell.start)
            elif k in changes and _BARE_NUMBER.match(cell.text):
                # "比上年增长（%）" over "5.2": a growth in percent of an amount in 万元
                cell = GridCell(cell.text + "%", cell.start, cell.end)
            kept.append(cell)
        rows.append(kept)
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, labels)
