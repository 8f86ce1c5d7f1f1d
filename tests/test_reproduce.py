"""The reviewer's reproduction check: manifest, comparison and the clean copy.

The full rerun itself is the last step of `make test` (`python -m analysis reproduce`);
these tests pin down how differences are found and reported, on small crafted trees.
"""

from __future__ import annotations

import hashlib

import pytest

from analysis import cli, paths
from analysis.errors import InputError
from analysis.reproduce import (
    MANIFEST,
    GroupResult,
    clean_copy,
    compare,
    manifest_lines,
    published_files,
    read_manifest,
)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture()
def tree(tmp_path):
    """A miniature repository with one file of each group and its manifest."""
    files = {
        "figures/gap.png": b"png",
        "figures/gap.pdf": b"pdf",
        "data/curated/observations.csv": b"a,b\n",
        "data/curated/parquet/observations.parquet": b"PAR1",
        "notebooks/01_x.ipynb": b"{}",
        "notebooks/01_x.py": b"# not published",
        "data/curated/indicator_codebook.yaml": b"# an input, not published",
    }
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    manifest = {name: sha(data) for name, data in files.items() if name[-3:] not in (".py", "aml")}
    return tmp_path, manifest


def by_group(results: list[GroupResult]) -> dict[str, GroupResult]:
    return {r.group: r for r in results}


def test_identical_tree_reports_n_of_n(tree):
    root, manifest = tree
    results = by_group(compare(root, manifest))
    assert results["figures"].line() == "2 of 2 figures reproduced byte-identically"
    assert results["data exports"].line() == "2 of 2 data exports reproduced byte-identically"
    assert results["notebooks"].line() == "1 of 1 notebooks reproduced byte-identically"
    assert all(r.ok for r in results.values())


def test_a_changed_missing_or_extra_file_is_reported(tree):
    root, manifest = tree
    (root / "figures/gap.png").write_bytes(b"png, one byte more")
    (root / "data/curated/observations.csv").unlink()
    (root / "figures/new.svg").write_text("<svg/>")
    results = by_group(compare(root, manifest))
    figures = results["figures"]
    assert (figures.differing, figures.unexpected) == (["figures/gap.png"], ["figures/new.svg"])
    assert figures.line() == "1 of 2 figures reproduced byte-identically"
    assert results["data exports"].missing == ["data/curated/observations.csv"]
    assert not figures.ok and not results["data exports"].ok and results["notebooks"].ok


def test_cli_exits_1_and_lists_the_differing_files(monkeypatch, capsys):
    failing = [
        GroupResult("figures", ["figures/a.png", "figures/b.png"], differing=["figures/b.png"]),
        GroupResult("data exports", ["data/curated/x.csv"]),
    ]
    monkeypatch.setattr("analysis.reproduce.reproduce", lambda keep=None: failing)
    assert cli.main(["reproduce"]) == 1
    out, err = capsys.readouterr()
    assert "1 of 2 figures reproduced byte-identically" in out
    assert "1 of 1 data exports reproduced byte-identically" in out
    assert "differing: figures/b.png" in err


def test_malformed_manifest_line_names_file_and_line(tmp_path):
    bad = tmp_path / "manifest.sha256"
    bad.write_text(f"{'0' * 64}  figures/a.png\nnot a line\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_manifest(bad)
    assert info.value.line == 2 and "manifest.sha256" in str(info.value)


def test_committed_manifest_lists_every_published_file_with_its_hash():
    """A stale manifest (a figure or export changed without `make all`) fails here."""
    committed = MANIFEST.read_text(encoding="utf-8").splitlines()
    assert committed == manifest_lines(paths.ROOT)
    groups = published_files(paths.ROOT)
    assert len(groups["figures"]) == 39 and len(groups["notebooks"]) == 6
    assert "data/curated/datapackage.json" in groups["data exports"]


def test_clean_copy_holds_tracked_files_only(tmp_path):
    clean_copy(paths.ROOT, tmp_path)
    assert (tmp_path / "data/raw/sources.yaml").read_bytes() == paths.SOURCES_YAML.read_bytes()
    assert (tmp_path / "Makefile").is_file() and (tmp_path / "notebooks").is_dir()
    for ignored in (".venv", "build", ".git", "data/curated/plans.duckdb"):
        assert not (tmp_path / ignored).exists(), ignored
