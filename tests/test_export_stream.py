"""export_stream: parts written as they come in give the files and database that writing
all the parts at the end gives (database.write_csv, load_csv_tables)."""

from __future__ import annotations

import hashlib

import duckdb
import pytest

import analysis.export_stream
from analysis.database import SCHEMAS, RenderedRows, load_csv_tables, render_rows, write_csv
from analysis.export_stream import DatabaseThread, TableStream


def _hit(source_id, start, quote="x", heading="h"):
    return {
        "source_id": source_id,
        "theme_id": "t",
        "keyword": "k",
        "paragraph_index": start // 10,
        "heading": heading,
        "char_start": start,
        "char_end": start + 2,
        "quote": quote,
    }


# a source's rows: a quoted cell with a line break, a comma, a quote, and an empty one
ROWS = {
    "a": [_hit("a", 5, 'say "yes"'), _hit("a", 1, "one,two")],
    "b": [],  # a plan without theme hits: an empty part
    "c": [_hit("c", 3, "line\nbreak", heading=None), _hit("c", 9, "百分之五十")],
    "d": [_hit("d", 0, "")],
}
PARTS = {lead: RenderedRows(lead, render_rows("theme_hits", rows)) for lead, rows in ROWS.items()}


@pytest.mark.parametrize(
    "arrival",
    [
        ["a", "b", "c", "d"],  # registry order is the table's order: written at once
        ["d", "c", "b", "a"],  # the reverse: all held back until the last
        ["b", "d", "a", "c"],
        ["c", "a", "d", "b"],
    ],
)
@pytest.mark.parametrize("chunk", [1, 10**9])  # a chunk per part, or one at the end
def test_streamed_table_is_the_table_written_at_once(tmp_path, monkeypatch, arrival, chunk):
    monkeypatch.setattr(analysis.export_stream, "CHUNK_BYTES", chunk)
    whole = tmp_path / "whole"
    whole.mkdir()
    write_csv(whole / "theme_hits.csv", "theme_hits", list(PARTS.values()))
    staging = tmp_path / "staging"
    staging.mkdir()
    database = DatabaseThread(tmp_path / "db" / "s.duckdb")
    stream = TableStream("theme_hits", list(ROWS), staging, database)
    for lead in arrival:
        stream.add(PARTS[lead])
    path = stream.close()
    db_file = database.finish({})
    assert path.read_bytes() == (whole / "theme_hits.csv").read_bytes()
    # hashed as written: publishing's journal takes this digest instead of reading it back
    assert stream.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert sorted(p.name for p in staging.iterdir()) == ["theme_hits.csv"]  # chunks removed
    expected = duckdb.connect(":memory:")
    load_csv_tables(expected, {"theme_hits": whole / "theme_hits.csv"})
    con = duckdb.connect(str(db_file), read_only=True)
    query = "SELECT * FROM theme_hits"
    assert con.execute(query).fetchall() == expected.execute(query).fetchall()
    types = (
        "SELECT column_name, data_type FROM information_schema.columns ORDER BY ordinal_position"
    )
    assert con.execute(types).fetchall() == expected.execute(types).fetchall()
    assert [c for c, _ in con.execute(types).fetchall()] == list(SCHEMAS["theme_hits"])
    con.close()


@pytest.mark.parametrize(
    ("parts", "problem"),
    [
        (["a", "a"], "two parts rendered apart share source_id"),
        (["a", "z"], "a part for 'z', which is not in the build"),
    ],
)
def test_a_wrong_part_is_refused(tmp_path, parts, problem):
    stream = TableStream("theme_hits", list(ROWS), tmp_path, None)
    with pytest.raises(ValueError, match=problem):
        for lead in parts:
            stream.add(RenderedRows(lead, ""))
    stream.discard()


def test_a_missing_part_is_refused_at_the_end(tmp_path):
    stream = TableStream("theme_hits", list(ROWS), tmp_path, None)
    for lead in ("a", "c", "d"):
        stream.add(PARTS[lead])
    with pytest.raises(ValueError, match="no part for 'b' was rendered"):
        stream.close()


def test_an_aborted_database_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis.export_stream, "CHUNK_BYTES", 1)  # a chunk goes in
    database = DatabaseThread(tmp_path / "s.duckdb")
    stream = TableStream("theme_hits", list(ROWS), tmp_path, database)
    stream.add(PARTS["a"])
    stream.discard()
    database.abort()
    assert database.path.name.startswith("s.duckdb.")
    assert not any(p.name.startswith("s.duckdb") for p in tmp_path.iterdir())
