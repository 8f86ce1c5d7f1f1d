"""The compiled per-plan modules: used only while their source is unchanged, and reading
every plan exactly as the plain Python modules do."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import native_modules, paths
from analysis.native_modules import NativeFinder, install, python_tag, read_manifest

# Every plan of the repository read by PlanReader in one process; prints how many modules
# came compiled, then one SHA-256 a plan over everything the reading holds.
FINGERPRINT = r"""
import hashlib, sys
from analysis import native_modules, paths
from analysis.codebook import AliasMatcher, load_codebook
from analysis.extraction.extract import Extractor
from analysis.plan_corpus import PLANS_DIR, load_plan
from analysis.plan_reading import PlanReader
from analysis.rules import load_rules
from analysis.sources import load_sources, read_raw
from analysis.themes import ThemeCoder, load_themes

book = load_codebook(paths.CODEBOOK_YAML)
reader = PlanReader(
    Extractor(book, AliasMatcher(book), load_rules(paths.EXTRACTION_RULES_YAML)),
    ThemeCoder(load_themes(paths.THEME_CODEBOOK_YAML)),
)
plans = [(s, read_raw(s)) for s in load_sources(paths.SOURCES_YAML)]
plans += [load_plan(t)[:2] for t in sorted(PLANS_DIR.glob("*/*.txt"))]
print(len(native_modules.status()["compiled"]))
for source, raw in plans:
    r = reader.read(source, raw, [], True)
    parts = [
        [o.as_row() for o in r.observations], r.ledger.utf8, sorted(r.dispositions.items()),
        r.unread_tables, r.issues, r.theme_coverage, r.theme_hits.utf8,
        {k: v.utf8 for k, v in (r.city_tables or {}).items()},
    ]
    print(source.source_id, hashlib.sha256(repr(parts).encode()).hexdigest())
