"""Tables whose columns are drawn by a rule of dash runs under the header, as pandoc
writes Markdown tables (and a word processor's or a database's plain-text export):

      ----------------------------------------------------
      类别     指标                   2020年 2025年 属性
      -------- ---------------------- ------ ------ ------
      学前教育 学前三年毛入园率（%）    88.9    ≥92 预期性

               普惠性幼儿园覆盖率       83.6    ≥88 预期性
               （%）
      ----------------------------------------------------

      : 表1　主要指标

Each dash run is a column; a cell is the text standing in it. Columns are counted in
display width: a Chinese character takes two, as the writer lined it up. A "multiline"
table (a full rule above its header) has rows that run over several lines, separated by
blank lines, down to the closing rule; a "simple" table has a row a line, down to a blank
line. The caption stands after the table (": 表1 …") or before it ("Table: …").
Read from the raw text, like HTML.
"""

from __future__ import annotations

import re

from analysis.extraction.display_columns import char_width
from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.table_readers import clean_cell

# the rule under the header: two or more dash runs apart
_COLUMN_RULE = re.compile(r"^[^\S\n]*-{2,}(?:[^\S\n]+-{2,})+[^\S\n]*$", re.MULTILINE)
_FULL_RULE = re.compile(r"[^\S\n]*-{6,}[^\S\n]*")
_RUN = re.compile(r"-+")
# a rule of other characters (reStructuredText's "=====  =====", a grid's "+---+")
_OTHER_RULE = re.compile(r"[^\S\n]*[=+_*][=+_*\s-]*")
# a word of a line: the column it starts in, not the spaces around it, says whose cell it
# is ("学前教育 学前…" is two cells only where the columns part them)
_TOKEN = re.compile(r"\S+")
_CAPTION_AFTER = re.compile(r"[^\S\n]*(?::|Table:|表[:：])\s*(\S.*)")
_CAPTION_BEFORE = re.compile(r"[^\S\n]*(?:Table|表)\s*[:：]\s*(\S.*)")


def read_dash_rule_tables(raw: str) -> list[Grid]:
    if "--" not in raw:
        return []
    grids = []
    for rule in _COLUMN_RULE.finditer(raw):
        grid = _table(raw, rule)
        if grid is not None and (not grids or grid.start >= grids[-1].end):
            grids.append(grid)
    return grids


def _lines_before(raw: str, at: int):
    """(start, end) of each line before position `at` (a line start), nearest first."""
    end = at - 1
    while end > 0:
        start = raw.rfind("\n", 0, end) + 1
        yield start, end
        end = start - 1


def _lines_after(raw: str, at: int):
    """(start, end) of each line after the line ending at `at`."""
    start = at + 1
    while start <= len(raw):
        end = raw.find("\n", start)
        end = len(raw) if end < 0 else end
        yield start, end
        start = end + 1


def _table(raw: str, rule: re.Match) -> Grid | None:
    columns = [m.start() for m in _RUN.finditer(rule.group())]
    indent = columns[0]
    # the header: the lines above the rule, up to a full rule (multiline) or a blank line
    header_lines, top = [], None
    for start, end in _lines_before(raw, rule.start()):
        line = raw[start:end]
        if not line.strip():
            break
        if _FULL_RULE.fullmatch(line):
            top = start
            break
        if _OTHER_RULE.fullmatch(line):
            return None  # a reStructuredText table's "=====  =====" border: not this kind
        header_lines.insert(0, (start, end))
        if len(header_lines) > 3:
            return None
    if not header_lines:
        return None
    multiline = top is not None
    rows: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    end_at = rule.end()
    for start, end in _lines_after(raw, rule.end()):
        line = raw[start:end]
        if _FULL_RULE.fullmatch(line) or _COLUMN_RULE.fullmatch(line):
            end_at = end
            break
        if not line.strip():
            if current:
                rows.append(current)
                current = []
            if not multiline:
                break
            continue
        if _indent_width(line) < indent - 1:
            break  # text back at the margin: the table has ended
        current.append((start, end))
        if not multiline:
            rows.append(current)
            current = []
        end_at = end
    if current:
        rows.append(current)
    if len(rows) < 2:
        return None
    header = _cells(raw, header_lines, columns)
    body = [_cells(raw, row, columns) for row in rows]
    if sum(1 for c in header if c.text) < 2:
        return None
    return Grid(
        "dash_rules",
        _caption(raw, top if top is not None else header_lines[0][0], end_at),
        top if top is not None else header_lines[0][0],
        end_at,
        [header, *body],
    )


def _indent_width(line: str) -> int:
    return len(line) - len(line.lstrip())


def _cells(raw: str, lines: list[tuple[int, int]], columns: list[int]) -> list[GridCell]:
    """A row's cells: on each line, every word goes to the column it starts in (counted in
    display width); a column's words over the row's lines are joined."""
    parts: list[list[tuple[str, int, int]]] = [[] for _ in columns]
    for start, end in lines:
        line = raw[start:end]
        col, pos = 0, 0
        for m in _TOKEN.finditer(line):
            col += sum(char_width(ch) for ch in line[pos : m.start()])
            k = max((i for i, c in enumerate(columns) if c <= col + 1), default=0)
            parts[k].append((m.group(), start + m.start(), start + m.end()))
            col += sum(char_width(ch) for ch in m.group())
            pos = m.end()
    cells = []
    for words in parts:
        if not words:
            cells.append(GridCell("", lines[0][0], lines[0][0]))
            continue
        text = words[0][0]
        for word, _, _ in words[1:]:
            wide = char_width(text[-1]) == 2 or char_width(word[0]) == 2
            text += word if wide else " " + word
        cells.append(GridCell(clean_cell(text), words[0][1], words[-1][2]))
    return cells


def _caption(raw: str, start: int, end: int) -> str:
    """The caption after the table (": 表1 …") or before it ("Table: 表1 …")."""
    for a, b in _lines_after(raw, end):
        line = raw[a:b]
        if line.strip():
            m = _CAPTION_AFTER.match(line)
            if m:
                return clean_cell(m.group(1))
            break
    for a, b in _lines_before(raw, start):
        line = raw[a:b]
        if line.strip():
            m = _CAPTION_BEFORE.match(line)
            return clean_cell(m.group(1)) if m else clean_cell(line)
    return ""
