"""A plan kept as JSON data: a crawler's output (one JSON object a line, JSON Lines, or
one document) whose string fields hold the article ("content": "\\u6f33\\u653f…\\n第一章…"),
as ensure_ascii writes it or plainly.

As in a single-page app's state (script_strings.py), the strings that hold text are read
with their escapes (\\uXXXX, \\n, \\t, \\") and every other part of the data (keys, URLs,
status codes, timestamps, page numbers) is markup. The text is only read so when one of
its strings is an article; a table kept as one JSON object a line (json_lines.py) has
none, and is read as a table. A page the crawler fetched twice (the same article in a
later line) is read once: the copy is markup too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.script_strings import ARTICLE_HAN, HAN, string_edits, text_strings

REASON = (
    "a JSON document's keys and data fields, a repeated copy of an article it holds, "
    "or an escape's spelling (\\u6559)"
)
_OPENS = re.compile(r"\s*[\[{]")


def is_json_text(work: str) -> bool:
    """A text that opens as JSON and holds an article in one of its strings."""
    return _OPENS.match(work) is not None and bool(_strings(work))


def json_text_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as}): the data around
    the text strings goes and reads as a line end; escapes read as their characters."""
    return string_edits(work, 0, len(work), _strings(work))


@lru_cache(maxsize=2)
def _strings(work: str) -> list:
    seen: set[str] = set()
    kept = []
    for s in text_strings(work, 0, len(work)):
        if s.text in seen and len(HAN.findall(s.text)) >= ARTICLE_HAN:
            continue  # the same page fetched again
        seen.add(s.text)
        kept.append(s)
    return kept
