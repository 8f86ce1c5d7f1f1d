"""Forecasts beside a plan's targets.

Tables: a 学龄人口预测 or 学位供需测算 table beside a plan's targets holds what the
plan expects (enrolment under 高/中/低方案, places needed, shortfalls), not what it sets out
to reach. Under a caption naming a forecast or an estimate that weighs scenarios or demand
("学位供需测算", "…规模预测" over 高/中/低方案 columns), or in a column of a scenario or a
demand ("需求学位", "学位缺口"), a cell is left out of the grid and ledgered as a
forecast, unless its row or column holds actual values ("2020年（实际数）", "现状值") or the
plan's own targets ("“十四五”规划新增学位", "目标值"): those are read as in any table.

Prose: in a section whose heading names a forecast ("学位需求预测", "二、预测结论"), a value
whose clause says what will be ("在园幼儿数将下降到…", "初中在校生将达到…") is a forecast, except
the actual value it starts from ("将由2020年的18.6万人下降到…"); anywhere, a value marked with
its scenario ("14.2万人左右（中方案）") is one."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell

_FORECAST = re.compile(r"预测|测算|预计|预估|推算")
_ACTUAL = re.compile(r"实际|现状|基数|基期")
_PLANNED = re.compile(r"规划|目标|计划")
_SCENARIO = re.compile(r"[高中低基]方案|情景")
_DEMAND = re.compile(r"需求|缺口|供需|富余|学龄人口")
_DIGIT = re.compile(r"\d")
REASON = "a forecast or estimate (预测/测算 table), not a target"
# the actual value a forecast starts from: "由2020年的18.6万人"
_FROM_YEAR = re.compile(r"由\s*(?:19|20)\d\d\s*年(?:底|末)?的?\s*$")
_SCENARIO_AFTER = re.compile(r"\s*(?:左右|以上|以下)?\s*[（(][^（）()]{0,4}方案[)）]")


def forecast_section(path: tuple[str, ...]) -> bool:
    """Whether a heading of the section names a forecast or an estimate."""
    return any(_FORECAST.search(title) for title in path)


def forecast_value(text: str, q_start: int, q_end: int, s_start: int, section: bool) -> bool:
    """Whether the number text[q_start:q_end], in a sentence starting at s_start, is a
    forecast: marked with its scenario, or (in a forecast `section`) said to be what will be."""
    lo = _clause_start(text, q_start, s_start)
    if "方案" in text[q_end : q_end + 10] and _SCENARIO_AFTER.match(text, q_end):
        return not starts_from_actual(text, lo, q_start)
    if not section or text.find("将", lo, q_start) < 0:
        return False
    return not starts_from_actual(text, lo, q_start)


def _clause_start(text: str, at: int, s_start: int) -> int:
    """Where the clause holding `at` starts: after a comma that is not a thousands
    separator ("9,800"), a semicolon or a full stop."""
    i = at - 1
    while i >= s_start:
        ch = text[i]
        if ch in "，；;。" or (
            ch == "," and not (text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit())
        ):
            return i + 1
        i -= 1
    return s_start


def starts_from_actual(text: str, lo: int, q_start: int) -> bool:
    """Whether the number at q_start is the actual value a change starts from ("由2020年的")."""
    return _FROM_YEAR.search(text, max(lo, q_start - 12), q_start) is not None


def forecast_cells(grid: Grid) -> Grid | None:
    """The grid without its forecast cells (ledgered), or None when it has none."""
    if len(grid.rows) < 2 or len(grid.rows[0]) < 2:
        return None
    header = [c.text for c in grid.rows[0]]
    # a 规模预测 table of 2020 and 2025 alone is the plan's own scale (its 2025 column, its
    # 预测数 rows): a forecast beside the targets weighs scenarios or demand against supply
    whole = _FORECAST.search(grid.caption) is not None and (
        _DEMAND.search(grid.caption) is not None or any(_SCENARIO.search(t) for t in header)
    )
    forecast_columns = {
        k
        for k, text in enumerate(header)
        if k > 0
        and not _ACTUAL.search(text)
        and not _PLANNED.search(text)
        and (whole or _SCENARIO.search(text) or _DEMAND.search(text))
    }
    if not forecast_columns:
        return None
    labels = list(grid.labels)
    rows = [grid.rows[0]]
    for row in grid.rows[1:]:
        if row and _ACTUAL.search(row[0].text):
            rows.append(row)
            continue
        kept = []
        for k, cell in enumerate(row):
            if k in forecast_columns and _DIGIT.search(cell.text):
                labels.append(((cell.start, cell.end), "context_statistic", REASON))
                cell = GridCell("", cell.start, cell.start)
            kept.append(cell)
        rows.append(kept)
    return Grid(grid.reader, grid.caption, grid.start, grid.end, rows, labels)
