"""The source registry (data/raw/sources.yaml) and checked reading of the raw texts."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import InputError, line_of
from analysis.validation import load_checked, refuse
from analysis.yamlio import Lines, load_yaml, require_list

# Also the enum of data/schemas/sources.schema.json (a test keeps the two equal); the cli
# and add-source offer these.
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
    """Read and validate the registry (data/schemas/sources.schema.json, then the checks
    across entries); files are resolved next to it and must stay inside its folder."""
    registry = Path(registry)
    data, lines = load_checked(registry, "sources")
    first: dict[tuple[str, str], int | None] = {}  # (key, value) -> line of its first entry
    folder = registry.parent.resolve()  # once: a resolve walks every folder up to the root
    sources = []
    for i, entry in enumerate(data["sources"]):
        at = ("sources", i)
        for key in ("source_id", "city_id", "file"):
            # one city, one plan: two plans of a city would be read as one city's values
            seen = first.setdefault((key, str(entry[key])), entry.line)
            if seen != entry.line:
                raise refuse(
                    registry,
                    lines,
                    (*at, key),
                    f"duplicate {key} {entry[key]!r} (first at line {seen})",
                )
        if entry["period_start"] > entry["period_end"]:
            raise refuse(
                registry,
                lines,
                (*at, "period_end"),
                f"period_end {entry['period_end']} is before period_start {entry['period_start']}",
            )
        if entry["baseline_year"] > entry["period_end"]:
            raise refuse(
                registry,
                lines,
                (*at, "baseline_year"),
                f"baseline_year {entry['baseline_year']} is after period_end {entry['period_end']}",
            )
        path = inside_folder(registry, lines, (*at, "file"), entry["file"], folder)
        meta = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in entry.items()}
        sources.append(Source(entry["source_id"], entry["city_id"], path, meta))
    return sources


def inside_folder(
    registry: Path, lines: Lines, at: tuple, file: str, folder: Path | None = None
) -> Path:
    """The registered file, refused when it (or a symlink on the way) leads out of data/raw
    (`folder`: the registry's folder, resolved).

    A registry entry is trusted to name a plan, not any file on the machine: ../../x, an
    absolute path or a link to elsewhere would be read (and published) as a plan.
    """
    folder = folder or registry.parent.resolve()
    path = registry.parent / file
    # os.path.realpath on the string: what Path.resolve does, without its Path objects
    if not Path(os.path.realpath(path)).is_relative_to(folder):
        raise refuse(
            registry,
            lines,
            at,
            f"file {file!r} is outside {registry.parent} (the registry's folder); "
            "copy the plan into that folder",
        )
    return path


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
    registered.add(registry.resolve())
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and not path.name.startswith(".")
        and not path.name.lower().startswith("readme")
        and path.resolve() not in registered
    )
