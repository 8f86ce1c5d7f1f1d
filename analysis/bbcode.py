"""A forum thread saved as its BBCode source (Discuz!, phpBB, 贴吧 exports): `[b]…[/b]`,
`[color=#C00000]`, `[size=5]`, `[url=…]…[/url]`, `[quote]…[/quote]`, and tables as
`[table][tr][td]…[/td][/tr][/table]`.

The tags are markup: a cell's end reads as a tab and a row's or a block's end as a line end
(unless a line end follows at once), so the line readers see a tab-separated table and the
prose readers a heading or a paragraph; the rest reads as nothing. An element whose
content is no text (an attachment's id, an image's address) is markup whole.
"""

from __future__ import annotations

import re

REASON = "a forum post's BBCode tag ([color=#C00000], [attach]58314[/attach])"
_NAMES = (
    "b|i|u|s|color|size|font|align|url|email|quote|code|table|tr|td|th|list|indent|float|"
    "backcolor|hr|p|free|hide|media|flash|img|attach|attachimg|strike|sup|sub|center|left|right"
)
# a tag: "[b]", "[/color]", "[size=5]", "[url=http://…]", "[table=96%,#F7F7F7]", "[*]"
_TAG = re.compile(rf"\[(/?)({_NAMES})(?:=[^\]\n]{{0,300}})?\]|\[\*\]", re.I)
# an element whose content is an address or an id, not text
_WHOLE = re.compile(r"\[(img|attach|attachimg|media|flash)(?:=[^\]\n]*)?\][^\[\n]*\[/\1\]", re.I)
_CELL_ENDS = frozenset(("td", "th"))
_BLOCK_ENDS = frozenset(("tr", "table", "quote", "align", "list", "p", "code", "center", "indent"))
_MIN_CLOSING = 3


def is_bbcode(work: str) -> bool:
    """A text with three or more closing BBCode tags ([/b], [/color], [/td] …)."""
    if work.find("[/") < 0:
        return False
    count = 0
    for m in _TAG.finditer(work):
        if m.group(1):
            count += 1
            if count >= _MIN_CLOSING:
                return True
    return False


def bbcode_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as})."""
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    whole = [m.span() for m in _WHOLE.finditer(work)]
    spans.extend(whole)
    for m in _TAG.finditer(work):
        if whole and any(a <= m.start() < b for a, b in whole):
            continue  # a tag of an element left out whole
        spans.append(m.span())
        name = (m.group(2) or "*").lower()
        line_end_next = work.startswith("\n", m.end())
        if m.group(1) and name in _CELL_ENDS:
            replaced[m.start()] = "\t"
        elif ((m.group(1) and name in _BLOCK_ENDS) or name == "*") and not line_end_next:
            replaced[m.start()] = "\n"
    return spans, replaced
