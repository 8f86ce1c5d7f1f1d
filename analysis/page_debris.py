"""Page debris that is not "— 8 —": lone page numbers and running headers.

PDF extraction leaves, between the lines of two pages, the page number on a line of its
own and the running header (the document's title printed again on every page). Both cut
sentences and tables in two. This module finds their lines in a text whose line ends are
all "\\n" (normalise.clean drops them from the views and keeps their raw spans, so that
the ledger can say what their numbers were). Time and memory are linear in the text:
regexes over the whole text, and per line at most a length test and a few substring tests.
"""

from __future__ import annotations

import re

from analysis.forum_posts import forum_post_lines
from analysis.page_marks import page_mark_lines
from analysis.post_marks import post_mark_lines
from analysis.script_elements import script_lines
from analysis.subtitle_cues import subtitle_cue_lines
from analysis.text_blocks import line_blocks, lines_holding

# A page number alone on its line ("12"), as PDF extraction leaves it between two pages.
# One-cell-per-line tables have such lines too, so it is debris only when neither
# neighbouring line is short enough to be a table cell (a PDF page break falls inside
# a paragraph, or between two rows of a delimited table).
LONE_NUMBER = re.compile(r"^[^\S\n]*\d{1,3}[^\S\n]*$", re.MULTILINE)
# LONE_NUMBER after a "\n" (and on the first line alone): a literal prefix lets the regex
# engine jump from line end to line end instead of trying "^" at every character
_LONE_NUMBER_BODY = r"[^\S\n]*\d{1,3}[^\S\n]*(?![^\n])"
_LONE_NUMBER_FIRST = re.compile(_LONE_NUMBER_BODY)
_LONE_NUMBER_AFTER_NEWLINE = re.compile("\n" + _LONE_NUMBER_BODY)
CELL_LONGEST = 12
# ... nor when the next line starts with a unit: "…新建幼儿园" / "18" / "所，…" is a number
# wrapped away from its unit, inside the sentence
UNIT_STARTS = "所个人名万亿千元%％年岁项间座台套册次倍家"
# A running header: the document's title printed again at the top of every page. A short
# line naming a document ("…规划", "…工作要点") that recurs: every occurrence after the first
# is debris. Table rows and sentences are never headers.
TITLE_WORDS = ("规划", "计划", "要点", "纲要", "方案")
TITLE_LONGEST = 64
_NOT_A_HEADER = re.compile(r"[|\t<>]|[。；;！？!?：:]\s*$")
_ENDS = "。；;！？!?：:"


def debris_lines(work: str) -> list[tuple[int, int]]:
    """Sorted [start, end) spans (line ends excluded) of the debris lines of `work`."""
    return sorted(
        set(
            _lone_page_numbers(work)
            + _running_headers(work)
            + page_mark_lines(work)
            + post_mark_lines(work)
            + forum_post_lines(work)
            + subtitle_cue_lines(work)
            + script_lines(work)
        )
    )


def _is_cell_like(work: str, start: int, end: int) -> bool:
    line = work[start:end].strip()
    return len(line) <= CELL_LONGEST and not (line and line[-1] in _ENDS)


def _neighbour(work: str, pos: int, step: int) -> tuple[int, int] | None:
    """The raw span of the nearest non-blank line before (step -1) or after (step 1) the
    line that starts (step -1) or ends (step 1) at pos."""
    while True:
        if step < 0:
            if pos == 0:
                return None
            end = pos - 1
            start = work.rfind("\n", 0, end) + 1
            pos = start
        else:
            if pos >= len(work):
                return None
            start = pos + 1
            end = work.find("\n", start)
            end = len(work) if end < 0 else end
            pos = end
        if work[start:end].strip():
            return start, end


def _lone_page_numbers(work: str) -> list[tuple[int, int]]:
    """Lines that are only a page number, between two lines neither of which is a cell."""
    found = []
    for start, end in _lone_number_spans(work):
        before, after = _neighbour(work, start, -1), _neighbour(work, end, 1)
        if after is not None and work[after[0] : after[1]].lstrip()[0] in UNIT_STARTS:
            continue
        if not any(n is not None and _is_cell_like(work, *n) for n in (before, after)):
            found.append((start, end))
    return found


def _lone_number_spans(work: str) -> list[tuple[int, int]]:
    """The spans of LONE_NUMBER's matches in `work`."""
    first = _LONE_NUMBER_FIRST.match(work)
    spans = [first.span()] if first else []
    spans.extend((m.start() + 1, m.end()) for m in _LONE_NUMBER_AFTER_NEWLINE.finditer(work))
    return spans


def _running_headers(work: str) -> list[tuple[int, int]]:
    """Every occurrence but the first of a short title line that recurs.

    Only the lines holding a title word are looked at, found word by word: a regex
    searches a literal at C speed, an alternation tries every character in Python's
    regex engine (ten times the cost)."""
    words = [re.compile(re.escape(w)) for w in TITLE_WORDS]
    seen: dict[str, list[tuple[int, int]]] = {}
    for block_start, block_stop in line_blocks(work):
        titled = set()
        for word in words:
            titled.update(lines_holding(word, work, block_start, block_stop))
        for start, end in sorted(titled):
            body = work[start:end].strip()
            if len(body) <= TITLE_LONGEST and not _NOT_A_HEADER.search(body):
                seen.setdefault(body, []).append((start, end))
    return [span for spans in seen.values() for span in spans[1:]]
