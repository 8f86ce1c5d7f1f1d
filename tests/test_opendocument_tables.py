"""A spreadsheet kept as OpenDocument XML (extraction/opendocument_tables.py): each table a
grid, cells read as shown, repeated cells and rows given as many times, the padding to a
sheet's end and cell notes no part of the table."""

from __future__ import annotations

from analysis.extraction.opendocument_tables import read_opendocument
from analysis.normalise import clean
from tests.test_extraction import observed, source

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)


def _cell(text: str, extra: str = "") -> str:
    return f"<table:table-cell{extra}><text:p>{text}</text:p></table:table-cell>"


# my own layout: a flat .fods body over several lines, a header over two paragraphs, a
# value repeated over three year columns, a note on a cell, a value with no paragraph
# shown, a row repeated, and padding columns and rows
TEXT = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_NS}>\n<office:body>'
    '<office:spreadsheet>\n<table:table table:name="主要指标">\n'
    "<table:table-row>"
    + _cell("指标")
    + _cell("2020年<text:line-break/>基期值")
    + _cell("2023年")
    + _cell("2024年")
    + _cell("2025年")
    + '<table:table-cell table:number-columns-repeated="1019"/></table:table-row>\n'
    "<table:table-row>"
    + _cell("普惠性幼儿园覆盖率（%）")
    + _cell("84.1")
    + _cell("90", ' table:number-columns-repeated="3"')
    + "</table:table-row>\n"
    "<table:table-row>"
    + _cell("新增学位（个）")
    + '<table:table-cell office:value-type="float" office:value="3200">'
    "<office:annotation><dc:date>2023-02-01T09:00:00</dc:date>"
    "<text:p>含2019年结转600个。</text:p></office:annotation>"
    "<text:p>3200</text:p></table:table-cell>"
    + _cell("1800")
    + _cell("1500")
    + '<table:table-cell office:value-type="float" office:value="1200"/>'
    + "</table:table-row>\n"
    '<table:table-row table:number-rows-repeated="2">' + _cell("（空）") + "</table:table-row>\n"
    '<table:table-row table:number-rows-repeated="1048500">'
    '<table:table-cell table:number-columns-repeated="5"/></table:table-row>\n'
    "</table:table>\n</office:spreadsheet></office:body></office:document>\n"
)


def test_the_table_is_one_grid_padding_left_out():
    (grid,) = read_opendocument(TEXT)
    assert [[c.text for c in row] for row in grid.rows] == [
        ["指标", "2020年基期值", "2023年", "2024年", "2025年"],
        ["普惠性幼儿园覆盖率(%)", "84.1", "90", "90", "90"],
        ["新增学位(个)", "3200", "1800", "1500", "1200"],
        ["(空)"],
        ["(空)"],
    ]
    # a value with no paragraph is quoted at its office:value
    cell = grid.rows[2][4]
    assert TEXT[cell.start : cell.end] == "1200"


def test_an_ods_table_reads_and_leaves_no_number_unaccounted(extractor):
    assert observed(extractor, TEXT) == [
        ("inclusive_kindergarten_coverage", 2020, "=", 84.1, None, "level"),
        ("inclusive_kindergarten_coverage", 2023, "=", 90.0, None, "level"),
        ("inclusive_kindergarten_coverage", 2024, "=", 90.0, None, "level"),
        ("inclusive_kindergarten_coverage", 2025, "=", 90.0, None, "level"),
        ("school_places_added", 2020, "=", 3200.0, None, "cumulative"),
        ("school_places_added", 2023, "=", 1800.0, None, "cumulative"),
        ("school_places_added", 2024, "=", 1500.0, None, "cumulative"),
        ("school_places_added", 2025, "=", 1200.0, None, "cumulative"),
    ]
    result = extractor.extract(source(), clean(TEXT))
    unaccounted = [r["quote"] for r in result.ledger if r["disposition"] == "unaccounted"]
    assert unaccounted == []


def test_other_xml_is_no_opendocument():
    assert (
        read_opendocument('<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">') == []
    )
