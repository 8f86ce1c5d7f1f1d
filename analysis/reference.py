"""The national reference layer (data/raw/reference/): values with their row spans."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from analysis.codebook import Indicator
from analysis.errors import InputError, line_of
from analysis.rules import COMPARATORS
from analysis.yamlio import load_yaml, require_fields

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


def reference_files(registry: Path) -> list[Path]:
    """The reference files the registry lists (for the build's input list)."""
    registry = Path(registry)
    return [registry.parent / e["file"] for e in load_yaml(registry).get("references") or []]


def load_reference(registry: Path, book: dict[str, Indicator]) -> list[dict]:
    """Every reference row, checked against its checksum and the codebook."""
    registry = Path(registry)
    data = load_yaml(registry)
    rows: list[dict] = []
    for entry in data.get("references") or []:
        require_fields(registry, entry, ["reference_id", "file", "sha256", "scope"], "reference")
        path = registry.parent / entry["file"]
        if not path.is_file():
            raise InputError(path, "reference file is missing")
        blob = path.read_bytes()
        if hashlib.sha256(blob).hexdigest() != entry["sha256"]:
            raise InputError(path, "checksum mismatch with sources.yaml")
        try:
            text = blob.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid UTF-8 at byte {exc.start}") from exc
        rows.extend(_rows(path, text, entry["reference_id"], book))
    return rows


def _rows(path: Path, text: str, reference_id: str, book) -> list[dict]:
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
        if row["indicator_id"] not in book:
            raise InputError(path, f"unknown indicator_id {row['indicator_id']!r}", line)
        if row["comparator"] not in COMPARATORS:
            raise InputError(
                path, f"comparator {row['comparator']!r} not in {sorted(COMPARATORS)}", line
            )
        if row["unit"] != book[row["indicator_id"]].unit:
            raise InputError(path, f"unit {row['unit']!r} differs from the codebook", line)
        try:
            value = float(row["value"])
        except ValueError as exc:
            raise InputError(path, f"value {row['value']!r} is not a number", line) from exc
        out.append(
            {
                "reference_id": reference_id,
                "scope": row["scope"],
                "indicator_id": row["indicator_id"],
                "year": int(row["year"]),
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
