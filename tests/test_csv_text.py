"""csv_text builds CSV lines a column at a time: held to csv.writer, the plain way."""

from __future__ import annotations

import csv
import io

import pytest

from analysis.csv_text import cell_text, csv_lines


def _plain(rows: list[tuple]) -> str:
    """What the exports wrote before: csv.writer over each row's cell_text."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([list(map(cell_text, r)) for r in rows])
    return out.getvalue()


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], ""),
        ([("a", 1), ("b", 22)], "a,1\nb,22\n"),
        ([("一、发展基础,白城市", 3)], '"一、发展基础,白城市",3\n'),  # a comma: quoted
        ([('说"好"', "x")], '"说""好""",x\n'),  # a quote mark: doubled, quoted
        ([("two\nlines", "x")], '"two\nlines",x\n'),
        ([(None, 1.5), (True, False)], ",1.5\ntrue,false\n"),
        ([(None, None)], ",\n"),  # empty cells, not '""'
        ([(1.0 / 3, -7)], "0.333333333333,-7\n"),
        ([("a",), ("",)], 'a\n""\n'),  # one column: an empty cell is written '""'
    ],
)
def test_csv_lines_are_what_csv_writer_writes(rows, expected):
    columns = [list(c) for c in zip(*rows, strict=True)] if rows else []
    assert csv_lines(columns) == expected == _plain(rows)


@pytest.mark.parametrize(
    "cell",
    [
        "plain",
        "",
        " leading and trailing ",
        "tab\there",
        "cr\ronly",
        "crlf\r\nend",
        "\u2028line separator",
        "\x0bvertical tab",
        'comma,and"quote',
        "'single'",
        "全角，逗号",
        "#,",
    ],
)
def test_every_cell_in_any_column_is_written_as_csv_writer_writes_it(cell):
    rows = [(cell, 1, cell), ("x", 2, None), (cell, 3, "y")]
    columns = [list(c) for c in zip(*rows, strict=True)]
    assert csv_lines(columns) == _plain(rows)
