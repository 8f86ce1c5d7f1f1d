"""Nothing lost, nothing silently wrong: publishing under kill -9, concurrency and failures.

A build (and export-data) killed with SIGKILL right before each of its publishing steps
(the ANALYSIS_FAULT_AT hook) must be repaired by the next start to the complete old set or
the complete new set of outputs, compared file by file with the known checksums of both.
Builds run as `python -m analysis` subprocesses on a private copy of the inputs.
"""

from __future__ import annotations

import errno
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from analysis import failures, paths
from analysis.build import BuildConfig, build
from analysis.cli import main
from analysis.data_package import TABLES, export_data_package
from analysis.database import SCHEMAS
from analysis.publishing import lock, open_outputs
from analysis.publishing.journal import FAULT_AT, FAULT_LOG, JOURNAL
from tests.conftest import copy_inputs

ENV = {**os.environ, "PYTHONPATH": str(paths.ROOT)}
DB = "plans.duckdb"
BUILD_TARGETS = [f"{table}.csv" for table in SCHEMAS] + [DB]
PACKAGE_TARGETS = (
    [paths.DATAPACKAGE_JSON.name]
    + [f"parquet/{table}.parquet" for table in TABLES]
    + [paths.WORKBOOK_XLSX.name]
)


def steps(targets: list[str]) -> list[str]:
    """Every publishing step when each target already exists (journal.publish names them)."""
    moves = [f"{kind}:{Path(t).name}" for t in targets for kind in ("aside", "place")]
    return ["journal", *moves, "drop-backups", "drop-journal"]


BUILD_STEPS = steps(BUILD_TARGETS)


# build_inputs.csv names the inputs by absolute path outside the repository, so it (and
# the database holding it) differs between copies of a project; state() checks them apart.
COPY_SPECIFIC = ("build_inputs.csv", DB)


