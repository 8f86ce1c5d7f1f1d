"""Which stated percentages no observation accounts for (a check on extraction recall)."""

from __future__ import annotations

import re

from analysis.errors import line_of
from analysis.normalise import CleanText
from analysis.observations import Observation

PERCENT = re.compile(r"\d+(?:\.\d+)?\s*%")


def unaccounted_percentages(
    source_id: str,
    clean: CleanText,
    observations: list[Observation],
    table_spans: list[tuple[int, int]],
    ignored: list[tuple[int, int]],
) -> list[dict]:
    """Every "N%" in the prose whose raw span lies in no observation, table or ignore span."""
    covered = sorted(
        [(o.char_start, o.char_end) for o in observations] + list(table_spans) + list(ignored)
    )
    view = clean.paragraphs
    out = []
    for m in PERCENT.finditer(view.text):
        start, end = view.raw_span(m.start(), m.end())
        if any(a <= start and end <= b for a, b in covered):
            continue
        context = view.text[max(0, m.start() - 30) : m.end() + 10]
        out.append(
            {
                "source_id": source_id,
                "char_start": start,
                "char_end": end,
                "line": line_of(clean.raw, start),
                "quote": clean.raw[start:end],
                "context": context,
            }
        )
    return out
