"""A text that is a CSV file as a spreadsheet saves it ("CSV UTF-8": a BOM, CRLF line ends):
its records parsed from the raw text as RFC 4180 has them (a field in double quotes may
hold commas, doubled quotes and line breaks), each field with its raw span.

The line reader of CSV rows (csv_tables.py) reads CSV-like lines inside any text, and
must tell them from prose; here the whole text is a file of records, most with the same
number of fields, so a field is a cell however long it is, and a full-width comma in it
("仅作监测，不考核") is no separator.

The records make tables: a blank record ends one; a header is the first record with three
cells or more, the records above it (a title, "编制单位：…") give its caption; a record
holding one cell over a header of words and no numbers ("附：…分乡镇分解" over "乡镇,学前
三年毛入园率(%),…") starts the next table; a record opening on a note ("填表说明", "注：")
ends the table, and the notes are read as prose.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.table_readers import clean_cell

_FIELD = re.compile(r'"((?:[^"]|"")*)"(?=,|\r?\n|$)|([^,\r\n]*)')
_MIN_FIELDS = 4  # a record of a table, by the file's usual count
_MIN_RECORDS = 5
_SHARE = 0.8  # of the records with the usual count
_PROBE = 4000  # characters looked at before a text is parsed as a CSV file
_BRACKETED = 0.25  # at most this share of a file's fields open or close on a bracket
_NOTE = re.compile(r"^\s*(?:(?:填表|填报)说明|(?:说明|注|备注)\s*[:：])")
_NUMBER = re.compile(r"^[\s≥≤>＜<＞=约]*-?\d[\d,，.]*\s*%?\s*(?:左右|以上|以下)?$")
_YEARISH = re.compile(r"(?:19|20)\d\d\s*年?")


def records(raw: str, stop: int | None = None) -> list[list[tuple[int, int, str]]]:
    """The records of raw[:stop] (whole records only), each a list of fields (start, end,
    text): a field's raw span without its quotes, its text with doubled quotes undone."""
    stop = len(raw) if stop is None else stop
    pos = 1 if raw.startswith("\ufeff") else 0
    out: list[list[tuple[int, int, str]]] = []
    while pos < stop:
        fields: list[tuple[int, int, str]] = []
        while True:
            m = _FIELD.match(raw, pos)
            if m.group(1) is not None:
                fields.append((m.start(1), m.end(1), m.group(1).replace('""', '"')))
            else:
                fields.append((m.start(2), m.end(2), m.group(2)))
            pos = m.end()
            if pos < len(raw) and raw[pos] == ",":
                pos += 1
                continue
            if pos < len(raw) and raw[pos] == '"':  # a stray quote: the rest of its line
                end = raw.find("\n", pos)
                end = len(raw) if end < 0 else end
                a = fields[-1][0]
                fields[-1] = (a, end, raw[a:end].rstrip("\r"))
                pos = end
            break
        # past the line end ("\r\n", "\n" or "\r")
        pos += 2 if raw.startswith("\r\n", pos) else 1
        out.append(fields)
    return out


def _usual_count(recs: list[list]) -> int:
    counts = [len(r) for r in recs if any(t.strip() for _, _, t in r)]
    if len(counts) < _MIN_RECORDS:
        return 0
    usual = max(set(counts), key=counts.count)
    return usual if counts.count(usual) >= _SHARE * len(counts) else 0


def is_csv_file(raw: str) -> bool:
    """Most lines of the text's start are records of one count (>= 4) of fields."""
    head = raw[:_PROBE]
    # (a record has three commas or more: a plan's "1,234" leaves far fewer a line)
    commas = head.count(",")
    if commas < _MIN_FIELDS * _MIN_RECORDS or commas < 2 * head.count("\n"):
        return False
    cut = head.rfind("\n")
    if cut < 0:
        return False
    recs = records(raw, cut + 1)
    if _usual_count(recs) < _MIN_FIELDS:
        return False
    # a listing of bracketed values (an OCR engine's boxes, a Python or JSON dump) is no
    # spreadsheet: its fields open or close on brackets
    fields = [t.strip() for r in recs for _, _, t in r if t.strip()]
    bracketed = sum(1 for t in fields if t[0] in "[{(" or t[-1] in "]})")
    return bracketed <= _BRACKETED * len(fields)


def read_csv_file(raw: str) -> list[Grid]:
    """The tables of a text that is a CSV file (see the module's text), else []."""
    if not is_csv_file(raw):
        return []
    grids: list[Grid] = []
    block: list[list[tuple[int, int, str]]] = []
    for rec in [*records(raw), []]:
        if any(t.strip() for _, _, t in rec):
            block.append(rec)
            continue
        grids.extend(_tables(raw, block))
        block = []
    return grids


def _filled(rec) -> list[str]:
    return [t.strip() for _, _, t in rec if t.strip()]


def _is_header(rec) -> bool:
    """Three cells or more, words (and years), no plain number."""
    cells = _filled(rec)
    return len(cells) >= 3 and not any(_NUMBER.match(t) and not _YEARISH.match(t) for t in cells)


def _tables(raw: str, block: list[list[tuple[int, int, str]]]) -> list[Grid]:
    grids = []
    k = 0
    while k < len(block):
        above = []
        while k < len(block) and len(_filled(block[k])) < 3:
            above.append(block[k])
            k += 1
        if k >= len(block):
            break
        top = k
        k += 1
        while k < len(block):
            cells = _filled(block[k])
            if _NOTE.match(cells[0]):
                break
            if len(cells) <= 2 and k + 1 < len(block) and _is_header(block[k + 1]):
                break  # the caption of the next table
            k += 1
        rows = [_row(raw, rec) for rec in block[top:k]]
        caption = " ".join(_filled(above[-1])) if above else ""
        start, end = block[top][0][0], max(f[1] for f in block[k - 1])
        grids.append(Grid("csv_file", clean_cell(caption), start, end, rows))
        if k < len(block) and _NOTE.match(_filled(block[k])[0]):
            break  # the notes to the end of the block: prose
    return grids


def _row(raw: str, rec) -> list[GridCell]:
    cells = []
    for a, b, text in rec:
        if not text.strip():
            cells.append(GridCell("", a, a))
            continue
        field = raw[a:b]  # (a quoted field's raw text keeps its doubled quotes)
        lead, trail = len(field) - len(field.lstrip()), len(field.rstrip())
        cells.append(GridCell(clean_cell(text), a + lead, a + trail))
    return cells
