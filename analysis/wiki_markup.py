"""MediaWiki markup, as a wiki or 百科 page's source keeps it: links "[[学前教育|学前]]" and
"[[苇澜市]]", bold and italic quotes ('''…'''), headings "== 发展基础 ==", and web
addresses anywhere ("https://…/2021/1028/44.html").

The cleaned views keep a link's shown text and drop the rest, so that the bar inside a
link is no table's cell separator and "[[学前教育|学前]]三年毛入园率" reads 学前三年毛入园率; a
heading's "==" go and its line ends its paragraph, as a Markdown heading's does. A web
address is never prose: its digits are markup (the ledger says so). A footnote reference
after a value ("60%<sup>[6]</sup>以上", a wiki's <ref>…</ref>) is left out of the views in
any text, its digits labelled a footnote's. Wiki tables ({| … |})
are read by extraction/wiki_tables.py.
"""

from __future__ import annotations

import re

# [[target|shown]] or [[shown]]: the spans around the shown text
_LINK = re.compile(r"(\[\[(?:[^\[\]|\n]*\|)?)[^\[\]|\n]*(\]\])")
_EMPHASIS = re.compile(r"'{2,5}")
HEADING = re.compile(r"^(={2,6})[^\S\n]*[^=\n][^\n]*?[^\S\n]*(\1)[^\S\n]*$", re.MULTILINE)
URL = re.compile(r"(?:https?|ftp)://[^\s\]\[<>\"'，。；、）)]+")
# an e-mail address ("ycjyxc@163.com"): its digits are no number of the text
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_WIKI_TABLE = re.compile(r"^\{\|", re.MULTILINE)
# a footnote reference: a <sup> holding only its number ("<sup>[3]</sup>", "<sup>2</sup>"),
# a wiki <ref>…</ref> or <ref name="x" />
REFERENCE = re.compile(
    r"<sup\b[^<>\n]*>\s*[\[［(（]?\s*(?:注\s*)?\d{1,3}\s*[\]］)）]?\s*</sup\s*>"
    r"|<ref\b[^<>\n]*/>|<ref\b[^<>\n]*>[^\n]*?</ref\s*>",
    re.IGNORECASE,
)
FOOTNOTE_REASON = "a footnote reference (<sup>[3]</sup>, <ref>)"


def is_wiki(work: str) -> bool:
    """A text in MediaWiki markup: a link, or a wiki table, and a heading or bold."""
    if work.find("[[") < 0 and work.find("{|") < 0:
        return False  # most plans: one C scan each
    marked = _LINK.search(work) is not None or _WIKI_TABLE.search(work) is not None
    return marked and (HEADING.search(work) is not None or "'''" in work)


def wiki_spans(work: str, start: int, stop: int) -> tuple[list, list]:
    """The markup spans of a wiki text's work[start:stop] for the views to drop, and the
    raw line end of each heading line (it ends its paragraph)."""
    spans: list[tuple[int, int]] = []
    for m in _LINK.finditer(work, start, stop):
        spans += [m.span(1), m.span(2)]
    spans += [m.span() for m in _EMPHASIS.finditer(work, start, stop)]
    ends = []
    for m in HEADING.finditer(work, start, stop):
        spans += [(m.start(1), m.end(1)), (m.start(2), m.end())]
        ends.append(m.end())
    return spans, ends


def reference_spans(work: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The footnote references in work[start:stop] (REFERENCE): not part of the sentence,
    so that "60%<sup>[6]</sup>以上" reads 60%以上."""
    if work.find("<sup", start, stop) < 0 and work.find("<ref", start, stop) < 0:
        return []
    return [m.span() for m in REFERENCE.finditer(work, start, stop)]


def shown_text(text: str) -> str:
    """Wiki text as the page shows it: a link's shown text, no bold or italic quotes."""
    text = _LINK.sub(lambda m: m.group()[len(m.group(1)) : -2], text)
    return _EMPHASIS.sub("", text)


def url_spans(work: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The web and e-mail addresses in work[start:stop]."""
    spans = []
    if work.find("://", start, stop) >= 0:
        spans.extend(m.span() for m in URL.finditer(work, start, stop))
    if work.find("@", start, stop) >= 0:
        spans.extend(m.span() for m in EMAIL.finditer(work, start, stop))
    return spans
