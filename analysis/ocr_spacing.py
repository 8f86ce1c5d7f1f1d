"""Spaces OCR leaves inside a count, an amount or a table cell: their raw offsets; letters
it reads for digits inside a number (digit_letters).

normalise.py drops the spaces of a spaced-out percentage ("9 1 . 2 %"); a scan also spaces
out the numbers before other units ("2 1 4 所", "1 2 . 6 亿元", "1 . 5 万人次", a thousands
gap "4 860人", "6,3 0 0个"), inside a percentage's decimals ("99.9 8%") and after the point
of a decimal in a space-aligned table row ("90. 2         93"). Each form is narrow on
purpose: two numbers side by side ("12 15所") stay apart, an ordinal's digits ("第 1 2 项")
and an item number opening its line ("1 . 2所学校…") stay as they are.
"""

from __future__ import annotations

import re

from analysis.text_blocks import lines_holding

# the units a spaced count or amount ends in, in either script (this runs before OpenCC); a
# space, or a line break where a PDF wrapped the line, may stand before the unit
_UNIT_AHEAD = r" ?(?:\n[ \t\u3000]*)?(?=[所个個名人元万萬亿億千家项項套])"
_SPACED_COUNT = re.compile(
    r"(?<![\d.．,，第])(?<!第 )(?<!\d )"
    r"(?:\d(?: [\d.．])+|\d{1,3}(?: \d{3})+|\d{1,3}[,，]\d(?: \d)+)" + _UNIT_AHEAD
)
# "99.9 8%": digits of a percentage's decimals spaced out
_SPACED_DECIMALS = re.compile(r"(?<![\d.．])\d+[.．]\d(?: \d)+ ?(?=[%％])")
# "90. 2" as a cell: white space before it, and two spaces, a tab or the line end after it
_SPACED_CELL_POINT = re.compile(
    r"(?<=[ \t\u3000])\d{1,3}[.．]( )\d{1,3}(?=[ \t\u3000]{2,}|\t|\n|$)"
)
_ITEM_OPENING = re.compile(r"[ \t\u3000]*\d [.．] ")
# one space OCR left inside a number written right after a word, before its unit or %
# ("占比6 8.2%", "专任教师2,4 36人", "生均公用经费小学7 20元"): a number after a Chinese
# character is one number, where two side by side would be a table's cells
_GAP_AFTER_WORD = re.compile(
    r"(?<=[\u4e00-\u9fff])\d{1,3}(?:[,，]\d{1,3})?( )\d{1,3}(?:[,，]\d{3})*(?:[.．]\d+)?"
    r"(?=[%％所个個名人元万萬亿億千家项項套间])"
)
# the same in a cell between tabs or full-width spaces ("%　9 4.2　96")
_GAP_IN_CELL = re.compile(r"(?<=[\t\u3000])\d{1,2}( )\d{1,2}(?:[.．]\d+)?(?=[\t\u3000]|\n|$)")


# every match of the patterns above holds a digit or point, a space, a digit or point;
# found from the space (a literal first character is searched for at C speed)
_SPACED = re.compile(r" (?<=[\d.．] )[\d.．]")


def ocr_space_spans(work: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The (i, i + 1) spans of the spaces to drop in work[start:stop].

    The patterns' lookbehinds stop the regex engine from skipping ahead, so they are tried
    only on the lines holding a spaced digit (with the next line, where a wrapped unit
    stands): the same spans as over the whole range, at a fraction of the cost."""
    spans: list[tuple[int, int]] = []
    for a, b in lines_holding(_SPACED, work, start, stop):
        after = work.find("\n", b + 1, stop) if b < stop else -1
        spans.extend(_spans_from(work, a, b, stop if after < 0 else after))
    return spans


def _spans_from(work: str, start: int, line_end: int, stop: int) -> list[tuple[int, int]]:
    """The spans of the matches that start in work[start:line_end], searched up to stop."""
    spans = []
    for m in _SPACED_COUNT.finditer(work, start, stop):
        if m.start() >= line_end:
            break
        line_start = max(start, work.rfind("\n", 0, m.start()) + 1)
        if _ITEM_OPENING.match(work, line_start) and not work[line_start : m.start()].strip():
            continue  # "1 . 2所学校纳入…": the item's number, then its text
        spans.extend((i, i + 1) for i in range(m.start(), m.end()) if work[i] == " ")
    if work.find("%", start, stop) >= 0 or work.find("％", start, stop) >= 0:
        for m in _SPACED_DECIMALS.finditer(work, start, line_end):
            spans.extend((i, i + 1) for i in range(m.start(), m.end()) if work[i] == " ")
    spans.extend(m.span(1) for m in _SPACED_CELL_POINT.finditer(work, start, line_end))
    spans.extend(m.span(1) for m in _GAP_AFTER_WORD.finditer(work, start, line_end))
    spans.extend(m.span(1) for m in _GAP_IN_CELL.finditer(work, start, line_end))
    return sorted(set(spans))


# letters a scan reads for digits inside a number: O for 0 ("2O25年", "9O%", "1O月"), l or I
# for 1 ("l00%"); only next to digits, never inside a Latin word
_LETTER_ZERO = re.compile(r"(?<=\d)[Oo](?=\d|[%％年月日个所名人元万亿.．])")
_LETTER_ONE = re.compile(r"(?<![A-Za-z\d])[lI](?=\d+(?:[.．]\d+)?(?:[%％]|(?![\dA-Za-z.．])))")


def digit_letters(text: str) -> str:
    """The text with O/o, l/I read for digits inside numbers written as digits (one
    character for one: offsets stay valid)."""
    if "O" in text or "o" in text:
        text = _LETTER_ZERO.sub("0", text)
    if "l" in text or "I" in text:
        text = _LETTER_ONE.sub("1", text)
    return text
