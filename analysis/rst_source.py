"""A plan kept as reStructuredText source (Sphinx, docutils: ".. list-table::", "|ge|",
"95%\\ [#]_\\ 以上").

The views read it as its text: section adornments ("=====", "~~~~~") and a simple table's
borders ("======  ======") go; a comment (".. 维护：…"), a substitution definition and a
footnote (".. [#] 全省2020年平均为89.6%。") go whole, as a LaTeX footnote does; a
directive keeps only a table's or a rubric's title (".. list-table:: 表1 …" reads "表1 …")
and its options go, but for a csv-table's ":header:", which stays as the header row; in
a list-table the "* - " and "- " before each cell go, which leaves one cell per line; a
substitution ("|ge| 95") reads as its text ("≥ 95"); a footnote reference ("\\ [#]_")
and an escaped space ("\\ ") go, so "95%\\ [#]_\\ 以上" reads "95%以上"; a field list's
":印发日期: 2021年11月3日" reads "印发日期：2021年11月3日". The ledger says that the numbers
left out are markup.
"""

from __future__ import annotations

import re

from analysis.markup_lines import inside, merged_spans, with_bare_line_ends

REASON = "inside reStructuredText markup, a comment or a footnote"

_EXPLICIT = re.compile(r"^\.\. (?:[\w-]+::|\|[^|\n]+\|\s+[\w-]+::|\[[#\w-]*\]\s)", re.M)
_ADORNMENT = re.compile(
    r"^([=\-~^\"'`*+#:._])\1{2,}[^\S\n]*$|^(?:=+(?:[^\S\n]+=+)+|-+(?:[^\S\n]+-+)+)[^\S\n]*$"
)
_DIRECTIVE = re.compile(r"^\.\.[^\S\n]+([\w-]+)::[^\S\n]*")
_SUBSTITUTION = re.compile(r"^\.\.[^\S\n]+\|([^|\n]+)\|[^\S\n]+([\w-]+)::[^\S\n]*(.*)$")
_FOOTNOTE = re.compile(r"^\.\.[^\S\n]+\[[#\w-]*\][^\S\n]")
_OPTION = re.compile(r"^[^\S\n]+:([\w-]+):[^\S\n]*", re.M)
_FIELD = re.compile(r"^:([^:\n]{1,20}):[^\S\n]+")
_CELL_MARK = re.compile(r"^[^\S\n]*(?:\*[^\S\n]+-|-)[^\S\n]+", re.M)
_REFERENCE = re.compile(r"(?:\\ )?\[(?:#[\w-]*|\d+|[A-Za-z][\w-]*)\]_(?:\\ )?")
_ESCAPED_SPACE = re.compile(r"\\ ")
_LITERAL = re.compile(r"``")
_UNICODE = re.compile(r"U\+([0-9A-Fa-f]{2,6})|0x([0-9A-Fa-f]{2,6})")
# directives whose argument is a title the reader wants (a table's caption, a rubric)
_TITLED = {"list-table", "csv-table", "table", "rubric", "topic", "sidebar", "admonition"}
_TABLES = {"list-table", "csv-table"}


def is_rst(work: str) -> bool:
    if ".. " not in work:
        return False
    marks = _EXPLICIT.finditer(work, 0, 60000)
    return next(marks, None) is not None and next(marks, None) is not None


def rst_source_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as}) of a reST text."""
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    substitutions: dict[str, str] = {}
    lines = _lines(work)
    k = 0
    while k < len(lines):
        a, b = lines[k]
        line = work[a:b]
        if _ADORNMENT.match(line):
            spans.append((a, b))
            k += 1
            continue
        if not line.startswith(".."):
            field = _FIELD.match(line)
            if field:  # ":印发日期: 2021年…" reads "印发日期：2021年…"
                spans.append((a, a + 1))
                spans.append((a + field.end(1), a + field.end()))
                replaced[a + field.end(1)] = "："
            k += 1
            continue
        body_end = _block_end(work, lines, k)
        substitution = _SUBSTITUTION.match(line)
        directive = _DIRECTIVE.match(line)
        if substitution:
            substitutions[substitution.group(1)] = _substituted(
                substitution.group(2), substitution.group(3)
            )
            spans.append((a, lines[body_end - 1][1]))
        elif directive is None or _FOOTNOTE.match(line):  # a comment, a footnote, a target
            spans.append((a, lines[body_end - 1][1]))
        else:
            name = directive.group(1)
            if name in _TITLED and directive.end() < len(line):
                spans.append((a, a + directive.end()))
            else:
                spans.append((a, b))
            _directive_body(work, lines, k + 1, body_end, name, spans, replaced)
        k = body_end
    _inline(work, substitutions, spans, replaced)
    return with_bare_line_ends(work, spans, replaced), replaced


def _lines(work: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    while pos <= len(work):
        end = work.find("\n", pos)
        end = len(work) if end < 0 else end
        out.append((pos, end))
        pos = end + 1
    return out


def _block_end(work: str, lines, k: int) -> int:
    """The index of the first line after the explicit markup block opening at line k: its
    indented lines and the blank lines between them."""
    j = k + 1
    last = k
    while j < len(lines):
        a, b = lines[j]
        if not work[a:b].strip():
            j += 1
            continue
        if work[a] not in " \t":
            break
        last = j
        j += 1
    return last + 1


def _directive_body(work, lines, k, end, name, spans, replaced) -> None:
    """Options go (a csv-table's header stays), a table's first blank line goes, and in a
    list-table the cell marks."""
    while k < end:
        a, b = lines[k]
        option = _OPTION.match(work, a, b)
        if option is None:
            break
        if name == "csv-table" and option.group(1) == "header":
            spans.append((a, a + option.end() - option.start()))
        else:
            spans.append((a, b))
        k += 1
    if name not in _TABLES:
        return
    if k < end and not work[lines[k][0] : lines[k][1]].strip():
        spans.append((lines[k][0], min(lines[k][1] + 1, len(work))))
        k += 1
    if name == "list-table":
        for a, b in lines[k:end]:
            mark = _CELL_MARK.match(work, a, b)
            if mark:
                spans.append(mark.span())


def _substituted(kind: str, text: str) -> str:
    if kind == "unicode":
        return (
            "".join(chr(int(m.group(1) or m.group(2), 16)) for m in _UNICODE.finditer(text)) or text
        )
    return text.strip() if kind == "replace" else ""


def _inline(work, substitutions, spans, replaced) -> None:
    if substitutions:
        names = "|".join(re.escape(n) for n in sorted(substitutions, key=len, reverse=True))
        for m in re.finditer(rf"\|({names})\|", work):
            spans.append(m.span())
            replaced[m.start()] = substitutions[m.group(1)]
    for pattern in (_REFERENCE, _ESCAPED_SPACE, _LITERAL):
        taken = merged_spans(spans)
        spans.extend(m.span() for m in pattern.finditer(work) if not inside(taken, m.start()))
