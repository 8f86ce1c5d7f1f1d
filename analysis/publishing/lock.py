"""One writer at a time per output folder, readers beside each other: an advisory
`fcntl.flock` on a lock file in the folder.

flock locks belong to an open file, so they vanish with the process however it dies (no
stale lock after `kill -9`). A writer removes the lock file when it is done; a process that
was waiting on the removed file notices (its inode is no longer the one at the path) and
tries again, so two processes can never both believe they hold the lock.
"""

from __future__ import annotations

import errno
import fcntl
import os
import sys
from collections.abc import Callable
from pathlib import Path

LOCK_NAME = ".outputs.lock"


class Busy(Exception):
    """Another process holds the folder and the caller asked not to wait."""

    def __init__(self, folder: Path, holder: str):
        self.folder = folder
        self.holder = holder
        super().__init__(f"{folder}: {holder} is using this output folder")


# Folders this process holds, so that a nested acquisition (the main job runs the build,
# which locks the same folder) is a no-op instead of a deadlock with ourselves.
_held: dict[Path, tuple[int, bool, int]] = {}


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except OSError:
        pid = ""
    return f"another build (pid {pid})" if pid.isdigit() else "another process"


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


def _flock(fd: int, exclusive: bool, wait: bool) -> bool:
    flags = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    try:
        fcntl.flock(fd, flags | (0 if wait else fcntl.LOCK_NB))
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            return False
        raise
    return True


def acquire(
    folder: Path, *, exclusive: bool, wait: bool = True, echo: Callable[[str], None] | None = None
) -> bool:
    """Lock `folder` (creating nothing but the lock file). Returns False if this process
    already held it (nothing to release then); raises Busy when `wait` is False."""
    folder = Path(folder).resolve()
    if folder in _held:
        fd, held_exclusive, depth = _held[folder]
        if exclusive and not held_exclusive:
            raise RuntimeError(f"{folder}: cannot upgrade a shared lock held by this process")
        _held[folder] = (fd, held_exclusive, depth + 1)
        return False
    echo = echo or (lambda line: print(line, file=sys.stderr, flush=True))
    path = folder / LOCK_NAME
    told = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not _flock(fd, exclusive, wait=False):
                if not wait:
                    raise Busy(folder, _holder(path))
                if not told:
                    echo(f"waiting for {_holder(path)} to finish with {folder} ...")
                    told = True
                _flock(fd, exclusive, wait=True)
            if _same_file(fd, path):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the holder removed the file while we waited: lock the new one
    if exclusive:
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
    _held[folder] = (fd, exclusive, 1)
    return True


def release(folder: Path) -> None:
    folder = Path(folder).resolve()
    fd, exclusive, depth = _held[folder]
    if depth > 1:
        _held[folder] = (fd, exclusive, depth - 1)
        return
    del _held[folder]
    try:
        # whoever is last out removes the file; a reader that cannot get it leaves it
        if _flock(fd, True, wait=False) and _same_file(fd, folder / LOCK_NAME):
            (folder / LOCK_NAME).unlink(missing_ok=True)
    finally:
        os.close(fd)


def holds(folder: Path) -> bool:
    return Path(folder).resolve() in _held
