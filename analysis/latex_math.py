"""LaTeX math left by PDF-to-Markdown converters (MinerU, Mathpix): "$9 0 . 4 \\%$",
"$\\geqslant 95$", "\\(\\leq\\) 45人", "$1 . 0 6 \\times 1 0 ^ { 4 }$ 名".

Inside a math span (between "$…$" or "\\(…\\)", holding a digit or a command, and only
digits, signs, braces and commands) the delimiters, the spaces and the backslash of "\\%" are
dropped, a comparator command reads as its sign (≥, ≤, <, >, ~) and "\\times 10^{4}" as the
scale word it is (万; 10^3 千, 10^8 亿). What is left is the number as a plan writes it,
each character still mapped to its raw offset; a replaced command maps to its first raw
character.
"""

from __future__ import annotations

import re

_MATH = re.compile(r"\$([^$\n]{1,120})\$|\\\(([^\n]{1,120}?)\\\)")
# what math of a number holds: digits, signs, braces and commands (no words, no Chinese)
_MATH_BODY = re.compile(r"(?:\\[A-Za-z]+|\\.|[\d\s.,%{}^_+\-−~≥≤<>=()|])+")
_SIGNS = {
    "geqslant": "≥",
    "geq": "≥",
    "ge": "≥",
    "leqslant": "≤",
    "leq": "≤",
    "le": "≤",
    "lt": "<",
    "gt": ">",
    "sim": "~",
    "approx": "约",
}
_SCALES = {3: "千", 4: "万", 5: "十万", 6: "百万", 7: "千万", 8: "亿"}
# a command, longest names first ("\geqslant" before "\ge"); "\times 10^{4}" as a scale
_COMMAND = re.compile(
    r"\\times\s*1\s*0\s*\^\s*\{?\s*(\d)\s*\}?"
    r"|\\(" + "|".join(sorted(_SIGNS, key=len, reverse=True)) + r")(?![A-Za-z])"
    r"|\\(?:mathrm|text|textrm|mathbf|rm)\s*\{|\\[,;:! ]|\\(?=%)"
)


def latex_edits(work: str, start: int, stop: int) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(spans to drop, {span start: text it reads as}) of the math in work[start:stop]."""
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    for m in _MATH.finditer(work, start, stop):
        inner = 1 if m.group(1) is not None else 2
        body = m.group(inner)
        if not _MATH_BODY.fullmatch(body) or not (any(c.isdigit() for c in body) or "\\" in body):
            continue  # "$" used as money or as a plain character: no math
        a, b = m.span(inner)
        spans.append((m.start(), a))  # "$" or "\("
        spans.append((b, m.end()))  # "$" or "\)"
        pos = a
        for c in _COMMAND.finditer(work, a, b):
            if c.group(1) and int(c.group(1)) not in _SCALES:
                continue  # "\times 10^{2}": no scale word; left as written
            spans.extend((i, i + 1) for i in range(pos, c.start()) if work[i] in " }{")
            spans.append(c.span())
            if c.group(1):
                replaced[c.start()] = _SCALES[int(c.group(1))]
            elif c.group(2):
                replaced[c.start()] = _SIGNS[c.group(2)]
            pos = c.end()
        spans.extend((i, i + 1) for i in range(pos, b) if work[i] in " }{")
    return spans, replaced


def latex_text(text: str) -> str:
    """The text with its math read as above (for a cell's text, whose spans are its own)."""
    spans, replaced = latex_edits(text, 0, len(text))
    if not spans:
        return text
    out, pos = [], 0
    for a, b in sorted(spans):
        if a > pos:
            out.append(text[pos:a])
        if a >= pos:
            out.append(replaced.get(a, ""))
        pos = max(pos, b)
    out.append(text[pos:])
    return "".join(out)
