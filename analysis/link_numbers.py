"""A web page as a text browser dumps it with its links numbered (w3m -dump -o
display_link_number=1, lynx -dump): each link's text is preceded by "[N]" in the body
("累计投入教育资金[19]86.5亿元") and the page ends in a "References" list of the numbered
addresses ("[19] http://…", lynx's "19. http://…"). The markers and the list are the
dump's markup: they leave the views, so that "[19]86.5亿元" reads as 86.5亿元, and their
numbers are ledgered as link numbers.
"""

from __future__ import annotations

import re

REASON = "a text browser's link number ([N] before a link, listed under References)"
# the list's heading, alone on its line: w3m writes "References:", lynx "References"
_REFERENCES = re.compile(r"^[^\S\n]*References:?[^\S\n]*$", re.MULTILINE)
# a listed link: "[19] http://…" (w3m) or "  19. http://…" (lynx)
_LISTED = re.compile(r"^[^\S\n]*(?:\[(\d{1,4})\]|(\d{1,4})\.)[^\S\n]+\S", re.MULTILINE)
_MARK = re.compile(r"\[(\d{1,4})\]")
# a dump's list names several links
_MIN_LISTED = 3


def _listed(work: str) -> tuple[int, set[str]] | None:
    """(where the References list starts, the numbers it lists), or None."""
    # the last one: a page's own text may say "References" earlier
    heading = max(_REFERENCES.finditer(work), key=lambda m: m.start(), default=None)
    if heading is None:
        return None
    numbers = {m.group(1) or m.group(2) for m in _LISTED.finditer(work, heading.end())}
    return (heading.start(), numbers) if len(numbers) >= _MIN_LISTED else None


def is_link_dump(work: str) -> bool:
    return "References" in work and _listed(work) is not None


def link_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(the markers' spans and the References list's, {}): all leave the views."""
    found = _listed(work)
    if found is None:
        return [], {}
    start, numbers = found
    spans = [m.span() for m in _MARK.finditer(work, 0, start) if m.group(1) in numbers]
    spans.append((start, len(work)))
    return spans, {}
