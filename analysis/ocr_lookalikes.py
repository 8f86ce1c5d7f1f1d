"""Characters an OCR engine misreads as their look-alikes, put right where the context
shows it: a letter inside a number ("9l.2" is 91.2, "1O0" is 100), and a Chinese
character one stroke off that breaks a phrase the codebook knows ("毛人园率" is 毛入园率,
"巩同率" is 巩固率): the look-alike is taken only when it makes a known phrase that the
text as read does not.
"""

from __future__ import annotations

import re

from analysis.pdf_glyphs import lexicon

# a letter between digits (or a digit and a decimal point): l, I, | read for 1; O, o for 0
_LETTER_IN_NUMBER = re.compile(r"(?<=[\d.])[lI|Oo](?=[\d.%])")
_DIGIT_FOR = {"l": "1", "I": "1", "|": "1", "O": "0", "o": "0"}
# a character and the ones OCR takes it for (both ways)
_CONFUSED = {
    "人": "入",
    "入": "人",
    "同": "固",
    "固": "同",
    "己": "已",
    "已": "己",
    "末": "未",
    "未": "末",
    "士": "土",
    "土": "士",
    "曰": "日",
    "日": "曰",
}
# how much of the text on each side makes the phrase
_REACH = 3


def lookalike_edits(text: str, base: int = 0) -> dict[int, str]:
    """{offset (plus `base`): the character read there instead} for `text`."""
    out = {}
    if any(c in text for c in "lI|Oo"):
        for m in _LETTER_IN_NUMBER.finditer(text):
            out[base + m.start()] = _DIGIT_FOR[m.group()]
    words = lexicon()
    for k, ch in enumerate(text):
        other = _CONFUSED.get(ch)
        if other is None:
            continue
        lo, hi = max(0, k - _REACH), min(len(text), k + _REACH + 1)
        as_read, fixed = text[lo:hi], text[lo:k] + other + text[k + 1 : hi]
        if _known(fixed, k - lo, words) and not _known(as_read, k - lo, words):
            out[base + k] = other
    return out


def _known(window: str, at: int, words: str) -> bool:
    """Whether a phrase of three characters or more through position `at` of `window` is
    in the codebook's phrases."""
    for a in range(0, at + 1):
        for b in range(max(at + 1, a + 3), len(window) + 1):
            if window[a:b] in words:
                return True
    return False
