"""A plan kept as AsciiDoc source (Asciidoctor: "== 发展基础", "|===" tables, "footnote:[…]").

The views read it as its text: attribute entries (":xt-docno: 筱府发〔2021〕28号"),
conditional and include directives, "////" comment blocks and "//" comment lines, block
attribute lines ("[cols=\"3,1,1,1\",options=\"header\"]", "[[tbl-1]]", "[TIP]") and block
delimiters ("****", "====") go; a section title loses its "== ", a block title its ".",
an admonition its "NOTE: "; a footnote ("96.3footnote:[2020年为快报数。]") goes whole,
so the value reads bare. A "|===" table's cells, one per line, several on a line or
mixed, with blank lines between rows, read as one pipe row per table row: the row
width comes from the cols attribute ("3,1,1,1", "2*,1") or the first line's cells. The
ledger says that the numbers left out are markup.
"""

from __future__ import annotations

import re

from analysis.markup_lines import with_bare_line_ends

REASON = "inside AsciiDoc markup, a comment or a footnote"

_ATTRIBUTE_ENTRY = re.compile(r"^:!?[\w-]+!?:(?:[ \t].*)?$", re.M)
_DIRECTIVE = re.compile(r"^(?:ifdef|ifndef|ifeval|endif|include)::[^\n]*\[[^\n]*\][ \t]*$", re.M)
_COMMENT_BLOCK = re.compile(r"^////[ \t]*\n.*?^////[ \t]*$", re.M | re.S)
_COMMENT_LINE = re.compile(r"^//(?!/)[^\n]*$", re.M)
_BLOCK_ATTRIBUTES = re.compile(r"^\[[^\n]*\][ \t]*$", re.M)
_DELIMITER = re.compile(r"^(?:={4,}|\*{4,}|-{4,}|\.{4,}|_{4,}|\+{4,})[ \t]*$", re.M)
_SECTION_TITLE = re.compile(r"^={1,6}[ \t]+(?=\S)", re.M)
_BLOCK_TITLE = re.compile(r"^\.(?=[^\s.])", re.M)
_ADMONITION = re.compile(r"^(?:NOTE|TIP|WARNING|IMPORTANT|CAUTION):[ \t]+", re.M)
_FOOTNOTE = re.compile(r"footnote(?:ref)?:[\w-]*\[")
_TABLE = re.compile(r"^\|===[ \t]*\n(.*?)^\|===[ \t]*$", re.M | re.S)
_COLS = re.compile(r"cols\s*=\s*\"?([^\"\]]+)")
# a cell's specifier before its bar: "2+|" spans two columns, "a|", "^.^|" format it
_CELL = re.compile(r"(?:(\d+)\+|\d*\.\d+\+|\d+\*)?[<^>]?(?:\.[<^>])?[adehlmsv]?\|")
_MARKERS = (
    re.compile(r"^= \S", re.M),
    _ATTRIBUTE_ENTRY,
    re.compile(r"^\|===", re.M),
    _DIRECTIVE,
    _FOOTNOTE,
    _ADMONITION,
    re.compile(r"^={2,5} \S", re.M),
)


def is_asciidoc(work: str) -> bool:
    if "|===" not in work and "::" not in work and "footnote:[" not in work:
        return False
    return sum(1 for m in _MARKERS if m.search(work, 0, 60000)) >= 3


def asciidoc_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as})."""
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    for pattern in (
        _COMMENT_BLOCK,
        _COMMENT_LINE,
        _ATTRIBUTE_ENTRY,
        _DIRECTIVE,
        _BLOCK_ATTRIBUTES,
        _DELIMITER,
        _SECTION_TITLE,
        _BLOCK_TITLE,
        _ADMONITION,
    ):
        spans.extend(m.span() for m in pattern.finditer(work))
    notes = _footnotes(work)
    spans.extend(notes)
    for m in _TABLE.finditer(work):
        spans.append((m.start(), work.index("\n", m.start())))  # the opening "|==="
        spans.append((m.end(1), m.end()))  # the closing one: a blank line, the table's end
        replaced[m.end(1)] = "\n"
        _table_rows(work, m.start(1), m.end(1), _width(work, m.start()), notes, spans, replaced)
    return with_bare_line_ends(work, _apart(spans, replaced), replaced), replaced


def _apart(spans, replaced) -> list[tuple[int, int]]:
    """The spans sorted and apart: one inside another goes (a "//" line in a "////"
    block), one overlapping the last is cut to start where it ends."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and b <= out[-1][1]:
            continue
        if out and a < out[-1][1]:
            if a in replaced:
                continue
            a = out[-1][1]
        out.append((a, b))
    return out


def _footnotes(work: str) -> list[tuple[int, int]]:
    """Each footnote macro with its bracketed text (brackets inside it matched)."""
    out = []
    for m in _FOOTNOTE.finditer(work):
        depth, k, stop = 1, m.end(), min(len(work), m.end() + 600)
        while k < stop and depth:
            depth += {"[": 1, "]": -1}.get(work[k], 0)
            k += 1
        out.append((m.start(), k))
    return out


def _width(work: str, table_start: int) -> int | None:
    """The column count a "[cols=…]" line right above the table gives, else None."""
    above = work.rfind("\n", 0, max(0, table_start - 1))
    line = work[above + 1 : table_start]
    m = _COLS.search(line)
    if m is None:
        return None
    spec = m.group(1).strip()
    if re.fullmatch(r"\d+", spec):
        return int(spec)
    width = 0
    for part in spec.split(","):
        multiplied = re.match(r"\s*(\d+)\*", part)
        width += int(multiplied.group(1)) if multiplied else 1
    return width


def _table_rows(work, a, b, width, notes, spans, replaced) -> None:
    """Edits that set the table's cells one row per line, "|cell |cell |cell"."""
    bars = [
        m
        for m in _CELL.finditer(work, a, b)
        if work[m.end() - 2 : m.end() - 1] != "\\" and not any(s <= m.start() < e for s, e in notes)
    ]
    if not bars:
        return
    if width is None:  # the first line's cells
        first_line_end = work.find("\n", bars[0].start())
        width = sum(1 for m in bars if m.start() < first_line_end) or 1
    filled = 0
    for k, m in enumerate(bars):
        span = int(m.group(1)) if m.group(1) else 1
        if m.group() != "|":  # a specifier: the bar alone, once for each column it spans
            spans.append((m.start(), m.end()))
            replaced[m.start()] = "|" * span
        if k:
            gap_end = m.start()
            gap_start = gap_end
            while gap_start > a and work[gap_start - 1] in " \t\n":
                gap_start -= 1
            newline = "\n" if filled == 0 else " "
            if "\n" in work[gap_start:gap_end] and (
                newline == " " or work.count("\n", gap_start, gap_end) > 1
            ):
                spans.append((gap_start, gap_end))
                replaced[gap_start] = newline
        filled = (filled + span) % width
