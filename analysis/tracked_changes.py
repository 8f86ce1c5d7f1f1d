"""Tracked changes a draft keeps in its text: what was deleted goes, what was inserted stays.

A draft for comment (征求意见稿) may print its revisions inline: "[删除：93%]", "~~93%~~" or
<del>93%</del> for deleted text, "【修改为：95%】" or "[插入：95%]" for the text that
replaces it, "【批注1：…】" for a reviewer's comment; pandoc writes "[93%]{.deletion …}",
"[95%]{.insertion …}" and "[…]{.comment-start …}". The final text is what a reader
compares, so a deletion and a comment are dropped whole and, of an insertion, only its
marks. Every mark must close on its own line; a struck-out table cell is dropped like a
deleted word. A unified diff between two drafts is read the same way (unified_diff.py).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from analysis.comment_anchors import comment_anchor_spans
from analysis.unified_diff import REMOVED, diff_parts

_BRACKETS = {"[": "]", "【": "】", "〔": "〕", "［": "］", "{": "}", "(": ")", "（": "）"}
_DELETED = "删除|删去|删掉|已删除|原文|原为"
_INSERTED = "插入|已插入|新增|增加|添加|修改为|改为|替换为|修改后|更正为"
_COMMENT = r"(?:批注|审阅意见|修改意见|修改说明|修改理由|修订说明)[^\S\n]*\d{0,3}"


def _marks(words: str, group: str) -> str:
    """A bracketed mark opening on one of `words` and a colon, up to its closing bracket;
    its body is the group `group` and a bracket's number ("d1", "d2" ...)."""
    return "|".join(
        rf"{re.escape(o)}[^\S\n]*(?:{words})[^\S\n]*[:：][^\S\n]*(?P<{group}{n}>[^\n{re.escape(c)}]{{0,400}})"
        + re.escape(c)
        for n, (o, c) in enumerate(_BRACKETS.items())
    )


_DELETION = re.compile(
    "|".join(
        (
            _marks(_DELETED, "d"),
            _marks(_COMMENT, "c"),
            r"~~(?=[^\s~])[^\n~]{1,300}~~",
            r"～～(?=[^\s～])[^\n～]{1,300}～～",
            r"<(?P<tag>del|s|strike)(?:\s[^<>\n]{0,200})?>[^\n]{0,400}?</(?P=tag)>",
        )
    )
)
_INSERTION = re.compile(_marks(_INSERTED, "i"))
# pandoc's Markdown of a Word file with --track-changes=all: "[97.8%]{.deletion author=…}",
# "[98.2%]{.insertion …}", a comment "[text]{.comment-start id=…}" and its "[]{.comment-end}"
_PANDOC_SPAN = re.compile(
    r"\[(?P<body>[^\[\]\n]{0,400})\]\{\.(?P<kind>deletion|insertion|comment-start|comment-end)"
    r"(?:[^\S\n][^{}\n]{0,300})?\}"
)
# what a text must hold before the patterns are tried: literals and a pattern opening on a
# set of brackets, each searched for at C speed (an alternation is tried at every character)
_BRACKET_MARK = re.compile(
    rf"[{re.escape(''.join(_BRACKETS))}][^\S\n]*(?:{_DELETED}|{_INSERTED}|{_COMMENT})[^\S\n]*[:：]"
)
_HTML_STRIKE = re.compile(r"<(?:del|s|strike)\b")


MARK_REASON = "a tracked change's mark (its author, date or comment id)"


def pandoc_mark_spans(work: str) -> list[tuple[int, int]]:
    """The spans of pandoc's change marks around kept text: an insertion's brackets and
    attributes, a comment's end (the ledger's markup; deletions and comments are struck)."""
    if "]{." not in work:
        return []
    spans = []
    for m in _PANDOC_SPAN.finditer(work):
        if m.group("kind") == "insertion":
            spans.extend(((m.start(), m.start("body")), (m.end("body"), m.end())))
        elif m.group("kind") == "comment-end":
            spans.append(m.span())
    return spans


def _may_hold_marks(work: str) -> bool:
    return (
        "]{." in work
        or "~~" in work
        or "～～" in work
        or ("<" in work and _HTML_STRIKE.search(work) is not None)
        or _BRACKET_MARK.search(work) is not None
    )


class TrackedChanges(NamedTuple):
    drop: list[tuple[int, int]]  # raw spans the views leave out (deletions, comments, marks)
    struck: list[tuple[int, int, str]]  # deletions and comments: raw span and why


def tracked_changes(work: str) -> TrackedChanges:
    """The tracked-change marks of a whole text (see the module's text), sorted."""
    # a word processor's comment anchors and the comments listed at the end
    struck: list[tuple[int, int, str]] = comment_anchor_spans(work)
    drop: list[tuple[int, int]] = [(a, b) for a, b, _ in struck]
    removed, markers, headers = diff_parts(work)
    if removed or markers:
        struck = sorted(struck + [(a, b, REMOVED) for a, b in removed])
        drop = sorted(drop + removed + markers + headers)
    if not _may_hold_marks(work):
        return TrackedChanges(drop, struck)
    for m in _DELETION.finditer(work):
        comment = any(m.group(f"c{n}") is not None for n in range(len(_BRACKETS)))
        struck.append((*m.span(), "a reviewer's comment" if comment else "deleted text"))
        drop.append(m.span())
    if "]{." in work:
        for m in _PANDOC_SPAN.finditer(work):
            kind = m.group("kind")
            if kind == "insertion":
                drop.extend(((m.start(), m.start("body")), (m.end("body"), m.end())))
                continue
            if kind != "comment-end":
                why = "deleted text" if kind == "deletion" else "a reviewer's comment"
                struck.append((*m.span(), why))
            drop.append(m.span())
    taken = [(a, b) for a, b, _ in struck]
    for m in _INSERTION.finditer(work):
        if any(a <= m.start() < b for a, b in taken):
            continue
        body = next(f"i{n}" for n in range(len(_BRACKETS)) if m.group(f"i{n}") is not None)
        drop.extend(((m.start(), m.start(body)), (m.end(body), m.end())))
    drop.sort()
    return TrackedChanges(drop, sorted(struck))
