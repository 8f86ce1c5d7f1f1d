"""A chart as a data dashboard's script configures it: an ECharts-style option object
({ xAxis: { data: ['2020', '2021', '2022'] }, series: [{ name: '学前三年毛入园率',
data: [90.8, 92.1, null], markLine: { data: [{ name: '2025年目标', yAxis: 95 }] } }] }).

Read from the raw text into the one grid model: the category axis is the header (a
horizontal chart's is its yAxis; a dataset's first row; the item names of a pie), each
named series a row, each named mark line or mark point a column of its own headed by its
name ("2025年目标"), so the one interpreter reads years, targets and units as in any table.
The chart's title (and its subtext, "单位：%") is the caption, or the comment line above
it. Every other number inside the option object (axis bounds, sizes, positions) is a
setting of the chart, labelled markup for the ledger.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.js_literals import Node, enclosing_open, literal_at, walk
from analysis.extraction.table_readers import clean_cell

_SERIES = re.compile(r"""(?:\bseries|["']series["'])\s*:\s*[\[{]""")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_COMMENT_ABOVE = re.compile(r"(?://|/\*|<!--)\s*([^\n]*?)\s*(?:\*/|-->)?\s*$")
_EMPTY_WORDS = ("null", "undefined", "NaN", "-", "", "—")
SETTING = ("markup", "a chart's setting (axis range, size, position), not its data")


def read_chart_options(raw: str) -> list[Grid]:
    """Every chart option object in the raw text with named series, as a grid."""
    if raw.find("series") < 0:
        return []  # no chart: most plans
    grids: list[Grid] = []
    done = -1
    for m in _SERIES.finditer(raw):
        if m.start() < done:
            continue
        at = enclosing_open(raw, m.start(), max(0, m.start() - 20000))
        option = literal_at(raw, at) if at is not None else None
        if option is None:
            continue
        grid = _grid(raw, option)
        if grid is not None:
            grids.append(grid)
            done = option.end
    return grids


def _first(node: Node | None) -> Node | None:
    """An axis given as a list of axes: the first one."""
    if node is not None and node.kind == "array":
        return next((i for i in node.items if i.kind == "object"), None)
    return node if node is not None and node.kind == "object" else None


def _category_axis(option: Node) -> list[Node] | None:
    for name in ("xAxis", "yAxis", "angleAxis", "radiusAxis"):
        axis = _first(option.get(name))
        data = axis.get("data") if axis is not None else None
        if data is not None and data.kind == "array" and data.items:
            kind = axis.get("type")
            if kind is None or kind.text in ("category", "time"):
                return data.items
    return None


def _cell(node: Node) -> GridCell:
    """A category, a series name or a data point as a cell (an item {value: …} by its value)."""
    if node.kind == "object":
        inner = node.get("value")
        return _cell(inner) if inner is not None else GridCell("", node.start, node.start)
    if node.kind in ("string", "number"):
        text = clean_cell(node.text)
        if text not in _EMPTY_WORDS:
            return GridCell(text, node.start, node.end)
    return GridCell("", node.start, node.start)


def _series_list(option: Node) -> list[Node]:
    series = option.get("series")
    if series is None:
        return []
    items = series.items if series.kind == "array" else [series]
    return [s for s in items if s.kind == "object"]


def _marks(series: Node) -> list[tuple[GridCell, GridCell]]:
    """A series' named marks with a value: (name cell, value cell)."""
    found = []
    for key in ("markLine", "markPoint"):
        mark = series.get(key)
        data = mark.get("data") if mark is not None and mark.kind == "object" else None
        for item in data.items if data is not None and data.kind == "array" else []:
            if item.kind != "object" or item.get("name") is None:
                continue
            value = next(
                (item.get(k) for k in ("yAxis", "xAxis", "value") if item.get(k) is not None), None
            )
            if value is not None and value.kind in ("number", "string"):
                found.append((_cell(item.get("name")), _cell(value)))
    return found


def _dataset_rows(option: Node) -> list[list[GridCell]] | None:
    """A dataset's source given as rows (the first a header): the rows as cells."""
    dataset = _first(option.get("dataset"))
    source = dataset.get("source") if dataset is not None else None
    if source is None or source.kind != "array" or len(source.items) < 2:
        return None
    if not all(row.kind == "array" for row in source.items):
        return None
    return [[_cell(item) for item in row.items] for row in source.items]


def _series_rows(option: Node) -> list[list[GridCell]] | None:
    series = [s for s in _series_list(option) if s.get("name") is not None]
    categories = _category_axis(option)
    if categories is None:  # a pie's items name themselves
        datas = [s.get("data") for s in series]
        datas = [d for d in datas if d is not None and d.kind == "array" and d.items]
        if len(datas) == 1 and all(i.kind == "object" and i.get("name") for i in datas[0].items):
            categories = [i.get("name") for i in datas[0].items]
    if categories is None or not series:
        return None
    mark_heads: dict[str, GridCell] = {}
    for s in series:
        for name, _ in _marks(s):
            mark_heads.setdefault(name.text, name)
    at = series[0].start
    rows = [[GridCell("指标", at, at), *(_cell(c) for c in categories), *mark_heads.values()]]
    for s in series:
        data = s.get("data")
        points = data.items if data is not None and data.kind == "array" else []
        name = _cell(s.get("name"))
        cells = [_cell(p) for p in points[: len(categories)]]
        cells += [GridCell("", name.end, name.end)] * (len(categories) - len(cells))
        marks = {}
        for mark_name, value in _marks(s):
            marks.setdefault(mark_name.text, value)
        cells += [marks.get(head, GridCell("", name.end, name.end)) for head in mark_heads]
        rows.append([name, *cells])
    return rows


def _caption(raw: str, option: Node) -> str:
    title = _first(option.get("title"))
    if title is not None:
        parts = [title.get(k) for k in ("text", "subtext")]
        text = " ".join(clean_cell(p.text) for p in parts if p is not None and p.kind == "string")
        if text:
            return text
    line_start = raw.rfind("\n", 0, option.start)
    above_start = raw.rfind("\n", 0, max(0, line_start))
    m = _COMMENT_ABOVE.search(raw, above_start + 1, max(0, line_start))
    return clean_cell(m.group(1)) if m else ""


def _grid(raw: str, option: Node) -> Grid | None:
    rows = _dataset_rows(option) or _series_rows(option)
    if rows is None or len(rows) < 2:
        return None
    used = {(c.start, c.end) for row in rows for c in row if c.text}
    labels = []
    for node in walk(option):
        if node.kind in ("number", "string", "other") and (node.start, node.end) not in used:
            for d in _DIGITS.finditer(raw, node.start, node.end):
                labels.append((d.span(), *SETTING))
    return Grid("chart", _caption(raw, option), option.start, option.end, rows, labels)
