"""A word processor's comments saved with the text: an anchor after the commented words
("…达到97%[LM6]以上", "专任教师5,426人[A1]", "[批注3]") and, at the end, the comments
themselves, each on a line opening with its anchor ("[LM6] 刘敏：建议改为“97.5%以上”…").

The comments are reviewers' questions, checks and suggestions, not the plan's text: the
anchors and the comment lines are dropped from the views and their numbers ledgered as a
reviewer's comment (tracked_changes.py). An anchor counts only when its label also opens
a line (its comment), and only in a text with at least MIN_ANCHORS of them, so that a
bracketed reference ("[1]", "[A]") stays.
"""

from __future__ import annotations

import re

# "[A1]", "[ZJ2]", "［LM6］", "[批注3]": initials or 批注, then the comment's number
_ANCHOR = re.compile(r"[\[［]((?:[A-Za-z]{1,4}|批注)[^\S\n]?\d{1,3})[\]］]")
MIN_ANCHORS = 2
ANCHOR_REASON = "a reviewer's comment anchor"
COMMENT_REASON = "a reviewer's comment"


def comment_anchor_spans(work: str) -> list[tuple[int, int, str]]:
    """Raw spans (with why) of the comment anchors in the text and of the comment lines
    opening with them; none unless at least MIN_ANCHORS labels are anchored and listed."""
    if work.find("[") < 0 and work.find("［") < 0:
        return []
    inline: dict[str, list[tuple[int, int]]] = {}
    listed: dict[str, tuple[int, int]] = {}
    for m in _ANCHOR.finditer(work):
        label = m.group(1).replace(" ", "")
        line_start = work.rfind("\n", 0, m.start()) + 1
        if not work[line_start : m.start()].strip():
            end = work.find("\n", m.end())
            listed.setdefault(label, (m.start(), len(work) if end < 0 else end))
        else:
            inline.setdefault(label, []).append(m.span())
    both = [label for label in listed if label in inline]
    if len(both) < MIN_ANCHORS:
        return []
    spans = [(*listed[label], COMMENT_REASON) for label in both]
    spans += [(a, b, ANCHOR_REASON) for label in both for a, b in inline[label]]
    return sorted(spans)
