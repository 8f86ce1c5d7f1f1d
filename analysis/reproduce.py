"""Reproduction for reviewers: rerun the main job from the raw texts in a clean copy and
compare every published file with the committed manifest of SHA-256 sums.

The manifest (``data/curated/manifest.sha256``, in ``sha256sum`` format so that
``sha256sum -c`` also reads it) lists every figure, every data export and every executed
notebook. `python -m analysis reproduce` copies the repository's tracked files to a
temporary folder, deletes every listed output there (so nothing stale can pass), runs the
main job with this interpreter on that copy, and reports per group
"N of N figures reproduced byte-identically"; it exits non-zero listing each file that
differs or is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from analysis import paths
from analysis.build_inputs import file_sha256
from analysis.errors import InputError
from analysis.progress import say

MANIFEST = paths.CURATED_DIR / "manifest.sha256"

#: What the main job publishes, by group; patterns are relative to the repository root.
GROUPS: dict[str, tuple[str, ...]] = {
    "figures": ("figures/*.png", "figures/*.svg", "figures/*.pdf"),
    "data exports": (
        "data/curated/*.csv",
        "data/curated/datapackage.json",
        "data/curated/parquet/*.parquet",
        "data/curated/*.xlsx",
    ),
    "notebooks": ("notebooks/*.ipynb",),
}
#: Outputs that are deleted in the copy before the rerun (notebooks are also inputs).
REGENERATED = ("figures", "data exports")


def published_files(root: Path = paths.ROOT) -> dict[str, list[str]]:
    """Group -> sorted repository-relative paths of the files the main job publishes."""
    return {
        group: sorted({p.relative_to(root).as_posix() for pat in pats for p in root.glob(pat)})
        for group, pats in GROUPS.items()
    }


def manifest_lines(root: Path = paths.ROOT) -> list[str]:
    files = sorted(f for group in published_files(root).values() for f in group)
    return [f"{file_sha256(root / f)}  {f}" for f in files]


def write_manifest(root: Path = paths.ROOT) -> Path:
    """Record the SHA-256 of every published file (the main job's last step)."""
    target = root / MANIFEST.relative_to(paths.ROOT)
    target.write_text("\n".join(manifest_lines(root)) + "\n", encoding="utf-8")
    return target


def read_manifest(path: Path = MANIFEST) -> dict[str, str]:
    """Path -> SHA-256 from a manifest file; a malformed line is an error naming it."""
    entries = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or not name:
            raise InputError(path, "expected '<sha256>  <path>'", number)
        entries[name] = digest
    return entries


@dataclass
class GroupResult:
    group: str
    expected: list[str]
    differing: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)

    @property
    def reproduced(self) -> int:
        return len(self.expected) - len(self.differing) - len(self.missing)

    @property
    def ok(self) -> bool:
        return not (self.differing or self.missing or self.unexpected)

    def line(self) -> str:
        return f"{self.reproduced} of {len(self.expected)} {self.group} reproduced byte-identically"


def compare(root: Path, manifest: dict[str, str]) -> list[GroupResult]:
    """Compare the published files under ``root`` with ``manifest``, group by group."""
    present = published_files(root)
    results = []
    for group, files in present.items():
        expected = sorted(f for f in manifest if _group_of(f) == group)
        result = GroupResult(group, expected)
        for name in expected:
            path = root / name
            if not path.is_file():
                result.missing.append(name)
            elif file_sha256(path) != manifest[name]:
                result.differing.append(name)
        result.unexpected = sorted(set(files) - set(expected))
        results.append(result)
    return results


def _group_of(name: str) -> str | None:
    """The group whose patterns match ``name`` in the same folder ("*" never crosses "/")."""
    for group, patterns in GROUPS.items():
        if any(fnmatchcase(name, p) and name.count("/") == p.count("/") for p in patterns):
            return group
    return None


def tracked_files(source: Path) -> list[str]:
    """The repository's tracked files (`git ls-files`); no git, or no repository, is an
    error naming what is missing."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=source, capture_output=True, check=True
        ).stdout.decode("utf-8")
    except FileNotFoundError as exc:
        raise InputError(
            source, "git is not installed (reproduce copies the files `git ls-files` lists)"
        ) from exc
    except subprocess.CalledProcessError as exc:
        why = exc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(
            source, f"not a git repository: git ls-files failed ({why[0] if why else exc})"
        ) from exc
    return list(filter(None, listed.split("\0")))


def clean_copy(source: Path, target: Path, names: list[str] | None = None) -> None:
    """Copy the repository's tracked files (as they are in the work tree) to ``target``."""
    for name in tracked_files(source) if names is None else names:
        src = source / name
        if src.is_file():  # a tracked file deleted in the work tree is simply absent
            dst = target / name
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)


STAGES = 3  # copy, rerun, compare


def reproduce(
    source: Path = paths.ROOT, keep: Path | None = None, echo: Callable[[str], None] = say
) -> list[GroupResult]:
    """Rerun the main job in a clean copy of ``source`` and compare with its manifest.

    Says which of its three stages it is in (the main job in the copy prints its own).
    """
    manifest = read_manifest(source / MANIFEST.relative_to(paths.ROOT))
    if keep is not None:
        _check_keep(Path(keep))
    names = tracked_files(source)  # before anything is created: no git, no copy
    workdir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="reproduce-"))
    try:
        echo(f"reproduce 1/{STAGES}: copying {len(names)} tracked files to {workdir}")
        workdir.mkdir(parents=True, exist_ok=True)
        clean_copy(source, workdir, names)
        removed = 0
        for group in REGENERATED:
            for name in published_files(workdir)[group]:
                (workdir / name).unlink()
                removed += 1
        echo(
            f"reproduce 2/{STAGES}: {removed} published outputs removed from the copy; "
            "rerunning the main job there"
        )
        env = {**os.environ, "PYTHONPATH": str(workdir)}
        # the copy's own `analysis` package (PYTHONPATH) runs in a child process, so every
        # path it writes is inside the copy
        subprocess.run(
            [sys.executable, "-m", "analysis", "all"],
            cwd=workdir,
            env=env,
            check=True,
        )
        echo(f"reproduce 3/{STAGES}: comparing every output with {MANIFEST.name}")
        return compare(workdir, manifest)
    finally:
        if keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


def _check_keep(folder: Path) -> None:
    """--keep must be new or empty: the copy would overwrite what is there."""
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "is a file; --keep takes a new or empty folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise InputError(
            folder, "folder is not empty; --keep takes a new or empty folder (nothing was copied)"
        )