@dataclass
class Project:
    """Private inputs (raw/, curated/) and outputs (out/)."""

    root: Path

    @property
    def out(self) -> Path:
        return self.root / "out"

    def build_args(self, *extra: str) -> list[str]:
        curated = self.root / "curated"
        return [
            "build",
            f"--registry={self.root / 'raw' / paths.SOURCES_YAML.name}",
            f"--codebook={curated / paths.CODEBOOK_YAML.name}",
            f"--rules={curated / paths.EXTRACTION_RULES_YAML.name}",
            f"--corrections={curated / paths.CORRECTIONS_YAML.name}",
            f"--themes={curated / paths.THEME_CODEBOOK_YAML.name}",
            f"--database={self.out / DB}",
            f"--exports-dir={self.out}",
            *extra,
        ]

    def config(self) -> BuildConfig:
        args = dict(a.removeprefix("--").split("=", 1) for a in self.build_args()[1:])
        return BuildConfig(**{k.replace("-", "_"): Path(v) for k, v in args.items()})

    def run(self, args: list[str], env: dict | None = None, **kwargs):
        return subprocess.run(
            [sys.executable, "-m", "analysis", *args],
            env={**ENV, **(env or {})},
            capture_output=True,
            text=True,
            **kwargs,
        )

    def listing(self) -> dict[str, str]:
        """Every file under out/ (hidden ones too) with its SHA-256."""
        return {
            p.relative_to(self.out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(self.out.rglob("*"))
            if p.is_file()
        }


def new_project(folder: Path) -> Project:
    copy_inputs(folder)
    return Project(folder)


def mark_old(project: Project, names: list[str]) -> None:
    """Make every file of the old set differ from what the next run writes."""
    for name in names:
        path = project.out / name
        if name == DB:
            con = duckdb.connect(str(path))
            con.execute("CREATE TABLE old_marker AS SELECT 1 AS x")
            con.close()
        else:
            with path.open("ab") as fh:
                fh.write(b"\n")


def _inputs(project: Project) -> list[str]:
    """build_inputs.csv without its root folder and build id, which differ between copies."""
    text = (project.out / "build_inputs.csv").read_text(encoding="utf-8")
    return [
        line.split(",", 1)[1]
        for line in text.replace(str(project.root), "<root>").splitlines()[1:]
        if line
    ]


def state(project: Project, sets: Sets) -> str:
    """'old' or 'new' if every output is that set's and nothing else is there; else the
    files that are neither."""
    now = project.listing()
    if now == sets.old:
        return "old"
    wrong = sorted(set(now) ^ set(sets.new))
    wrong += [n for n in now if n in sets.new and n not in COPY_SPECIFIC and now[n] != sets.new[n]]
    if "build_inputs.csv" in now and _inputs(project) != sets.new_inputs:
        wrong.append("build_inputs.csv")
    if DB in now:
        csv_id = (project.out / "build_inputs.csv").read_text().split("\n")[1].split(",")[0]
        with duckdb.connect(str(project.out / DB), read_only=True) as con:
            marker = "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'old_marker'"
            db_id = con.execute("SELECT min(build_id) FROM build_inputs").fetchone()[0]
            if con.execute(marker).fetchone()[0] or db_id != csv_id:
                wrong.append(DB)  # the old database, or one from another build than the CSVs
    return "new" if not wrong else f"neither old nor new: {wrong}"


def repair(project: Project, capsys) -> str:
    """What the next start of any command does first; returns what it said on stderr."""
    with open_outputs(write=[project.out]):
        pass
    return capsys.readouterr().err


# ---------------------------------------------------------------- the build, killed


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A built project whose outputs are marked as the old set, and the new set's sums."""
    project = new_project(tmp_path_factory.mktemp("built"))
    build(project.config())
    new, new_inputs = project.listing(), _inputs(project)
    mark_old(project, BUILD_TARGETS)
    return Sets(project, project.listing(), new, new_inputs)


@dataclass
class Sets:
    project: Project  # its outputs are the old set
    old: dict[str, str]
    new: dict[str, str]
    new_inputs: list[str]


def _copy(project: Project, folder: Path) -> Project:
    shutil.copytree(project.root, folder)
    return Project(folder)


@pytest.fixture(scope="module")
def killed_builds(built, tmp_path_factory):
    """One copy per step, each build killed right before that step (run in parallel)."""
    project = built.project
    base = tmp_path_factory.mktemp("killed")
    copies = {step: _copy(project, base / f"step{i}") for i, step in enumerate(BUILD_STEPS)}

    def kill_at(step):
        return copies[step].run(copies[step].build_args(), env={FAULT_AT: step}).returncode

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        codes = dict(zip(BUILD_STEPS, pool.map(kill_at, BUILD_STEPS), strict=True))
    return copies, codes


def test_the_fault_steps_are_every_publishing_step_of_a_build(built, tmp_path):
    project = _copy(built.project, tmp_path / "p")
    log = tmp_path / "steps.log"
    assert project.run(project.build_args(), env={FAULT_LOG: str(log)}).returncode == 0
    assert sorted(log.read_text().split()) == sorted(BUILD_STEPS)  # in the build's order


@pytest.mark.parametrize("step", BUILD_STEPS)
def test_a_build_killed_at_any_step_is_repaired_to_one_complete_set(
    built, killed_builds, step, capsys
):
    copies, codes = killed_builds
    project = copies[step]
    assert codes[step] == -signal.SIGKILL
    said = repair(project, capsys)
    # before the journal exists nothing has moved; after, every new file is ready
    expected = "old" if step == "journal" else "new"
    assert state(project, built) == expected
    if expected == "new":
        assert said.startswith("completed an interrupted publish"), said
    else:
        assert said.startswith("removed 2 leftovers of interrupted runs"), said
    assert len(said.splitlines()) == 1


def test_the_next_build_repairs_first_and_says_so(built, tmp_path):
    project = _copy(built.project, tmp_path / "p")
    killed = project.run(project.build_args(), env={FAULT_AT: "place:observations.csv"})
    assert killed.returncode == -signal.SIGKILL
    again = project.run(project.build_args())
    assert again.returncode == 0, again.stderr
    assert again.stderr.startswith("completed an interrupted publish (pid ")
    assert state(project, built) == "new"


def test_a_staged_file_lost_after_the_kill_rolls_back_to_the_old_set(built, tmp_path, capsys):
    project = _copy(built.project, tmp_path / "p")
    killed = project.run(project.build_args(), env={FAULT_AT: "place:observations.csv"})
    assert killed.returncode == -signal.SIGKILL
    (staging,) = project.out.glob(".build-*")
    (staging / "theme_hits.csv").unlink()  # not yet moved when the build died
    said = repair(project, capsys)
    assert said.startswith("rolled back an interrupted publish"), said
    assert state(project, built) == "old"


def test_an_unreadable_journal_is_set_aside_and_nothing_moves(built, tmp_path, capsys):
    project = _copy(built.project, tmp_path / "p")
    (project.out / JOURNAL).write_text('{"moves": [["a", "b", nu', encoding="utf-8")
    said = repair(project, capsys)
    assert "unreadable publishing journal" in said
    assert (project.out / (JOURNAL + ".unreadable")).exists()
    (project.out / (JOURNAL + ".unreadable")).unlink()
    assert state(project, built) == "old"


# ---------------------------------------------------------------- export-data, killed

# first, middle and last moves, and the clean-up (every step costs a subprocess)
PACKAGE_STEPS = [
    "journal",
    "aside:datapackage.json",
    "place:sources.parquet",
    "place:city_education_plans.xlsx",
    "drop-backups",
    "drop-journal",
]


@pytest.fixture(scope="module")
def packaged(tmp_path_factory):
    project = new_project(tmp_path_factory.mktemp("packaged"))
    build(project.config())
    export_data_package(project.out / DB, project.out)
    new = {n: s for n, s in project.listing().items() if n in PACKAGE_TARGETS}
    mark_old(project, PACKAGE_TARGETS)
    return project, new


@pytest.mark.parametrize("step", PACKAGE_STEPS)
def test_export_data_killed_is_repaired_to_one_complete_package(packaged, step, tmp_path, capsys):
    project = _copy(packaged[0], tmp_path / "p")
    old = {n: s for n, s in project.listing().items() if n in PACKAGE_TARGETS}
    args = ["export-data", f"--database={project.out / DB}", f"--out-dir={project.out}"]
    assert project.run(args, env={FAULT_AT: step}).returncode == -signal.SIGKILL
    repair(project, capsys)
    now = project.listing()
    package = {n: s for n, s in now.items() if n in PACKAGE_TARGETS}
    assert package == (old if step == "journal" else packaged[1])
    assert not [n for n in now if Path(n).name.startswith(".")]


# ---------------------------------------------------------------- two builds at once


def test_two_builds_at_once_both_finish_and_the_outputs_are_complete(built, tmp_path):
    project = _copy(built.project, tmp_path / "p")
    cmd = [sys.executable, "-m", "analysis", *project.build_args()]
    procs = [
        subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [(p.wait(60), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0], results
    assert state(project, built) == "new"


def test_a_second_build_waits_or_fails_clearly_with_no_wait(built, tmp_path):
    project = _copy(built.project, tmp_path / "p")
    lock.acquire(project.out, exclusive=True)  # this process plays the first build
    try:
        refused = project.run(project.build_args("--no-wait"))
        assert refused.returncode == 2
        first = refused.stderr.splitlines()[0]
        assert first == f"error: {project.out.resolve()}: another build (pid {os.getpid()}) " + (
            "is using this output folder"
        )
        assert "without --no-wait" in refused.stderr
        held = project.listing()
        assert held.pop(lock.LOCK_NAME) and held == built.old
        waiting = subprocess.Popen(
            [sys.executable, "-m", "analysis", *project.build_args()],
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        said = waiting.stderr.readline()
        assert said.startswith(f"waiting for another build (pid {os.getpid()}) to finish")
        time.sleep(0.2)
        assert waiting.poll() is None
    finally:
        lock.release(project.out)
    assert waiting.wait(60) == 0
    assert state(project, built) == "new"


# ---------------------------------------------------------------- file-system failures


def _fsize_limit(limit: int):
    def preexec():
        # ignored, SIGXFSZ stays ignored across exec, so a write past the limit fails with
        # EFBIG, which is what a full disk looks like to the build (ENOSPC)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


def assert_clean_failure(run, project: Project, before: dict[str, str], *fragments: str):
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert lines[0].startswith("error: "), run.stderr
    for fragment in fragments:
        assert fragment in run.stderr, run.stderr
    assert project.listing() == before


def test_a_full_disk_leaves_the_old_set(built, tmp_path):
    project = _copy(built.project, tmp_path / "p")
    before = project.listing()
    run = project.run(project.build_args(), preexec_fn=_fsize_limit(100_000))
    assert_clean_failure(run, project, before, "File too large", "hint: ", "unchanged")


def test_a_read_only_output_folder_is_a_clean_error(built, tmp_path):
    project = _copy(built.project, tmp_path / "p")
    before = project.listing()
    project.out.chmod(0o555)
    try:
        if os.access(project.out, os.W_OK):
            pytest.skip("running as root: permissions do not stop writes")
        run = project.run(project.build_args())
    finally:
        project.out.chmod(0o755)
    assert_clean_failure(run, project, before, "Permission denied", "hint: ")


def _mount(*args: str) -> bool:
    run = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    return run.returncode == 0


def test_a_read_only_file_system_is_a_clean_error(built, tmp_path):
    """Root ignores permissions, not a read-only mount: the output folder becomes a tmpfs
    holding the old outputs, remounted read-only (skipped where mounting is not allowed)."""
    project = _copy(built.project, tmp_path / "p")
    saved = tmp_path / "saved"
    shutil.copytree(project.out, saved)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a read-only file system")
    if not _mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(project.out)):
        pytest.skip("mounting a tmpfs is not allowed here")
    try:
        shutil.copytree(saved, project.out, dirs_exist_ok=True)
        before = project.listing()
        assert _mount("-o", "remount,ro", str(project.out))
        run = project.run(project.build_args())
        assert_clean_failure(run, project, before, "Read-only file system", "hint: ")
    finally:
        subprocess.run(["umount", str(project.out)], check=False)


def test_a_file_where_the_output_folder_should_be_is_a_clean_error(built, tmp_path):
    project = _copy(built.project, tmp_path / "p")
    (tmp_path / "blocker").write_text("a file, not a folder")
    out = tmp_path / "blocker" / "out"
    args = [a for a in project.build_args() if not a.startswith(("--database", "--exports"))]
    run = project.run([*args, f"--exports-dir={out}", "--database=" + str(out / DB)])
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.startswith(f"error: {out}: Not a directory"), run.stderr
    assert "hint: a file stands where a folder is needed" in run.stderr


@pytest.mark.parametrize(
    "database",
    [paths.DATA_DIR, paths.RAW_DIR, "existing-folder", paths.ROOT / "README.md", paths.ROOT],
    ids=["data", "data-raw", "existing-folder", "readme", "repository"],
)
def test_a_database_path_that_is_not_an_output_is_refused(built, tmp_path, database, capsys):
    project = _copy(built.project, tmp_path / "p")
    if database == "existing-folder":
        database = tmp_path / "folder"
        database.mkdir()
    before, data_before = project.listing(), sorted(p.name for p in paths.DATA_DIR.iterdir())
    args = [a for a in project.build_args() if not a.startswith("--database")]
    assert main([*args, f"--database={database}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {database}: "), err
    assert "nothing was written" in err
    assert project.listing() == before
    assert sorted(p.name for p in paths.DATA_DIR.iterdir()) == data_before
    assert Path(database).exists()


# ---------------------------------------------------------------- readers and other commands


@pytest.mark.parametrize("damage", ["truncated", "garbage", "locked"])
def test_export_data_on_a_bad_database_is_a_clean_error(built, tmp_path, damage):
    project = _copy(built.project, tmp_path / "p")
    database = project.out / DB
    holder = None
    if damage == "truncated":
        database.write_bytes(database.read_bytes()[:20_000])
    elif damage == "garbage":
        database.write_bytes(b"not a database at all\n" * 100)
    before = project.listing()
    if damage == "locked":
        # after listing(): closing any descriptor of the file drops this process's lock
        holder = duckdb.connect(str(database))  # another program writing it
    try:
        run = project.run(["export-data", f"--database={database}", f"--out-dir={project.out}"])
    finally:
        if holder is not None:
            holder.close()
    assert_clean_failure(run, project, before, f"error: {database}: cannot use the database")


def test_chart_export_on_a_corrupt_database_is_a_clean_error(tmp_path, monkeypatch, capsys):
    from analysis import report

    corrupt = tmp_path / DB
    corrupt.write_bytes(b"DUCK" * 1000)
    report._connection.cache_clear()
    monkeypatch.setattr(report, "_connection", lambda _db: duckdb.connect(str(corrupt)))
    code = main(["export", "growth", "--out-dir", str(tmp_path / "charts")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith(f"error: {paths.DATABASE}: cannot use the database"), err
    assert "hint: " in err


def test_reproduce_keep_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["reproduce", "--keep", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {tmp_path}: folder is not empty"), err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_reproduce_without_git_is_a_clean_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on it
    assert main(["reproduce", "--keep", str(tmp_path / "copy")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {paths.ROOT}: git is not installed"), err
    assert not (tmp_path / "copy").exists()


def test_all_names_the_steps_that_published_before_a_failure(monkeypatch, capsys):
    import analysis.build
    import analysis.data_package
    import analysis.main_job

    class Built:
        def summary(self):
            return "built"

    def no_space(**_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", "notebooks/01.ipynb")

    monkeypatch.setattr(analysis.build, "build", lambda _config: Built())
    monkeypatch.setattr(analysis.data_package, "export_data_package", lambda: [])
    monkeypatch.setattr(analysis.main_job, "execute_notebooks", no_space)
    assert main(["all"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "error: notebooks/01.ipynb: No space left on device"
    assert err[1].startswith("hint: the disk is full")
    assert err[2:] == [
        "published before the failure: build, data package",
        "not published: notebooks, report, manifest",
    ]


def test_an_unexpected_error_is_one_line_and_a_saved_traceback(tmp_path, monkeypatch, capsys):
    import analysis.locate

    def broken(*_args):
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(analysis.locate, "locate", broken)
    monkeypatch.setattr(failures, "ERROR_LOG", tmp_path / "last-error.txt")
    assert main(["locate", "x", "y"]) == failures.UNEXPECTED
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "error: unexpected RuntimeError: something nobody expected (a bug; the full "
        f"traceback is in {tmp_path / 'last-error.txt'})"
    ]
    assert "Traceback" in (tmp_path / "last-error.txt").read_text()
