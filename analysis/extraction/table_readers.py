"""Readers for the ways text extraction leaves a table; each returns `Grid`s.

* ``html``: <table>/<tr>/<td> left in scraped text, rowspan and colspan expanded;
* ``delimited``: one row per line, cells split by "|" (Markdown included), tabs, or runs
  of two or more spaces (full-width spaces become spaces in the cleaned view);
* ``pipe_cells``: one cell per line, each ending in "|", a header of year cells first.

They know layouts, not indicators: one interpreter (grid_interpreter) reads every grid.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cached_property

from analysis.extraction.cut_numbers import join_cut_numbers
from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.numbered_wraps import number_and_name
from analysis.extraction.page_strays import cells_past_page_numbers
from analysis.extraction.printed_frames import without_row_index
from analysis.extraction.ruled_rows import merge_ruled_rows
from analysis.extraction.space_alignment import header_above, realign
from analysis.extraction.spaced_cells import (
    indented_pair,
    merge_spaced_words,
    name_then_values,
    split_blank_marks,
)
from analysis.extraction.span_sets import SpanSet
from analysis.latex_math import latex_text
from analysis.normalise import FOOTNOTE_AFTER_NUMBER, CleanText, to_simplified

YEAR_CELL = re.compile(r"^((?:19|20)\d\d)\s*年?")
# what YEAR_CELL matches at a cell's start, found anywhere in a line (one C scan of a line
# rules it out as a header before it is split into cells)
HAS_YEAR = re.compile(r"(?:19|20)\d\d")
# a comparator word around the number ("不低于90", "60%以上") is read by the grid interpreter
# a number, with thousands separators or not ("1,250", as a full-width "1，250" normalises)
_CELL_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
VALUE_CELL = re.compile(
    rf"^(?:[<>≥≤~约]=?|不低于|不少于|不高于|不超过|力争)?\s*{_CELL_NUMBER}\s*%?"
    rf"(?:\s*/\s*(?:[<>≥≤]=?)?\s*{_CELL_NUMBER}\s*%?)*(?:及以上|以上|以下|以内|左右)?$"
)
NOT_STATED = {"", "—", "-", "/", "－", "–", "——", "--", "无", "/ ", "\\"}
_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?=<tr\b|</table|$)", re.IGNORECASE | re.DOTALL)
_CELL = re.compile(r"<t([dh])\b([^>]*)>(.*?)(?=<t[dh]\b|</tr|<tr\b|$)", re.IGNORECASE | re.DOTALL)
_SPAN_ATTR = re.compile(r"(rowspan|colspan)\s*=\s*[\"']?(\d+)", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_ESCAPED_BAR = re.compile(r"(?<!\\)\|")
_MD_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
# box drawing from PDF converters (┌─┬─┐ │ ├─┼─┤) and ASCII art (+----+): rule lines
# (+====+ under a grid table's header)
_BOX_RULE = re.compile(
    r"^[\s─━═┄┈\-=+┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋|│┃║]*[─━═┌└├┼╔╠┏┣+]"
    r"[\s─━═┄┈\-=+┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋|│┃║]*$"
)
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\r?\n")
_BOX_BARS = str.maketrans({"│": "|", "┃": "|", "║": "|"})  # same length: spans stay valid


def clean_cell(text: str) -> str:
    if "<sup" in text or "<SUP" in text:  # "93.8<sup>1</sup>": a note's mark, no digit
        text = _SUP_MARK.sub("", text)
    text = html.unescape(_TAG.sub("", text))
    if "$" in text or "\\(" in text:  # a converter's LaTeX: "$\\geqslant 95$" is ≥95
        text = latex_text(text)
    # as in the views: a footnote mark after a number is not a digit of it ("≥92①")
    text = unicodedata.normalize("NFKC", FOOTNOTE_AFTER_NUMBER.sub("", text))
    return to_simplified(" ".join(text.split()))


# ---------------------------------------------------------------- html


_CAPTION = re.compile(r"<caption[^<>]*>(.*?)</caption>", re.I | re.S)
# a note's mark after a value: "93.8<sup>1</sup>", "95%<sup>*</sup>"
_SUP_MARK = re.compile(r"(?<=[\d%％;])\s*<sup[^<>]*>\s*[\w*†‡,，]{1,4}\s*</sup>", re.I)


def read_html_mapped(text: str, raw_span) -> list[Grid]:
    """The HTML tables of a decoded text (a script's string, a message's encoded part),
    every span mapped to the raw text by `raw_span(start, end)`."""
    grids = []
    for g in read_html(text):
        grid = Grid(g.reader, g.caption, *raw_span(g.start, g.end))
        grid.rows = [[GridCell(c.text, *raw_span(c.start, c.end)) for c in row] for row in g.rows]
        grid.labels = [(raw_span(*span), d, why) for span, d, why in g.labels]
        grids.append(grid)
    return grids


def read_html(raw: str) -> list[Grid]:
    grids = []
    for t in _TABLE.finditer(raw):
        own = _CAPTION.search(raw, t.start(), t.end())  # <caption>表2 …</caption>
        caption = clean_cell(own.group(1)) if own else _caption_before(raw, t.start())
        grid = Grid("html", caption, t.start(), t.end())
        if own:
            grid.labels = caption_numbers(raw, own.start(1), own.end(1))
        rows: list[list[tuple[GridCell, dict]]] = []
        for row in _ROW.finditer(raw, t.start(), t.end()):
            cells = []
            for c in _CELL.finditer(row.group(1)):
                inner_start = row.start(1) + c.start(3)
                body = c.group(3)
                # trim the cell's raw span to its visible text
                visible = _TAG.sub(lambda m: " " * len(m.group()), body)
                lead = len(visible) - len(visible.lstrip())
                trail = len(visible.rstrip())
                start, end = inner_start + lead, inner_start + max(lead, trail)
                spans = {k.lower(): int(v) for k, v in _SPAN_ATTR.findall(c.group(2))}
                cells.append((GridCell(clean_cell(body), start, end), spans))
            rows.append(cells)
        grid.rows = expand_spans(rows)
        if grid.rows:
            grids.append(grid)
    return grids


def caption_numbers(raw: str, a: int, b: int) -> list:
    """Ledger labels for the numbers of a <caption>: a table's number, else the caption's."""
    labels = []
    for m in re.finditer(r"\d+(?:\.\d+)?", raw[a:b]):
        span = (a + m.start(), a + m.end())
        if raw[a:b][: m.start()].rstrip().endswith(("表", "附表")):
            labels.append((span, "section_number", "a table's number (表3)"))
        else:
            labels.append((span, "table_header", "in a table's caption"))
    return labels


def expand_spans(rows: list[list[tuple[GridCell, dict]]]) -> list[list[GridCell]]:
    """Rows of (cell, {"rowspan": n, "colspan": m}) with each cell repeated where its spans
    reach, as a browser lays a table out; rows left with no cell are dropped."""
    pending: dict[tuple[int, int], GridCell] = {}  # (row, col) filled by a rowspan
    out = []
    for r, row in enumerate(rows):
        cells: list[GridCell] = []
        col = 0
        for cell, spans in row:
            while (r, col) in pending:
                cells.append(pending.pop((r, col)))
                col += 1
            width = max(1, spans.get("colspan", 1))
            for dc in range(width):
                cells.append(cell)
                for dr in range(1, max(1, spans.get("rowspan", 1))):
                    pending[(r + dr, col + dc)] = cell
            col += width
        while (r, col) in pending:
            cells.append(pending.pop((r, col)))
            col += 1
        if cells:
            out.append(cells)
    return out


def _caption_before(raw: str, at: int) -> str:
    before = raw[max(0, at - 200) : at].rstrip().split("\n")
    return clean_cell(before[-1]) if before else ""


# ---------------------------------------------------------------- lines of the view


class TextLines:
    """The cleaned lines view split into lines with their view spans."""

    def __init__(self, clean: CleanText):
        self.view = clean.lines
        self.raw = clean.raw
        self.items: list[tuple[str, int, int]] = []
        pos = 0
        for part in self.view.text.split("\n"):
            self.items.append((part, pos, pos + len(part)))
            pos += len(part) + 1

    @cached_property
    def keyed(self) -> list[bool]:
        """Which lines hold a colon ("：" or ":"): only they can be a "key：value" line, so
        a reader of such lines looks at the others no further. Built once per text."""
        return [":" in text or "：" in text for text, _, _ in self.items]

    @cached_property
    def compact(self) -> list[str]:
        """Each line without its spaces, as the header tests of several readers read it
        ("指 标" is "指标"): made once per text, not once per reader and line."""
        return [text.replace(" ", "") for text, _, _ in self.items]

    def leading_tabs(self, i: int) -> int:
        """Tabs before line i's text in the raw file: empty first cells the view stripped."""
        text, a, _ = self.items[i]
        if not text:
            return 0
        at = self.view.raw_start(a)
        lead = self.raw[self.raw.rfind("\n", 0, at) + 1 : at]
        return lead.count("\t") if not lead.strip() else 0

    def trailing_tabs(self, i: int) -> int:
        """Tabs after line i's text in the raw file: empty last cells the view stripped."""
        text, _, b = self.items[i]
        if not text:
            return 0
        at = self.view.raw_end(b)
        end = self.raw.find("\n", at)
        tail = self.raw[at : len(self.raw) if end < 0 else end]
        return tail.count("\t") if not tail.strip() else 0

    def blank_before(self, i: int) -> bool:
        """An empty raw line between lines i-1 and i (the view drops empty lines)."""
        if i == 0 or not self.items[i][0] or not self.items[i - 1][0]:
            return False
        prev_end = self.view.raw_end(self.items[i - 1][2])
        return (
            _BLANK_LINE.search(self.raw, prev_end, self.view.raw_start(self.items[i][1]))
            is not None
        )

    def blanks_before(self, i: int) -> int:
        """How many empty raw lines lie between lines i-1 and i (lines other cleaning
        dropped, such as page debris, are not empty and do not count)."""
        if i == 0 or not self.items[i][0] or not self.items[i - 1][0]:
            return 0
        prev_end = self.view.raw_end(self.items[i - 1][2])
        between = self.raw[prev_end : self.view.raw_start(self.items[i][1])].split("\n")
        return sum(1 for part in between[1:-1] if not part.strip())

    def cell(self, i: int, a: int, b: int) -> GridCell:
        """A cell from view span [a, b) of line i, trimmed."""
        text, start, _ = self.items[i]
        seg = text[a - start : b - start]
        lead = len(seg) - len(seg.lstrip())
        body = seg.strip()
        if not body:
            raw = self.view.raw_start(a) if a < len(self.view.offsets) else 0
            return GridCell("", raw, raw)
        s, e = self.view.raw_span(a + lead, a + lead + len(body))
        return GridCell(body, s, e)

    def raw_span(self, i: int, j: int) -> tuple[int, int]:
        """Raw span of lines i..j-1."""
        a, b = self.items[i][1], self.items[j - 1][2]
        return self.view.raw_extent(a, max(b, a + 1))


