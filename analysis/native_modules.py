"""Load the compiled (Cython) form of a module only while its source is the one compiled.

`python -m analysis.native_build` compiles the per-plan stage's modules into build/native/
and writes a manifest: each module's extension file and the SHA-256 of the source it was
compiled from. A finder placed before Python's own on sys.meta_path returns the extension
for a module whose source still has that hash, and nothing otherwise, so Python imports
the .py file as usual: an edited module runs as written, never as an old build of itself.
Nothing is compiled or loaded when there is no manifest (no C compiler, a fresh copy),
for another Python, or with CITY_PLANS_PURE_PYTHON=1 set; the results are the same either
way (tests/test_native_modules.py holds the compiled readers to the plain ones).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from analysis.build_inputs import file_sha256

PURE_PYTHON_VARIABLE = "CITY_PLANS_PURE_PYTHON"


def python_tag() -> str:
    """What an extension module is built for: this interpreter and platform."""
    return f"{sys.implementation.cache_tag} {importlib.machinery.EXTENSION_SUFFIXES[0]}"


def source_file(root: Path, module: str) -> Path:
    return root.joinpath(*module.split(".")).with_suffix(".py")


@dataclass
class NativeFinder:
    """A meta path finder over one manifest (see the module's docstring)."""

    root: Path  # the folder holding the `analysis` package's sources
    directory: Path  # the manifest's folder: extension files are relative to it
    modules: dict[str, dict]  # module name -> {"file": ..., "sha256": ...}
    loaded: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # source changed since compiled

    def find_spec(self, fullname: str, path=None, target=None):
        entry = self.modules.get(fullname)
        if entry is None:
            return None
        source = source_file(self.root, fullname)
        extension = self.directory / entry["file"]
        if not source.is_file() or not extension.is_file():
            return None
        if file_sha256(source) != entry["sha256"]:
            self.stale.append(fullname)
            return None
        self.loaded.append(fullname)
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(extension))
        return importlib.util.spec_from_file_location(fullname, extension, loader=loader)


def manifest_data(manifest: Path) -> dict:
    """The manifest as written, whatever Python it was built for; {} if it is missing or
    not JSON."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_manifest(manifest: Path) -> dict | None:
    """The manifest if it is there and was built for this Python, else None."""
    data = manifest_data(manifest)
    return data if data.get("python") == python_tag() else None


def install(root: Path, manifest: Path) -> NativeFinder | None:
    """Put a NativeFinder for `manifest` first on sys.meta_path (once); None if nothing
    compiled is to be used."""
    for finder in sys.meta_path:
        if isinstance(finder, NativeFinder):
            return finder
    if os.environ.get(PURE_PYTHON_VARIABLE, "") not in ("", "0"):
        return None
    data = read_manifest(manifest)
    if not data or not data.get("modules"):
        return None
    finder = NativeFinder(root, manifest.parent, dict(data["modules"]))
    sys.meta_path.insert(0, finder)
    return finder


def status() -> dict[str, list[str]]:
    """Which of the compiled modules this process loaded compiled, and which it did not
    because their source changed since: for the benchmark's and the build's reports."""
    for finder in sys.meta_path:
        if isinstance(finder, NativeFinder):
            return {"compiled": sorted(finder.loaded), "stale": sorted(finder.stale)}
    return {"compiled": [], "stale": []}
