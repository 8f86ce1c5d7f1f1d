"""A web page's <script> and <style> elements, as a saved page or a scraped dashboard keeps
them: code, not text (but for a script that holds an article in its strings, a
single-page app's state: script_strings.py reads it as text, and leaves the rest as
markup). Their lines are left out of the views (so no sentence reader binds "value:
14.2" or "setInterval(refresh, 300000)"); the chart reader (chart_options.py) reads the
charts in them from the raw text, and the ledger says that their other numbers are
markup.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.script_strings import string_edits, text_strings

_ELEMENT = re.compile(r"<(script|style)\b[^<>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
REASON = "inside a web page's script or style element"


def script_elements(work: str) -> list[tuple[int, int]]:
    """The [start, end) spans of the script and style elements of `work`, whole."""
    if work.find("<script") < 0 and work.find("<style") < 0 and work.find("<SCRIPT") < 0:
        return []  # most plans
    return [m.span() for m in _ELEMENT.finditer(work) if m.group(2).strip()]


def code_elements(work: str) -> list[tuple[int, int]]:
    """script_elements without the scripts that hold text (script_strings.py)."""
    return [span for span in script_elements(work) if not _text_scripts(work).get(span)]


@lru_cache(maxsize=2)
def _text_scripts(work: str) -> dict[tuple[int, int], list]:
    """{element span: its text strings} of the elements whose strings hold an article."""
    found = {}
    for a, b in script_elements(work):
        strings = text_strings(work, a, b)
        if strings:
            found[(a, b)] = strings
    return found


def has_script_text(work: str) -> bool:
    """Whether a script of the page holds its article (a single-page app's source)."""
    return bool(script_elements(work)) and bool(_text_scripts(work))


def script_text_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as}) of the scripts
    holding text: their code goes, their strings read as text."""
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    for (a, b), strings in _text_scripts(work).items():
        s, r = string_edits(work, a, b, strings)
        spans.extend(s)
        replaced.update(r)
    return sorted(spans), replaced


def text_scripts(work: str) -> list[list]:
    """The text strings (script_strings.ScriptString) of each script holding text."""
    return list(_text_scripts(work).values())


def script_lines(work: str) -> list[tuple[int, int]]:
    """code_elements cut into lines (line ends excluded), as the views drop debris."""
    spans = []
    for a, b in code_elements(work):
        pos = a
        while pos < b:
            end = work.find("\n", pos, b)
            end = b if end < 0 else end
            if end > pos:
                spans.append((pos, end))
            pos = end + 1
    return spans
