"""A workbook saved as Excel 2003 XML (extraction/spreadsheet_xml.py): each worksheet a
grid, columns counted with ss:Index and ss:MergeAcross, a merged first row the caption,
percent-formatted Numbers read as percentages."""

from __future__ import annotations

from tests.test_extraction import observed

# my own layout: the percent style on single cells (not on the row), a skipped column,
# a Number target, a sheet of notes with one column
TEXT = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Styles>
<Style ss:ID="pct"><NumberFormat ss:Format="0.00%"/></Style>
<Style ss:ID="hd"><Font ss:Bold="1"/></Style>
</Styles>
<Worksheet ss:Name="指标">
<Table>
<Row><Cell ss:MergeAcross="3"><Data ss:Type="String">表1 主要指标</Data></Cell></Row>
<Row ss:StyleID="hd"><Cell><Data ss:Type="String">指标</Data></Cell><Cell><Data ss:Type="String">2020年</Data></Cell><Cell><Data ss:Type="String">2022年</Data></Cell><Cell><Data ss:Type="String">2025年</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">九年义务教育巩固率</Data></Cell><Cell ss:StyleID="pct"><Data ss:Type="Number">0.9512</Data></Cell><Cell ss:Index="4" ss:StyleID="pct"><Data ss:Type="Number">0.97</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">招聘教师（名）</Data></Cell><Cell><Data ss:Type="Number">310</Data></Cell><Cell><Data ss:Type="Number">120</Data></Cell><Cell><Data ss:Type="String">≥600</Data></Cell></Row>
</Table>
</Worksheet>
<Worksheet ss:Name="说明">
<Table>
<Row><Cell><Data ss:Type="String">数据来源：2022年教育事业统计。</Data></Cell></Row>
</Table>
</Worksheet>
</Workbook>
"""


def test_a_spreadsheet_ml_worksheet_reads_as_a_table(extractor):
    assert observed(extractor, TEXT) == [
        ("compulsory_consolidation_rate", 2020, "=", 95.12, None, "level"),
        ("compulsory_consolidation_rate", 2025, "=", 97.0, None, "level"),
        ("teachers_recruited", 2020, "=", 310.0, None, "cumulative"),
        ("teachers_recruited", 2022, "=", 120.0, None, "cumulative"),
        ("teachers_recruited", 2025, ">=", 600.0, None, "cumulative"),
    ]


def test_the_caption_and_the_markup_are_ledgered(extractor):
    from analysis.normalise import clean
    from tests.test_extraction import source

    result = extractor.extract(source(), clean(TEXT))
    assert not [r["quote"] for r in result.ledger if r["disposition"] == "unaccounted"]


def test_a_malformed_index_reads_the_cells_in_order(extractor):
    bad = TEXT.replace('ss:Index="4"', 'ss:Index="D"')
    from tests.test_extraction import observed as read

    assert ("compulsory_consolidation_rate", 2022, "=", 97.0, None, "level") in read(extractor, bad)
