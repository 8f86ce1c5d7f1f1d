"""A plan saved as a source format: a word processor's or typesetter's (RTF, LaTeX,
reStructuredText, AsciiDoc), an e-mail's raw source, an OCR engine's hOCR, an SQL dump, a
unified diff or Markdown with footnotes: which one a text is, the edits that make its
views read as text, and its markup's spans for the ledger."""

from __future__ import annotations

from analysis import (
    asciidoc_source,
    hocr_source,
    latex_source,
    markdown_footnotes,
    mime_message,
    rst_source,
    rtf_markup,
    sql_statements,
    unified_diff,
)


def _format(work: str):
    if mime_message.is_mime(work):  # (a message's parts may hold any of the others)
        return mime_message
    if rtf_markup.is_rtf(work):
        return rtf_markup
    if latex_source.is_latex(work):
        return latex_source
    if rst_source.is_rst(work):
        return rst_source
    if asciidoc_source.is_asciidoc(work):
        return asciidoc_source
    if hocr_source.is_hocr(work):
        return hocr_source
    return None


def source_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]] | None:
    """(spans the views leave out, {span start: the text it reads as}), or None for text."""
    fmt = _format(work)
    if fmt is mime_message:
        return mime_message.mime_edits(work)
    if fmt is rtf_markup:
        return rtf_markup.rtf_edits(work)
    if fmt is latex_source:
        return latex_source.latex_source_edits(work)
    if fmt is rst_source:
        return rst_source.rst_source_edits(work)
    if fmt is asciidoc_source:
        return asciidoc_source.asciidoc_edits(work)
    if fmt is hocr_source:
        return hocr_source.hocr_edits(work)
    if sql_statements.is_sql(work):  # a dump's comments and DDL are no text to read
        return sql_statements.syntax_spans(work), {}
    if markdown_footnotes.has_footnotes(work):
        return markdown_footnotes.footnote_spans(work), {}
    return None


def markup_spans(work: str) -> tuple[list[tuple[int, int]], str]:
    """The sorted, apart spans of the source's markup and why their numbers are no values."""
    fmt = _format(work)
    if fmt is None and sql_statements.is_sql(work):
        return sql_statements.syntax_spans(work), sql_statements.REASON
    if fmt is None and unified_diff.is_diff(work):
        return unified_diff.diff_parts(work)[2], unified_diff.REASON
    if fmt is None and markdown_footnotes.has_footnotes(work):
        return markdown_footnotes.footnote_spans(work), markdown_footnotes.REASON
    return ([], "") if fmt is None else (fmt.control_spans(work), fmt.REASON)
