"""Every table in a text: each region is read by the first layout reader that claims it.

HTML first (its tags are unambiguous), then the line-based readers from the most
specific layout to the most general; every reader returns `Grid`s for one interpreter.
"""

from __future__ import annotations

import re

from analysis.extraction.chart_options import read_chart_options
from analysis.extraction.chart_text import read_chart_text
from analysis.extraction.column_block_tables import read_column_blocks
from analysis.extraction.csv_files import read_csv_file
from analysis.extraction.csv_tables import read_csv_rows
from analysis.extraction.dash_rule_tables import read_dash_rule_tables
from analysis.extraction.escaped_tables import read_escaped_tables
from analysis.extraction.grid import Grid
from analysis.extraction.inline_records import read_inline_records
from analysis.extraction.json_lines import read_json_lines
from analysis.extraction.key_value_grids import with_key_value_tables
from analysis.extraction.labelled_blocks import read_labelled_blocks
from analysis.extraction.leader_tables import read_leader_rows
from analysis.extraction.line_tables import read_cell_lines, read_year_rows
from analysis.extraction.mime_tables import read_mime_tables
from analysis.extraction.opendocument_tables import read_opendocument
from analysis.extraction.record_arrays import read_record_arrays
from analysis.extraction.record_tables import read_records
from analysis.extraction.role_line_cards import read_role_line_cards
from analysis.extraction.run_together_tables import read_run_together_rows
from analysis.extraction.script_tables import read_script_tables
from analysis.extraction.side_rotated_headers import with_side_rotated_headers
from analysis.extraction.single_space_tables import read_single_space_rows
from analysis.extraction.span_sets import SpanSet
from analysis.extraction.spreadsheet_cells import spreadsheet_values
from analysis.extraction.spreadsheet_xml import read_spreadsheet_xml
from analysis.extraction.sql_tables import read_sql_inserts
from analysis.extraction.table_readers import (
    TextLines,
    read_delimited,
    read_html,
    read_pipe_cells,
)
from analysis.extraction.translated_cells import without_translations
from analysis.extraction.wiki_tables import read_wiki_tables
from analysis.extraction.xml_records import read_xml_records
from analysis.extraction.yaml_records import read_yaml_records
from analysis.extraction.year_block_tables import read_year_blocks
from analysis.extraction.year_keyed_objects import read_year_keyed_objects
from analysis.normalise import CleanText

# "— 8 —" alone on a line, anywhere (normalise.PAGE_DEBRIS over a whole text)
_DASHED_PAGE_NUMBER = re.compile(
    r"^[^\S\n]*[—–\-－]{1,2}[^\S\n]*\d{1,3}[^\S\n]*[—–\-－]{1,2}[^\S\n]*$", re.MULTILINE
)


def _without_debris(clean: CleanText) -> str:
    """The raw text with its page debris lines blanked (same length: spans stay valid).

    The HTML reader reads the raw text, where a page break inside a table leaves the page
    number and the running header between two cells, inside the first one's text."""
    raw = clean.raw
    if "<" not in raw:
        return raw
    spans = list(clean.debris) + [m.span() for m in _DASHED_PAGE_NUMBER.finditer(raw)]
    if not spans:
        return raw
    pieces, pos = [], 0
    for a, b in sorted(spans):
        a = max(a, pos)
        pieces.append(raw[pos:a])
        pieces.append(" " * max(0, b - a))
        pos = max(pos, b)
    pieces.append(raw[pos:])
    return "".join(pieces)


def read_grids(clean: CleanText, unit_cells: dict, attribute_cells: dict) -> list[Grid]:
    """Every table in a text, each region read by the first reader that claims it."""
    lines = TextLines(clean)  # one split of the lines view, shared by the line readers
    raw = _without_debris(clean)
    # (their rows of cells are no records)
    sheets = read_spreadsheet_xml(raw) or read_opendocument(raw)
    grids = read_html(raw) + sheets + (read_xml_records(raw) if not sheets else [])
    grids += read_wiki_tables(raw)
    grids += read_dash_rule_tables(raw)  # pandoc's tables: columns drawn by dash runs
    grids += read_script_tables(clean.raw)  # a single-page app's article
    grids += read_escaped_tables(clean.raw)  # a feed's body as escaped HTML
    grids += read_mime_tables(clean.raw)  # a saved page's or a message's encoded HTML
    grids += read_yaml_records(clean.raw)  # a dashboard's YAML data file
    grids += read_csv_file(clean.raw)  # a spreadsheet saved as CSV
    grids += read_chart_options(clean.raw)
    taken = [(g.start, g.end) for g in grids]
    for reader in (
        lambda skip: read_sql_inserts(clean.raw, skip),  # before the CSV reader: commas inside
        lambda skip: read_year_keyed_objects(clean.raw, skip),  # one record, keys by year
        lambda skip: read_json_lines(lines, skip),  # before the CSV reader: commas inside
        lambda skip: read_record_arrays(clean.raw, skip),  # objects over several lines
        lambda skip: read_role_line_cards(lines, skip),  # before the pipe readers: bars inside
        lambda skip: read_column_blocks(lines, skip, unit_cells, attribute_cells),
        lambda skip: read_chart_text(clean.raw, skip),  # before the spaced rows it is made of
        lambda skip: read_leader_rows(lines, skip),
        lambda skip: read_pipe_cells(lines, skip),
        lambda skip: read_delimited(lines, skip),
        lambda skip: read_csv_rows(lines, skip),
        lambda skip: read_single_space_rows(lines, skip),
        lambda skip: read_run_together_rows(lines, skip),
        lambda skip: read_cell_lines(lines, skip),
        lambda skip: read_labelled_blocks(lines, skip, unit_cells, attribute_cells),
        lambda skip: read_year_blocks(lines, skip),
        lambda skip: read_year_rows(lines, skip),
        lambda skip: read_records(lines, skip),
        lambda skip: read_inline_records(lines, skip),
    ):
        # merged once per reader: each reader asks of every line whether it was taken
        found = reader(SpanSet(taken))
        grids.extend(found)
        taken.extend((g.start, g.end) for g in found)
    grids = [spreadsheet_values(without_translations(g)) for g in with_key_value_tables(grids)]
    # a header printed rotated is a block of its own above its table's rows
    return with_side_rotated_headers(clean.raw, sorted(grids, key=lambda g: g.start))
