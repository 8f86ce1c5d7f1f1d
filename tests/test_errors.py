"""Bad input stops the build with a clear InputError, and a failed build loses nothing.

Every test works on a private copy of data/raw and data/curated/*.yaml that has already been
built once successfully. It breaks one thing, checks that the error names the file (and the
line, where there is one) and the problem, and checks that the database and the CSV exports
are byte-identical to those of the earlier build, with nothing left behind beside them.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
import yaml

import analysis.build
import analysis.database
import analysis.export_stream
from analysis import paths
from analysis.build import BuildConfig, build
from analysis.cli import main
from analysis.database import SCHEMAS
from analysis.errors import InputError
from tests.conftest import copy_inputs

SIPING = "siping_2021_education_work_plan.txt"
CODEBOOK = paths.CODEBOOK_YAML.name
RULES = paths.EXTRACTION_RULES_YAML.name
CORRECTIONS = paths.CORRECTIONS_YAML.name
REGISTRY = paths.SOURCES_YAML.name
EXPORTS = {f"{table}.csv" for table in SCHEMAS}


# ---------------------------------------------------------------------------- workspace


@dataclass
class Workspace:
    """A built copy of the inputs: raw/ and curated/ hold the inputs, out/ the outputs."""

    root: Path
    before: dict[str, bytes | None]

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def curated(self) -> Path:
        return self.root / "curated"

    @property
    def out(self) -> Path:
        return self.root / "out"

    @property
    def database(self) -> Path:
        return self.out / "plans.duckdb"

    @property
    def config(self) -> BuildConfig:
        return BuildConfig(
            registry=self.raw / REGISTRY,
            codebook=self.curated / CODEBOOK,
            rules=self.curated / RULES,
            corrections=self.curated / CORRECTIONS,
            themes=self.curated / paths.THEME_CODEBOOK_YAML.name,
            database=self.database,
            exports_dir=self.out,
        )

    def cli_args(self) -> list[str]:
        c = self.config
        return [
            "build",
            f"--registry={c.registry}",
            f"--codebook={c.codebook}",
            f"--rules={c.rules}",
            f"--corrections={c.corrections}",
            f"--themes={c.themes}",
            f"--database={c.database}",
            f"--exports-dir={c.exports_dir}",
        ]

    def outputs(self) -> dict[str, bytes | None]:
        """Every entry of the output folder: files with their bytes, folders as None."""
        return {
            p.relative_to(self.out).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(self.out.rglob("*"))
        }


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Inputs copied from data/ and built once; each test gets its own copy of this folder."""
    root = tmp_path_factory.mktemp("built")
    copy_inputs(root)
    ws = Workspace(root, {})
    build(ws.config)
    return root


@pytest.fixture
def ws(built, tmp_path) -> Workspace:
    root = tmp_path / "ws"
    shutil.copytree(built, root)
    ws = Workspace(root, {})
    ws.before = ws.outputs()
    assert set(ws.before) == EXPORTS | {ws.database.name}
    return ws


# ---------------------------------------------------------------------------- helpers


def edit(path: Path, old: str, new: str, *, after: str = "") -> int:
    """Replace the first `old` that follows `after`; return the 1-based line it starts on."""
    text = path.read_text(encoding="utf-8")
    anchor = text.index(after)
    at = text.index(old, anchor)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def line_with(path: Path, needle: str) -> int:
    """1-based line of the first occurrence of `needle` in a text file."""
    text = path.read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


def set_sha256(ws: Workspace, file_name: str) -> None:
    """Record the current checksum of a raw file in the registry."""
    registry = ws.raw / REGISTRY
    entries = yaml.safe_load(registry.read_text(encoding="utf-8"))["sources"]
    old = next(e["sha256"] for e in entries if e["file"] == file_name)
    new = hashlib.sha256((ws.raw / file_name).read_bytes()).hexdigest()
    edit(registry, old, new)


def original_correction() -> dict:
    """The (only) entry of data/curated/corrections.yaml: a valid 'add' correction."""
    data = yaml.safe_load(paths.CORRECTIONS_YAML.read_text(encoding="utf-8"))
    return dict(data["corrections"][0])


def write_corrections(ws: Workspace, entries: list[dict]) -> list[int]:
    """Write corrections.yaml; return the first line of each entry."""
    path = ws.curated / CORRECTIONS
    text = yaml.safe_dump({"corrections": entries}, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("- ")]


