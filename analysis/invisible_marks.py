"""Characters a web page leaves inside words and numbers that a reader does not see: their
raw spans, dropped from the views like markup.

- format characters: zero-width space, joiners, word joiner, a BOM inside the text, and the
  soft hyphen ("学前三年毛\\u200b入园率", "13\\u200b6所", "86.\\u00ad2%");
- the thin, narrow no-break and no-break spaces a page uses as digit-group separators
  ("4\\u2009826人", "12\\u00a0480人", "68\\u00a0420" in a cell): inside a number of 1-3 digits
  followed by groups of exactly three, not after a decimal point ("93.5\\u00a0100" stays two
  numbers).
"""

from __future__ import annotations

import re

_FORMAT_CHARACTERS = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_GROUP_SEPARATOR = "[\u00a0\u2009\u202f]"
_GROUPED_NUMBER = re.compile(
    rf"(?<![\d.,．，])\d{{1,3}}(?:{_GROUP_SEPARATOR}\d{{3}})+(?![\d.．]?\d)"
)
_SEPARATOR = re.compile(_GROUP_SEPARATOR)


def invisible_spans(work: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Raw spans in work[start:stop] of the characters to drop (see the module's text)."""
    spans = [m.span() for m in _FORMAT_CHARACTERS.finditer(work, start, stop)]
    if _SEPARATOR.search(work, start, stop):
        for m in _GROUPED_NUMBER.finditer(work, start, stop):
            spans.extend(s.span() for s in _SEPARATOR.finditer(work, m.start(), m.end()))
    return spans
