"""A plan's tables saved as an SQL dump (mysqldump, pg_dump --inserts, a DBA's export):
its statements, the columns CREATE TABLE and COMMENT ON describe, the rows INSERT adds,
and the spans of its syntax for the ledger (dump comments, settings, DDL).

A lexer, not a parser: it knows quoted strings, comments and the statement's ";", which
is all a dump needs to be cut into tables and rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.markup_lines import merged_spans

REASON = "SQL dump syntax (comments, settings, table definitions, row ids)"

_INSERT = re.compile(
    r"^[^\S\n]*(?:INSERT|REPLACE)\s+(?:IGNORE\s+)?INTO\s+(\S+?)\s*(\([^()]*\))?\s*VALUES\s*\(",
    re.I | re.M,
)
_STATEMENT = re.compile(
    r"^[^\S\n]*(CREATE\s+TABLE|INSERT\s+INTO|REPLACE\s+INTO|DROP\s+TABLE|LOCK\s+TABLES|"
    r"UNLOCK\s+TABLES|ALTER\s+TABLE|COMMENT\s+ON|SET\s|USE\s|BEGIN|COMMIT|START\s+TRANSACTION)",
    re.I | re.M,
)
_COMMENT = re.compile(r"^[^\S\n]*--[^\n]*|/\*.*?\*/", re.M | re.S)
_IDENT = r"(?:`[^`]+`|\"[^\"]+\"|\[[^\]]+\]|[\w.]+)"
_CREATE = re.compile(rf"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?({_IDENT})\s*\(", re.I)
_COLUMN_DEF = re.compile(rf"\s*({_IDENT})\s+(\w+)")
_NOT_COLUMNS = {"primary", "key", "unique", "index", "constraint", "foreign", "check", "fulltext"}
_INLINE_COMMENT = re.compile(r"\bCOMMENT\s*=?\s*'((?:[^'\\]|\\.|'')*)'", re.I)
_COMMENT_ON = re.compile(
    rf"COMMENT\s+ON\s+(COLUMN|TABLE)\s+({_IDENT}(?:\.{_IDENT})*)\s+IS\s+'((?:[^'\\]|''|\\.)*)'",
    re.I,
)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_ROW_ID = re.compile(r"AUTO_INCREMENT|\bSERIAL\b|\bIDENTITY\b", re.I)


@dataclass(frozen=True)
class Field:
    """One value of a row: its text (quotes and escapes read) and its raw span."""

    text: str
    start: int
    end: int
    quoted: bool


@dataclass
class Column:
    name: str
    name_span: tuple[int, int]
    comment: str = ""
    comment_span: tuple[int, int] | None = None
    row_id: bool = False
    type: str = ""


@dataclass
class Table:
    name: str
    columns: list[Column] = field(default_factory=list)
    comment: str = ""


@dataclass
class Insert:
    table: str
    start: int
    end: int
    head_end: int  # where the first row's "(" opens
    columns: list[tuple[str, tuple[int, int]]]  # a column list's names, if it has one
    rows: list[list[Field]]


def is_sql(work: str) -> bool:
    if "INSERT" not in work and "insert" not in work and "REPLACE" not in work:
        return False  # a C search screens the line-anchored regex out of most texts
    return _INSERT.search(work) is not None


def _name(ident: str) -> str:
    return ident.strip('`"[]').split(".")[-1].strip('`"[]').lower()


def statement_end(work: str, pos: int) -> int:
    """The position after the ";" that ends the statement running at `pos` (quotes skipped)."""
    for at, ch in _unquoted_chars(work, pos, len(work)):
        if ch == ";":
            return at + 1
    return len(work)


def _unquoted_chars(work: str, pos: int, end: int):
    """(position, character) of each character of work[pos:end] outside quotes."""
    while pos < end:
        if work[pos] in "'\"`":
            pos = _after_quoted(work, pos)
            continue
        yield pos, work[pos]
        pos += 1


def _after_quoted(work: str, pos: int) -> int:
    quote = work[pos]
    pos += 1
    n = len(work)
    while pos < n:
        ch = work[pos]
        if ch == "\\" and quote == "'":
            pos += 2
            continue
        if ch == quote:
            if pos + 1 < n and work[pos + 1] == quote:  # '' inside a string
                pos += 2
                continue
            return pos + 1
        pos += 1
    return n


def _unquoted(text: str) -> str:
    return re.sub(r"''|\\(.)", lambda m: "'" if m.group(0) == "''" else m.group(1), text)


def tables(work: str) -> dict[str, Table]:
    """Each CREATE TABLE's columns, with the comments the DDL gives them."""
    found: dict[str, Table] = {}
    for m in _CREATE.finditer(work):
        end = statement_end(work, m.end())
        body_end = _closing(work, m.end() - 1)
        table = Table(_name(m.group(1)))
        for a, b in _top_level_parts(work, m.end(), body_end):
            d = _COLUMN_DEF.match(work, a, b)
            if d is None or _name(d.group(1)) in _NOT_COLUMNS:
                continue
            column = Column(_name(d.group(1)), d.span(1), type=d.group(2).lower())
            c = _INLINE_COMMENT.search(work, d.end(), b)
            if c is not None:
                column.comment, column.comment_span = _unquoted(c.group(1)), c.span(1)
            # an auto-numbered key or a column called id: a row number, no value
            column.row_id = column.name == "id" or _ROW_ID.search(work, d.start(2), b) is not None
            table.columns.append(column)
        c = _INLINE_COMMENT.search(work, body_end, end)
        if c is not None:
            table.comment = _unquoted(c.group(1))
        found[table.name] = table
    for m in _COMMENT_ON.finditer(work):
        parts = [p.strip('`"[]').lower() for p in m.group(2).split(".")]
        if m.group(1).upper() == "TABLE" and parts[-1] in found:
            found[parts[-1]].comment = _unquoted(m.group(3))
        elif len(parts) >= 2 and parts[-2] in found:
            for column in found[parts[-2]].columns:
                if column.name == parts[-1]:
                    column.comment, column.comment_span = _unquoted(m.group(3)), m.span(3)
    return found


