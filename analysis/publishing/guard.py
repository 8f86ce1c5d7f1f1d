"""What every command that reads or writes outputs does first: lock the output folders,
repair an interrupted publish, clear what killed runs left behind, and refuse output paths
that would clobber something that is not an output.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from analysis import paths
from analysis.errors import InputError
from analysis.publishing import lock
from analysis.publishing.journal import JOURNAL, recover

# Names of what a killed build or data export leaves behind in an output folder: staging
# folders, DuckDB files being written, a journal being written, set-aside previous files.
LEFTOVER_DIRS = (".build-*", ".data-package-*")
LEFTOVER_FILES = ("*.duckdb.*.tmp", "*.duckdb.*.tmp.wal", JOURNAL + ".tmp", ".*.previous")
DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file


class OutputPathError(InputError):
    """An output path that would overwrite or move something that is not an output."""


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def needs_repair(folder: Path) -> bool:
    if (folder / JOURNAL).exists():
        return True
    return any(next(folder.glob(pattern), None) for pattern in LEFTOVER_DIRS + LEFTOVER_FILES)


def repair(folder: Path, echo: Callable[[str], None] = _stderr) -> None:
    """Finish or undo an interrupted publish, then remove leftovers (exclusive lock held)."""
    outcome = recover(folder)
    if outcome:
        echo(outcome)
    removed, size = 0, 0
    for pattern in LEFTOVER_DIRS:
        for path in folder.glob(pattern):
            size += sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
            shutil.rmtree(path)
            removed += 1
    for pattern in LEFTOVER_FILES:
        for path in folder.glob(pattern):
            original = path.with_name(path.name[1:].removesuffix(".previous"))
            if path.name.endswith(".previous") and not original.exists():
                path.replace(original)  # a previous file nobody put back (an older version)
                continue
            size += path.stat().st_size
            path.unlink()
            removed += 1
    if removed:
        echo(f"removed {removed} leftovers of interrupted runs from {folder} ({size / 1e6:.1f} MB)")


@contextmanager
def open_outputs(
    write: Sequence[Path] = (),
    read: Sequence[Path] = (),
    *,
    wait: bool = True,
    echo: Callable[[str], None] = _stderr,
) -> Iterator[None]:
    """Hold `write` folders exclusively and `read` folders shared, repaired, for the block.

    Folders are locked in one order (sorted) so two commands cannot deadlock. A missing
    `write` folder is created; a missing `read` folder is simply not locked.
    """
    modes: dict[Path, bool] = {}
    for folder in read:
        if Path(folder).is_dir():
            modes[Path(folder).resolve()] = False
    for folder in write:
        Path(folder).mkdir(parents=True, exist_ok=True)
        modes[Path(folder).resolve()] = True
    with ExitStack() as stack:
        for folder in sorted(modes):
            _hold(stack, folder, modes[folder], wait, echo)
        yield


def _hold(stack: ExitStack, folder: Path, exclusive: bool, wait: bool, echo) -> None:
    if lock.holds(folder):  # nested inside this process's own command: already repaired
        lock.acquire(folder, exclusive=exclusive)
        stack.callback(lock.release, folder)
        return
    if not exclusive and needs_repair(folder):
        # a reader repairs too, but only with the folder to itself
        lock.acquire(folder, exclusive=True, wait=wait, echo=echo)
        try:
            repair(folder, echo)
        finally:
            lock.release(folder)
    lock.acquire(folder, exclusive=exclusive, wait=wait, echo=echo)
    stack.callback(lock.release, folder)
    if exclusive:
        repair(folder, echo)


# ---------------------------------------------------------------- output paths


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_folder(folder: Path) -> None:
    """Refuse an exports folder that is a file, or an input folder of the project."""
    resolved = Path(folder).resolve()
    if resolved.exists() and not resolved.is_dir():
        raise OutputPathError(folder, "is a file, not a folder; give a folder for the exports")
    _check_not_input(folder, resolved)


def _check_not_input(given: Path, resolved: Path) -> None:
    if resolved in (paths.ROOT, paths.DATA_DIR) or _inside(resolved, paths.RAW_DIR):
        raise OutputPathError(
            given,
            "is not an output location (the repository, data/ or data/raw would be "
            f"overwritten); use {paths.CURATED_DIR.relative_to(paths.ROOT)}/ or build/",
        )
    inside_repo = _inside(resolved, paths.ROOT)
    outputs = (paths.CURATED_DIR, paths.ROOT / "build")
    if inside_repo and not any(_inside(resolved, folder) for folder in outputs):
        raise OutputPathError(
            given,
            "inside the repository, outputs go under data/curated/ or build/ only "
            "(anywhere outside the repository is fine)",
        )


def check_database_path(database: Path, exports_dir: Path) -> None:
    """The database must be a file path in an existing folder (or the exports folder,
    which the build creates), and an existing file there must be a DuckDB database."""
    resolved = Path(database).resolve()
    if resolved.is_dir():
        raise OutputPathError(
            database, "is a folder; --database takes a file path such as data/curated/plans.duckdb"
        )
    _check_not_input(database, resolved)
    if not resolved.parent.is_dir() and resolved.parent != Path(exports_dir).resolve():
        raise OutputPathError(database, f"folder {resolved.parent} does not exist")
    if resolved.is_file() and resolved.stat().st_size > 0:
        with open(resolved, "rb") as fh:
            head = fh.read(12)
        if head[8:12] != DUCKDB_MAGIC:
            raise OutputPathError(
                database, "exists and is not a DuckDB database; refusing to overwrite it"
            )
