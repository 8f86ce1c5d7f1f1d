"""Indicators kept in a YAML data file (a dashboard's data source): a list of records, each
naming its indicator (name: 学前三年毛入园率) with its values by year, as keys
(`actual: {2021: 91.8, 2022: 92.7}`) or as {year, value} pairs (`baseline: {year: 2020,
value: 90.6}`, `target: {year: 2025, value: ">=95"}`), and a unit (`unit: "%"`, also
through a merge key `<<: *pct`).

The records become one grid (指标 | 单位 | the years), so the one interpreter reads them;
each cell's span is its scalar's in the raw file (anchors and aliases resolved by the
YAML composer, which keeps every node's position). The file's other numbers in the
records (ids, versions, a district's drill-down rows) are no year's value of the record's
indicator, and the ledger says so. A file that is not YAML data (prose, JSON) is not read.
"""

from __future__ import annotations

import re

import yaml

from analysis.extraction.grid import Grid, GridCell

_NAME_KEYS = frozenset({"name", "名称", "指标", "指标名称", "indicator", "title"})
_UNIT_KEYS = frozenset({"unit", "单位"})
_YEAR = re.compile(r"(?:19|20)\d\d")
# a line of YAML data: "key: value", "key:", "- item"
_DATA_LINE = re.compile(r"^\s*(?:-\s+)?[\w\u4e00-\u9fff-]{1,40}:(?:\s|$)|^\s*-\s", re.M)
_FIRST_DATA = 10  # lines of data before a text counts as a data file
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ANCHOR = re.compile(r"(?<![\w&*])[&*][A-Za-z_][\w-]*?(\d+)\b")
_COMMENT = re.compile(r"(?:^|(?<=\s))#[^\n]*", re.M)
_Loader = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader
REASON = "a YAML data file's field that is no year's value of its record's indicator"


def read_yaml_records(raw: str) -> list[Grid]:
    """One grid of the file's indicator records, or none."""
    if raw.lstrip()[:1] in ("{", "[") or len(_DATA_LINE.findall(raw, 0, 4000)) < _FIRST_DATA:
        return []
    try:
        root = yaml.compose(raw, Loader=_Loader)
    except yaml.YAMLError:
        return []
    records = [n for n in _nodes(root) if _name(n) is not None]
    rows, years, used = [], {}, set()
    for record in records:
        name = _name(record)
        found = list(_year_values(record))
        values = {y: v for y, _, v in found}
        if not values:
            continue
        for y, year_node, _ in found:
            years.setdefault(y, []).append(year_node)
        unit = _unit(record)
        rows.append((_cell(raw, name), _cell(raw, unit) if unit else None, values))
        used.update((n.start_mark.index, n.end_mark.index) for n in values.values())
    if len(rows) < 2:
        return []
    order = sorted(years)
    start = min(r.start_mark.index for r in records)
    end = max(r.end_mark.index for r in records)
    # the header's years stand where each is first named
    header = [GridCell("指标", start, start), GridCell("单位", start, start)]
    header += [GridCell(f"{y}年", *_span(raw, years[y][0])) for y in order]
    named = {_span(raw, n) for y in order for n in years[y]}
    body = [
        [name, unit or GridCell("", name.end, name.end)]
        + [
            _cell(raw, values[y]) if y in values else GridCell("", name.end, name.end)
            for y in order
        ]
        for name, unit, values in rows
    ]
    labels = [
        (span, "table_header", "a year a YAML record's value is of")
        for span in named - {(c.start, c.end) for c in header}
    ]
    labels += [
        (span, "no_indicator", REASON)
        for span in _numbers(raw, [root])
        if start <= span[0] < end
        and span not in named
        and not any(a <= span[0] < b for a, b in used)
    ]
    # an anchor's or alias's name ("&ggl2020", "*ggl2020") is markup
    labels += [
        (m.span(1), "markup", "a YAML anchor's or alias's name")
        for m in _ANCHOR.finditer(raw, start, end)
    ]
    # a comment among the records is a maintainer's note ("# 2023年决算未出")
    labels += [
        (m.span(), "no_indicator", "in a YAML data file's comment")
        for c in _COMMENT.finditer(raw, start, end)
        for m in _NUMBER.finditer(raw, c.start(), c.end())
    ]
    return [Grid("yaml_records", "", start, end, [header, *body], labels)]


def _nodes(node):
    """Every node under `node`, depth first (aliases are the anchored node again)."""
    seen, stack = set(), [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        yield n
        if isinstance(n, yaml.MappingNode):
            stack.extend(v for pair in reversed(n.value) for v in pair)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(reversed(n.value))


def _pairs(node: yaml.MappingNode):
    """(key text, value node) of a mapping, its merge keys' mappings included."""
    for k, v in node.value:
        if k.value == "<<" and isinstance(v, yaml.MappingNode):
            yield from _pairs(v)
        elif isinstance(k, yaml.ScalarNode):
            yield k.value, v


def _name(node):
    if not isinstance(node, yaml.MappingNode):
        return None
    return next(
        (v for k, v in _pairs(node) if k in _NAME_KEYS and isinstance(v, yaml.ScalarNode)), None
    )


def _unit(node):
    return next(
        (v for k, v in _pairs(node) if k in _UNIT_KEYS and isinstance(v, yaml.ScalarNode)), None
    )


def _year_values(record):
    """(year, the node naming it, value node) of a record: a year key's scalar at any
    depth, or a mapping's value beside its year."""
    for n in _nodes(record):
        if n is not record and _name(n) is not None:
            continue  # a record inside a record is its own
        if not isinstance(n, yaml.MappingNode):
            continue
        pairs = dict(_pairs(n))
        year, value = pairs.get("year"), pairs.get("value")
        if (
            isinstance(year, yaml.ScalarNode)
            and isinstance(value, yaml.ScalarNode)
            and _YEAR.fullmatch(year.value)
        ):
            yield int(year.value), year, value
        for k, v in n.value:
            if (
                isinstance(k, yaml.ScalarNode)
                and _YEAR.fullmatch(k.value)
                and isinstance(v, yaml.ScalarNode)
                and v.value
            ):
                yield int(k.value), k, v


def _cell(raw: str, node) -> GridCell:
    return GridCell(node.value, *_span(raw, node))


def _span(raw: str, node) -> tuple[int, int]:
    a, b = node.start_mark.index, node.end_mark.index
    if b - a >= 2 and raw[a] in "\"'" and raw[b - 1] == raw[a]:
        a, b = a + 1, b - 1  # a quoted scalar: its text
    return a, b


def _numbers(raw: str, roots) -> list[tuple[int, int]]:
    spans = set()
    for root in roots:
        for n in _nodes(root):
            if isinstance(n, yaml.ScalarNode):
                a, b = n.start_mark.index, n.end_mark.index
                spans.update(m.span() for m in _NUMBER.finditer(raw, a, b))
    return sorted(spans)