# compiled once: _split runs on every line of every plan, twice per line in some readers
_SEPARATORS = (("tab", re.compile(r"\t+")), ("spaces", re.compile(r"\s{2,}")))


def whitespace_count(text: str) -> int:
    """How many whitespace characters (re's \\s, str.isspace) a line holds: str.split in C,
    a cheap bound before a regex scans a long line of prose for runs of spaces."""
    return len(text) - sum(map(len, text.split()))


def _split(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """How a line is delimited and the (start, end) of each cell within it."""
    if "│" in text or "┃" in text or "║" in text:  # translate is slow even with none in it
        text = text.translate(_BOX_BARS)
    # "学前教育|||": a category row whose empty cells are only trailing bars
    bars_only_after = text.endswith("||") and not text.startswith("|")
    if (
        "|" in text.strip("|").strip()
        or (text.startswith("|") and text.count("|") >= 3)
        or bars_only_after
    ):
        body_start = 1 if text.startswith("|") else 0
        body_end = len(text) - 1 if text.endswith("|") and len(text) > 1 else len(text)
        spans, pos = [], body_start
        # (an escaped bar "\|" is a character of its cell: "2025年（预期\|力争）")
        parts = _ESCAPED_BAR.split(text[body_start:body_end]) if "\\|" in text else None
        for part in parts or text[body_start:body_end].split("|"):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
        return ("pipe", spans) if len(spans) >= 2 else None
    for kind, sep in _SEPARATORS:
        if kind == "tab" and "\t" not in text:
            continue
        if kind == "spaces" and whitespace_count(text) < 4:
            continue  # three cells need two runs of two spaces: most lines have none

        spans = spans_apart(sep, text)
        if len(spans) >= (2 if kind == "tab" else 3):
            return kind, spans
    return None


def spans_apart(sep: re.Pattern, text: str) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a line whose cells are apart by `sep`."""
    spans, pos = [], 0
    for m in sep.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def read_delimited(lines: TextLines, skip: list[tuple[int, int]]) -> list[Grid]:
    grids: list[Grid] = []
    i = 0
    n = len(lines.items)
    while i < n:
        first = _split(lines.items[i][0])
        if first is None or _masked(lines, i, skip) or _labelled_pairs(lines.items[i][0], first):
            i += 1
            continue
        kind = first[0]
        j = i
        rows = []
        groups: list[int] = []  # rule lines above each row (ruled_rows.py)
        rules = 0
        unit_note, skipped = "", -1
        while j < n and not _masked(lines, j, skip):
            text, start, _ = lines.items[j]
            if _is_rule(text):  # a rule line between rows, in any delimited layout
                rules += 1
                j += 1
                continue
            if len(rows) == 1 and UNIT_LINE.match(text):  # "单位：%、所、万人" under the header
                unit_note, skipped = text.strip(), j
                j += 1
                continue
            split = _split(text) or _one_cell_row(text, kind) or _wrapped_cell(lines, j, kind)
            if split is None and kind == "spaces" and rows:
                split = (
                    name_then_values(text)
                    or indented_pair(lines.raw, lines.view.raw_start(start), text)
                    or number_and_name(text)  # "2   普惠性幼儿园覆盖" over the rest
                )
            if split is None or split[0] != kind:
                break
            row = [lines.cell(j, start + a, start + b) for a, b in split[1]]
            if kind == "tab":
                row = _leading_empty(lines, j) + row
            # an empty line, then a row of another width: the next table (its caption)
            if (
                rows
                and lines.blank_before(j)
                and (len(row) != _modal_width(rows) or _new_header(row, rows))
            ):
                break
            rows.append(row)
            groups.append(rules)
            j += 1
        if rules:
            rows = merge_ruled_rows(rows, groups)
        if kind != "spaces" and len(rows) > 2:
            rows = join_cut_numbers(rows, _modal_width(rows))
        if kind == "tab":
            rows = _tab_alignment(lines, i, j, rows, skipped)
        elif kind == "spaces" and rows:
            # a blank mark typed one space after the name first, then rows short of cells
            rows = merge_spaced_words(rows)
            rows = realign(lines.raw, split_blank_marks(lines.raw, rows, _modal_width(rows)))
        if kind == "spaces" and rows and i > 0 and not lines.blank_before(i):
            header = header_above(lines.raw, _words(lines, i - 1), rows)
            if header is not None and not _masked(lines, i - 1, skip):
                rows, i = [header, *rows], i - 1
        labels = []
        if kind == "spaces" and rows:
            rows, labels = without_row_index(rows)
        if len(rows) >= 2 and any(_has_digit(c.text) for r in rows for c in r):
            s, e = lines.raw_span(i, j)
            caption = lines.items[i - 1][0] if i > 0 else ""
            caption = f"{caption}（{unit_note}）" if unit_note else caption
            indented = _indented_names(lines.raw, rows) if kind == "tab" else frozenset()
            grids.append(Grid(f"delimited_{kind}", caption, s, e, rows, labels, indented))
            i = j
        else:
            i += 1
    return grids


def _new_header(row: list[GridCell], rows: list[list[GridCell]]) -> bool:
    """After an empty line, a row of words in every cell, none a number, other than the
    table's first row ("年度 | 新增学位（个） | 招聘教师（名）" under a table of indicators):
    the header of the next table, not a row going on after a page break."""
    if len(rows) < 2 or any(not c.text or _has_digit(c.text) for c in row):
        return False
    return [c.text for c in row] != [c.text for c in rows[0]]


def _words(lines: TextLines, i: int) -> list[GridCell]:
    """Line i's words, apart by any white space, as cells."""
    text, start, _ = lines.items[i]
    return [lines.cell(i, start + m.start(), start + m.end()) for m in _WORD.finditer(text)]


_WORD = re.compile(r"\S+")

# "基期值：95.8", "属性：约束性": a key, a colon, its value
_KEY_VALUE = re.compile(r"[^:：\d\s]{1,8}[:：]\s*\S")


def _labelled_pairs(text: str, split: tuple[str, list[tuple[int, int]]]) -> bool:
    """A line of "key：value" pairs apart by spaces ("基期值：95.8  目标值：≥97  属性：约束性"):
    an indicator card's line (labelled_blocks.py), not a row of a spaced table."""
    kind, spans = split
    cells = [text[a:b].strip() for a, b in spans]
    return kind == "spaces" and all(_KEY_VALUE.match(c) for c in cells if c)


def _is_rule(text: str) -> bool:
    """A Markdown alignment row or a rule line of box drawing ("────", "├──┼──┤")."""
    return bool(_MD_RULE.match(text.replace(" ", "")) or _BOX_RULE.match(text))


def _leading_empty(lines: TextLines, k: int) -> list[GridCell]:
    """Empty cells for the tabs a row starts with (a category column left blank)."""
    at = lines.view.raw_start(lines.items[k][1])
    return [GridCell("", at, at)] * lines.leading_tabs(k)


def _modal_width(rows: list[list[GridCell]]) -> int:
    widths = [len(r) for r in rows]
    return max(set(widths), key=lambda w: (widths.count(w), w))


def _indented_names(raw: str, rows: list[list[GridCell]]) -> frozenset[int]:
    """The raw starts of first cells set in by spaces ("    学前三年毛入园率" under
    "学前教育"): a pivot table's items under their group's row."""
    out = set()
    for row in rows:
        if not row or not row[0].text:
            continue
        at = row[0].start
        line_start = raw.rfind("\n", 0, at) + 1
        if at > line_start and not raw[line_start:at].strip(" \u3000"):
            out.add(at)
    return frozenset(out)


def _one_cell_row(text: str, kind: str) -> tuple[str, list[tuple[int, int]]] | None:
    """ "|一、普及水平   |": a category row spanning a pipe or box table."""
    bars = text.translate(_BOX_BARS).rstrip()
    if kind != "pipe" or len(bars) < 3 or bars[0] != "|" or bars[-1] != "|" or "|" in bars[1:-1]:
        return None
    return "pipe", [(1, len(bars) - 1)]


_YEAR_IN_LINE = re.compile(r"(?:19|20)\d\d\s*年")
# a line of units alone under a table's header ("单位：%、所、万人", "（计量单位：万人）"): the
# table's unit note, read with its caption
UNIT_LINE = re.compile(r"^\s*[（(]?\s*(?:计量)?单位\s*[:：][^\d]{1,24}$")


def _wrapped_cell(lines: TextLines, j: int, kind: str) -> tuple[str, list] | None:
    """ "教育年限" alone between two rows of a spaced table: the end of a name cell wrapped
    onto a line of its own (the interpreter joins it to the name above)."""
    text = lines.items[j][0].strip()
    if kind not in ("spaces", "tab") or lines.blank_before(j):
        return None
    if not _lone_name(text) and not (_SECTION_ROW.match(text) and _split(text) is None):
        return None
    # the row it belongs to is next, or next but one after another lone line (a category
    # row, then the first line of a name wrapped onto the line of its values); or, below the
    # table's last row, the end of that row's name ("受教育年限"), the table ending with it
    k = j + 1
    if (
        (k == len(lines.items) or lines.blank_before(k))
        and "  " not in text
        and _split(lines.items[j - 1][0]) is not None
    ):
        return kind, [(0, len(lines.items[j][0]))]
    if k < len(lines.items) and _split(lines.items[k][0]) is None:
        if not _lone_name(lines.items[k][0].strip()) or lines.blank_before(k):
            return None
        k += 1
    nxt = _split(lines.items[k][0]) if k < len(lines.items) else None
    if (
        nxt is not None
        and nxt[0] == kind
        and not _YEAR_IN_LINE.search(lines.items[k][0])  # a caption, then a header
    ):
        line = lines.items[j][0]
        if kind == "spaces" and "  " in text:
            # "教育  园率": the ends of a category and of a name, each wrapped: two cells
            return kind, spans_apart(_SEPARATORS[1][1], line)
        return kind, [(0, len(line))]
    return None


# a numbered category row between a table's rows, its words may hold a figure:
# "一、学前教育（权重21%）" (its number is no value of the rows under it)
_SECTION_ROW = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十]{1,3}[）)])"
    r"[^。，,；;：:\t]{2,24}$"
)


