"""A table published as XML, as an open-data portal exports a dataset: one element per
record, each holding one element per field ("<record><xh>1</xh><zbmc>学前三年毛入园率</zbmc>
<jqz>90.2</jqz><mbz>≥95</mbz></record>", or Chinese tag names such as <指标名称>).

A run of two or more records with the same tag is a table: the fields are its columns, in
the order they first appear. A column's header is the field's description where the text
gives one ("字段说明：xh 序号；zbmc 指标名称；jqz 基期值（2020年）…", pinyin tags being
unreadable), else the tag itself. Read from the raw text, like HTML (the views drop tags).

A field may hold one level of elements ("<mbz><val year="2025" op="ge">95</val></mbz>"),
each a column of its own; a year in an attribute ("<sxz nd="2022">") is part of its
column's header, so a field given once a year is one column a year, and a comparison in
an attribute (op="ge", "le", "about") is read as the cell's comparator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.table_readers import clean_cell

_NAME = r"[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.-]*"
# the markup of an XML text: CDATA, comments and declarations, closing and opening tags
_TOKEN = re.compile(
    rf"<!\[CDATA\[(.*?)\]\]>|<!--.*?-->|<[?!][^<>]*>|</\s*({_NAME})\s*>|<({_NAME})(\s[^<>]*?)?(/?)>",
    re.S,
)
_ATTRIBUTE = re.compile(rf"({_NAME})\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_YEAR = re.compile(r"(?:19|20)\d\d(?=年?$)")
# a comparison named in an attribute, as the cell's text would write it (before, after)
_OPERATORS = {
    "ge": ("≥", ""), "gte": ("≥", ""), ">=": ("≥", ""), "≥": ("≥", ""),
    "gt": (">", ""), ">": (">", ""),
    "le": ("≤", ""), "lte": ("≤", ""), "<=": ("≤", ""), "≤": ("≤", ""),
    "lt": ("<", ""), "<": ("<", ""),
    "about": ("", "左右"), "approx": ("", "左右"), "around": ("", "左右"), "~": ("", "左右"),
}  # fmt: skip
# an empty element whose value is an attribute: <val year="2025" value="95"/>
_VALUE_ATTRIBUTES = frozenset(["value", "val", "v", "z", "zhi", "值", "数值"])
# HTML's own elements are the HTML reader's (a <tr> of <td>s) or no table (<ul> of <li>s)
_HTML_ELEMENTS = frozenset(
    [
        "html",
        "head",
        "body",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "col",
        "colgroup",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "p",
        "div",
        "span",
        "a",
        "b",
        "i",
        "u",
        "s",
        "em",
        "strong",
        "font",
        "br",
        "img",
        "sup",
        "sub",
        "small",
        "big",
        "center",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "label",
        "select",
        "option",
        "form",
        "input",
        "button",
        "style",
        "script",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    ]
)


@dataclass
class _Element:
    tag: str
    attributes: str  # the opening tag's attribute text, raw
    attributes_at: int
    start: int  # the opening tag
    body_start: int = -1  # -1: an empty element (<tag/>)
    body_end: int = -1
    end: int = -1  # after the closing tag
    children: list[_Element] = field(default_factory=list)
    text: bool = False  # text of its own (or CDATA) beside its children
    cdata: tuple[int, int] | None = None

    def attribute_values(self, raw: str) -> list[tuple[str, str, int]]:
        """(name, value, raw position of the value) of each attribute."""
        found = []
        for m in _ATTRIBUTE.finditer(self.attributes):
            group = 2 if m.group(2) is not None else 3
            found.append((m.group(1).lower(), m.group(group), self.attributes_at + m.start(group)))
        return found


def read_xml_records(raw: str) -> list[Grid]:
    """Every run of XML records in the raw text, as a grid (see the module's text)."""
    if "</" not in raw:
        return []
    grids = []
    for parent in _elements(raw):
        run: list[_Element] = []
        for child in [*parent.children, None]:
            if child is not None and _is_record(child) and (not run or run[0].tag == child.tag):
                run.append(child)
                continue
            if len(run) >= 2:
                grids.append(_grid(raw, run))
            run = [child] if child is not None and _is_record(child) else []
    return sorted(grids, key=lambda g: g.start)


def _elements(raw: str) -> list[_Element]:
    """Every element that holds others, from a tolerant scan (HTML's own tags are text)."""
    root = _Element("", "", 0, 0)
    stack = [root]
    parents = []
    for m in _TOKEN.finditer(raw):
        top = stack[-1]
        if m.group(1) is not None:  # CDATA
            if m.group(1).strip():
                top.text = True
                top.cdata = m.span(1)
            continue
        close, tag = m.group(2), m.group(3)
        if close is None and tag is None:
            continue  # a comment or a declaration
        if (close or tag).lower() in _HTML_ELEMENTS:
            top.text = True  # markup inside a field's text: "<br>", "<sup>"
            continue
        if tag is not None:
            element = _Element(
                tag, m.group(4) or "", m.start(4) if m.group(4) else m.end(3), m.start()
            )
            top.children.append(element)
            element.end = m.end()
            if not m.group(5):
                element.body_start = m.end()
                stack.append(element)
            continue
        for depth in range(len(stack) - 1, 0, -1):  # a closing tag closes what it opened
            if stack[depth].tag == close:
                for open_element in stack[depth:]:
                    open_element.body_end = m.start()
                    open_element.end = m.end()
                    if open_element.children:
                        parents.append(open_element)
                del stack[depth:]
                break
    for element in stack[1:]:  # never closed: its text runs to the end
        element.body_end = element.end = len(raw)
    # text of an element's own between its children
    for element in parents:
        pos = element.body_start
        for child in element.children:
            if raw[pos : child.start].strip():
                element.text = True
            pos = child.end
        if raw[pos : element.body_end].strip():
            element.text = True
    return parents


def _is_leaf(element: _Element) -> bool:
    return not element.children


def _is_record(element: _Element) -> bool:
    """Fields only: elements of text, or groups of them; at least one of text."""
    if element.text or not element.children:
        return False
    leaves = 0
    for child in element.children:
        if _is_leaf(child):
            leaves += 1
        elif child.text or not all(_is_leaf(g) for g in child.children):
            return False
    return leaves > 0


def _grid(raw: str, run: list[_Element]) -> Grid:
    records = [_fields(raw, record) for record in run]
    columns: dict[tuple, GridCell] = {}  # key -> the header's cell
    for fields in records:
        for key, header_tags, year, cell in fields:
            if key not in columns:
                columns[key] = _header(raw, header_tags, year, cell, run[0].start, run[-1].end)
    # "<mbz>≥50</mbz>" beside "<mbz><val year="2025">95</val></mbz>": the one dated column
    same = {}
    for key in columns:
        dated = [k for k in columns if k[0] == key[0] and k[-1]]
        if not key[-1] and len(dated) == 1:
            same[key] = dated[0]
    for key in same:
        del columns[key]
    rows = [list(columns.values())]
    for fields, record in zip(records, run, strict=True):
        by_key: dict[tuple, GridCell] = {}
        for key, _tags, _year, cell in fields:
            by_key.setdefault(same.get(key, key), cell)  # a field given twice: the first
        at = record.body_start
        rows.append([by_key.get(key, GridCell("", at, at)) for key in columns])
    return Grid("xml", "", run[0].start, run[-1].end, rows)


def _fields(raw: str, record: _Element) -> list[tuple[tuple, tuple[str, ...], str, GridCell]]:
    """(column key, tags naming it, year, cell) of each field of a record."""
    fields = []
    for child in record.children:
        if _is_leaf(child):
            year, cell = _cell(raw, child, [])
            fields.append(((child.tag, year), (child.tag,), year, cell))
            continue
        for leaf in child.children:
            year, cell = _cell(raw, leaf, child.attribute_values(raw))
            fields.append(((child.tag, leaf.tag, year), (child.tag, leaf.tag), year, cell))
    return fields


def _cell(raw: str, element: _Element, outer: list[tuple[str, str, int]]) -> tuple[str, GridCell]:
    """The year its attributes name, and the element's text as a cell."""
    attributes = outer + element.attribute_values(raw)
    year = next((v for _n, v, _at in attributes if _YEAR.fullmatch(v.strip())), "")
    if year:
        year = year.strip()[:4]
    operator = next(
        (
            _OPERATORS[v.strip().lower()]
            for _n, v, _at in attributes
            if v.strip().lower() in _OPERATORS
        ),
        None,
    )
    if element.body_start < 0 or element.body_end < 0:  # <tag/>: a value in an attribute, if any
        held = next(
            ((v, at) for n, v, at in element.attribute_values(raw) if n in _VALUE_ATTRIBUTES), None
        )
        if held is None or not held[0].strip():
            return year, GridCell("", element.start, element.start)
        start, end = held[1], held[1] + len(held[0])
    else:
        start, end = element.body_start, element.body_end
        if element.cdata:
            start, end = element.cdata
    body = raw[start:end]
    lead = len(body) - len(body.lstrip())
    text = clean_cell(body)
    if not text:
        return year, GridCell("", start, start)
    if operator and text[:1] not in "≥≤<>＞＜":
        text = operator[0] + text + (operator[1] if "左右" not in text else "")
    return year, GridCell(text, start + lead, start + len(body.rstrip()))


def _header(
    raw: str, tags: tuple[str, ...], year: str, cell: GridCell, start: int, end: int
) -> GridCell:
    """A column's header: the first tag the text describes (else the last tag), and its year."""
    described = next(
        (d for d in (described_field(raw, tag, start, end) for tag in tags) if d), None
    )
    header = described or GridCell(tags[-1], cell.start, cell.start)
    if year and year not in header.text:
        header = GridCell(f"{year}年{header.text}", header.start, header.end)
    return header


def described_field(raw: str, tag: str, start: int, end: int) -> GridCell | None:
    """The description of a field in the text outside the records ("jqz 基期值（2020年）")."""
    legend = re.compile(
        # (in a line, or in a field table's next cell: "| zbmc | 指标名称 |")
        rf"(?<![\w<>/]){re.escape(tag)}(?!\w)\s*[:：=|]?\s*([^\s；;，,、<>|]*[\u4e00-\u9fff][^\s；;，,、<>|]*)"
    )
    for m in legend.finditer(raw):
        if start <= m.start() < end:
            continue
        return GridCell(clean_cell(m.group(1)), m.start(1), m.end(1))
    return None