def assert_build_fails(
    ws: Workspace, file: str, *problem: str, line: int | tuple[int, ...] | None = None
) -> InputError:
    """The build raises an InputError on `file` about `problem` and leaves the outputs alone."""
    with pytest.raises(InputError, match=re.escape(file)) as info:
        build(ws.config)
    err = info.value
    assert err.path.name == file
    for fragment in problem:
        assert fragment in err.problem, f"{fragment!r} not in {str(err)!r}"
    if line is not None:
        allowed = (line,) if isinstance(line, int) else line
        assert err.line in allowed, f"line {err.line} of {str(err)!r}, expected one of {allowed}"
        assert f"{file}:{err.line}: " in str(err)
    assert changed_outputs(ws) == []
    return err


def changed_outputs(ws: Workspace) -> list[str]:
    """Output entries that a build added, removed or changed since the fixture's build."""
    now = ws.outputs()
    return sorted(n for n in now.keys() | ws.before.keys() if now.get(n, 0) != ws.before.get(n, 0))


def change_inputs_validly(ws: Workspace) -> None:
    """An edit after which a successful build would change the outputs (sources.csv)."""
    edit(ws.raw / REGISTRY, "Siping 2021 annual education work plan", "Siping 2021 work plan")


# ---------------------------------------------------------------------------- raw texts


def test_missing_raw_file(ws):
    (ws.raw / SIPING).unlink()
    assert_build_fails(ws, SIPING, "missing", "siping_work_plan_2021")


def test_checksum_mismatch(ws):
    recorded = hashlib.sha256((ws.raw / SIPING).read_bytes()).hexdigest()
    with (ws.raw / SIPING).open("ab") as fh:
        fh.write(b"\n")
    actual = hashlib.sha256((ws.raw / SIPING).read_bytes()).hexdigest()
    assert_build_fails(ws, SIPING, "checksum mismatch", recorded, actual)


@pytest.mark.parametrize("gbk_line", [None, 21], ids=["whole-file", "one-line"])
def test_raw_file_not_utf8(ws, gbk_line):
    """Only the encoding is wrong: the checksum in the registry matches the GBK bytes."""
    path = ws.raw / SIPING
    lines = path.read_text(encoding="utf-8").split("\n")
    if gbk_line is None:
        data = "\n".join(lines).encode("gbk")
        expected = next(n for n, text in enumerate(lines, 1) if not text.isascii())
    else:
        assert not lines[gbk_line - 1].isascii()
        data = b"\n".join(
            text.encode("gbk" if n == gbk_line else "utf-8") for n, text in enumerate(lines, 1)
        )
        expected = gbk_line
    path.write_bytes(data)
    set_sha256(ws, SIPING)
    assert_build_fails(ws, SIPING, "UTF-8", line=expected)


# ---------------------------------------------------------------------------- YAML


YAML_FILES = {
    REGISTRY: ("raw", "    city_id: linjiang"),
    CODEBOOK: ("curated", "    unit: persons"),
    RULES: ("curated", "  midpoint_year: 2022"),
    CORRECTIONS: ("curated", "    city_id: baicheng"),
}


@pytest.mark.parametrize("file", YAML_FILES)
def test_invalid_yaml_syntax(ws, file):
    folder, key_line = YAML_FILES[file]
    line = edit(ws.root / folder / file, key_line, key_line + ": oops")
    assert_build_fails(ws, file, "invalid YAML", line=line)


@pytest.mark.parametrize("file", YAML_FILES)
def test_duplicate_yaml_key(ws, file):
    folder, key_line = YAML_FILES[file]
    key = key_line.strip().split(":")[0]
    line = edit(ws.root / folder / file, key_line, f"{key_line}\n{key_line}") + 1
    assert_build_fails(ws, file, f"duplicate key {key!r}", line=line)


# ---------------------------------------------------------------------------- registry


def test_duplicate_source_id(ws):
    registry = ws.raw / REGISTRY
    first = line_with(registry, "- source_id: linjiang_fyp_2021_2025")
    dup = edit(registry, "source_id: siping_work_plan_2021", "source_id: linjiang_fyp_2021_2025")
    assert_build_fails(
        ws, REGISTRY, "duplicate source_id 'linjiang_fyp_2021_2025'", f"line {first}", line=dup
    )


