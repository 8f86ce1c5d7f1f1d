"""Footnotes of a Markdown text (pandoc, GitHub, Hugo): "91.4%[^2]" and, at the end,
"[^2]: 全省同期为90.6%。".

The views leave out each reference, so the value reads bare ("91.4%，较2015年提高8.9个百分点"
binds as the sentence does without it), and each definition with its indented
continuation lines: a footnote's text annotates a value (a source, a part, the
province's figure) and states none of the plan's own, as a LaTeX or reStructuredText
footnote does. The ledger says its numbers are a footnote's."""

from __future__ import annotations

import re

from analysis.markup_lines import merged_spans, with_bare_line_ends

REASON = "a Markdown footnote's mark or text"

_DEFINITION = re.compile(r"^\[\^[\w-]{1,30}\]:[^\n]*(?:\n(?:[ \t]{2,}|\t)[^\n]*)*", re.M)
_REFERENCE = re.compile(r"\[\^[\w-]{1,30}\](?!:)")


def has_footnotes(work: str) -> bool:
    return "[^" in work and _DEFINITION.search(work) is not None


def footnote_spans(work: str) -> list[tuple[int, int]]:
    """The sorted, apart raw spans of the references and the definitions."""
    definitions = [m.span() for m in _DEFINITION.finditer(work)]
    spans = list(definitions)
    for m in _REFERENCE.finditer(work):
        if not any(a <= m.start() < b for a, b in definitions):
            spans.append(m.span())
    return merged_spans(with_bare_line_ends(work, sorted(spans), {}))
