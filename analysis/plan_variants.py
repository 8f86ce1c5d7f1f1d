"""Value-preserving transformations of a plan text: the same plan, laid out differently.

A metamorphic check of the readers: each transformation changes the surface of a plan
(how its tables are delimited, full- or half-width characters, page debris, line wraps,
traditional characters, line ends) and keeps every value, so the values read from it
should be those read from the original. `analysis.plan_variant_scores` scores the
invented plan sets under each one.

Table rows are detected conservatively: a line with at least two "|" or a tab. A run of
such lines is one table; a Markdown alignment row ("|---|---|") is layout, not a row, and
only the Markdown rendering writes one. Everything else is left as it is.

Each transformation is a function ``(text, title) -> text`` (title: the plan's title, for
a running page header); randomness is seeded, so a variant is the same on every run.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import lru_cache

import opencc

Transformation = Callable[[str, str], str]

_MD_ALIGNMENT = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
FULL_WIDTH_SPACE = "\u3000"
# ASCII "!".."~" and their full-width forms U+FF01..U+FF5E are one offset apart.
_FULL_WIDTH_OFFSET = 0xFEE0
_ASCII_DIGITS_AND_PUNCTUATION = [
    c for c in map(chr, range(0x21, 0x7F)) if not c.isalpha() and c not in "|\t"
]
TO_FULL_WIDTH = str.maketrans(
    {c: chr(ord(c) + _FULL_WIDTH_OFFSET) for c in _ASCII_DIGITS_AND_PUNCTUATION}
)
# Back: every full-width ASCII form and the ideographic space to its ASCII character.
TO_HALF_WIDTH = str.maketrans(
    {chr(o): chr(o - _FULL_WIDTH_OFFSET) for o in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
)
_MARKUP = re.compile(
    r"<[^<>\n]*>|&[a-zA-Z]{2,8};|^[ \t]*#{1,6}|\*\*|__"
    r"|^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$|\|",
    re.MULTILINE,
)
# a row of a table whose cells are apart by runs of spaces
_SPACE_ALIGNED = re.compile(r"\S(?: {2,}|\u3000{2,})\S")
WRAP_WIDTH = 30  # characters per line, as a PDF page of Chinese text holds about
DEBRIS_EVERY = 23  # mean number of lines between two inserted debris lines
SEED = 20211116


# a rule line: only box drawing, dashes, "+", ":" and bars, with a run of three strokes
_RULE_CHARS = re.compile(r"^[\s─━═┄┈\-+:┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋|│┃║]*$")
_RULE_STROKES = re.compile(r"[─━═┄┈]{3}|-{3}")


def is_table_row(line: str) -> bool:
    return line.count("|") >= 2 or "\t" in line


def _is_alignment_row(line: str) -> bool:
    return bool(_MD_ALIGNMENT.match(line))


def _is_pipe_row(line: str) -> bool:
    return line.count("|") >= 2 or "\t" not in line


def table_rows(lines: list[str]) -> list[list[str]]:
    """The cells of a table's rows, each stripped; alignment rows and rule lines left out.

    Outer pipes are the table's, not a row's: "| a | b |" has them on every row, while in
    " a | b |" rows (none on the left) a line starting "|" has an empty first cell and a
    line ending "|" an empty last one."""
    rows = [x for x in lines if not _is_rule(x)]
    piped = [x.strip() for x in rows if _is_pipe_row(x)]
    left = bool(piped) and all(x.startswith("|") for x in piped)
    right = bool(piped) and all(x.endswith("|") for x in piped)
    return [_cells(x, left, right) for x in rows]


def _cells(line: str, left: bool, right: bool) -> list[str]:
    if _is_pipe_row(line):
        body = line.strip()
        body = body[1:] if left else body
        body = body[:-1] if right else body
        return [c.strip() for c in body.split("|")]
    # tabs are cells' edges: only spaces are stripped, or an empty first cell would go
    return [c.strip() for c in line.strip(" \u3000\r").split("\t")]


def _tables(lines: list[str]) -> list[tuple[int, int]]:
    """[start, stop) line ranges of runs of table rows, with the alignment rows and rule
    lines between them (a rule after the last row stays outside)."""
    runs, start, last_row = [], None, None
    for k, line in enumerate([*lines, ""]):
        if is_table_row(line) and not _is_rule(line):
            start = k if start is None else start
            last_row = k
        elif start is not None and not _is_rule(line):
            runs.append((start, last_row + 1))
            start = None
    return runs


def _is_rule(line: str) -> bool:
    """A Markdown alignment row or a rule line of box drawing or dashes ("────", "+--+")."""
    return _is_alignment_row(line) or bool(_RULE_CHARS.match(line) and _RULE_STROKES.search(line))


def _split_lines(text: str) -> tuple[list[str], str]:
    """Lines without their ends, and the line end used ("\\n" unless the text has CRLF)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.split(newline), newline


def rerender_tables(render: Callable[[list[list[str]]], list[str]]) -> Transformation:
    """Every table re-rendered by `render` (rows of cells -> lines); the rest kept."""

    def transform(text: str, title: str) -> str:
        lines, newline = _split_lines(text)
        out, pos = [], 0
        for start, stop in _tables(lines):
            out.extend(lines[pos:start])
            out.extend(render(table_rows(lines[start:stop])))
            pos = stop
        out.extend(lines[pos:])
        return newline.join(out)

    return transform


def as_tabs(rows: list[list[str]]) -> list[str]:
    return ["\t".join(r) for r in rows]


def as_full_width_spaces(rows: list[list[str]]) -> list[str]:
    """Cells apart by two ideographic spaces; an empty cell leaves a longer run (as PDF
    text extraction does)."""
    return [(FULL_WIDTH_SPACE * 2).join(r).rstrip(FULL_WIDTH_SPACE) for r in rows]


