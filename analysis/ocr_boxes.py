"""A plan as an OCR engine's result listing, one detected text box a line (PaddleOCR's
`[[[x1, y1], [x2, y2], [x3, y3], [x4, y4]], ('text', 0.9876)]`), boxes in detection
order, pages apart by a separator or a log line.

The views read the boxes' texts in reading order, as a scan reads: the boxes of one run
of box lines are grouped into printed rows (boxes overlapping in height by at least half
the lower one), a row read left to right, its boxes apart by a tab where a gap wider
than a character stands between them (a table's column break) and run together
otherwise. A table's name cell wrapped over two printed lines, its values between them
("义务教育专任教师本科以上" / "73.8  85" / "学历比例（%）"), is one row again: a row holding
only values (short texts with a digit) joins the name-only row above it, and a
name-only row right below such a joined row finishes its name. A box holding only a
page number ("—6—") is not read.

Everything else of the listing (corners, quotes, confidences, separators, log lines) is
markup the ledger names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REASON = "an OCR listing's markup (a box's corners or confidence, a page separator, a log line)"
MIN_BOXES = 5
_VALUE_LONGEST = 10
_DIGIT = re.compile(r"\d")
_NUM = r"\s*(-?\d+(?:\.\d+)?)\s*"
_POINT = rf"\[{_NUM},{_NUM}\]"
_BOX_LINE = re.compile(
    rf"^[^\S\n]*\[\s*\[\s*{_POINT}\s*,\s*{_POINT}\s*,\s*{_POINT}\s*,\s*{_POINT}\s*\]\s*,\s*"
    r"""[(\[]\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")\s*,\s*-?[\d.]+(?:e-?\d+)?\s*"""
    r"[)\]]\s*\][^\S\n]*$",
    re.MULTILINE,
)
_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))")
_SIMPLE = {"n": " ", "t": " ", "r": ""}
# a box holding only a page number: "—6—", "- 12 -", "第3页"
_PAGE_NUMBER = re.compile(r"[—–\-－·•・]{1,2}\s*\d{1,3}\s*[—–\-－·•・]{1,2}|第\s*\d{1,3}\s*页")


@dataclass
class Box:
    line_start: int  # raw span of the box's whole line
    line_end: int
    start: int  # raw span of its text (quotes excluded)
    end: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return max(1.0, self.y1 - self.y0)


def is_ocr_listing(work: str) -> bool:
    if work.find("[[[", 0, 20000) < 0:
        return False
    return len(boxes(work, limit=MIN_BOXES)) >= MIN_BOXES


def boxes(work: str, limit: int | None = None) -> list[Box]:
    """The box lines of the text, in order (the first `limit` of them)."""
    found = []
    for m in _BOX_LINE.finditer(work):
        xs = [float(m.group(k)) for k in (1, 3, 5, 7)]
        ys = [float(m.group(k)) for k in (2, 4, 6, 8)]
        g = 9 if m.group(9) is not None else 10
        found.append(
            Box(
                m.start(),
                m.end(),
                m.start(g),
                m.end(g),
                m.group(g),
                min(xs),
                min(ys),
                max(xs),
                max(ys),
            )
        )
        if limit is not None and len(found) >= limit:
            break
    return found


def ocr_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as}): every line that
    is no box's text, and each box line but its text; inside a text, its escapes."""
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    pos = 0
    for box in boxes(work):
        if box.line_start > pos:
            spans.extend(_lines_apart(work, pos, box.line_start))
        if _is_page_number(box.text):
            spans.append((box.line_start, box.line_end))
        else:
            spans.append((box.line_start, box.start))
            spans.append((box.end, box.line_end))
            if "\\" in box.text:
                for m in _ESCAPE.finditer(work, box.start, box.end):
                    spans.append(m.span())
                    replaced[m.start()] = _escaped(m)
        pos = box.line_end
    spans.extend(_lines_apart(work, pos, len(work)))
    return sorted(spans), replaced


def box_segments(work: str) -> list[tuple[int, int, list[tuple[int, int, str | None]]]]:
    """Each run of box lines: (start, stop, [(start, end, glue) of each box text in reading
    order]), stop the line end after the run's last line; glue is None where the text
    starts a line of the views, else what joins it to the text before ("\\t" or "")."""
    if not is_ocr_listing(work):
        return []
    found = []
    for run in _runs(work, boxes(work)):
        if not run:
            continue  # (page numbers only)
        segments: list[tuple[int, int, str | None]] = []
        for row in _rows(run):
            glue = None
            prev = None
            for box in row:
                if prev is not None:
                    glue = "\t" if box.x0 - prev.x1 >= box.height else ""
                segments.append((box.start, box.end, glue))
                prev = box
        found.append((run[0].line_start, run[-1].line_end, segments))
    return found


def _runs(work: str, found: list[Box]) -> list[list[Box]]:
    """Boxes on consecutive lines (blank lines allowed between), page numbers left out."""
    runs: list[list[Box]] = []
    last_end = -2
    for box in found:
        if runs and not work[last_end : box.line_start].strip():
            runs[-1].append(box)
        else:
            runs.append([box])
        last_end = box.line_end
    return [[b for b in run if not _is_page_number(b.text)] for run in runs if run]


def _rows(run: list[Box]) -> list[list[Box]]:
    """The run's boxes as printed rows, top to bottom, each left to right, with a name
    wrapped around its values made one row (see the module's text)."""
    rows: list[list[Box]] = []
    for box in sorted(run, key=lambda b: ((b.y0 + b.y1) / 2, b.x0)):
        row = rows[-1] if rows else None
        if row is not None and _overlap(row[0], box) >= 0.5 * min(row[0].height, box.height):
            row.append(box)
        else:
            rows.append([box])
    rows = [sorted(row, key=lambda b: b.x0) for row in rows]
    multi = [row[0].x0 for row in rows if len(row) >= 2]
    if not multi:
        return rows
    left = min(multi)
    out: list[list[Box]] = []
    joined = False  # the last row out is a name-only row joined with a values row
    for row in rows:
        names_only = len(row) == 1 and _near(row[0], left)
        values_only = all(b.x0 > left + 2 * b.height and _is_value(b.text) for b in row)
        prev = out[-1] if out else None
        if values_only and prev is not None and len(prev) == 1 and _near(prev[0], left):
            out[-1] = prev + row
            joined = True
            continue
        if names_only and joined and prev is not None:
            out[-1] = [prev[0], row[0], *prev[1:]]
            joined = False
            continue
        joined = False
        out.append(row)
    return out


def _is_value(text: str) -> bool:
    """A value cell's text: short, with a digit ("73.8", "≥95", "6.5左右")."""
    return len(text.strip()) <= _VALUE_LONGEST and _DIGIT.search(text) is not None


def _near(box: Box, left: float) -> bool:
    return abs(box.x0 - left) <= box.height


def _overlap(a: Box, b: Box) -> float:
    return min(a.y1, b.y1) - max(a.y0, b.y0)


def _is_page_number(text: str) -> bool:
    return _PAGE_NUMBER.fullmatch(text.strip()) is not None


def _lines_apart(work: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The non-blank lines of work[start:stop] (line ends excluded)."""
    spans = []
    pos = start
    while pos < stop:
        end = work.find("\n", pos, stop)
        end = stop if end < 0 else end
        if work[pos:end].strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def _escaped(m: re.Match) -> str:
    if m.group(1) is not None:
        return chr(int(m.group(1), 16))
    if m.group(2) is not None:
        return chr(int(m.group(2), 16))
    return _SIMPLE.get(m.group(3), m.group(3))
