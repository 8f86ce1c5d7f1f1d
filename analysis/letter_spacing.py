"""Letter-spaced text: the spaces a PDF's justified typesetting leaves between every
character of a line ("到 2 0 2 5 年 ， 学 前 三 年 毛 入 园 率 达 到 9 2 . 5 % 以 上").

Such a line reads as words and numbers only once those spaces are dropped. A line that
happens to hold a few spaced characters ("指 标 单 位 2015 年", a table header whose cells
are one space apart) is no sign of it, so the spaces are dropped only in a text where at
least MIN_LINES lines hold a run of RUN or more spaced characters, a third of them
Chinese; in such a text, every space next to a one-character token goes
("2 1 4 0　　2 5 0 0 左 右" -> "2140　　2500左右").
A run of spaces, a tab or an ideographic space stays: it separates a table's cells.
"""

from __future__ import annotations

import re

RUN = 8  # longer than a spaced page mark ("第 1 页 共 8 页")
MIN_LINES = 3
_CJK = re.compile(r"[\u4e00-\u9fff]")
# RUN or more tokens of one character each, one space apart; at least a third of them Chinese
_SPACED_RUN = re.compile(r"(?<!\S)\S(?: \S){" + str(RUN - 1) + r",}(?!\S)")
# six one-character tokens in a row inside a run: a search opening on a literal space
_PROBE = re.compile(r" \S \S \S \S \S \S ")
# a token of one character: white space or the text's edge on both sides
_ONE_CHARACTER = re.compile(r"(?<!\S)\S(?!\S)")


def letter_spaced(work: str) -> bool:
    """Whether at least MIN_LINES lines of the text hold a run of RUN or more spaced
    characters, a third of them Chinese."""
    if _PROBE.search(work) is None:
        return False  # no run of spaced characters at all: most texts, found at C speed
    lines = 0
    last_line = -2
    for m in _SPACED_RUN.finditer(work):
        tokens = (len(m.group()) + 1) // 2
        if 3 * len(_CJK.findall(m.group())) < tokens:
            continue
        line = work.rfind("\n", 0, m.start())
        if line != last_line:
            lines, last_line = lines + 1, line
            if lines >= MIN_LINES:
                return True
    return False


def letter_space_spans(work: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The (i, i + 1) spans of the letter spaces in work[start:stop]: single ASCII spaces
    between two characters one of which is a token of its own."""
    spans = set()
    for m in _ONE_CHARACTER.finditer(work, start, stop):
        p = m.start()
        if p - 2 >= start and work[p - 1] == " " and not work[p - 2].isspace():
            spans.add((p - 1, p))
        if p + 2 < stop and work[p + 1] == " " and not work[p + 2].isspace():
            spans.add((p + 1, p + 2))
    return sorted(spans)
