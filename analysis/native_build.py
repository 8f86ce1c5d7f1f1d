"""Compile the per-plan stage's modules with Cython: `python -m analysis.native_build`.

Reading a plan is pure Python spread over some eighty modules of small functions; compiled
as they are (no type declarations, annotations ignored, so the semantics stay Python's),
they run about a tenth fewer instructions a plan. The extension modules go to build/native/
with a manifest of the source hash each was compiled from (see native_modules.py); a
failed compile leaves the previous manifest, and the build runs as plain Python without
one. `make all` and `make test` run this; it needs Cython and a C compiler.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from analysis import paths
from analysis.build_inputs import file_sha256
from analysis.native_modules import (
    PURE_PYTHON_VARIABLE,
    manifest_data,
    python_tag,
    source_file,
    status,
)

# the module whose imports are the per-plan stage
STAGE = "analysis.plan_reading"
# Cython directives that keep Python's semantics: annotations are not types ("list[str]"
# would refuse a tuple), no type is inferred from an assignment (a bytearray slice)
DIRECTIVES = {
    "language_level": 3,
    "binding": True,
    "annotation_typing": False,
    "infer_types": False,
}
# after Python's own flags (-O3 -g): no debug information, which made the build four times
# the size and slower to compile, for nothing a researcher uses; no warnings about the
# generated C, which nobody reads
C_FLAGS = ["-O2", "-g0", "-w"]


def stage_modules(root: Path = paths.ROOT) -> list[str]:
    """The analysis modules the per-plan stage imports, in plain Python (a fresh process),
    less packages, those the package imports before its finder is in place (they would
    never be loaded compiled) and those that find files from their own `__file__`."""
    code = (
        f"import sys, analysis; before = set(sys.modules); import {STAGE}; "
        "print('\\n'.join(sorted(m for m in sys.modules "
        "if m.split('.')[0] == 'analysis' and m not in before)))"
    )
    env = {**os.environ, PURE_PYTHON_VARIABLE: "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    sources = {m: source_file(root, m) for m in out}
    return [
        m
        for m, p in sources.items()
        if p.is_file() and "__file__" not in p.read_text(encoding="utf-8")
    ]


def compile_modules(modules: list[str], directory: Path, jobs: int, root: Path = paths.ROOT):
    """Each module's extension under directory/lib; the manifest is written last."""
    from Cython import __version__ as cython_version
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    sources = {m: source_file(root, m) for m in modules}
    hashes = {m: file_sha256(p) for m, p in sources.items()}  # what is compiled
    manifest = directory / "manifest.json"
    old = manifest_data(manifest)
    # changed directives or Cython: every C file again (cythonize compares timestamps only)
    force = (old.get("directives"), old.get("c_flags"), old.get("cython")) != (
        DIRECTIVES,
        C_FLAGS,
        cython_version,
    )
    # a source not compiled as it is now: its C file and its extension again, whatever the
    # timestamps say (a file checked out with an older time than its C file; setuptools
    # compares whole seconds, so a C file written in the second its extension was is "old")
    changed = [m for m in modules if old.get("modules", {}).get(m, {}).get("sha256") != hashes[m]]
    for m in changed:
        directory.joinpath("c", sources[m].relative_to(root)).with_suffix(".c").unlink(
            missing_ok=True
        )
    directory = directory.resolve()
    # Cython finds sources and mirrors them under build_dir by paths relative to the root
    with contextlib.chdir(root):
        extensions = cythonize(
            [
                Extension(m, [str(p.relative_to(root))], extra_compile_args=C_FLAGS)
                for m, p in sources.items()
            ],
            build_dir=str(directory / "c"),
            compiler_directives=DIRECTIVES,
            nthreads=jobs,
            force=force,
            quiet=True,
        )
        distribution = Distribution({"ext_modules": extensions})
        distribution.verbose = 0  # not a compiler command line a module
        command = build_ext(distribution)
        command.build_lib = str(directory / "lib")
        command.build_temp = str(directory / "tmp")
        command.parallel = jobs
        command.force = force
        command.ensure_finalized()
        for m in changed:
            Path(command.get_ext_fullpath(m)).unlink(missing_ok=True)
        command.run()
    files = {m: Path(command.get_ext_fullpath(m)).resolve() for m in modules}
    entry = {
        m: {"file": files[m].relative_to(directory.resolve()).as_posix(), "sha256": hashes[m]}
        for m in modules
    }
    data = {
        "python": python_tag(),
        "cython": cython_version,
        "directives": DIRECTIVES,
        "c_flags": C_FLAGS,
        "modules": entry,
    }
    fd, name = tempfile.mkstemp(dir=directory, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, sort_keys=True)
    os.replace(name, manifest)
    return data


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.native_build",
        description="Compile the per-plan stage's modules with Cython into build/native/.",
        epilog="Example: python -m analysis.native_build --jobs 2   (then: python -m analysis "
        "build; python -m analysis.native_build --status)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument(
        "--status", action="store_true", help="list the modules this Python loads compiled"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.status:
        modules = stage_modules()
        for m in modules:
            __import__(m)
        state = status()
        pure = sorted(set(modules) - set(state["compiled"]))
        print(f"compiled: {len(state['compiled'])} of {len(modules)} per-plan modules")
        for m in state["stale"]:
            print(f"  changed since compiled (runs as Python): {m}")
        for m in sorted(set(pure) - set(state["stale"])):
            print(f"  not compiled (runs as Python): {m}")
        return 0
    try:
        import Cython  # noqa: F401
    except ImportError:
        print("native: Cython is not installed; the build runs as plain Python", file=sys.stderr)
        return 1
    paths.NATIVE_DIR.mkdir(parents=True, exist_ok=True)
    modules = stage_modules()
    try:
        data = compile_modules(modules, paths.NATIVE_DIR, max(1, args.jobs))
    except Exception as error:  # a compiler's or Cython's failure: say it, keep the old build
        print(
            f"native: compiling failed ({type(error).__name__}: {error}); the build "
            "runs as plain Python",
            file=sys.stderr,
        )
        return 1
    print(f"native: {len(data['modules'])} modules compiled into {paths.NATIVE_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