def as_markdown(rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    width = len(rows[0]) if rows else 0
    return [*lines[:1], "|" + "---|" * width, *lines[1:]]


def as_html(rows: list[list[str]]) -> list[str]:
    def cell(c: str) -> str:
        return "<td>" + (c or "&nbsp;") + "</td>"

    return ["<table>", *("<tr>" + "".join(map(cell, r)) + "</tr>" for r in rows), "</table>"]


def as_cell_lines(rows: list[list[str]]) -> list[str]:
    """One cell per line; an empty cell is an empty line (which extraction also drops)."""
    return [c for r in rows for c in r]


def _outside_markup(text: str, table: dict) -> str:
    """text.translate(table) everywhere but in markup (HTML tags and entities, Markdown
    markers, table pipes and alignment rows), which is ASCII in any real file."""
    pieces, pos = [], 0
    for m in _MARKUP.finditer(text):
        pieces.append(text[pos : m.start()].translate(table))
        pieces.append(m.group())
        pos = m.end()
    pieces.append(text[pos:].translate(table))
    return "".join(pieces)


def full_width(text: str, title: str) -> str:
    return _outside_markup(text, TO_FULL_WIDTH)


def half_width(text: str, title: str) -> str:
    return _outside_markup(text, TO_HALF_WIDTH)


_CUT_NUMBER_END = re.compile(r"[\d.．,]$")


def _debris_points(count: int, seed: int) -> list[int]:
    """Line indices (sorted, distinct) before which a debris line goes."""
    rng = random.Random(seed)
    points, k = [], rng.randint(5, DEBRIS_EVERY)
    while k < count:
        points.append(k)
        k += rng.randint(DEBRIS_EVERY // 2, DEBRIS_EVERY * 3 // 2)
    return points


def insert_debris(make: Callable[[int, str], str], seed: int = SEED) -> Transformation:
    """A debris line, make(page number, title), between lines at seeded pseudo-random
    points; a point inside a number a line break cuts ("18." over "6亿元") moves to the next
    line break (a page that ends inside a number is no layout the readers claim to read)."""

    def transform(text: str, title: str) -> str:
        lines, newline = _split_lines(text)
        points = set(_debris_points(len(lines), seed))
        out, page, due = [], 1, False
        for k, line in enumerate(lines):
            due = due or k in points
            cut = k > 0 and _CUT_NUMBER_END.search(lines[k - 1]) and line[:1].isdigit()
            if due and not cut:
                page += 1
                out.append(make(page, title))
                due = False
            out.append(line)
        return newline.join(out)

    return transform


def _is_table_line(line: str) -> bool:
    """A line of a table in any layout: a pipe anywhere (a row, or one cell of a table
    written a cell per line "…（%） |"), a tab, cells aligned by runs of spaces, or a CSV
    row (two commas or more, no Chinese punctuation)."""
    return (
        "|" in line
        or "\t" in line
        or bool(_SPACE_ALIGNED.search(line))
        or (line.count(",") >= 2 and not any(p in line for p in "。，；"))
    )


def wrap_prose(width: int = WRAP_WIDTH) -> Transformation:
    """Lines longer than `width` broken every `width` characters; table lines never, nor
    HTML."""

    def transform(text: str, title: str) -> str:
        lines, newline = _split_lines(text)
        out = []
        for line in lines:
            if len(line) <= width or _is_table_line(line) or line.lstrip().startswith("<"):
                out.append(line)
            else:
                out.extend(_pieces(line, width))
        return newline.join(out)

    return transform


_NUMBER_PART = re.compile(r"[\d.,%，．％ ]")


def _pieces(line: str, width: int) -> list[str]:
    """The line cut every `width` characters, each cut moved past a number (digits with the
    spaces, points and commas inside it), so that the value survives the transformation."""
    pieces, start = [], 0
    while len(line) - start > width:
        cut = start + width
        while (
            cut < len(line) and _NUMBER_PART.match(line[cut - 1]) and _NUMBER_PART.match(line[cut])
        ):
            cut += 1
        pieces.append(line[start:cut])
        start = cut
    return [*pieces, line[start:]] if start < len(line) else pieces


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def traditional(text: str, title: str) -> str:
    return _s2t().convert(text)


def double_blank_lines(text: str, title: str) -> str:
    lines, newline = _split_lines(text)
    return newline.join(x for line in lines for x in ((line, "") if not line.strip() else (line,)))


def windows_line_ends(text: str, title: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def with_bom(text: str, title: str) -> str:
    return "\ufeff" + text


TRANSFORMATIONS: dict[str, Transformation] = {
    "tables-as-tabs": rerender_tables(as_tabs),
    "tables-as-fw-spaces": rerender_tables(as_full_width_spaces),
    "tables-as-markdown": rerender_tables(as_markdown),
    "tables-as-html": rerender_tables(as_html),
    "tables-as-cell-lines": rerender_tables(as_cell_lines),
    "full-width": full_width,
    "half-width": half_width,
    "debris-dashed-number": insert_debris(lambda p, _: f"— {p} —" if p % 2 else f"- {p} -"),
    "debris-running-header": insert_debris(lambda _, title: title),
    "debris-lone-number": insert_debris(lambda p, _: str(p)),
    "wrapped-at-30": wrap_prose(),
    "traditional": traditional,
    "blank-lines-doubled": double_blank_lines,
    "windows-line-ends": windows_line_ends,
    "bom": with_bom,
}


def transform(name: str, text: str, title: str = "") -> str:
    return TRANSFORMATIONS[name](text, title)
