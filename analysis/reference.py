"""The national reference layer (data/raw/reference/): values with their row spans."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

from analysis.codebook import Indicator
from analysis.errors import InputError, line_of
from analysis.rules import COMPARATORS
from analysis.sources import inside_folder
from analysis.validation import load_checked
from analysis.yamlio import load_yaml

COLUMNS = [
    "scope",
    "indicator_id",
    "name_zh",
    "year",
    "role",
    "comparator",
    "value",
    "unit",
    "source",
]


ROLES = {"historical", "baseline", "midpoint", "milestone", "target"}  # as observations


def reference_files(registry: Path) -> list[Path]:
    """The reference files the registry lists (for the build's input list)."""
    registry = Path(registry)
    return [registry.parent / e["file"] for e in load_yaml(registry).get("references") or []]


def load_reference(registry: Path, book: dict[str, Indicator]) -> list[dict]:
    """Every reference row, checked against its checksum and the codebook."""
    registry = Path(registry)
    data, lines = load_checked(registry, "sources")
    rows: list[dict] = []
    seen: dict[tuple[str, int], str] = {}  # (indicator_id, year) -> file:line of its row
    for i, entry in enumerate(data.get("references") or []):
        path = inside_folder(registry, lines, ("references", i, "file"), entry["file"])
        if not path.is_file():
            raise InputError(path, "reference file is missing")
        blob = path.read_bytes()
        if hashlib.sha256(blob).hexdigest() != entry["sha256"]:
            raise InputError(path, "checksum mismatch with sources.yaml")
        try:
            text = blob.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid UTF-8 at byte {exc.start}") from exc
        for row in _rows(path, text, entry, book):
            # the metrics look a national value up by (indicator, year): a second row for
            # the same pair would silently replace the first
            key = (row["indicator_id"], row["year"])
            if key in seen:
                raise InputError(
                    path,
                    f"a second value for {key[0]} in {key[1]} (first at {seen[key]})",
                    row["line"],
                )
            seen[key] = f"{path.name}:{row['line']}"
            rows.append(row)
    return rows


def _rows(path: Path, text: str, entry: dict, book) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames != COLUMNS:
        raise InputError(path, f"columns must be {COLUMNS}, got {reader.fieldnames}", 1)
    # character offset of each physical line, to give every row its raw span
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    out = []
    for row in reader:
        line = reader.line_num
        start, end = starts[line - 1], starts[line]
        quote = text[start:end].rstrip("\r\n")
        year, value = _check_row(path, line, row, entry, book)
        out.append(
            {
                "reference_id": entry["reference_id"],
                "scope": row["scope"],
                "indicator_id": row["indicator_id"],
                "year": year,
                "role": row["role"],
                "comparator": row["comparator"],
                "value": value,
                "unit": row["unit"],
                "citation": row["source"],
                "file": path.name,
                "line": line_of(text, start),
                "char_start": start,
                "char_end": start + len(quote),
                "quote": quote,
            }
        )
    return out


def _check_row(path: Path, line: int, row: dict, entry: dict, book) -> tuple[int, float]:
    """The row's year and value, after checking every cell; an InputError at its line."""
    if None in row or None in row.values():  # DictReader: extra cells / missing cells
        raise InputError(
            path, f"the row does not have the {len(COLUMNS)} cells of the header", line
        )
    blank = [c for c in COLUMNS if not row[c].strip()]
    if blank:
        raise InputError(path, f"empty cell(s): {', '.join(blank)}", line)
    if row["scope"] != entry["scope"]:
        raise InputError(
            path, f"scope {row['scope']!r} differs from {entry['scope']!r} in sources.yaml", line
        )
    iid = row["indicator_id"]
    if iid not in book:
        raise InputError(path, f"unknown indicator_id {iid!r}", line)
    if row["comparator"] not in COMPARATORS:
        raise InputError(
            path, f"comparator {row['comparator']!r} not in {sorted(COMPARATORS)}", line
        )
    if row["role"] not in ROLES:
        raise InputError(path, f"role {row['role']!r} not in {sorted(ROLES)}", line)
    if row["unit"] != book[iid].unit:
        raise InputError(path, f"unit {row['unit']!r} differs from the codebook", line)
    if not re.fullmatch(r"\d{4}", row["year"]) or not 1949 <= int(row["year"]) <= 2100:
        raise InputError(path, f"year {row['year']!r} is not a year from 1949 to 2100", line)
    # a plain decimal: float() would also take inf, nan, 1e999 and 1_000
    if not re.fullmatch(r"-?\d{1,15}(?:\.\d{1,15})?", row["value"].strip()):
        raise InputError(path, f"value {_short(row['value'])} is not a number", line)
    value = float(row["value"])
    problem = book[iid].out_of_range(value)
    if problem:
        raise InputError(path, f"value {problem}", line)
    return int(row["year"]), value


def _short(text: str) -> str:
    return repr(text) if len(text) <= 40 else f"{text[:20]!r}... ({len(text)} characters)"
