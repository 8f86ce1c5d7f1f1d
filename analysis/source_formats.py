"""A plan saved as a word processor's or typesetter's source (RTF, LaTeX): which one a text
is, the edits that make its views read as text, and its markup's spans for the ledger."""

from __future__ import annotations

from analysis import latex_source, rtf_markup


def _format(work: str):
    if rtf_markup.is_rtf(work):
        return rtf_markup
    if latex_source.is_latex(work):
        return latex_source
    return None


def source_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]] | None:
    """(spans the views leave out, {span start: the text it reads as}), or None for text."""
    fmt = _format(work)
    if fmt is rtf_markup:
        return rtf_markup.rtf_edits(work)
    if fmt is latex_source:
        return latex_source.latex_source_edits(work)
    return None


def markup_spans(work: str) -> tuple[list[tuple[int, int]], str]:
    """The sorted, apart spans of the source's markup and why their numbers are no values."""
    fmt = _format(work)
    return ([], "") if fmt is None else (fmt.control_spans(work), fmt.REASON)
