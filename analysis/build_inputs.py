"""Which files a database build read, with their SHA-256: the build's identity.

Charts and exports cite ``build_id`` so that a reader can tell which inputs a figure came
from. The id hashes input files only (not code or tool versions), so it changes exactly
when a raw text, the registry or a curated configuration file changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from analysis.paths import ROOT


def _shown(path: Path) -> str:
    path = Path(path).resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def build_inputs(files: dict[str, list[Path]], known: dict[Path, str] | None = None) -> list[dict]:
    """Rows (build_id, kind, path, sha256), one per input file, ``files`` keyed by kind.

    `known`: the SHA-256 of files this build already read and checked (each plan's bytes
    matched its registry sha256 in read_raw), so a national corpus is not read and
    hashed a second time; it is also the hash of the bytes the build actually used."""
    known = known or {}
    rows = [
        {"kind": kind, "path": _shown(p), "sha256": known.get(p) or file_sha256(p)}
        for kind, paths in files.items()
        for p in paths
    ]
    # Paths are shown relative to the repository, so a clean copy elsewhere gets the same id.
    digest = hashlib.sha256(
        "".join(f"{r['kind']} {r['path']} {r['sha256']}\n" for r in sorted(rows, key=_key)).encode()
    ).hexdigest()
    return [{"build_id": digest, **r} for r in rows]


def _key(row: dict) -> tuple[str, str]:
    return row["kind"], row["path"]
