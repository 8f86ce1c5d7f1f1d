"""Emoji as a WeChat or web article uses them, made plain for the views (raw text untouched).

- a keycap digit numbers an item ("1️⃣ 学前教育", "🔟 …"): the digit stays and the keycap
  mark reads as "、" ("1、 学前教育"), so the line is a numbered item, never the number
  of a value beside it ("1️⃣ 12万个 新增学位");
- a pictograph opening a line is its bullet ("✅ 普惠性幼儿园覆盖率达到90%以上", "👶 在园幼儿…"):
  it reads as "•", the list bullet paragraph_breaks knows; a line of pictographs alone
  ("👇👇👇") is dropped;
- a pictograph that counts before a number is its word ("👍 8" 赞 8, "👁️ 126" 阅读 126);
- any other pictograph is decoration ("达标率 ⬆️ 95%", "老师更优秀💪") and is dropped with
  the space after it when a space is before it. Arrows between two values ("90.6% ➡️ 95%")
  are text (prose_phrases.ARROW) and stay;
- the marks that only shape an emoji (variation selectors, skin tones, tag characters) are
  dropped everywhere.

Ranges, not Unicode's Extended_Pictographic property (re has no \\p{}): the emoji blocks
above U+1F300, the Dingbats and Miscellaneous Symbols an article uses, the emoji arrows
⬅⬆⬇↗↘ and stars. Left out on purpose: ❶–➓ (item numbers), ✓✔✕✖✗ (a table's yes/no
cells), ①… and ⑴… (numbered lists), and the geometric bullets ■□◆◇▶ (paragraph_breaks).
"""

from __future__ import annotations

import re

# shaping marks: variation selectors (text/emoji style), skin tones, tags, ideographic
# variation selectors
_SHAPING = "\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\U000e0100-\U000e01ef"
# the characters below U+10000 an emoji may start or hold (a class of these alone compiles
# to a bitmap: a search is several times faster than with the astral ranges in it)
_BMP_PICTOGRAPHS = (
    "\u231a\u231b\u2328\u23cf\u23e9-\u23f3\u23f8-\u23fa"  # ⌚⌛⏰⏳ …
    "\u2197\u2198"  # ↗ ↘
    "\u2600-\u2712\u2718-\u2775\u2794-\u27bf"  # ☀…✅✨❤…➕➰ (not ✓✔✕✖✗, ❶–➓)
    "\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55"  # ⬅⬆⬇ ⬛⬜ ⭐ ⭕
)
BMP_CHARACTERS = _BMP_PICTOGRAPHS + "\ufe00-\ufe0f\u20e3"  # variation selectors, keycap mark
_PICTOGRAPHS = (
    _BMP_PICTOGRAPHS + "\U0001f004\U0001f0cf\U0001f18e\U0001f191-\U0001f19a\U0001f1e6-\U0001f1ff"
    "\U0001f201-\U0001f251\U0001f300-\U0001faff"
)
# the Dingbats arrows (➔ … ➾, ➡ among them): between a value and the value reached
# ("84.2%➝≥90%", prose_phrases.ARROW) they are text, kept mid-line
_ARROWS = frozenset(map(chr, [*range(0x2794, 0x27B0), *range(0x27B1, 0x27BF)]))
# one emoji: a pictograph and what shapes it, joined ones included ("👩‍🏫", "🏃‍♀️")
_EMOJI = rf"[{_PICTOGRAPHS}][{_SHAPING}]*(?:\u200d[{_PICTOGRAPHS}][{_SHAPING}]*)*"
_ANY = re.compile(rf"[{_PICTOGRAPHS}{_SHAPING}\u20e3]")
_EMOJI_RUN = re.compile(rf"(?:{_EMOJI})+")
# emoji opening a line, with the spaces between and after them
_LINE_RUN = re.compile(rf"(?:{_EMOJI}[^\S\n]*)+")
_SHAPING_MARK = re.compile(rf"[{_SHAPING}]+")
# a keycap: a digit, a variation selector perhaps, the enclosing keycap mark; 🔟 is ten
_KEYCAP = re.compile(r"(?<=[0-9#*])\ufe0f?\u20e3")
_KEYCAP_TEN = "\U0001f51f"
_ITEM_MARK = "、"
_SPACES = " \t\u3000"
# a pictograph that counts, before a number: read as its word ("👍 8" is 赞 8)
_COUNTERS = {"👍": "赞", "👁": "阅读", "💬": "评论", "❤": "赞", "⭐": "收藏", "🔁": "转发"}
_COUNT_AFTER = re.compile(r"[^\S\n]*\d")
_BLANK = re.compile(r"[^\S\n]*")


def pictograph_edits(
    work: str, start: int, stop: int
) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """Raw spans in work[start:stop] to drop from the views, and raw offsets whose span is
    replaced by a text (a keycap's "、", a bullet's "•", 🔟's "10、")."""
    if _ANY.search(work, start, stop) is None:
        return [], {}
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    covered = line_start = start  # the end of the last line-opening run; a line's start
    for m in _EMOJI_RUN.finditer(work, start, stop):
        a, b = m.span()
        if a < covered:
            continue
        # (searched from the last emoji on: linear however many emoji a long line holds)
        line_start = max(line_start, work.rfind("\n", line_start, a) + 1)
        if _BLANK.match(work, line_start, a).end() == a:
            b = covered = _LINE_RUN.match(work, a, stop).end()
            spans.append((a, b))
            if b < stop and work[b] != "\n":  # a bullet (🔟 a numbered item)
                replaced[a] = "10" + _ITEM_MARK if work[a] == _KEYCAP_TEN else "• "
            continue  # else a line of emoji alone: dropped
        if work[a] in _ARROWS:  # "90.6% ➡️ 95%": the arrow stays
            spans.extend(s.span() for s in _SHAPING_MARK.finditer(work, a, b))
            continue
        if work[a] == _KEYCAP_TEN:
            replaced[a] = "10" + _ITEM_MARK
        elif work[a] in _COUNTERS and _COUNT_AFTER.match(work, b):
            replaced[a] = _COUNTERS[work[a]]  # "👍 8": a page's count of likes
        elif work[a - 1] in _SPACES:  # "达标率 ⬆️ 95%": one space stays
            while b < stop and work[b] in _SPACES:
                b += 1
        spans.append((a, b))
    for m in _KEYCAP.finditer(work, start, stop):
        spans.append(m.span())
        replaced[m.start()] = _ITEM_MARK
    # stray shaping marks ("✔️"); overlaps with the spans above are harmless
    spans.extend(m.span() for m in _SHAPING_MARK.finditer(work, start, stop))
    return spans, replaced
