"""The data package: the built tables as described CSV, Parquet and an Excel workbook.

load (the built database, the build's CSV exports, data/curated/data_package.yaml) ->
transform (Frictionless descriptor, workbook sheets) -> save (staged, then published all
or none).

The CSV resources are the build's own sorted exports (analysis/build.py): the descriptor
points at them and records their size and checksum, so nothing is written twice; the
export refuses CSV files that do not hold the database's rows.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import duckdb

from analysis import paths
from analysis.comparison_sheet import comparison_sheet
from analysis.database import SCHEMAS, SORT_KEYS, load_csv_tables
from analysis.errors import InputError
from analysis.publishing import check_output_folder, open_outputs, publish
from analysis.validation import load_checked
from analysis.workbook import Sheet, data_sheet, write_workbook
from analysis.yamlio import LineDict, require_list

# The exported tables, in the order of the descriptor and the workbook's sheets. The
# national reference and the theme dictionary are included because indicator_metrics and
# theme_coverage refer to them; the number ledger and unread tables because a plan that
# looks sparse must show whether it states little or was read badly.
TABLES = (
    "sources",
    "indicators",
    "observations",
    "indicator_values",
    "indicator_metrics",
    "national_reference",
    "themes",
    "theme_coverage",
    "number_ledger",
    "unread_tables",
)
FIELD_TYPES = {
    "VARCHAR": "string",
    "INTEGER": "integer",
    "DOUBLE": "number",
    "BOOLEAN": "boolean",
    "DATE": "date",
}
PRIMARY_KEYS = {
    "sources": ("source_id",),
    "indicators": ("indicator_id",),
    "observations": ("observation_id",),
    "indicator_values": ("city_id", "indicator_id"),
    "indicator_metrics": ("city_id", "indicator_id"),
    "national_reference": ("reference_id", "indicator_id", "year"),
    "themes": ("theme_id",),
    "theme_coverage": ("city_id", "theme_id"),
    "number_ledger": ("source_id", "char_start", "char_end"),
    "unread_tables": ("source_id", "char_start"),
}
_PLAN = (("source_id", "city_id"), "sources", ("source_id", "city_id"))
_INDICATOR = (("indicator_id",), "indicators", ("indicator_id",))
# The observation id columns are single-field keys: Frictionless skips a reference only
# when all its cells are empty, so a composite key with city and indicator would flag
# every row that states no value for that year.
_LINKED = tuple(
    ((f"{prefix}_observation_id",), "observations", ("observation_id",))
    for prefix in ("baseline", "midpoint", "target")
)
FOREIGN_KEYS = {
    "observations": (_PLAN, _INDICATOR),
    "indicator_values": (_PLAN, _INDICATOR, *_LINKED),
    "indicator_metrics": (
        (("city_id", "indicator_id"), "indicator_values", ("city_id", "indicator_id")),
        _PLAN,
        _INDICATOR,
        *_LINKED,
    ),
    "national_reference": (_INDICATOR,),
    "theme_coverage": (_PLAN, (("theme_id",), "themes", ("theme_id",))),
}

_TOP_KEYS = {"package", "workbook", "tables"}
_PACKAGE_KEYS = {"name", "title", "description", "licenses"}
_TABLE_KEYS = {"name", "title", "sheet", "description", "fields"}
_WORKBOOK_KEYS = {"quote_column", "number_formats", "unit_suffixes", "status_words"}
_FIELD_KEYS = {"name", "description", "unit"}


# ---------------------------------------------------------------- descriptions (YAML)


@dataclass(frozen=True)
class FieldDoc:
    description: str
    unit: str | None


@dataclass(frozen=True)
class TableDoc:
    title: str | None
    sheet: str  # the workbook sheet's name, for people
    description: str
    fields: dict[str, FieldDoc]


@dataclass(frozen=True)
class WorkbookDoc:
    quote_column: str  # template with {value} and {observation_id}
    number_formats: dict[str, str]  # codebook unit -> Excel number format
    unit_suffixes: dict[str, str]  # linear_percent, linear, compound -> unit suffix
    status_words: dict[str, str]  # status id -> words
    path: Path  # where they were read, for errors found when the rows are known
    formats_line: int | None  # the line of number_formats


@dataclass(frozen=True)
class Descriptions:
    package: dict
    workbook: WorkbookDoc
    tables: dict[str, TableDoc]

    @property
    def quote_column(self) -> str:
        return self.workbook.quote_column


def load_descriptions(path: Path = paths.DATA_PACKAGE_YAML) -> Descriptions:
    """Read the descriptions; every column of every exported table must have one."""
    path = Path(path)
    data, _ = load_checked(path, "data_package")
    data = _mapping(path, data, "the file", _TOP_KEYS, 1)
    package = _package(path, data.get("package"))
    workbook = _workbook(path, data.get("workbook"))
    described: dict[str, TableDoc] = {}
    for entry in require_list(path, data, "tables"):
        name, doc = _table(path, entry)
        if name in described:
            raise InputError(path, f"table {name!r} is described twice", entry.line)
        described[name] = doc
    for table in TABLES:
        if table not in described:
            raise InputError(path, f"exported table {table!r} has no entry under tables:")
    sheets = [described[t].sheet for t in TABLES]
    for table in TABLES:
        if sheets.count(described[table].sheet) > 1:
            raise InputError(path, f"sheet name {described[table].sheet!r} is used twice")
    return Descriptions(package, workbook, {t: described[t] for t in TABLES})


def _mapping(path: Path, value, what: str, allowed: set[str], line: int | None) -> LineDict:
    if not isinstance(value, dict):
        raise InputError(path, f"{what} must be a mapping", line)
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise InputError(path, f"{what}: unknown key(s) {', '.join(unknown)}", value.line)
    return value


def _text(path: Path, entry: LineDict, key: str, what: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(path, f"{what} has no {key}", entry.line)
    return value.strip()


def _package(path: Path, value) -> dict:
    entry = _mapping(path, value, "package", _PACKAGE_KEYS, getattr(value, "line", None))
    licenses = entry.get("licenses")
    if (
        not isinstance(licenses, list)
        or not licenses
        or not all(isinstance(x, dict) for x in licenses)
    ):
        raise InputError(path, "package: licenses must be a non-empty list of mappings", entry.line)
    return {
        "name": _text(path, entry, "name", "package"),
        "title": _text(path, entry, "title", "package"),
        "description": _text(path, entry, "description", "package"),
        "licenses": [dict(x) for x in licenses],
    }


def _workbook(path: Path, value) -> WorkbookDoc:
    entry = _mapping(path, value, "workbook", _WORKBOOK_KEYS, getattr(value, "line", None))
    return WorkbookDoc(
        _quote_column(path, entry),
        {str(k): str(v) for k, v in entry["number_formats"].items()},
        {str(k): str(v) for k, v in entry["unit_suffixes"].items()},
        {str(k): str(v) for k, v in entry["status_words"].items()},
        path,
        getattr(entry["number_formats"], "line", None),
    )


def _quote_column(path: Path, entry: LineDict) -> str:
    template = _text(path, entry, "quote_column", "workbook")
    try:
        template.format(value="v", observation_id="o")
    except (KeyError, IndexError, ValueError) as exc:
        raise InputError(
            path, f"workbook: quote_column may use only {{value}} and {{observation_id}} ({exc})"
        ) from exc
    return template


def _table(path: Path, entry: LineDict) -> tuple[str, TableDoc]:
    _mapping(path, entry, "table", _TABLE_KEYS, entry.line)
    name = _text(path, entry, "name", "table")
    if name not in TABLES:
        raise InputError(
            path, f"table {name!r} is not an exported table ({', '.join(TABLES)})", entry.line
        )
    description = _text(path, entry, "description", f"table {name}")
    items = entry.get("fields")
    if not isinstance(items, list) or not all(isinstance(f, dict) for f in items):
        raise InputError(path, f"{name}: fields must be a list of mappings", entry.line)
    fields: dict[str, FieldDoc] = {}
    for item in items:
        column, doc = _field(path, name, item)
        if column in fields:
            raise InputError(path, f"{name}.{column} is described twice", item.line)
        fields[column] = doc
    for column in SCHEMAS[name]:
        if column not in fields:
            raise InputError(path, f"{name}.{column} has no description", entry.line)
    title = entry.get("title")
    ordered = {column: fields[column] for column in SCHEMAS[name]}
    sheet = _text(path, entry, "sheet", f"table {name}")
    return name, TableDoc(str(title) if title else None, sheet, description, ordered)


def _field(path: Path, table: str, item: LineDict) -> tuple[str, FieldDoc]:
    column = _text(path, item, "name", f"a field of {table}")
    if column not in SCHEMAS[table]:
        raise InputError(path, f"{table}.{column} is not a column of table {table}", item.line)
    _mapping(path, item, f"{table}.{column}", _FIELD_KEYS, item.line)
    description = _text(path, item, "description", f"{table}.{column}")
    unit = item.get("unit")
    if unit is not None and (not isinstance(unit, str) or not unit.strip()):
        raise InputError(path, f"{table}.{column}: unit must be a text", item.line)
    return column, FieldDoc(" ".join(description.split()), unit)


# ---------------------------------------------------------------- the database and its CSVs


def _connect(database: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with the built database attached read-only as `plans`."""
    if not database.is_file():
        raise InputError(database, "database not found; run `python -m analysis build` first")
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH {_literal(database)} AS plans (READ_ONLY)")
        for table in TABLES:
            _check_columns(con, database, table)
    except BaseException:
        con.close()
        raise
    return con


