"""The source registry (data/raw/sources.yaml) and checked reading of the raw texts."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import InputError, line_of
from analysis.yamlio import load_yaml, require_fields, require_list

REQUIRED = [
    "source_id",
    "city_id",
    "file",
    "sha256",
    "city_name_zh",
    "city_name_en",
    "province_zh",
    "province_en",
    "admin_level",
    "title_zh",
    "title_en",
    "document_type",
    "period_start",
    "period_end",
    "baseline_year",
]
DOCUMENT_TYPES = {"five_year_plan", "annual_work_plan", "outline"}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Source:
    source_id: str
    city_id: str
    path: Path
    meta: dict  # every field of the registry entry, for the `sources` table

    @property
    def baseline_year(self) -> int:
        return int(self.meta["baseline_year"])

    @property
    def period_end(self) -> int:
        return int(self.meta["period_end"])

    @property
    def midpoint_year(self) -> int | None:
        value = self.meta.get("midpoint_year")
        return int(value) if value is not None else None


def load_sources(registry: Path) -> list[Source]:
    """Read and validate the registry; files are resolved next to it."""
    registry = Path(registry)
    entries = require_list(registry, load_yaml(registry), "sources")
    seen_ids: dict[str, int | None] = {}
    seen_files: dict[str, int | None] = {}
    sources = []
    for entry in entries:
        require_fields(registry, entry, REQUIRED, "source entry")
        sid = str(entry["source_id"])
        for key in ("source_id", "city_id"):
            if not _ID.match(str(entry[key])):
                raise InputError(registry, f"{key} {entry[key]!r} is not snake_case", entry.line)
        if sid in seen_ids:
            raise InputError(
                registry, f"duplicate source_id {sid!r} (first at line {seen_ids[sid]})", entry.line
            )
        if entry["file"] in seen_files:
            raise InputError(registry, f"file {entry['file']!r} is registered twice", entry.line)
        if entry["document_type"] not in DOCUMENT_TYPES:
            raise InputError(
                registry,
                f"document_type {entry['document_type']!r} is not one of {sorted(DOCUMENT_TYPES)}",
                entry.line,
            )
        if not re.fullmatch(r"[0-9a-f]{64}", str(entry["sha256"])):
            raise InputError(registry, f"sha256 of {sid!r} is not 64 hex digits", entry.line)
        seen_ids[sid] = entry.line
        seen_files[entry["file"]] = entry.line
        meta = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in entry.items()}
        sources.append(Source(sid, str(entry["city_id"]), registry.parent / entry["file"], meta))
    return sources


def read_raw(source: Source) -> str:
    """The raw text, after checking existence, checksum and encoding. Never modified."""
    path = source.path
    if not path.is_file():
        raise InputError(path, f"raw file of source {source.source_id!r} is missing")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != source.meta["sha256"]:
        raise InputError(
            path,
            f"checksum mismatch: sha256 is {digest}, sources.yaml expects {source.meta['sha256']}",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8", errors="replace")
        raise InputError(
            path,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "is it GBK? convert it to UTF-8 and record the new sha256",
            line_of(prefix, len(prefix)),
        ) from exc


def unregistered_files(registry: Path) -> list[Path]:
    """Files in the registry's folder (data/raw) that no entry registers, sorted by name.

    Subfolders (reference/), the registry itself, README files and hidden files are not
    plans and are never reported.
    """
    registry = Path(registry)
    folder = registry.parent
    data = load_yaml(registry)
    entries = [*require_list(registry, data, "sources"), *(data.get("references") or [])]
    registered = {(folder / str(e["file"])).resolve() for e in entries if e.get("file")}
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and not path.name.startswith(".")
        and not path.name.lower().startswith("readme")
        and path.resolve() != registry.resolve()
        and path.resolve() not in registered
    )
