"""HTML kept entity-escaped inside XML, as an RSS or Atom feed carries a news item's body
(`<description>&lt;p&gt;到2025年…&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;90.8&lt;/td&gt;…`)
or a CMS export its article field.

The escaped tags are markup like tags: one that ends a block reads as a line end, a cell's
end as a tab, the rest as nothing; an entity escaped twice (`&amp;nbsp;`, `&amp;ge;`) reads
as its character. Every other character keeps its raw span. Tables are read from the text
once unescaped (`unescaped`), their spans mapped back to the raw escapes.
"""

from __future__ import annotations

import html
import re

from analysis.script_strings import BLOCK_TAGS, ScriptString

REASON = "an escaped HTML tag inside a feed's or an export's field (&lt;td&gt;)"
# an escaped tag: "&lt;p&gt;", "&lt;/td&gt;", "&lt;table border=&quot;1&quot;&gt;"
_TAG = re.compile(r"&lt;(/?)([A-Za-z][A-Za-z0-9]*)\b(?:[^&<>\n]|&(?!gt;))*?(/?)&gt;")
_CELLS = frozenset(("td", "th"))
# an entity escaped twice: "&amp;nbsp;", "&amp;ge;", "&amp;#8805;"
_TWICE = re.compile(r"&amp;([A-Za-z]{2,8}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});")
# a text with escaped tags enough to hold a body (not one "&lt;" in a sentence)
_MIN_TAGS = 3
# the entities one unescaping reads, for the tables' text
_ONCE = re.compile(r"&(lt|gt|amp|quot|apos|#39);")
_ONCE_CHARS = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'", "#39": "'"}


def is_escaped_html(work: str) -> bool:
    """A text holding escaped HTML: three or more escaped tags of HTML's own elements."""
    if work.find("&lt;") < 0:
        return False
    count = 0
    for m in _TAG.finditer(work):
        if m.group(2).lower() in BLOCK_TAGS or m.group(2).lower() in _CELLS:
            count += 1
            if count >= _MIN_TAGS:
                return True
    return False


def escaped_html_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as}): the escaped
    tags, and the entities escaped twice."""
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    for m in _TAG.finditer(work):
        spans.append(m.span())
        name = m.group(2).lower()
        if name in BLOCK_TAGS:
            replaced[m.start()] = "\n"
        elif name in _CELLS and m.group(1):
            replaced[m.start()] = "\t"  # a cell's end: cells stay apart
        else:  # (not "<": the views read an entity as its character otherwise)
            replaced[m.start()] = ""
    for m in _TWICE.finditer(work):
        spans.append(m.span())
        char = html.unescape(f"&{m.group(1)};")
        replaced[m.start()] = " " if char == "\xa0" else char
    return spans, replaced


def unescaped(work: str) -> ScriptString:
    """The text with one level of escapes read ("&lt;" is "<"), each character with its
    raw span (as a script's string literal keeps them)."""
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _ONCE.finditer(work):
        for k in range(pos, m.start()):
            text.append(work[k])
            starts.append(k)
            ends.append(k + 1)
        text.append(_ONCE_CHARS[m.group(1)])
        starts.append(m.start())
        ends.append(m.end())
        pos = m.end()
    for k in range(pos, len(work)):
        text.append(work[k])
        starts.append(k)
        ends.append(k + 1)
    return ScriptString(0, len(work), "".join(text), starts, ends, [])