def _literal(path: Path) -> str:
    """A path as an SQL string literal (COPY and ATTACH take no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


def _ident(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def _check_columns(con, database: Path, table: str) -> None:
    found = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() "
        "WHERE database_name = 'plans' AND table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    if found != list(SCHEMAS[table].items()):
        raise InputError(
            database,
            f"table {table} is missing or its columns differ from SCHEMAS; rebuild the database",
        )


def _checked_csv(con, database: Path, table: str, csv_path: Path) -> bytes:
    """The build's CSV export of `table`, after checking it holds the database's rows."""
    if not csv_path.is_file():
        raise InputError(csv_path, "CSV export not found; `python -m analysis build` writes it")
    blob = csv_path.read_bytes()
    header = blob.split(b"\n", 1)[0].decode("utf-8")
    if header != ",".join(SCHEMAS[table]):
        raise InputError(csv_path, f"header differs from the columns of table {table}", 1)
    load_csv_tables(con, {table: csv_path})  # into the in-memory catalog, beside `plans`
    differ = con.execute(
        f"SELECT count(*) FROM ((FROM memory.{table} EXCEPT ALL FROM plans.{table}) "
        f"UNION ALL (FROM plans.{table} EXCEPT ALL FROM memory.{table}))"
    ).fetchone()[0]
    if differ:
        raise InputError(
            csv_path,
            f"{differ} rows differ from table {table} in {database}: the CSV and the database "
            "come from different builds; rebuild",
        )
    return blob


def _order_by(table: str) -> str:
    """The table's sort key, then every other column: a total order, so ties cannot vary."""
    keys = list(SORT_KEYS[table])
    columns = keys + [c for c in SCHEMAS[table] if c not in keys]
    return ", ".join(f"{_ident(c)} NULLS LAST" for c in columns)