def _lone_name(text: str) -> bool:
    return (
        0 < len(text) <= 12 and not _has_digit(text) and not any(p in text for p in "。，,；;：:")
    )


def _tab_alignment(lines: TextLines, i: int, j: int, rows: list[list[GridCell]], skipped: int = -1):
    """Runs of tabs are either alignment or empty cells ("93.5\t\t96": a blank 2023
    column). Read each tab as a cell boundary when that gives more rows one common width."""
    exact = []
    for k in range(i, j):
        text, start, _ = lines.items[k]
        if _is_rule(text) or k == skipped:  # what read_delimited skipped (a unit line)
            continue
        spans, pos = [], 0
        for part in text.split("\t"):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
        cells = [lines.cell(k, start + a, start + b) for a, b in spans]
        end = cells[-1].end if cells else 0
        trailing = [GridCell("", end, end)] * lines.trailing_tabs(k)
        exact.append(_leading_empty(lines, k) + cells + trailing)
    if len(exact) != len(rows):
        return rows

    def agreement(grid_rows) -> int:
        widths = [len(r) for r in grid_rows]
        return max(widths.count(w) for w in set(widths))

    return exact if agreement(exact) > agreement(rows) else rows


def _masked(lines: TextLines, i: int, skip: SpanSet | list[tuple[int, int]]) -> bool:
    """The line starts inside a span taken already; read_grids passes a SpanSet (a list is
    merged here, for a caller asking once)."""
    if not skip:
        return False
    _, a, b = lines.items[i]
    if a == b:
        return False
    spans = skip if isinstance(skip, SpanSet) else SpanSet(skip)
    return lines.view.raw_start(a) in spans


