"""Text a web page keeps in its script: a single-page app's page source ("view source" of
a portal built with Vue or React) holds no article in its HTML, only `<div id="app">` and a
script whose state object carries the article as JSON strings
(`window.__INITIAL_STATE__={"article":{"title":"\\u6a28…","content":"<p>…<\\/p>\\n…"}}`).

A script holds text when one of its string literals reads as an article: at least
ARTICLE_HAN Chinese characters once its escapes are read, or a few in HTML (a table).
In such a script every string with Chinese in it is text (the title, the document
number, the body). A string reads with its escapes (\\uXXXX with surrogate pairs, \\n,
\\t, \\", \\/, \\\\, \\xXX) and without the HTML tags it holds, written plainly or
escaped ("\\u003cp\\u003e"); a tag that ends a block (</p>, <br>, </tr> …) reads as a
line end. The rest of the script (keys, ids, view counts, timestamps, code) is markup,
and so is every escape's own spelling. Each character read keeps its raw span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

REASON = "a web page script's code and data fields, or an escape's spelling (\\u6559)"
ARTICLE_HAN = 30
HAN = re.compile(r"[\u4e00-\u9fff]")
_ESCAPED_HAN = re.compile(r"\\u[4-9][0-9a-fA-F]{3}")
# a string literal, double- or single-quoted, on one line (a JSON or JavaScript string)
_STRING = re.compile(r""""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'""")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(.))", re.S)
_LOW_SURROGATE = re.compile(r"\\u([dD][c-fC-F][0-9a-fA-F]{2})")
_SIMPLE = {"n": "\n", "t": "\t", "r": "", "b": "", "f": "", "v": "", "0": ""}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]{0,300}>|<!--.*?-->", re.S)
# the elements whose end is a line end in the text read (also escaped HTML's, escaped_html.py)
BLOCK_TAGS = frozenset(
    "p br div tr table li ul ol h1 h2 h3 h4 h5 h6 section article blockquote pre hr".split()  # noqa: SIM905
)
_HTML_TEXT_TAGS = BLOCK_TAGS | {"td", "th", "span"}


@dataclass
class ScriptString:
    """One string literal read: its text and, per character, the raw span it came from."""

    start: int  # raw span of the literal's content (quotes excluded)
    end: int
    text: str
    starts: list[int]
    ends: list[int]
    escapes: list[tuple[int, int, str]]  # raw span of each escape and what it reads as

    def raw_span(self, i: int, j: int) -> tuple[int, int]:
        """The raw span of text[i:j]."""
        if i >= j:
            at = self.starts[i] if i < len(self.starts) else self.end
            return at, at
        return self.starts[i], self.ends[j - 1]


def read_string(raw: str, start: int, end: int) -> ScriptString:
    """The literal whose content is raw[start:end], its escapes read."""
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    escapes: list[tuple[int, int, str]] = []
    pos = start
    for m in _ESCAPE.finditer(raw, start, end):
        if m.start() < pos:
            continue  # the second half of a surrogate pair, read with the first
        for k in range(pos, m.start()):
            text.append(raw[k])
            starts.append(k)
            ends.append(k + 1)
        pos = m.end()
        if m.group(1) is not None:
            code = int(m.group(1), 16)
            low = _LOW_SURROGATE.match(raw, pos, end) if 0xD800 <= code <= 0xDBFF else None
            if low is not None:  # a surrogate pair: one character from both escapes
                code = 0x10000 + ((code - 0xD800) << 10) + int(low.group(1), 16) - 0xDC00
                pos = low.end()
            # half of a pair alone is no character (U+FFFD, as a decoder reads it)
            char = "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)
        elif m.group(2) is not None:
            char = chr(int(m.group(2), 16))
        else:
            char = _SIMPLE.get(m.group(3), m.group(3))
        escapes.append((m.start(), pos, char))
        for c in char:
            text.append(c)
            starts.append(m.start())
            ends.append(pos)
    for k in range(pos, end):
        text.append(raw[k])
        starts.append(k)
        ends.append(k + 1)
    return ScriptString(start, end, "".join(text), starts, ends, escapes)


def text_strings(raw: str, start: int, end: int) -> list[ScriptString]:
    """The strings of the script raw[start:end] that are text, if one of them is an
    article; else []."""
    if len(HAN.findall(raw, start, end)) < 4 and len(_ESCAPED_HAN.findall(raw, start, end)) < 4:
        return []  # (a cheap bound: no string can hold an article)
    found = []
    for m in _STRING.finditer(raw, start, end):
        group = 1 if m.group(1) is not None else 2
        s = read_string(raw, m.start(group), m.end(group))
        if HAN.search(s.text):
            found.append(s)
    if not any(_is_article(s.text) for s in found):
        return []
    return [s for s in found if len(HAN.findall(s.text)) >= 2]


def _is_article(text: str) -> bool:
    """Many Chinese characters, or a few in HTML (a string holding a table or paragraphs)."""
    han = len(HAN.findall(text))
    if han >= ARTICLE_HAN:
        return True
    return han >= 4 and any(
        m.group(2) and m.group(2).lower() in _HTML_TEXT_TAGS for m in _TAG.finditer(text)
    )


def string_edits(
    raw: str, start: int, end: int, strings: list[ScriptString]
) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as}) for the script
    raw[start:end] whose text is `strings`: everything around the strings goes and reads
    as a line end; inside them, escapes read as their characters and tags go."""
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    pos = start
    for s in strings:
        if s.start > pos:
            spans.append((pos, s.start))
            replaced[pos] = "\n"
        pos = s.end
        _inside(raw, s, spans, replaced)
    if end > pos:
        spans.append((pos, end))
        replaced[pos] = "\n"
    return spans, replaced


def _inside(raw: str, s: ScriptString, spans: list, replaced: dict) -> None:
    tags = [(m.start(), m.end(), m.group(2)) for m in _TAG.finditer(s.text)]
    for a, b, name in tags:
        span = s.raw_span(a, b)
        spans.append(span)
        if name and name.lower() in BLOCK_TAGS:
            replaced[span[0]] = "\n"
        elif name and name.lower() in ("td", "th") and s.text[a + 1] == "/":
            replaced[span[0]] = "\t"  # a cell's end: cells stay apart
    # the escapes outside tags: what they read as
    raw_tags = [s.raw_span(a, b) for a, b, _ in tags]
    tag_starts = [a for a, _ in raw_tags]
    for a, b, char in s.escapes:
        k = bisect_right(tag_starts, a) - 1
        if k >= 0 and raw_tags[k][0] <= a < raw_tags[k][1]:
            continue
        spans.append((a, b))
        replaced[a] = char
