"""The per-plan tables written out while the plans are still being read.

The worker processes render each plan's rows (RenderedRows); written after the last plan,
their CSV exports and the DuckDB load took about 3 ms a plan of the parent's serial time
(a 500-plan build: 47 MB of theme hits alone). Here each part goes out as soon as every
part before it in its table's order has arrived: appended to the staged CSV export, and,
a few megabytes at a time, inserted into the database by a thread of its own (DuckDB
works outside the GIL) while the workers read the next plans. The files are the ones
database.write_csv writes from all the parts at once, byte for byte, and the database
holds the same rows in the same order; nothing is published until the build has ended.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import duckdb

from analysis.database import (
    SCHEMAS,
    SORT_KEYS,
    RenderedRows,
    csv_header,
    load_csv_tables,
    remove_quietly,
)

# rendered rows held back before they are inserted: large enough that DuckDB reads a chunk
# at its full speed, small enough that little is left to load after the last plan
CHUNK_BYTES = 2_000_000


class DatabaseThread:
    """A DuckDB database built in a temporary file beside `db_path`, by one thread.

    The caller publishes the file (see `finish`) or, when the build fails, `abort`s,
    which removes it; the old database stays in place until then."""

    def __init__(self, db_path: Path):
        db_path = Path(db_path)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=db_path.name + ".", suffix=".tmp", dir=db_path.parent)
        os.close(fd)
        os.unlink(name)  # DuckDB wants to create the file itself
        self.path = Path(name)
        # no thread until the first rows come, after the first plan is read: by then every
        # worker process is forked (a fork while DuckDB runs could copy a held lock)
        self._thread: ThreadPoolExecutor | None = None
        self._waiting: list[tuple] = []
        self._jobs: list[Future] = []
        self._con = None
        self._run(self._connect)

    def _run(self, job, *args) -> None:
        if self._thread is None:
            self._waiting.append((job, *args))
        else:
            self._jobs.append(self._thread.submit(job, *args))

    def _start(self) -> None:
        if self._thread is None:
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="database")
            for job, *args in self._waiting:
                self._run(job, *args)
            self._waiting.clear()

    def _connect(self) -> None:
        self._con = duckdb.connect(str(self.path))
        # one thread: the workers reading the plans have every core meanwhile, and DuckDB's
        # own threads spent more on handing chunks of a few MB around than they saved
        self._con.execute("SET threads = 1")

    def create(self, table: str) -> None:
        columns = ", ".join(f'"{c}" {t}' for c, t in SCHEMAS[table].items())
        self._run(self._execute, f"CREATE TABLE {table} ({columns})")

    def append(self, table: str, chunk: Path) -> None:
        """Insert the rows of a headerless CSV file, then remove the file."""
        self._start()
        self._run(self._append, table, chunk)

    def _append(self, table: str, chunk: Path) -> None:
        columns = ", ".join(f"'{c}': '{t}'" for c, t in SCHEMAS[table].items())
        self._execute(
            f"INSERT INTO {table} SELECT * FROM read_csv(?, header = false, "
            f"columns = {{{columns}}}, nullstr = '', quote = '\"', escape = '\"', "
            "auto_detect = false)",
            [str(chunk)],
        )
        chunk.unlink()

    def _execute(self, sql: str, parameters=None) -> None:
        if self._con is None:  # the connection failed: its error is raised by `finish`
            return
        self._con.execute(sql, parameters)

    def finish(self, csv_paths: dict[str, Path]) -> Path:
        """Load the CSV exports of the other tables, write the file out and return its
        path; the first error any step met is raised here."""
        self.start_finishing(csv_paths)
        return self.finished()

    def start_finishing(self, csv_paths: dict[str, Path]) -> None:
        """`finish`, in the background: `finished` waits for it."""
        self._start()
        self._run(self._finish, csv_paths)

    def finished(self) -> Path:
        self._thread.shutdown(wait=True)
        for job in self._jobs:
            job.result()
        remove_quietly(Path(f"{self.path}.wal"))
        return self.path

    def _finish(self, csv_paths: dict[str, Path]) -> None:
        if self._con is None:
            return
        load_csv_tables(self._con, csv_paths)
        self._con.execute("CHECKPOINT")
        self._close()

    def _close(self) -> None:
        if self._con is not None:
            con, self._con = self._con, None
            con.close()

    def abort(self) -> None:
        """Stop (after the statement under way), close and remove the file."""
        if self._thread is not None:
            self._thread.shutdown(wait=True, cancel_futures=True)
        try:
            self._close()
        finally:
            remove_quietly(self.path)
            remove_quietly(Path(f"{self.path}.wal"))


class TableStream:
    """One table's parts (RenderedRows, one per lead) written in the order of their leads
    as they come in, whatever order they come in: the staged CSV export, and the database
    (if any) a chunk at a time."""

    def __init__(
        self, table: str, leads: list[str], staging: Path, database: DatabaseThread | None
    ):
        self.table, self.path = table, staging / f"{table}.csv"
        self._leads = sorted(leads)  # a lead (an id) is never empty: plain order is row order
        self._known = set(leads)
        self._next = 0  # index in _leads of the first part not yet written
        self._waiting: dict[str, bytes] = {}  # lead -> UTF-8 lines, for parts that came early
        self._seen: set[str] = set()
        self._pending: list[bytes] = []  # written to the export, not yet to the database
        self._pending_size = 0
        self._chunks = 0
        self._database = database
        self._file = open(self.path, "wb")  # noqa: SIM115
        # hashed as it is written, for publishing's journal: not read back after the last
        # plan (at 200 plans, 27 MB of the 35 MB the journal hashes: ~45 ms of the tail)
        self._hash = hashlib.sha256()
        self._put(csv_header(table))
        if database is not None:
            database.create(table)

    def add(self, part: RenderedRows) -> None:
        if part.lead in self._seen or part.lead not in self._known:
            raise ValueError(
                f"{self.table}: two parts rendered apart share {SORT_KEYS[self.table][0]}"
                if part.lead in self._seen
                else f"{self.table}: a part for {part.lead!r}, which is not in the build"
            )
        self._seen.add(part.lead)
        self._waiting[part.lead] = part.utf8
        while self._next < len(self._leads) and self._leads[self._next] in self._waiting:
            self._write(self._waiting.pop(self._leads[self._next]))
            self._next += 1

    def _put(self, data: bytes) -> None:
        self._file.write(data)
        self._hash.update(data)

    def _write(self, lines: bytes) -> None:
        if not lines:
            return
        self._put(lines)
        if self._database is not None:
            self._pending.append(lines)
            self._pending_size += len(lines)
            if self._pending_size >= CHUNK_BYTES:
                self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        self._chunks += 1
        chunk = self.path.with_name(f"{self.table}.chunk{self._chunks}.csv")
        with open(chunk, "wb") as fh:
            fh.writelines(self._pending)
        self._pending, self._pending_size = [], 0
        self._database.append(self.table, chunk)

    @property
    def sha256(self) -> str:
        """The SHA-256 of what has been written (the whole export once closed)."""
        return self._hash.hexdigest()

    def close(self) -> Path:
        """The staged export, complete: every lead's part must have come in."""
        self._file.close()
        if self._next < len(self._leads):
            missing = self._leads[self._next]
            raise ValueError(f"{self.table}: no part for {missing!r} was rendered")
        self._flush()
        return self.path

    def discard(self) -> None:
        self._file.close()
