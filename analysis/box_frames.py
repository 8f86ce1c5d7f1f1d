"""The frame of a one-column box drawn with box-drawing characters: a 专栏 or a note set in
┌──┐ │…│ └──┘ (or ╔═╗ ║…║ ╚═╝, ┏━┓ ┃…┃ ┗━┛). Its text is wrapped inside the bars, cut
inside words and numbers ("（其│" / "│中新建2所"); normalise.clean drops the frame from the
views (rule lines whole, a text line's two bars), so the text joins into prose again.

A table drawn with the same characters is left alone: its rules hold junctions (┬ ┼ ┴)
and its rows inner bars. Only the lines holding a bar or a rule character are looked at.
"""

from __future__ import annotations

import re

from analysis.text_blocks import lines_holding

_BARS = "│┃║"
# a rule line with corners or side joints but no column junction: ┌──┐ ├──┤ └──┘
_FRAME_RULE = re.compile(r"[^\S\n]*[┌┐└┘├┤╔╗╚╝╠╣┏┓┗┛┣┫]?[─━═]{2,}[┌┐└┘├┤╔╗╚╝╠╣┏┓┗┛┣┫]?[^\S\n]*")
# a text line between two bars, none inside
_FRAME_TEXT = re.compile(rf"([^\S\n]*[{_BARS}])[^{_BARS}\n]*?([{_BARS}][^\S\n]*)")
_HINT = re.compile(rf"[{_BARS}─━═]")


def frame_spans(work: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Raw spans of the frame characters of one-column boxes in work[start:stop]: whole
    rule lines and the bars (with the white space outside them) of framed text lines.
    A line counts only beside another framed line: a lone "│x│" is no box."""
    lines = []
    for a, b in lines_holding(_HINT, work, start, stop):
        if _FRAME_RULE.fullmatch(work, a, b):
            lines.append((a, b, [(a, b)]))
        elif m := _FRAME_TEXT.fullmatch(work, a, b):
            lines.append((a, b, [m.span(1), m.span(2)]))
    spans = []
    for k, (a, b, parts) in enumerate(lines):
        before = k > 0 and work.count("\n", lines[k - 1][1], a) == 1
        after = k + 1 < len(lines) and work.count("\n", b, lines[k + 1][0]) == 1
        if before or after:
            spans.extend(parts)
    return spans
