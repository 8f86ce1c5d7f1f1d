"""A plan saved as a source format: a word processor's or typesetter's (RTF, LaTeX,
reStructuredText, AsciiDoc), an e-mail's raw source, an OCR engine's hOCR or word TSV, an SQL dump,
a single-page app's page source (its article in a script's strings), a crawler's JSON, a PDF
extraction's glyph codes ((cid:N)), a text browser's dump with numbered links, a unified diff or
Markdown with footnotes: which one a text is, the edits that make its views read as
text, and its markup's spans for the ledger.
"""

from __future__ import annotations

from analysis import (
    asciidoc_source,
    bbcode,
    escaped_html,
    hocr_source,
    json_text,
    latex_source,
    link_numbers,
    markdown_footnotes,
    mime_message,
    ocr_boxes,
    pdf_glyphs,
    rst_source,
    rtf_markup,
    script_elements,
    script_strings,
    sql_statements,
    tesseract_tsv,
    tracked_changes,
    unified_diff,
)
from analysis.markup_lines import merged_spans

# the formats whose markup the views leave out, tried in this order (a message's parts
# may hold any of the others): (the test, the edits, why the ledger's numbers there are
# no values)
_FORMATS = (
    (mime_message.is_mime, mime_message.mime_edits, mime_message.REASON),
    (rtf_markup.is_rtf, rtf_markup.rtf_edits, rtf_markup.REASON),
    (latex_source.is_latex, latex_source.latex_source_edits, latex_source.REASON),
    (rst_source.is_rst, rst_source.rst_source_edits, rst_source.REASON),
    (asciidoc_source.is_asciidoc, asciidoc_source.asciidoc_edits, asciidoc_source.REASON),
    (hocr_source.is_hocr, hocr_source.hocr_edits, hocr_source.REASON),
    (ocr_boxes.is_ocr_listing, ocr_boxes.ocr_edits, ocr_boxes.REASON),
    (tesseract_tsv.is_tesseract_tsv, tesseract_tsv.tsv_edits, tesseract_tsv.REASON),
    # a dump's comments and DDL are no text to read
    (sql_statements.is_sql, lambda w: (sql_statements.syntax_spans(w), {}), sql_statements.REASON),
    # a single-page app's source: the article in its script's strings
    (
        script_elements.has_script_text,
        script_elements.script_text_edits,
        script_strings.REASON,
    ),
    # a crawler's JSON (Lines): the article in its string fields
    (json_text.is_json_text, json_text.json_text_edits, json_text.REASON),
    # a forum thread's BBCode source: [b], [color=…], [table][tr][td]
    (bbcode.is_bbcode, bbcode.bbcode_edits, bbcode.REASON),
    # a feed's items (RSS, Atom) with their bodies as escaped HTML (&lt;p&gt;)
    (escaped_html.is_escaped_html, escaped_html.escaped_html_edits, escaped_html.REASON),
    # a text browser's dump: link numbers "[19]" and the References list
    (link_numbers.is_link_dump, link_numbers.link_edits, link_numbers.REASON),
    # pdfminer's "(cid:1968)" for a glyph with no Unicode: the character it reads as
    (pdf_glyphs.has_glyph_codes, pdf_glyphs.glyph_edits, pdf_glyphs.REASON),
)
# the last text read and what was found: the views (normalise) and the ledger ask for the
# same text's markup one after the other, and a source's edits are a parse of all of it
_last: list = [None, None]


def _read(work: str):
    """((spans, {start: text}), reason) of the first format the text is in, or None."""
    if _last[0] is not None and (_last[0] is work or _last[0] == work):
        return _last[1]
    found = next(((edits(work), why) for test, edits, why in _FORMATS if test(work)), None)
    _last[:] = [work, found]
    return found


def source_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]] | None:
    """(spans the views leave out, {span start: the text it reads as}), or None for text."""
    found = _read(work)
    if found is not None:
        return found[0]
    if markdown_footnotes.has_footnotes(work):
        return markdown_footnotes.footnote_spans(work), {}
    return None


def markup_spans(work: str) -> tuple[list[tuple[int, int]], str]:
    """The sorted, apart spans of the source's markup and why their numbers are no values."""
    found = _read(work)
    if found is not None:
        return merged_spans(found[0][0]), found[1]
    if unified_diff.is_diff(work):
        return unified_diff.diff_parts(work)[2], unified_diff.REASON
    if markdown_footnotes.has_footnotes(work):
        return markdown_footnotes.footnote_spans(work), markdown_footnotes.REASON
    marks = tracked_changes.pandoc_mark_spans(work)
    if marks:
        return marks, tracked_changes.MARK_REASON
    return [], ""
