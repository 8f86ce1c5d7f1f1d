"""A table written as an array of flat objects in a script or a JSON response
([{ label: '各级各类学校（所）', value: 1426, year: '2023' }, …], an open-data API's
{"data": {"list": [{"zbmc": "学前三年毛入园率", "nf": "2020", "sz": "90.6"}, …]}}),
however the objects are spread over lines.

The keys become the header, in the order they first appear, and each object a row, for
the one interpreter; a long-format array (name, year, value) is pivoted like a long CSV
(long_tables.py). A key is headed by its description where the text gives one ("zbmc
指标名称", as for XML fields), else by the Chinese for a common English key (label 指标名称,
year 年份, value 数值), else by itself. An array with neither a year nor a role among its
keys, nor a long format, is no table of values and is left to the other readers.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.js_literals import Node, literal_at
from analysis.extraction.long_tables import is_long_header
from analysis.extraction.record_tables import is_value_key
from analysis.extraction.span_sets import SpanSet
from analysis.extraction.table_readers import clean_cell
from analysis.extraction.xml_records import described_field

_ARRAY = re.compile(r"\[\s*\{")
_ENGLISH_KEYS = {
    "name": "指标名称",
    "label": "指标名称",
    "title": "指标名称",
    "indicator": "指标名称",
    "item": "指标名称",
    "year": "年份",
    "value": "数值",
    "val": "数值",
    "unit": "单位",
    "type": "类型",
    "id": "序号",
}
_FLAT = ("string", "number", "word")


def read_record_arrays(raw: str, skip: SpanSet) -> list[Grid]:
    """Every array of two or more flat objects that is a table (see the module's text)."""
    if raw.find("[") < 0 or raw.find("{") < 0:
        return []
    grids: list[Grid] = []
    done = -1
    for m in _ARRAY.finditer(raw):
        if m.start() < done or skip.overlaps(m.start(), m.end()):
            continue
        array = literal_at(raw, m.start())
        if array is None or len(array.items) < 2:
            continue
        if not all(i.kind == "object" and i.keys for i in array.items):
            continue
        if not all(v.kind in _FLAT for i in array.items for _, v in i.keys.values()):
            continue
        if skip.overlaps(array.start, array.end):
            continue
        grid = _grid(raw, array)
        if grid is not None:
            grids.append(grid)
            done = array.end
    return grids


def _head(raw: str, key: str, at: tuple[int, int], array: Node) -> GridCell:
    legend = described_field(raw, key, array.start, array.end)
    if legend is not None:
        return legend
    return GridCell(_ENGLISH_KEYS.get(key.lower(), key), at[0], at[1])


def _value(node: Node) -> GridCell:
    if node.kind == "word":  # null, true, false
        return GridCell("", node.start, node.start)
    return GridCell(clean_cell(node.text), node.start, node.end)


def _grid(raw: str, array: Node) -> Grid | None:
    heads: dict[str, GridCell] = {}
    for item in array.items:
        for key, (at, _) in item.keys.items():
            if key not in heads:
                heads[key] = _head(raw, key, at, array)
    texts = [h.text for h in heads.values()]
    if not (is_long_header(texts) or any(is_value_key(t) for t in texts)):
        return None
    rows = [list(heads.values())]
    for item in array.items:
        empty = GridCell("", item.start, item.start)
        rows.append([_value(item.get(k)) if item.get(k) is not None else empty for k in heads])
    return Grid("record_array", "", array.start, array.end, rows)
