"""HTML tables inside a script's strings (a single-page app's article, script_strings.py):
read by the HTML reader from the strings' text, every span mapped back to the raw
escapes it came from."""

from __future__ import annotations

from analysis.extraction.grid import Grid
from analysis.extraction.table_readers import read_html_mapped
from analysis.script_elements import text_scripts


def read_script_tables(raw: str) -> list[Grid]:
    """The tables in the text strings of the page's scripts."""
    if raw.find("<script") < 0 and raw.find("<SCRIPT") < 0:
        return []  # most plans
    grids = []
    for strings in text_scripts(raw):
        for s in strings:
            if "<table" not in s.text and "<TABLE" not in s.text:
                continue
            grids += read_html_mapped(s.text, s.raw_span)
    return grids
