"""HTML tables inside an encoded part of a MIME message (a web page saved as MHTML, an
e-mail's HTML body in quoted-printable or base64): read by the HTML reader from the
part's decoded text, every span mapped back to the raw escapes it came from."""

from __future__ import annotations

from analysis.extraction.grid import Grid
from analysis.extraction.table_readers import read_html_mapped
from analysis.mime_message import decoded_parts


def read_mime_tables(raw: str) -> list[Grid]:
    """The tables of the message's encoded HTML parts."""
    grids = []
    for text, starts, ends in decoded_parts(raw):
        if "<table" not in text and "<TABLE" not in text:
            continue

        def span(a: int, b: int, starts=starts, ends=ends) -> tuple[int, int]:
            return (starts[a], ends[b - 1]) if a < b else (starts[a], starts[a])

        grids += read_html_mapped(text, span)
    return grids
