"""HTML tables kept entity-escaped in a feed's or an export's field (escaped_html.py): read
by the HTML reader from the unescaped text, every span mapped back to the raw escapes."""

from __future__ import annotations

from analysis.escaped_html import is_escaped_html, unescaped
from analysis.extraction.grid import Grid
from analysis.extraction.table_readers import read_html_mapped


def read_escaped_tables(raw: str) -> list[Grid]:
    """The tables of the text's escaped HTML."""
    if (raw.find("&lt;table") < 0 and raw.find("&lt;TABLE") < 0) or not is_escaped_html(raw):
        return []  # most plans
    read = unescaped(raw)
    return read_html_mapped(read.text, read.raw_span)
