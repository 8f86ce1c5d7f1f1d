"""Publishing a set of finished files all or none, even if the process is killed.

Every file is staged and fsynced first. Then a journal listing the intended moves (staged
file, target, where the previous target is set aside, and the new file's SHA-256) is
written to a temporary name, fsynced and renamed into place: the journal exists complete
or not at all. Only then are the moves made; the set-aside files and the journal are
deleted last. A process killed at any instant therefore leaves either no journal (nothing
moved yet: the old set is intact) or a complete journal, from which `recover` finishes
the moves (every new file is still staged or already in place) or, if a staged file has
gone missing, puts every previous file back.

Test hook: with ANALYSIS_FAULT_AT=<step name or number> the process kills itself with
SIGKILL right before that step; ANALYSIS_FAULT_LOG=<file> appends each step's name.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
from dataclasses import dataclass
from pathlib import Path

JOURNAL = ".publish-journal.json"
FAULT_AT = "ANALYSIS_FAULT_AT"
FAULT_LOG = "ANALYSIS_FAULT_LOG"


class PublishError(Exception):
    """A target that publishing must not touch (a folder, say); nothing has moved."""


@dataclass(frozen=True)
class Move:
    staged: Path
    target: Path
    backup: Path | None  # where the previous target is set aside; None if there is none
    sha256: str


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_durable(path: Path, digest: str | None = None) -> str:
    """Flush a staged file to disk and return its SHA-256 (`digest`: already known, as
    computed while the file was written): what publish needs of each staged file before
    it writes the journal, done beforehand (the build does it while its database is
    still being finished)."""
    digest = digest or sha256(path)
    fsync_file(path)
    return digest


def fsync_dir(path: Path) -> None:
    """Make renames and deletions in `path` durable (a file's fsync does not cover them)."""
    fsync_file(path)


class _Steps:
    """Counts the publishing steps and fires the test hook."""

    def __init__(self) -> None:
        self.number = 0

    def __call__(self, name: str) -> None:
        self.number += 1
        log = os.environ.get(FAULT_LOG)
        if log:
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(name + "\n")
        if os.environ.get(FAULT_AT) in (name, str(self.number)):
            os.kill(os.getpid(), signal.SIGKILL)


def publish(
    files: dict[Path, Path],
    journal_dir: Path,
    cleanup: list[Path] = (),
    durable: dict[Path, str] | None = None,
) -> None:
    """Move each staged file onto its target, all or none; `cleanup` (staging folders) is
    removed afterwards, and by `recover` if this process dies. `durable`: staged files
    already made durable (make_durable), with their SHA-256."""
    step = _Steps()
    durable = durable or {}
    moves = []
    for staged, target in files.items():
        if target.is_dir():
            raise PublishError(f"{target}: is a folder, not a file; nothing was moved")
        backup = target.with_name(f".{target.name}.previous") if target.exists() else None
        digest = durable.get(staged) or make_durable(staged)
        moves.append(Move(Path(staged), Path(target), backup, digest))
    for folder in {m.staged.parent for m in moves}:
        fsync_dir(folder)
    step("journal")
    _write_journal(journal_dir, moves, cleanup)
    try:
        for m in moves:
            if m.backup is not None:
                step(f"aside:{m.target.name}")
                os.replace(m.target, m.backup)
            step(f"place:{m.target.name}")
            os.replace(m.staged, m.target)
        for folder in {m.target.parent for m in moves}:
            fsync_dir(folder)
    except BaseException as exc:
        try:  # an ordinary failure (permission, say): undo at once
            _roll_back(moves)
            _finish(journal_dir, moves, cleanup, step=None)
        except OSError as undo:
            exc.add_note(f"undoing it failed too ({undo}); the next start repairs {journal_dir}")
        raise
    _finish(journal_dir, moves, cleanup, step=step)


def _write_journal(journal_dir: Path, moves: list[Move], cleanup) -> None:
    record = {
        "pid": os.getpid(),
        "moves": [
            [str(m.staged), str(m.target), str(m.backup) if m.backup else None, m.sha256]
            for m in moves
        ],
        "cleanup": [str(p) for p in cleanup],
        "complete": True,
    }
    tmp = journal_dir / (JOURNAL + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(record, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, journal_dir / JOURNAL)
    fsync_dir(journal_dir)


def _finish(journal_dir: Path, moves: list[Move], cleanup, step) -> None:
    if step:
        step("drop-backups")
    for m in moves:
        if m.backup is not None:
            m.backup.unlink(missing_ok=True)
    if step:
        step("drop-journal")
    (journal_dir / JOURNAL).unlink(missing_ok=True)
    fsync_dir(journal_dir)
    for leftover in cleanup:
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _roll_back(moves: list[Move]) -> None:
    """Put every previous target back and remove new files that had no predecessor."""
    for m in moves:
        if m.backup is not None and m.backup.exists():
            os.replace(m.backup, m.target)
        elif m.backup is None and not m.staged.exists() and _is(m.target, m.sha256):
            m.target.unlink()  # it is ours: the journal says there was nothing before
        m.staged.unlink(missing_ok=True)
    for folder in {m.target.parent for m in moves}:
        fsync_dir(folder)


def _roll_forward(moves: list[Move]) -> None:
    for m in moves:
        if m.staged.exists():
            os.replace(m.staged, m.target)  # replaces the old target, if still there
    for folder in {m.target.parent for m in moves}:
        fsync_dir(folder)


def _is(path: Path, digest: str) -> bool:
    return path.is_file() and sha256(path) == digest


def _can_roll_forward(moves: list[Move]) -> bool:
    """Every new file is either still staged or already in place, intact."""
    return all(_is(m.staged if m.staged.exists() else m.target, m.sha256) for m in moves)


def recover(journal_dir: Path) -> str | None:
    """Finish or undo a publish interrupted in `journal_dir`; a one-line account, or None
    if there was nothing to do. The caller must hold the folder's exclusive lock."""
    path = journal_dir / JOURNAL
    if not path.exists():
        return None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if record["complete"] is not True:
            raise ValueError("incomplete")
        moves = [
            Move(Path(s), Path(t), Path(b) if b else None, h) for s, t, b, h in record["moves"]
        ]
        cleanup = [Path(p) for p in record["cleanup"]]
    except (ValueError, KeyError, TypeError):
        # _write_journal renames a complete file into place, so this one was not ours
        aside = path.with_name(JOURNAL + ".unreadable")
        os.replace(path, aside)
        return f"{path}: unreadable publishing journal set aside as {aside.name}; check the outputs"
    who = f"an interrupted publish (pid {record.get('pid')}) in {journal_dir}"
    if _can_roll_forward(moves):
        _roll_forward(moves)
        outcome = f"completed {who}: all {len(moves)} new files are in place"
    else:
        _roll_back(moves)
        outcome = f"rolled back {who} (a staged file was missing): the previous files are kept"
    _finish(journal_dir, moves, cleanup, step=None)
    return outcome
