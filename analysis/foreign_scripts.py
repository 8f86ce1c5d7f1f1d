"""Text in another script beside the Chinese: a bilingual plan of an autonomous region prints
each paragraph in Chinese and again in Uyghur, Kazakh (Arabic script), Mongolian, Tibetan,
Yi, Korean or Russian, with the same Western digits ("（汉维文对照，以汉文为准）").

The Chinese is the text read. A line with no Chinese character and a letter of such a script
is dropped from the views whole; inside a Chinese line (a bilingual caption or cell, "表1
主要指标 1-جەدۋەل ئاساسلىق كۆرسەتكۈچلەر"), each run of that script, with the digits and
marks inside and before it ("2020-يىلى", "%96.2"), is dropped. Their numbers are ledgered as
a translation's. Latin script is left alone: English translations are translated_cells' and
an English word inside Chinese prose (GDP, 5G) is part of it.
"""

from __future__ import annotations

import re

LETTERS = (
    # (not their digits: "第٣章" is a chapter number in Arabic-Indic digits)
    "\u0600-\u065f\u066a-\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff"
    "\ufe70-\ufeff"  # Arabic script
    "\u1800-\u180f\u181a-\u18af"  # Mongolian
    "\u0f00-\u0f1f\u0f2a-\u0fff"  # Tibetan
    "\ua000-\ua4cf"  # Yi
    "\u0400-\u04ff"  # Cyrillic
    "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"  # Hangul (a Korean autonomous area's plan)
)
_LETTER = re.compile(f"[{LETTERS}]")
_HAN = re.compile("[\u4e00-\u9fff]")
# a run of the script: digits and marks right before it (a space apart at most: "2020 жыл"),
# then letters with the spaces,
# digits and punctuation between them, up to its last letter or closing mark
_RUN = re.compile(
    rf"(?:[\d.,%\-]+[ \t\u3000]?)?[{LETTERS}]"
    rf"(?:[{LETTERS}\d.,%\-،؛؟«»():!\[\]\s]*[{LETTERS}.!،؛؟»)])?"
)
REASON = "a translation into another script (Uyghur, Mongolian, Korean …) of the Chinese"


def foreign_script_spans(work: str) -> list[tuple[int, int]]:
    """Raw spans of `work` (line ends "\\n") in another script, sorted (see the module's text)."""
    if _LETTER.search(work) is None:
        return []
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _LETTER.search(work, pos)
        if m is None:
            return spans
        start = work.rfind("\n", 0, m.start()) + 1
        end = work.find("\n", m.start())
        end = len(work) if end < 0 else end
        if _HAN.search(work, start, end) is None:
            spans.append((start, end))
        else:
            spans.extend(r.span() for r in _RUN.finditer(work, start, end) if "\n" not in r.group())
        pos = end