def _select(table: str) -> str:
    columns = ", ".join(_ident(c) for c in SCHEMAS[table])
    return f"SELECT {columns} FROM plans.{table} ORDER BY {_order_by(table)}"


def _rows(con, table: str) -> list[dict]:
    columns = list(SCHEMAS[table])
    return [dict(zip(columns, row, strict=True)) for row in con.execute(_select(table)).fetchall()]


# ---------------------------------------------------------------- Parquet


def _write_parquet(con, table: str, target: Path) -> None:
    # No extra setting is needed for byte-identical files: with a total ORDER BY, DuckDB's
    # writer gave the same bytes at 1, 8 and 32 threads (tested on a million rows). The
    # writer records its DuckDB version, so requirements.lock must stay pinned.
    con.execute(f"COPY ({_select(table)}) TO {_literal(target)} (FORMAT PARQUET)")


# ---------------------------------------------------------------- datapackage.json


def _descriptor(docs: Descriptions, con, csvs: dict[str, bytes]) -> dict:
    package = docs.package
    return {
        "profile": "tabular-data-package",
        "name": package["name"],
        "title": package["title"],
        "description": package["description"],
        "licenses": package["licenses"],
        "sources": _plan_sources(_rows(con, "sources"))
        + _reference_sources(_rows(con, "national_reference")),
        "resources": [_resource(t, docs.tables[t], csvs[t]) for t in TABLES],
    }


def _repository_path(folder: Path, name: str) -> str:
    return (folder.relative_to(paths.ROOT) / name).as_posix()