def _closing(work: str, open_at: int) -> int:
    """The position of the ")" closing the "(" at `open_at` (quotes skipped)."""
    depth = 0
    for at, ch in _unquoted_chars(work, open_at, len(work)):
        depth += (ch == "(") - (ch == ")")
        if ch == ")" and depth == 0:
            return at
    return len(work)


def _top_level_parts(work: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans between the commas of work[a:b] outside quotes and brackets."""
    parts, depth, start = [], 0, a
    for at, ch in _unquoted_chars(work, a, b):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append((start, at))
            start = at + 1
    parts.append((start, b))
    return parts


def inserts(work: str) -> list[Insert]:
    """Every INSERT … VALUES statement with its rows of fields."""
    found = []
    for m in _INSERT.finditer(work):
        columns = []
        if m.group(2):
            base = m.start(2) + 1
            for a, b in _top_level_parts(work, base, m.end(2) - 1):
                ident = re.search(_IDENT, work[a:b])
                if ident:
                    columns.append((_name(ident.group(0)), (a + ident.start(), a + ident.end())))
        end = statement_end(work, m.end() - 1)
        rows, pos = [], m.end() - 1
        while pos < end and work[pos] == "(":
            close = _closing(work, pos)
            rows.append([_field(work, a, b) for a, b in _top_level_parts(work, pos + 1, close)])
            pos = close + 1
            while pos < end and work[pos] in " \t\r\n,":
                pos += 1
        found.append(Insert(_name(m.group(1)), m.start(), end, m.end() - 1, columns, rows))
    return found


def _field(work: str, a: int, b: int) -> Field:
    while a < b and work[a].isspace():
        a += 1
    while b > a and work[b - 1].isspace():
        b -= 1
    if b - a >= 2 and work[a] in "Nn" and work[a + 1] == "'":
        a += 1  # N'…': a national-character string
    if b - a >= 2 and work[a] == "'" and work[b - 1] == "'":
        return Field(_unquoted(work[a + 1 : b - 1]), a + 1, b - 1, True)
    if _NUMBER.fullmatch(work, a, b):
        return Field(work[a:b], a, b, False)
    return Field("", a, a, False)  # NULL, DEFAULT, a function call: no value


def syntax_spans(work: str) -> list[tuple[int, int]]:
    """Sorted, apart spans of everything but the rows' values: comments, settings, DDL, the
    head of each INSERT and each row's id field."""
    spans = [m.span() for m in _COMMENT.finditer(work)]
    for m in _STATEMENT.finditer(work):
        kind = m.group(1).split()[0].upper()
        if kind in ("INSERT", "REPLACE"):
            continue
        spans.append((m.start(), statement_end(work, m.end())))
    known = tables(work)
    for ins in inserts(work):
        spans.append((ins.start, ins.head_end))
        columns = known.get(ins.table, Table("")).columns
        names = [c[0] for c in ins.columns] or [c.name for c in columns]
        ids = [c.name for c in columns if c.row_id]
        for row in ins.rows:
            for name, f in zip(names, row, strict=False):
                if name in ids and not f.quoted:
                    spans.append((f.start, f.end))
    return merged_spans(spans)