"""


def _fingerprint(pure: bool) -> tuple[int, list[str]]:
    env = {k: v for k, v in os.environ.items() if k != native_modules.PURE_PYTHON_VARIABLE}
    if pure:
        env[native_modules.PURE_PYTHON_VARIABLE] = "1"
    out = subprocess.run(
        [sys.executable, "-c", FINGERPRINT],
        cwd=paths.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return int(out[0]), out[1:]


def _compiled_here() -> bool:
    data = read_manifest(paths.NATIVE_MANIFEST)
    return bool(data and data.get("modules"))


@pytest.mark.skipif(not _compiled_here(), reason="not compiled here (make native)")
def test_compiled_readers_read_every_plan_as_plain_python():
    compiled, native = _fingerprint(pure=False)
    plain, python = _fingerprint(pure=True)
    # otherwise this would compare plain Python with itself
    assert compiled >= 50
    assert plain == 0
    assert len(native) > 100  # the five plans and every invented plan
    assert native == python


@pytest.mark.skipif(not _compiled_here(), reason="not compiled here (make native)")
def test_this_process_reads_with_the_compiled_modules():
    import analysis.extraction.quantities as quantities

    if os.environ.get(native_modules.PURE_PYTHON_VARIABLE, "") not in ("", "0"):
        pytest.skip("plain Python asked for")
    assert Path(quantities.__file__).suffix != ".py"
    assert "analysis.extraction.quantities" in native_modules.status()["compiled"]


# ------------------------------------------------------------------ the finder's decisions


def _tree(tmp_path: Path, source: str = "x = 1\n") -> tuple[Path, Path, dict]:
    root = tmp_path / "src"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "mod.py").write_text(source, encoding="utf-8")
    directory = tmp_path / "native"
    (directory / "lib" / "pkg").mkdir(parents=True)
    (directory / "lib" / "pkg" / "mod.so").write_bytes(b"not really an extension")
    digest = hashlib.sha256(source.encode()).hexdigest()
    return root, directory, {"pkg.mod": {"file": "lib/pkg/mod.so", "sha256": digest}}


def test_an_unchanged_source_is_loaded_from_its_extension(tmp_path):
    root, directory, modules = _tree(tmp_path)
    finder = NativeFinder(root, directory, modules)
    spec = finder.find_spec("pkg.mod")
    assert spec.origin == str(directory / "lib" / "pkg" / "mod.so")
    assert spec.loader.path == str(directory / "lib" / "pkg" / "mod.so")
    assert finder.loaded == ["pkg.mod"] and finder.stale == []


def test_a_changed_source_is_imported_as_python(tmp_path):
    root, directory, modules = _tree(tmp_path)
    (root / "pkg" / "mod.py").write_text("x = 2\n", encoding="utf-8")
    finder = NativeFinder(root, directory, modules)
    assert finder.find_spec("pkg.mod") is None
    assert finder.stale == ["pkg.mod"] and finder.loaded == []


@pytest.mark.parametrize(
    "missing, name",
    [("extension", "pkg.mod"), ("source", "pkg.mod"), (None, "pkg.other")],
)
def test_nothing_to_load_leaves_the_import_to_python(tmp_path, missing, name):
    root, directory, modules = _tree(tmp_path)
    if missing == "extension":
        (directory / "lib" / "pkg" / "mod.so").unlink()
    if missing == "source":
        (root / "pkg" / "mod.py").unlink()
    finder = NativeFinder(root, directory, modules)
    assert finder.find_spec(name) is None
    assert finder.loaded == [] and finder.stale == []


def _manifest(tmp_path: Path, python: str) -> Path:
    _, directory, modules = _tree(tmp_path)
    manifest = directory / "manifest.json"
    manifest.write_text(json.dumps({"python": python, "modules": modules}), encoding="utf-8")
    return manifest


@pytest.mark.parametrize(
    "python, pure, installed",
    [
        (python_tag(), None, True),
        ("cpython-312 .cpython-312-x86_64-linux-gnu.so", None, False),  # another Python
        (python_tag(), "1", False),
        (python_tag(), "0", True),
    ],
)
def test_install_only_for_this_python_and_unless_plain_python_is_asked(
    tmp_path, monkeypatch, python, pure, installed
):
    manifest = _manifest(tmp_path, python)
    monkeypatch.setattr(
        sys, "meta_path", [f for f in sys.meta_path if not isinstance(f, NativeFinder)]
    )
    if pure is None:
        monkeypatch.delenv(native_modules.PURE_PYTHON_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(native_modules.PURE_PYTHON_VARIABLE, pure)
    finder = install(tmp_path / "src", manifest)
    assert (finder is not None) == installed
    assert (sys.meta_path[0] is finder) == installed


def test_a_broken_manifest_is_no_manifest(tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text("{not json", encoding="utf-8")
    assert read_manifest(manifest) is None
    assert read_manifest(tmp_path / "absent.json") is None


# ------------------------------------------------------------------ compiling


def _can_compile() -> bool:
    import shutil
    import sysconfig

    try:
        import Cython  # noqa: F401
    except ImportError:
        return False
    return shutil.which(sysconfig.get_config_var("CC").split()[0]) is not None


@pytest.mark.skipif(not _can_compile(), reason="no Cython or no C compiler")
def test_a_changed_source_is_compiled_again_whatever_its_timestamp(tmp_path):
    from analysis.native_build import compile_modules

    root = tmp_path / "src"
    (root / "toy_native_pkg").mkdir(parents=True)
    module = root / "toy_native_pkg" / "mod.py"
    module.write_text("def answer(x: list[int]):\n    return sum(x) + 1\n", encoding="utf-8")
    directory = tmp_path / "native"
    directory.mkdir()
    first = compile_modules(["toy_native_pkg.mod"], directory, 1, root)
    entry = first["modules"]["toy_native_pkg.mod"]
    assert entry["sha256"] == hashlib.sha256(module.read_bytes()).hexdigest()
    # changed, with a time older than its C file: compiled again all the same
    module.write_text("def answer(x: list[int]):\n    return sum(x) + 2\n", encoding="utf-8")
    os.utime(module, (1_000_000_000, 1_000_000_000))
    second = compile_modules(["toy_native_pkg.mod"], directory, 1, root)
    finder = NativeFinder(root, directory, second["modules"])
    spec = finder.find_spec("toy_native_pkg.mod")
    compiled = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(compiled)
    # a tuple where the annotation says list: the compiled module takes it, as Python does
    assert compiled.answer((1, 2)) == 5
    assert Path(compiled.__file__).suffix == ".so"
