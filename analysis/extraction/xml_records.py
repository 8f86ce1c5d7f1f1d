"""A table published as XML, as an open-data portal exports a dataset: one element per
record, each holding one element per field ("<record><xh>1</xh><zbmc>学前三年毛入园率</zbmc>
<jqz>90.2</jqz><mbz>≥95</mbz></record>", or Chinese tag names such as <指标名称>).

A run of two or more records with the same tag is a table: the fields are its columns, in
the order they first appear. A column's header is the field's description where the text
gives one ("字段说明：xh 序号；zbmc 指标名称；jqz 基期值（2020年）…", pinyin tags being
unreadable), else the tag itself. Read from the raw text, like HTML (the views drop tags).
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.table_readers import clean_cell

_NAME = r"[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.-]*"
_CONTENT = r"(?:<!\[CDATA\[.*?\]\]>|[^<])*"
# a field: <tag>text</tag>, <tag><![CDATA[text]]></tag> or an empty <tag/>
_FIELD = re.compile(rf"<({_NAME})(?:\s[^<>]*)?(?:/>|>({_CONTENT})</\1\s*>)", re.S)
# a record: an element holding fields only
_RECORD = re.compile(
    rf"<({_NAME})(?:\s[^<>]*)?>((?:\s*<({_NAME})(?:\s[^<>]*)?(?:/>|>{_CONTENT}</\3\s*>))+)\s*</\1\s*>",
    re.S,
)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
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


def read_xml_records(raw: str) -> list[Grid]:
    """Every run of XML records in the raw text, as a grid (see the module's text)."""
    if "</" not in raw:
        return []
    runs: list[list[re.Match]] = []
    for m in _RECORD.finditer(raw):
        if m.group(1).lower() in _HTML_ELEMENTS or m.group(3).lower() in _HTML_ELEMENTS:
            continue
        last = runs[-1][-1] if runs else None
        if last and last.group(1) == m.group(1) and not raw[last.end() : m.start()].strip():
            runs[-1].append(m)
        else:
            runs.append([m])
    return [_grid(raw, run) for run in runs if len(run) >= 2]


def _grid(raw: str, run: list[re.Match]) -> Grid:
    records = [[_cell(raw, f) for f in _FIELD.finditer(raw, m.start(2), m.end(2))] for m in run]
    columns: dict[str, GridCell] = {}  # tag -> the header's cell
    for fields in records:
        for tag, cell in fields:
            if tag not in columns:
                columns[tag] = described_field(raw, tag, run[0].start(), run[-1].end()) or GridCell(
                    tag, cell.start, cell.start
                )
    rows = [list(columns.values())]
    for fields, m in zip(records, run, strict=True):
        by_tag = dict(reversed(fields))  # a field given twice: the first
        at = m.start(2)
        rows.append([by_tag.get(tag, GridCell("", at, at)) for tag in columns])
    return Grid("xml", "", run[0].start(), run[-1].end(), rows)


def _cell(raw: str, field: re.Match) -> tuple[str, GridCell]:
    tag = field.group(1)
    if field.group(2) is None:  # <tag/>
        return tag, GridCell("", field.end(), field.end())
    start, end = field.span(2)
    cdata = _CDATA.search(raw, start, end)
    if cdata:
        start, end = cdata.span(1)
    body = raw[start:end]
    lead = len(body) - len(body.lstrip())
    text = clean_cell(body)
    if not text:
        return tag, GridCell("", start, start)
    return tag, GridCell(text, start + lead, start + len(body.rstrip()))


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
