"""Deterministic CSV exports and the DuckDB database built from them (analysis.publishing
puts them in place, all or none)."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter, itemgetter
from pathlib import Path

import duckdb

from analysis.csv_text import csv_lines

# Column order and DuckDB types of every table; the CSV exports use the same order.
SCHEMAS: dict[str, dict[str, str]] = {
    "sources": {
        "source_id": "VARCHAR",
        "city_id": "VARCHAR",
        "file": "VARCHAR",
        "sha256": "VARCHAR",
        "city_name_zh": "VARCHAR",
        "city_name_en": "VARCHAR",
        "province_zh": "VARCHAR",
        "province_en": "VARCHAR",
        "admin_level": "VARCHAR",
        "parent_city_zh": "VARCHAR",
        "parent_city_en": "VARCHAR",
        "title_zh": "VARCHAR",
        "title_en": "VARCHAR",
        "title_note": "VARCHAR",
        "document_type": "VARCHAR",
        "period_start": "INTEGER",
        "period_end": "INTEGER",
        "issue_date": "DATE",
        "issue_date_note": "VARCHAR",
        "baseline_year": "INTEGER",
        "known_defects": "VARCHAR",
        "n_characters": "INTEGER",
        "n_observations": "INTEGER",
        "n_indicators": "INTEGER",
        "sparse": "BOOLEAN",
    },
    "indicators": {
        "indicator_id": "VARCHAR",
        "name_zh": "VARCHAR",
        "name_en": "VARCHAR",
        "aliases": "VARCHAR",
        "unit": "VARCHAR",
        "direction": "VARCHAR",
        "stage": "VARCHAR",
        "category": "VARCHAR",
        "comparable": "BOOLEAN",
        "value_kind": "VARCHAR",
        "alias_position": "VARCHAR",
        "definition": "VARCHAR",
    },
    "observations": {
        "observation_id": "VARCHAR",
        "source_id": "VARCHAR",
        "city_id": "VARCHAR",
        "indicator_id": "VARCHAR",
        "year": "INTEGER",
        "role": "VARCHAR",
        "comparator": "VARCHAR",
        "value": "DOUBLE",
        "value_upper": "DOUBLE",
        "value_kind": "VARCHAR",
        "unit": "VARCHAR",
        "method": "VARCHAR",
        "char_start": "INTEGER",
        "char_end": "INTEGER",
        "quote": "VARCHAR",
        "label_start": "INTEGER",
        "label_end": "INTEGER",
        "label_quote": "VARCHAR",
        "line": "INTEGER",
        "year_basis": "VARCHAR",
        "section": "VARCHAR",
        "table_caption": "VARCHAR",
        "attribute": "VARCHAR",
        "note": "VARCHAR",
        "conflict_id": "VARCHAR",
        "preferred": "BOOLEAN",
        "preference_reason": "VARCHAR",
    },
    "indicator_values": {
        "city_id": "VARCHAR",
        "source_id": "VARCHAR",
        "indicator_id": "VARCHAR",
        "unit": "VARCHAR",
        "baseline_2020": "DOUBLE",
        "baseline_comparator": "VARCHAR",
        "baseline_observation_id": "VARCHAR",
        "midpoint_2022": "DOUBLE",
        "midpoint_comparator": "VARCHAR",
        "midpoint_observation_id": "VARCHAR",
        "target_2025": "DOUBLE",
        "target_2025_upper": "DOUBLE",
        "target_comparator": "VARCHAR",
        "target_observation_id": "VARCHAR",
        "has_conflict": "BOOLEAN",
        "conflict_ids": "VARCHAR",
        "n_observations": "INTEGER",
        "other_years": "VARCHAR",
        "change_targets": "VARCHAR",
    },
    "national_reference": {
        "reference_id": "VARCHAR",
        "scope": "VARCHAR",
        "indicator_id": "VARCHAR",
        "year": "INTEGER",
        "role": "VARCHAR",
        "comparator": "VARCHAR",
        "value": "DOUBLE",
        "unit": "VARCHAR",
        "citation": "VARCHAR",
        "file": "VARCHAR",
        "line": "INTEGER",
        "char_start": "INTEGER",
        "char_end": "INTEGER",
        "quote": "VARCHAR",
    },
    "indicator_metrics": {
        "city_id": "VARCHAR",
        "source_id": "VARCHAR",
        "indicator_id": "VARCHAR",
        "unit": "VARCHAR",
        "direction": "VARCHAR",
        "comparable": "BOOLEAN",
        "baseline_2020": "DOUBLE",
        "baseline_comparator": "VARCHAR",
        "baseline_observation_id": "VARCHAR",
        "baseline_alternatives": "VARCHAR",
        "midpoint_2022": "DOUBLE",
        "midpoint_observation_id": "VARCHAR",
        "target_2025": "DOUBLE",
        "target_comparator": "VARCHAR",
        "target_observation_id": "VARCHAR",
        "target_alternatives": "VARCHAR",
        "has_conflict": "BOOLEAN",
        "gap": "DOUBLE",
        "gap_to_close": "DOUBLE",
        "gap_status": "VARCHAR",
        "growth_kind": "VARCHAR",
        "growth_per_year_2020_2025": "DOUBLE",
        "latest_year": "INTEGER",
        "latest_value": "DOUBLE",
        "latest_basis": "VARCHAR",
        "growth_per_year_from_latest": "DOUBLE",
        "implied_2022": "DOUBLE",
        "observed_rate": "DOUBLE",
        "trend_basis": "VARCHAR",
        "progress_status": "VARCHAR",
        "status_basis": "VARCHAR",
        "national_baseline_2020": "DOUBLE",
        "national_target_2025": "DOUBLE",
        "national_target_comparator": "VARCHAR",
        "baseline_minus_national": "DOUBLE",
        "target_minus_national": "DOUBLE",
        "history_2015": "DOUBLE",
        "history_observation_id": "VARCHAR",
        "cagr_base_year": "INTEGER",
        "cagr_current_year": "INTEGER",
        "cagr_observed": "DOUBLE",
        "cagr_required": "DOUBLE",
        "cagr_ratio": "DOUBLE",
        "cagr_status": "VARCHAR",
        "cagr_note": "VARCHAR",
        "methods_disagree": "BOOLEAN",
        "past_rate_2015_2020": "DOUBLE",
        "pace_ratio": "DOUBLE",
        "pace_label": "VARCHAR",
        "midpoint_deviation": "DOUBLE",
        "midpoint_position": "VARCHAR",
        "target_direction": "VARCHAR",
    },
    "themes": {
        "theme_id": "VARCHAR",
        "name_zh": "VARCHAR",
        "name_en": "VARCHAR",
        "definition": "VARCHAR",
        "keywords": "VARCHAR",
        "weak_keywords": "VARCHAR",
    },
    "theme_coverage": {
        "city_id": "VARCHAR",
        "source_id": "VARCHAR",
        "theme_id": "VARCHAR",
        "mentions": "INTEGER",
        "paragraphs_hit": "INTEGER",
        "n_paragraphs": "INTEGER",
        "n_characters": "INTEGER",
        "share_of_paragraphs": "DOUBLE",
        "density_per_10k_chars": "DOUBLE",
    },
    "theme_hits": {
        "source_id": "VARCHAR",
        "theme_id": "VARCHAR",
        "keyword": "VARCHAR",
        "paragraph_index": "INTEGER",
        "heading": "VARCHAR",
        "char_start": "INTEGER",
        "char_end": "INTEGER",
        "quote": "VARCHAR",
    },
    "build_inputs": {
        "build_id": "VARCHAR",
        "kind": "VARCHAR",
        "path": "VARCHAR",
        "sha256": "VARCHAR",
    },
    "number_ledger": {
        "source_id": "VARCHAR",
        "char_start": "INTEGER",
        "char_end": "INTEGER",
        "line": "INTEGER",
        "quote": "VARCHAR",
        "disposition": "VARCHAR",
        "observation_ids": "VARCHAR",
        "reason": "VARCHAR",
    },
    "unread_tables": {
        "source_id": "VARCHAR",
        "char_start": "INTEGER",
        "char_end": "INTEGER",
        "line": "INTEGER",
        "reader": "VARCHAR",
        "problem": "VARCHAR",
        "quote": "VARCHAR",
    },
}
SORT_KEYS = {
    "sources": ("source_id",),
    "indicators": ("indicator_id",),
    "observations": ("city_id", "indicator_id", "year", "char_start", "observation_id"),
    "indicator_values": ("city_id", "indicator_id"),
    "number_ledger": ("source_id", "char_start", "char_end", "disposition"),
    "unread_tables": ("source_id", "char_start"),
    "national_reference": ("indicator_id", "year"),
    "indicator_metrics": ("city_id", "indicator_id"),
    "themes": ("theme_id",),
    "theme_coverage": ("city_id", "theme_id"),
    "theme_hits": ("source_id", "char_start", "theme_id"),
    "build_inputs": ("kind", "path"),
}


def _sort_value(value):
    return (value is None, value if value is not None else 0)


def _ordered(rows: list[dict], keys: tuple[str, ...]) -> list[dict]:
    """The rows sorted by `keys`, missing and None values last.

    When every row has every key and none is None, the (is None, value) pairs order the
    rows exactly as the plain values do, so the key is a C itemgetter instead of a Python
    call per row (a national corpus has hundreds of thousands of theme hits)."""
    try:
        plain = not any(None in map(itemgetter(k), rows) for k in keys)
    except KeyError:
        plain = False
    if plain:
        return sorted(rows, key=itemgetter(*keys))
    return sorted(rows, key=lambda r: tuple(_sort_value(r.get(k)) for k in keys))


@dataclass(frozen=True, init=False)
class RenderedRows:
    """Rows of a table that share the value of its first sort key (a source's theme hits or
    ledger, a city's observations), already sorted and rendered as CSV lines.

    The worker process that read the plan renders them (render_rows), so the parent
    neither unpickles, sorts nor formats them: for theme_hits, about 500 rows a plan, that
    was most of the build's serial time. Putting the parts in the order of `lead` then
    gives the order of the whole table, as long as no two parts share a lead.

    The lines are kept encoded (UTF-8, as the exports are written): encoded once, where
    they are rendered, they cross to the parent and go into its files as they are, where
    text was decoded when unpickled and encoded again for each file it went into."""

    lead: str  # the value of the table's first sort key (source_id, city_id) in every row
    utf8: bytes  # the CSV lines, UTF-8

    def __init__(self, lead: str, text: str):
        object.__setattr__(self, "lead", lead)
        object.__setattr__(self, "utf8", text.encode("utf-8"))

    @property
    def text(self) -> str:
        return self.utf8.decode("utf-8")


def render_rows(table: str, rows: list[dict]) -> str:
    """The rows as CSV lines, no header, in the table's order (SORT_KEYS); a cell is
    csv_text.cell_text of its value."""
    ordered = _ordered(rows, SORT_KEYS[table])
    columns = list(SCHEMAS[table])
    if len(columns) > 1:
        try:  # every row has every column (as_row dicts): one C call a row
            return csv_lines(
                list(zip(*map(itemgetter(*columns), ordered), strict=True)) or [()] * len(columns)
            )
        except KeyError:
            pass
    return csv_lines([[row.get(c) for row in ordered] for c in columns])


def render_plain_objects(table: str, objects: list) -> str:
    """render_rows for objects whose attributes are the table's columns, every one a str or
    an int (an int is written as str(int), what cell_text gives) and no sort key None.

    Theme hits, ~500 a plan: no dict per row, and the columns taken from the rows in C.
    Anything else goes through render_rows."""
    keys, columns = SORT_KEYS[table], list(SCHEMAS[table])
    if any(None in map(attrgetter(k), objects) for k in keys):  # None sorts last there
        return render_rows(table, [{c: getattr(o, c) for c in columns} for o in objects])
    if not objects:
        return ""
    ordered = sorted(objects, key=attrgetter(*keys))
    # a named tuple whose fields are the columns (ThemeHit) is its own row
    own_rows = {getattr(type(o), "_fields", None) for o in objects} == {tuple(columns)}
    rows = ordered if own_rows else list(map(attrgetter(*columns), ordered))
    return csv_lines(list(zip(*rows, strict=True)))


_PARSERS = {"INTEGER": int, "DOUBLE": float, "BOOLEAN": {"true": True, "false": False}.__getitem__}


def parse_rows(table: str, text: str) -> list[dict]:
    """Rows rendered by render_rows read back as dicts, typed as the database reads the CSV
    (an empty cell is None)."""
    columns = list(SCHEMAS[table])
    parsers = [_PARSERS.get(SCHEMAS[table][c]) for c in columns]
    return [
        {
            c: None if v == "" else p(v) if p else v
            for c, p, v in zip(columns, parsers, cells, strict=True)
        }
        for cells in csv.reader(io.StringIO(text, newline=""))
    ]


def write_csv(path: Path, table: str, rows: list[dict] | list[RenderedRows]) -> None:
    """The table's CSV export: a header, then the rows in the table's order."""
    if rows and isinstance(rows[0], RenderedRows):
        parts = sorted(rows, key=attrgetter("lead"))
        if any(x.lead == y.lead for x, y in pairwise(parts)):
            raise ValueError(f"{table}: two parts rendered apart share {SORT_KEYS[table][0]}")
        # a lead (an id) is never empty, so its plain order is the order _sort_value gives
        body = b"".join(r.utf8 for r in parts)
    else:
        body = render_rows(table, rows).encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(csv_header(table))
        fh.write(body)


def csv_header(table: str) -> bytes:
    """The header line of the table's CSV export, UTF-8."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(SCHEMAS[table])
    return out.getvalue().encode("utf-8")


def load_csv_tables(con: duckdb.DuckDBPyConnection, csv_paths: dict[str, Path]) -> None:
    """Create each table from its CSV export with the declared column types."""
    for table, path in csv_paths.items():
        columns = ", ".join(f"'{c}': '{t}'" for c, t in SCHEMAS[table].items())
        con.execute(
            f"CREATE TABLE {table} AS SELECT * FROM read_csv(?, header = true, "
            f"columns = {{{columns}}}, nullstr = '', quote = '\"', escape = '\"', "
            "auto_detect = false)",
            [str(path)],
        )


def write_database(db_path: Path, csv_paths: dict[str, Path]) -> Path:
    """Build the database in a temporary file beside `db_path` and return that file.

    The caller publishes it together with the exports, so the old database stays in
    place until everything new is ready.
    """
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=db_path.name + ".", suffix=".tmp", dir=db_path.parent)
    os.close(fd)
    os.unlink(tmp_name)  # DuckDB wants to create the file itself
    try:
        con = duckdb.connect(tmp_name)
        try:
            load_csv_tables(con, csv_paths)
            con.execute("CHECKPOINT")
        finally:
            con.close()
    except BaseException:
        remove_quietly(Path(tmp_name))
        raise
    remove_quietly(Path(tmp_name + ".wal"))
    return Path(tmp_name)


def remove_quietly(path: Path) -> None:
    """Remove a temporary file if it is there (a missing one is the normal case)."""
    path.unlink(missing_ok=True)
