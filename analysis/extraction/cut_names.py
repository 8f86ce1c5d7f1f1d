"""A table name cut by a line break: does its rest complete the name?"""

from __future__ import annotations

from analysis.codebook import AliasMatcher


def completes_a_cut_phrase(matcher: AliasMatcher, head: str, rest: str) -> bool:
    """A codebook phrase of `head + rest` starts in `head` and ends in `rest`: the rest
    finishes a phrase the break cut ("义务教育专任教师本" + "科以上学历比例"), even when
    the head alone names another indicator (专任教师, the teachers' count)."""
    cut = len(head)
    return any(m.start < cut < m.end for m in matcher.find(head + rest))
