"""General readers for the two ways PDF/HTML extraction flattens a table.

* column blocks (Baicheng's 专栏): a header line "指 标 单 位 2015 年 2020 年 [属性]", then
  groups of lines: an optional category, the row names, their units, each year's values
  column by column, and the 属性 column; a whole row may also sit on one line.
* pipe rows (Jiamusi): every cell on its own line ending in "|", header cells first
  (指标, then one cell per year), then each row as name, value, value, ...

Both work on the ``lines`` view and return cells with view spans; nothing here knows
which plan it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.rules import Rules

YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
VALUE = re.compile(r"^(?:[<>≥≤]=?)?\s*\d+(?:\.\d+)?(?:\s*/\s*(?:[<>≥≤]=?)?\s*\d+(?:\.\d+)?)*$")


@dataclass(frozen=True)
class Cell:
    """One table value: a row name (maybe packed "a/b/c") and one year's cell."""

    caption: str
    category: str | None
    name: str
    name_span: tuple[int, int]
    unit_cell: str | None
    year: int
    text: str  # the value cell as written ("" for a blank cell)
    span: tuple[int, int]
    attribute: str | None


@dataclass
class Table:
    caption: str
    start: int  # lines-view span of the whole table
    end: int
    default_unit: str | None
    cells: list[Cell] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    text: str
    start: int
    end: int


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for part in text.split("\n"):
        out.append(_Line(part, pos, pos + len(part)))
        pos += len(part) + 1
    return out


def read_tables(view_text: str, rules: Rules) -> list[Table]:
    lines = _lines(view_text)
    tables = []
    i = 0
    while i < len(lines):
        compact = lines[i].text.replace(" ", "")
        if compact.startswith(rules.table_header_start):
            caption = lines[i - 1].text if i > 0 else ""
            reader = _read_pipe if lines[i].text.rstrip().endswith("|") else _read_blocks
            table, next_i = reader(lines, i, caption, rules)
            if table is not None and table.cells:
                tables.append(table)
                i = next_i
                continue
        i += 1
    return tables


def _default_unit(header: str, rules: Rules) -> str | None:
    m = re.search(r"单位[:：]\s*([^)）|]+)", header)
    return rules.table_unit_cells.get(m.group(1).strip()) if m else None


# ---------------------------------------------------------------- pipe rows


def _cell(line: _Line) -> tuple[str, int, int]:
    """A pipe cell's text and its span, without the trailing "|" and white space."""
    body = line.text.rstrip()
    if body.endswith("|"):
        body = body[:-1]
    stripped = body.strip()
    lead = len(body) - len(body.lstrip())
    start = line.start + lead
    return stripped, start, start + len(stripped)


def _read_pipe(lines, i, caption, rules) -> tuple[Table | None, int]:
    header, _, _ = _cell(lines[i])
    years: list[int] = []
    j = i + 1
    while j < len(lines) and lines[j].text.rstrip().endswith("|"):
        text, _, _ = _cell(lines[j])
        m = YEAR.fullmatch(text)
        if not m:
            break
        years.append(int(m.group(1)))
        j += 1
    if not years:
        return None, i + 1
    table = Table(caption, lines[i].start, lines[i].end, _default_unit(header, rules))
    width = 1 + len(years)
    while j + width - 1 < len(lines) and all(
        lines[j + k].text.rstrip().endswith("|") for k in range(width)
    ):
        name, n_start, n_end = _cell(lines[j])
        for k, year in enumerate(years, start=1):
            text, v_start, v_end = _cell(lines[j + k])
            if text and not VALUE.match(text):
                return table, j  # not a value: the table ended before this row
            if not text:
                v_start = v_end = lines[j + k].start
            table.cells.append(
                Cell(
                    caption, None, name, (n_start, n_end), None, year, text, (v_start, v_end), None
                )
            )
        table.end = lines[j + width - 1].end
        j += width
    return table, j


# ---------------------------------------------------------------- column blocks


def _read_blocks(lines, i, caption, rules) -> tuple[Table | None, int]:
    header = lines[i].text
    years = [int(y) for y in YEAR.findall(header)]
    if not years:
        return None, i + 1
    has_attribute = "属性" in header.replace(" ", "")
    table = Table(caption, lines[i].start, lines[i].end, _default_unit(header, rules))
    j = i + 1
    category = None
    while j < len(lines):
        parsed = _read_group(lines, j, years, has_attribute, category, caption, rules)
        if parsed is None:
            break
        cells, category, j = parsed
        table.cells.extend(cells)
        table.end = lines[j - 1].end
    return table, j


def _kind(text: str, rules: Rules) -> str:
    if text in rules.table_unit_cells:
        return "unit"
    if VALUE.match(text):
        return "value"
    if text in rules.table_attribute_cells:
        return "attribute"
    return "text"


def _row_line(line: _Line, years, has_attribute, rules) -> list[tuple[str, int, int]] | None:
    """A whole row written on one line: name unit v1 .. vn [属性]."""
    tokens = [
        (m.group(), line.start + m.start(), line.start + m.end())
        for m in re.finditer(r"\S+", line.text)
    ]
    width = 2 + len(years) + (1 if has_attribute else 0)
    if len(tokens) != width:
        return None
    if _kind(tokens[1][0], rules) != "unit":
        return None
    if not all(_kind(t[0], rules) == "value" for t in tokens[2 : 2 + len(years)]):
        return None
    return tokens


def _read_group(lines, j, years, has_attribute, category, caption, rules):
    """One group (category, names, units, values, attributes) starting at line j."""
    texts: list[_Line] = []
    k = j
    while k < len(lines) and _kind(lines[k].text, rules) == "text":
        row = _row_line(lines[k], years, has_attribute, rules)
        if row is not None:
            if len(texts) > 1:
                return None
            cat = texts[0].text if texts else category
            cells = []
            (name, ns, ne), (unit, _, _) = row[0], row[1]
            attribute = rules.table_attribute_cells.get(row[-1][0]) if has_attribute else None
            for year, (text, vs, ve) in zip(years, row[2 : 2 + len(years)], strict=True):
                cells.append(
                    Cell(caption, cat, name, (ns, ne), unit, year, text, (vs, ve), attribute)
                )
            return cells, cat, k + 1
        texts.append(lines[k])
        k += 1
    units: list[_Line] = []
    while k < len(lines) and _kind(lines[k].text, rules) == "unit":
        units.append(lines[k])
        k += 1
    n = len(units)
    if n == 0 or len(texts) not in (n, n + 1):
        return None
    if len(texts) == n + 1:
        category = texts[0].text
    names = texts[-n:]
    need = n * len(years)
    values = lines[k : k + need]
    if len(values) < need or not all(_kind(v.text, rules) == "value" for v in values):
        return None
    k += need
    attributes: list[str | None] = [None] * n
    if has_attribute:
        attrs = lines[k : k + n]
        if len(attrs) == n and all(_kind(a.text, rules) == "attribute" for a in attrs):
            attributes = [rules.table_attribute_cells[a.text] for a in attrs]
            k += n
    cells = []
    for col, year in enumerate(years):
        for r in range(n):
            v = values[col * n + r]
            cells.append(
                Cell(
                    caption,
                    category,
                    names[r].text,
                    (names[r].start, names[r].end),
                    units[r].text,
                    year,
                    v.text,
                    (v.start, v.end),
                    attributes[r],
                )
            )
    return cells, category, k
