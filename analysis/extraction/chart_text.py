"""A bar chart's text, as a layout-keeping PDF export prints it.

    图1　主要普及指标监测情况（%）
     100                     95        95.4   96.3   97
               88.2   91.6                                     91.5   93.1
      80
       0
            ────────────────────────────────────────────────────
              学前三年毛入园率        九年义务教育巩固率      高中阶段毛入学率
                           ■ 2020年　　■ 2022年　　□ 2025年目标

Under an axis rule stand the category names, then a legend of series (each after a mark
■ □ ●). Above it, the value axis's ticks at the left and each bar's data label over its
bar, at the height of the bar (so a category's labels may stand on different lines). A
label belongs to the category it stands over (by display column, a Chinese character
two columns wide), and a category's labels, left to right, to the legend's series in
order. The chart becomes one grid: the series are its header (years), each category a
row. A category with other than one label per series is left unread (its labels stay in
the ledger as unaccounted); the ticks are the axis, not data.
"""

from __future__ import annotations

import re

from analysis.extraction.chart_options import SETTING
from analysis.extraction.display_columns import display_column, nearest_range
from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.span_sets import SpanSet
from analysis.extraction.table_readers import _has_digit, spans_apart

_AXIS_RULE = re.compile(r"^[^\S\n]*[─━_—]{10,}[^\S\n]*$", re.MULTILINE)
_CELL_GAP = re.compile(r"[ \u3000]{2,}|\u3000")
_MARK = re.compile(r"[■□▲△●○◆◇▇█▬]")
_LABEL = re.compile(r"^[<≤≥>]?\d+(?:\.\d+)?%?$")
_TOKEN = re.compile(r"\S+")
_TITLE_LINES = 25  # how far above the axis the chart's labels may reach


def read_chart_text(raw: str, skip: SpanSet) -> list[Grid]:
    grids = []
    for rule in _AXIS_RULE.finditer(raw):
        if skip.overlaps(rule.start(), rule.end()):
            continue
        grid = _chart(raw, rule.start(), rule.end())
        if grid is not None:
            grids.append(grid)
    return grids


def _lines_after(raw: str, at: int, count: int) -> list[tuple[int, str]]:
    """Up to `count` non-blank lines after position `at` (the end of a line): (start, text)."""
    out = []
    pos = at + 1
    while pos < len(raw) and len(out) < count:
        end = raw.find("\n", pos)
        end = len(raw) if end < 0 else end
        if raw[pos:end].strip():
            out.append((pos, raw[pos:end]))
        pos = end + 1
    return out


def _chart(raw: str, rule_start: int, rule_end: int) -> Grid | None:
    below = _lines_after(raw, rule_end, 2)
    if len(below) < 2:
        return None
    (cat_start, cat_line), (legend_start, legend_line) = below
    categories = _cells(cat_line, cat_start)
    if len(categories) < 2 or any(_has_digit(t) or _MARK.search(t) for _, _, t in categories):
        return None
    series = _legend(legend_line, legend_start)
    if not series:
        return None
    body = _body(raw, rule_start)
    if body is None:
        return None
    title_start, tokens = body
    ranges = [(display_column(raw, s), display_column(raw, e)) for s, e, _ in categories]
    left_edge = ranges[0][0]
    ticks = [t for t in tokens if display_column(raw, t[1]) <= left_edge]
    labels = [t for t in tokens if display_column(raw, t[1]) > left_edge]
    by_category: list[list[tuple[int, int, str]]] = [[] for _ in categories]
    for s, e, text in labels:
        x = (display_column(raw, s) + display_column(raw, e)) / 2
        by_category[nearest_range(ranges, x)].append((s, e, text))
    header = [GridCell("", cat_start, cat_start)] + [GridCell(t, s, e) for s, e, t in series]
    rows = [header]
    for (s, e, name), found in zip(categories, by_category, strict=True):
        row = [GridCell(name, s, e)]
        if len(found) == len(series):
            found.sort(key=lambda t: display_column(raw, t[0]))
            row += [GridCell(t, a, b) for a, b, t in found]
        else:
            row += [GridCell("", e, e) for _ in series]
        rows.append(row)
    if all(not c.text for r in rows[1:] for c in r[1:]):
        return None
    notes = [((s, e), *SETTING) for s, e, _ in ticks]
    end = legend_start + len(legend_line)
    title_end = raw.find("\n", title_start)
    # the title line stays prose, where its figure number is read as one
    return Grid("chart_text", raw[title_start:title_end].strip(), title_end + 1, end, rows, notes)


def _body(raw: str, rule_start: int) -> tuple[int, list[tuple[int, int, str]]] | None:
    """The chart's title line start and the numbers between it and the axis rule, or None
    when a line of other text stands there first."""
    tokens: list[tuple[int, int, str]] = []
    end = rule_start - 1
    for _ in range(_TITLE_LINES):
        if end <= 0:
            return None
        start = raw.rfind("\n", 0, end) + 1
        line = raw[start:end]
        words = [(start + m.start(), start + m.end(), m.group()) for m in _TOKEN.finditer(line)]
        if words and not all(_LABEL.match(w) for _, _, w in words):
            return (start, tokens) if tokens else None
        tokens.extend(words)
        end = start - 1
    return None


def _legend(line: str, start: int) -> list[tuple[int, int, str]]:
    """The legend's series names, each after its mark: (start, end, name)."""
    marks = list(_MARK.finditer(line))
    out = []
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(line)
        name = line[m.end() : stop].strip()
        if not name:
            return []
        at = line.index(name, m.end())
        out.append((start + at, start + at + len(name), name))
    return out


def _cells(line: str, start: int) -> list[tuple[int, int, str]]:
    """The line's cells apart by runs of spaces (or one full-width space): (start, end, text)."""
    out = []
    for a, b in spans_apart(_CELL_GAP, line):
        text = line[a:b].strip()
        if text:
            at = line.index(text, a)
            out.append((start + at, start + at + len(text), text))
    return out
