"""Spans of a source format's markup: merged, searched, and the lines they take whole.

Lines a source format's markup takes whole ("\\trowd\\trgaph108\\cellx3600" in RTF,
"\\toprule" in LaTeX): their line ends go with them, so that a table's rows stay together
and no empty line splits the text where the document has none."""

from __future__ import annotations

from bisect import bisect_right


def with_bare_line_ends(work, spans, replaced) -> list[tuple[int, int]]:
    """The spans, with the line end of each line they take whole (and read as nothing)."""
    spans.sort()
    out = list(spans)
    i, n = 0, len(spans)
    line_start = 0
    while line_start < len(work):
        line_end = work.find("\n", line_start)
        line_end = len(work) if line_end < 0 else line_end
        covered = line_start
        while i < n and spans[i][0] < line_end:
            a, b = spans[i]
            if a > covered and work[covered:a].strip():
                break
            if replaced.get(a, "").strip("\n") or replaced.get(a) == "\n":
                covered = -1
                break
            covered = max(covered, b)
            i += 1
        if covered >= line_end and line_end < len(work) and line_end > line_start:
            out.append((line_end, line_end + 1))
        while i < n and spans[i][0] < line_end:
            i += 1
        line_start = line_end + 1
    return sorted(out)


def merged_spans(spans) -> list[tuple[int, int]]:
    """The spans sorted, overlapping and touching ones joined."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def inside(sorted_spans: list[tuple[int, int]], at: int) -> bool:
    """Whether a span of the sorted, apart `sorted_spans` holds position `at`."""
    k = bisect_right(sorted_spans, (at, len(sorted_spans) + 1 << 40)) - 1
    return k >= 0 and sorted_spans[k][0] <= at < sorted_spans[k][1]
