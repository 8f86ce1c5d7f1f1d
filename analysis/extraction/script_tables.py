"""HTML tables inside a script's strings (a single-page app's article, script_strings.py):
read by the HTML reader from the strings' text, every span mapped back to the raw
escapes it came from."""

from __future__ import annotations

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.table_readers import read_html
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
            for g in read_html(s.text):
                start, end = s.raw_span(g.start, g.end)
                grid = Grid(g.reader, g.caption, start, end)
                grid.rows = [
                    [GridCell(c.text, *s.raw_span(c.start, c.end)) for c in row] for row in g.rows
                ]
                grid.labels = [(s.raw_span(*span), d, why) for span, d, why in g.labels]
                grids.append(grid)
    return grids