def _plan_sources(rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        entry = {
            "title": f"{r['title_zh']} / {r['title_en']}",
            "source_id": r["source_id"],
            "city": f"{r['city_name_en']} {r['city_name_zh']}",
            "title_zh": r["title_zh"],
            "title_en": r["title_en"],
            "document_type": r["document_type"],
        }
        if r["issue_date"] is not None:
            entry["issue_date"] = r["issue_date"].isoformat()
        entry["file"] = _repository_path(paths.RAW_DIR, r["file"])
        entry["sha256"] = r["sha256"]
        out.append(entry)
    return out


def _reference_sources(rows: list[dict]) -> list[dict]:
    """One source per distinct citation of the national reference layer."""
    cited: dict[tuple, list[str]] = defaultdict(list)
    for r in rows:
        key = (r["citation"], r["reference_id"], r["scope"], r["file"])
        cited[key].append(f"{r['indicator_id']} {r['year']}")
    return [
        {
            "title": citation,
            "reference_id": reference_id,
            "scope": scope,
            "file": _repository_path(paths.REFERENCE_DIR, file),
            "values": sorted(values),
        }
        for (citation, reference_id, scope, file), values in sorted(cited.items())
    ]


def _resource(table: str, doc: TableDoc, blob: bytes) -> dict:
    resource = {"name": table}
    if doc.title:
        resource["title"] = doc.title
    resource.update(
        {
            "description": doc.description,
            "path": f"{table}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": len(blob),
            "hash": "sha256:" + hashlib.sha256(blob).hexdigest(),
            # as analysis.database.write_csv writes it
            "dialect": {
                "delimiter": ",",
                "doubleQuote": True,
                "header": True,
                "lineTerminator": "\n",
                "quoteChar": '"',
            },
            "schema": _schema(table, doc),
        }
    )
    return resource


def _schema(table: str, doc: TableDoc) -> dict:
    schema: dict = {
        "fields": [_field_schema(c, t, doc.fields[c]) for c, t in SCHEMAS[table].items()],
        "missingValues": [""],  # write_csv writes a missing value as an empty cell
        "primaryKey": list(PRIMARY_KEYS[table]),
    }
    keys = FOREIGN_KEYS.get(table, ())
    if keys:
        schema["foreignKeys"] = [
            {"fields": list(fields), "reference": {"resource": other, "fields": list(columns)}}
            for fields, other, columns in keys
        ]
    return schema


def _field_schema(column: str, duck_type: str, doc: FieldDoc) -> dict:
    field = {"name": column, "type": FIELD_TYPES[duck_type], "description": doc.description}
    if duck_type == "BOOLEAN":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    if doc.unit:
        field["unit"] = doc.unit
    return field


def _write_json(path: Path, descriptor: dict) -> None:
    # Keys in the order built above (fixed by the code), so the file is stable.
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")


# ---------------------------------------------------------------- the export


def export_data_package(
    database: Path = paths.DATABASE,
    out_dir: Path = paths.CURATED_DIR,
    descriptions: Path = paths.DATA_PACKAGE_YAML,
    wait: bool = True,
) -> list[Path]:
    """Write datapackage.json, parquet/<table>.parquet and the workbook into `out_dir`.

    `out_dir` must hold the build's CSV exports of the same database (the descriptor's
    resources). Everything is written into a staging folder first and then moved into
    place all or none, so a failed export leaves the previous files untouched.
    Returns the files written. Holds `out_dir` to itself (after repairing what a killed
    run left there) so it never reads a half-published build or races another export.
    """
    database, out_dir = Path(database), Path(out_dir)
    check_output_folder(out_dir)
    with open_outputs(write=[out_dir], read=[database.parent], wait=wait):
        return _export(database, out_dir, descriptions)


def _export(database: Path, out_dir: Path, descriptions: Path) -> list[Path]:
    # ---- load: descriptions, database and CSVs are checked before anything is written
    docs = load_descriptions(descriptions)
    con = _connect(database)
    try:
        csvs = {t: _checked_csv(con, database, t, out_dir / f"{t}.csv") for t in TABLES}
        # ---- transform
        descriptor = _descriptor(docs, con, csvs)
        quotes = dict(
            con.execute("SELECT observation_id, quote FROM plans.observations").fetchall()
        )
        sheets = [comparison_sheet(con, docs.workbook)]
        sheets += [data_sheet(con, t, docs, quotes, _rows(con, t)) for t in TABLES]
        # ---- save
        return _save(con, out_dir, descriptor, docs, sheets)
    finally:
        con.close()


def _save(con, out_dir: Path, descriptor: dict, docs: Descriptions, sheets: list[Sheet]):
    parquet_dir = out_dir / paths.PARQUET_DIR.name
    staging = Path(tempfile.mkdtemp(prefix=".data-package-", suffix=".tmp", dir=out_dir))
    try:
        targets: dict[Path, Path] = {}
        staged = staging / paths.DATAPACKAGE_JSON.name
        _write_json(staged, descriptor)
        targets[staged] = out_dir / staged.name
        for table in TABLES:
            staged = staging / f"{table}.parquet"
            _write_parquet(con, table, staged)
            targets[staged] = parquet_dir / staged.name
        staged = staging / paths.WORKBOOK_XLSX.name
        write_workbook(staged, docs, sheets)
        targets[staged] = out_dir / staged.name
        parquet_dir.mkdir(exist_ok=True)
        # all or none, even if killed: the next start completes or undoes it
        publish(targets, out_dir, cleanup=[staging])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return list(targets.values())