@pytest.mark.parametrize("field", ["file", "sha256", "document_type", "baseline_year"])
def test_source_entry_missing_required_field(ws, field):
    registry = ws.raw / REGISTRY
    entry = line_with(registry, "- source_id: siping_work_plan_2021")
    lines = registry.read_text(encoding="utf-8").split("\n")
    index = next(i for i in range(entry, len(lines)) if lines[i].startswith(f"    {field}:"))
    del lines[index]  # the first `field` line after the entry's first line
    registry.write_text("\n".join(lines), encoding="utf-8")
    assert_build_fails(ws, REGISTRY, "lacks required field", field, line=entry)


def test_unknown_document_type(ws):
    registry = ws.raw / REGISTRY
    entry = line_with(registry, "- source_id: jilin_city_fyp_outline")
    field = edit(
        registry, "document_type: outline", "document_type: white_paper", after="jilin_city"
    )
    assert_build_fails(ws, REGISTRY, "document_type 'white_paper'", line=(entry, field))


# ---------------------------------------------------------------------------- codebook

INCLUSIVE = "indicator_id: inclusive_kindergarten_coverage"


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("unit: percent", "unit: percentage", "unit 'percentage'"),
        ("direction: higher_is_better", "direction: up", "direction 'up'"),
    ],
    ids=["unit", "direction"],
)
def test_codebook_bad_vocabulary(ws, old, new, problem):
    codebook = ws.curated / CODEBOOK
    entry = line_with(codebook, INCLUSIVE)
    field = edit(codebook, old, new, after=INCLUSIVE)
    assert_build_fails(
        ws, CODEBOOK, "inclusive_kindergarten_coverage", problem, line=(entry, field)
    )


@pytest.mark.parametrize(
    "bad_id", ["InclusiveKindergartenCoverage", "inclusive-kindergarten-coverage", "coverage"]
)
def test_codebook_id_not_snake_case(ws, bad_id):
    codebook = ws.curated / CODEBOOK
    line = edit(codebook, INCLUSIVE, f"indicator_id: {bad_id}")
    assert_build_fails(ws, CODEBOOK, repr(bad_id), "snake_case", line=line)


def test_codebook_duplicate_indicator_id(ws):
    codebook = ws.curated / CODEBOOK
    first = line_with(codebook, INCLUSIVE)
    dup = edit(
        codebook,
        "indicator_id: public_kindergarten_enrollment_share",
        INCLUSIVE,
    )
    assert_build_fails(
        ws,
        CODEBOOK,
        "duplicate indicator_id 'inclusive_kindergarten_coverage'",
        f"line {first}",
        line=dup,
    )


def test_codebook_alias_listed_twice(ws):
    """The error names the indicator and the alias that is listed twice."""
    codebook = ws.curated / CODEBOOK
    entry = line_with(codebook, INCLUSIVE)
    field = edit(codebook, "[普惠性幼儿园覆盖率]", "[普惠性幼儿园覆盖率, 普惠性幼儿园覆盖率]")
    assert_build_fails(
        ws,
        CODEBOOK,
        "inclusive_kindergarten_coverage",
        "listed twice",
        "普惠性幼儿园覆盖率",
        line=(entry, field),
    )


# ---------------------------------------------------------------------------- corrections


def test_rewritten_corrections_file_is_valid(ws):
    """The rewritten corrections file is itself valid, so the failures below are the edits'."""
    write_corrections(ws, [original_correction()])
    build(ws.config)


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("city_id", "harbin", "unknown city_id 'harbin'"),
        ("source_id", "jiamusi_fyp_2026_2030", "unknown source_id 'jiamusi_fyp_2026_2030'"),
        ("indicator_id", "school_video_link_rate", "unknown indicator_id 'school_video_link_rate'"),
        ("action", "remove", "unknown action 'remove'"),
    ],
    ids=["city_id", "source_id", "indicator_id", "action"],
)
def test_correction_with_unknown_value(ws, field, value, problem):
    entry = original_correction() | {field: value}
    (line,) = write_corrections(ws, [entry])
    assert_build_fails(ws, CORRECTIONS, problem, line=line)


def test_correction_span_differs_from_quote(ws):
    """The error shows what the span really reads, so the fix is obvious."""
    entry = original_correction()
    real = entry["quote"]
    entry["quote"] = real.replace("100%", "95%")
    (line,) = write_corrections(ws, [entry])
    assert_build_fails(ws, CORRECTIONS, repr(real), repr(entry["quote"]), line=line)


def test_correction_rejects_an_observation_that_was_not_extracted(ws):
    add = original_correction()
    ghost = "jiamusi.school_video_police_link_rate.2019.1248"
    reject = {key: add[key] for key in ("city_id", "source_id", "char_start", "char_end", "quote")}
    reject = {"action": "reject", **reject, "observation_id": ghost, "reason": "not a value"}
    _, line = write_corrections(ws, [add, reject])
    assert_build_fails(ws, CORRECTIONS, "reject", repr(ghost), line=line)


