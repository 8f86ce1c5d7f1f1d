"""Find raw character spans of a text, for writing corrections by hand."""

from __future__ import annotations

from pathlib import Path

from analysis.errors import InputError, line_of
from analysis.sources import load_sources, read_raw


def locate(registry: Path, source_id: str, text: str) -> list[tuple[int, int, int]]:
    sources = {s.source_id: s for s in load_sources(registry)}
    if source_id not in sources:
        raise InputError(registry, f"unknown source_id {source_id!r}; known: {sorted(sources)}")
    raw = read_raw(sources[source_id])
    out, at = [], raw.find(text)
    while at >= 0:
        out.append((at, at + len(text), line_of(raw, at)))
        at = raw.find(text, at + 1)
    return out