def _has_digit(text: str) -> bool:
    # map runs str.isdigit in C: the same test as any(ch.isdigit() for ch in text), ~3x faster
    return any(map(str.isdigit, text))


# ---------------------------------------------------------------- one cell per line


def read_pipe_cells(lines: TextLines, skip: list[tuple[int, int]]) -> list[Grid]:
    """Every cell on its own line ending in "|": header cell, year cells, then rows."""
    items = lines.items
    grids: list[Grid] = []
    if "|" not in lines.view.text:  # every cell line ends in a bar: none, no table
        return grids
    # which lines are one cell ending in "|", found once: a header is two or more in a row
    singles = [t.endswith("|") and "|" not in t[:-1] for t in (x[0].rstrip() for x in items)]
    single = singles.__getitem__
    starts = [k for k in range(len(items) - 1) if singles[k] and singles[k + 1]]

    def _text(k: int) -> str:
        return items[k][0]

    resume = 0  # the line after the last table read
    for i in starts:
        if i < resume or _masked(lines, i, skip):
            continue
        header = [_pipe_cell(lines, i)]
        j = i + 1
        while j < len(items) and single(j) and YEAR_CELL.match(_pipe_cell(lines, j).text):
            header.append(_pipe_cell(lines, j))
            j += 1
        if len(header) < 2:
            continue
        width = len(header)
        rows = [header]
        while found := cells_past_page_numbers(j, width, len(items), single, _text):
            row = [_pipe_cell(lines, k) for k in found[0]]
            if any(c.text not in NOT_STATED and not VALUE_CELL.match(c.text) for c in row[1:]):
                break
            rows.append(row)
            j = found[1]
        s, e = lines.raw_span(i, j)
        caption = items[i - 1][0] if i > 0 else ""
        grids.append(Grid("pipe_cells", caption, s, e, rows))
        resume = j
    return grids


def _pipe_cell(lines: TextLines, k: int) -> GridCell:
    text, start, _ = lines.items[k]
    body_end = start + len(text.rstrip()) - 1  # before the trailing "|"
    return lines.cell(k, start, body_end)