def test_correction_without_reason(ws):
    entry = original_correction()
    del entry["reason"]
    (line,) = write_corrections(ws, [entry])
    assert_build_fails(ws, CORRECTIONS, "lacks required field", "reason", line=line)


# ---------------------------------------------------------------------------- CLI


def test_cli_reports_bad_input_and_exits_2(ws, capsys):
    codebook = ws.curated / CODEBOOK
    line = edit(codebook, "unit: percent", "unit: percentage", after=INCLUSIVE)
    entry = line_with(codebook, INCLUSIVE)
    assert main(ws.cli_args()) == 2
    captured = capsys.readouterr()
    first = captured.err.splitlines()[0]
    assert first.startswith("error: ")
    assert any(f"{CODEBOOK}:{n}: " in first for n in (entry, line)), first
    assert "unit 'percentage'" in first
    assert "nothing was written" in captured.err
    assert captured.out == ""
    assert changed_outputs(ws) == []


# ---------------------------------------------------------------------------- failed writes


def test_successful_rebuild_changes_the_outputs(ws):
    """Sanity check for the tests below: their input edit would change the outputs."""
    change_inputs_validly(ws)
    build(ws.config)
    after = ws.outputs()
    assert set(after) == set(ws.before)
    assert after["sources.csv"] != ws.before["sources.csv"]


def test_database_writer_failing_halfway(ws, monkeypatch):
    """DuckDB fails after the first table is written: the previous outputs stay."""
    change_inputs_validly(ws)
    real_connect = duckdb.connect

    class FailingConnection:
        def __init__(self, con):
            self.con, self.calls = con, 0

        def execute(self, *args, **kwargs):
            self.calls += 1
            if self.calls == 2:
                raise duckdb.IOException("simulated: disk full")
            return self.con.execute(*args, **kwargs)

        def close(self):
            self.con.close()

    monkeypatch.setattr(
        analysis.database.duckdb,
        "connect",
        lambda *a, **k: FailingConnection(real_connect(*a, **k)),
    )
    with pytest.raises(duckdb.IOException, match="simulated"):
        build(ws.config)
    assert changed_outputs(ws) == []


def test_build_failing_after_a_partial_database_file(ws, monkeypatch):
    """finishing the database leaves a partial file among the staged exports and raises."""
    change_inputs_validly(ws)
    partial_files = []

    def partial_write(database):
        staged_dir = next(ws.config.exports_dir.glob(".build-*"))
        partial = staged_dir / database.path.name
        partial.write_bytes(b"DUCK" + bytes(100))
        partial_files.append(partial)
        raise OSError("simulated: disk full")

    monkeypatch.setattr(analysis.build, "finished_database", partial_write)
    with pytest.raises(OSError, match="simulated"):
        build(ws.config)
    assert partial_files and not any(p.exists() for p in partial_files)
    assert changed_outputs(ws) == []


def test_build_failing_while_the_plans_are_read(ws, monkeypatch):
    """The first plans' parts are staged and in the database (its thread running) when a
    later plan fails: the previous outputs stay and nothing is left behind."""
    change_inputs_validly(ws)
    monkeypatch.setattr(analysis.export_stream, "CHUNK_BYTES", 1)  # each part inserted
    real_iter_plans = analysis.build.iter_plans
    reached = []

    def failing_iter_plans(*args, **kwargs):
        readings = real_iter_plans(*args, **kwargs)
        for _ in range(2):
            yield next(readings)
        reached.append(True)
        raise OSError("simulated: a worker died")

    monkeypatch.setattr(analysis.build, "iter_plans", failing_iter_plans)
    with pytest.raises(OSError, match="simulated"):
        build(ws.config)
    assert reached
    assert changed_outputs(ws) == []


def test_build_failing_while_publishing_the_exports(ws, monkeypatch):
    """The third move onto a target fails: every previous file is put back."""
    change_inputs_validly(ws)
    real_replace = os.replace
    moves = []

    def failing_replace(src, dst):
        moves.append((src, dst))
        if len(moves) == 3:
            raise OSError("simulated: permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(analysis.database.os, "replace", failing_replace)
    with pytest.raises(OSError, match="simulated"):
        build(ws.config)
    monkeypatch.undo()
    assert changed_outputs(ws) == []
