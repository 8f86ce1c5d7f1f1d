"""What the command line prints when a command fails: never a traceback.

An expected failure (bad input, an output folder in use, a file-system error, a database
that cannot be opened) becomes `error: <file>[:<line>]: <problem>` and a one-line hint, exit
2. Anything else is a bug: one line, the full traceback saved to build/last-error.txt, exit 3.
"""

from __future__ import annotations

import errno
import sys
import traceback
from pathlib import Path

from analysis import paths
from analysis.errors import InputError
from analysis.publishing import Busy, PublishError

ERROR_LOG = paths.ROOT / "build" / "last-error.txt"
EXPECTED, UNEXPECTED = 2, 3

_OS_HINTS = {
    errno.EACCES: "no permission to write there: check the folder's permissions or choose "
    "another output folder",
    errno.EPERM: "the operation is not permitted there: check the permissions",
    errno.EROFS: "the file system is read-only: choose another output folder",
    errno.ENOSPC: "the disk is full: free some space and run again",
    errno.EDQUOT: "the disk quota is used up: free some space and run again",
    errno.EFBIG: "a file grew past the size the system allows (a full disk or a file-size "
    "limit): free space or raise the limit and run again",
    errno.ENOTDIR: "a file stands where a folder is needed: move it or choose another folder",
    errno.EISDIR: "a folder stands where a file is needed: move it or choose another path",
    errno.EEXIST: "something is already in the way: move it or choose another path",
    errno.ENOENT: "it does not exist: check the path",
}


class MainJobFailed(Exception):
    """A step of the main job failed; `published` names the steps that had finished."""

    def __init__(self, step: str, published: list[str], pending: list[str], cause: Exception):
        self.step, self.published, self.pending, self.cause = step, published, pending, cause
        super().__init__(f"{step} failed: {cause}")


def _is_duckdb_error(exc: BaseException) -> bool:
    duckdb = sys.modules.get("duckdb")  # an exception from duckdb means it is imported
    return duckdb is not None and isinstance(exc, duckdb.Error)


def explain(exc: BaseException, database: Path | None = None) -> tuple[str, str | None] | None:
    """(error line, hint) for an expected failure; None for a bug."""
    if isinstance(exc, Busy):
        return f"error: {exc}", "wait for it to finish, or run again without --no-wait"
    if isinstance(exc, (InputError, PublishError)):
        return f"error: {exc}", None
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else "file system"
        problem = exc.strerror or str(exc)
        return f"error: {where}: {problem}", _OS_HINTS.get(exc.errno)
    if _is_duckdb_error(exc):
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        where = database if database is not None else paths.DATABASE
        return (
            f"error: {where}: cannot use the database: {first}",
            "another program may hold it open for writing, or it is damaged: close that "
            "program, or rebuild it with `python -m analysis build`",
        )
    return None


def report(exc: Exception, *, unchanged: str | None = None, database: Path | None = None) -> int:
    """Print a failure for a user; `unchanged` says what the failure left as it was."""
    if isinstance(exc, MainJobFailed):
        code = report(exc.cause, database=database)
        if code == EXPECTED:
            published = ", ".join(exc.published) or "nothing"
            print(f"published before the failure: {published}", file=sys.stderr)
            print(f"not published: {', '.join(exc.pending)}", file=sys.stderr)
        return code
    explained = explain(exc, database)
    if explained is None:
        saved = save_traceback(exc)
        print(
            f"error: unexpected {type(exc).__name__}: {exc} (a bug; the full traceback is "
            f"in {saved})",
            file=sys.stderr,
        )
        return UNEXPECTED
    line, hint = explained
    print(line, file=sys.stderr)
    for note in getattr(exc, "__notes__", ()):
        print(f"note: {note}", file=sys.stderr)
    if hint:
        print(f"hint: {hint}", file=sys.stderr)
    if unchanged:
        print(unchanged, file=sys.stderr)
    return EXPECTED


def save_traceback(exc: BaseException) -> Path:
    text = "".join(traceback.format_exception(exc))
    for target in (ERROR_LOG, Path("/tmp") / "analysis-last-error.txt"):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            return target
        except OSError:
            continue  # the output folder may be what is failing: try the next place
    return Path("(not saved: nowhere writable)")
