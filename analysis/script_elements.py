"""A web page's <script> and <style> elements, as a saved page or a scraped dashboard keeps
them: code, not text. Their lines are left out of the views (so no sentence reader binds
"value: 14.2" or "setInterval(refresh, 300000)"); the chart reader (chart_options.py) reads
the charts in them from the raw text, and the ledger says that their other numbers are
markup.
"""

from __future__ import annotations

import re

_ELEMENT = re.compile(r"<(script|style)\b[^<>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
REASON = "inside a web page's script or style element"


def script_elements(work: str) -> list[tuple[int, int]]:
    """The [start, end) spans of the script and style elements of `work`, whole."""
    if work.find("<script") < 0 and work.find("<style") < 0 and work.find("<SCRIPT") < 0:
        return []  # most plans
    return [m.span() for m in _ELEMENT.finditer(work) if m.group(2).strip()]


def script_lines(work: str) -> list[tuple[int, int]]:
    """script_elements cut into lines (line ends excluded), as the views drop debris."""
    spans = []
    for a, b in script_elements(work):
        pos = a
        while pos < b:
            end = work.find("\n", pos, b)
            end = b if end < 0 else end
            if end > pos:
                spans.append((pos, end))
            pos = end + 1
    return spans
