"""Adding a plan is one command: copy the text into data/raw, infer what the text states
(title, period, issue date, document type, province), append a validated entry to
sources.yaml, and rebuild.

sources.yaml is edited as text, so its comments and layout survive; the new version is
written to a temporary file and validated before it replaces the old one, so a failure
leaves sources.yaml as it was.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis import paths
from analysis.errors import InputError
from analysis.plan_metadata import infer_metadata
from analysis.registry_edit import (
    check_not_registered,
    check_request,
    destination,
    insert_entry,
    publish_entry,
    read_plan,
)
from analysis.source_entry import Decision, NewSource, decide, make_entry

# ---------------------------------------------------------------- the command


@dataclass
class Added:
    """A registered plan: its entry, where it went, and how each value was chosen."""

    entry: dict
    registry: Path
    raw_path: Path
    copied: bool
    decisions: list[Decision]
    build: Any = None  # analysis.build.BuildResult once built

    @property
    def source_id(self) -> str:
        return self.entry["source_id"]

    def report(self) -> str:
        how = "copied to" if self.copied else "already in place at"
        lines = [
            f"{self.raw_path.name}: {how} {self.raw_path}",
            f"  sha256 {self.entry['sha256']}",
            f"registered {self.source_id!r} in {self.registry}; values chosen:",
            *(d.line() for d in self.decisions),
        ]
        return "\n".join(lines)


class BuildAfterAddFailed(InputError):
    """The plan was registered, but the build then refused an input."""

    def __init__(self, cause: InputError, added: Added):
        super().__init__(cause.path, cause.problem, cause.line)
        self.added = added

    def advice(self) -> str:
        a = self.added
        return (
            f"the plan was registered ({a.source_id!r} in {a.registry}, text at {a.raw_path}), "
            "but the build stopped; the previous database and exports are unchanged.\n"
            "Fix the problem above (a wrong value in the new entry: edit it in sources.yaml) "
            "and run: python -m analysis build\n"
            f"To withdraw the plan instead, delete its entry from {a.registry.name} "
            f"and the file {a.raw_path}."
        )


def register_source(plan: Path, request: NewSource, registry: Path = paths.SOURCES_YAML) -> Added:
    """Copy the plan next to the registry (into data/raw) and append its entry."""
    plan, registry = Path(plan), Path(registry)
    check_request(request, plan)
    data, text = read_plan(plan)
    decisions = decide(request, infer_metadata(text), text, plan)
    sha256 = hashlib.sha256(data).hexdigest()
    entry = make_entry(request, decisions, plan.name, sha256)
    check_not_registered(registry, entry)
    dest, copy = destination(plan, data, registry.parent)
    new_text = insert_entry(registry.read_bytes().decode("utf-8"), entry, registry)
    publish_entry(registry, new_text, entry, data, dest, copy)
    return Added(entry, registry, dest, copy, decisions)


def build_after_add(added: Added, config=None):
    """The usual build over the registry that now holds the plan."""
    from analysis.build import BuildConfig, build

    config = dataclasses.replace(config or BuildConfig(), registry=added.registry)
    try:
        added.build = build(config)
    except InputError as exc:
        raise BuildAfterAddFailed(exc, added) from exc
    return added.build


def add_source(
    plan: Path,
    request: NewSource,
    registry: Path = paths.SOURCES_YAML,
    build_config=None,
    run_build: bool = True,
) -> Added:
    """Register the plan and (unless run_build is False) rebuild with it.

    The plan is copied into the registry's folder (data/raw), where the registry resolves
    its files. build_config defaults to the usual BuildConfig(); its registry is `registry`.
    """
    added = register_source(plan, request, registry)
    if run_build:
        build_after_add(added, build_config)
    return added
