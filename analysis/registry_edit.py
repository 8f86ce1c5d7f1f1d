"""Reading the new plan, refusing what cannot be registered, and editing sources.yaml as
text so its comments and layout survive: the new version is written to a temporary file
and validated before it replaces the old one, so a failure leaves sources.yaml as it was.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path

import yaml

from analysis.errors import InputError, line_of
from analysis.source_entry import NewSource
from analysis.sources import _ID, DOCUMENT_TYPES, load_sources
from analysis.yamlio import load_yaml

# ---------------------------------------------------------------- checks


def read_plan(path: Path) -> tuple[bytes, str]:
    """The plan's bytes and text; refuses anything but non-empty UTF-8."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8", errors="replace")
        raise InputError(
            path,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            + _conversion_hint(path, data),
            line_of(prefix, len(prefix)),
        ) from exc
    if not text.strip():
        raise InputError(path, "the file is empty")
    return data, text


def _likely_encoding(data: bytes) -> str | None:
    """The encoding a non-UTF-8 plan most likely uses, or None when it is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    # GB18030 is a superset of GBK and GB2312, the encodings Chinese government sites use.
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n\f")
    return None if controls > len(text) // 100 else "GB18030"


def _conversion_hint(path: Path, data: bytes) -> str:
    encoding = _likely_encoding(data)
    if encoding is None:
        return "it does not look like text in UTF-8, UTF-16 or GBK/GB18030: add a plain-text export"
    target = path.with_suffix(".utf8" + path.suffix)
    return (
        f"it looks like {encoding}: convert it and add the converted file: "
        f"iconv -f {encoding} -t UTF-8 '{path}' > '{target}'"
    )


def check_request(request: NewSource, path: Path) -> None:
    for option, value in (("--city-id", request.city_id), ("--source-id", request.source_id)):
        if value is not None and not _ID.match(value):
            raise InputError(path, f"{option} {value!r} must be snake_case: a-z, 0-9 and _")
    if request.period is not None and request.period[0] > request.period[1]:
        raise InputError(path, f"--period {request.period} ends before it starts")
    if request.document_type is not None and request.document_type not in DOCUMENT_TYPES:
        raise InputError(path, f"--document-type must be one of {sorted(DOCUMENT_TYPES)}")
    for option, value in (("--city-zh", request.city_zh), ("--city-en", request.city_en)):
        if not value or not value.strip():
            raise InputError(path, f"{option} must not be empty")


def check_not_registered(registry: Path, entry: dict) -> None:
    """A city, source id or file name already in the registry is refused."""
    load_sources(registry)  # the registry itself must be valid before it is extended
    data = load_yaml(registry)
    taken = [*data["sources"], *(data.get("references") or [])]
    for key in ("city_id", "source_id", "file"):
        for existing in taken:
            if key in existing and str(existing[key]) == str(entry[key]):
                owner = existing.get("source_id") or existing.get("reference_id")
                raise InputError(
                    registry,
                    f"{key} {entry[key]!r} is already registered (by {owner!r}); "
                    f"{_DUPLICATE_ADVICE[key]}",
                    existing.line,
                )


_DUPLICATE_ADVICE = {
    "city_id": "choose another --city-id, or edit the existing entry by hand",
    "source_id": "choose another --source-id",
    "file": "rename the new file (its name becomes file: in sources.yaml)",
}


def destination(plan: Path, data: bytes, raw_dir: Path) -> tuple[Path, bool]:
    """Where the plan goes in data/raw, and whether it must be copied there."""
    dest = raw_dir / plan.name
    if plan.name.startswith(".") or plan.name.lower().startswith("readme"):
        raise InputError(plan, "hidden and README files are not plans; rename the file")
    if not dest.exists():
        return dest, True
    if dest.resolve() == plan.resolve() or dest.read_bytes() == data:
        return dest, False  # already in place (e.g. dropped into data/raw by hand)
    raise InputError(
        dest,
        f"a different file named {plan.name!r} is already in {raw_dir}; "
        "rename the new file and try again (nothing was copied)",
    )


# ---------------------------------------------------------------- editing sources.yaml

_TOP_KEY = re.compile(r"^[^\s#\-][^:]*:")
_SOURCES_KEY = re.compile(r"^sources:\s*(#.*)?$")
_ITEM = re.compile(r"^(\s*)- ")


def render_entry(entry: dict, indent: str = "  ") -> list[str]:
    """The entry as YAML lines (a one-item list), indented like the existing items."""
    dumped = yaml.safe_dump(
        [entry], allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000
    )
    return [indent + line for line in dumped.splitlines()]


def insert_entry(text: str, entry: dict, registry: Path) -> str:
    """sources.yaml with the entry appended to the `sources:` list, everything else as is."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if text.endswith("\r\n") else "\n"
    start = next((i for i, line in enumerate(lines) if _SOURCES_KEY.match(line.rstrip())), None)
    if start is None:
        raise InputError(registry, "no top-level block list 'sources:' to append to")
    end = next((i for i in range(start + 1, len(lines)) if _TOP_KEY.match(lines[i])), len(lines))
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and comments that introduce the next key stay with it
    items = (_ITEM.match(line) for line in lines[start + 1 : end])
    indent = next((m.group(1) for m in items if m), "  ")
    if not lines[end - 1].endswith("\n"):
        lines[end - 1] += newline
    block = [line + newline for line in render_entry(entry, indent)]
    return "".join(lines[:end] + block + lines[end:])


def _validate(candidate: Path, registry: Path, entry: dict) -> None:
    """The candidate registry loads, and differs from the old one by exactly the entry."""
    try:
        load_sources(candidate)
        new = load_yaml(candidate)
    except InputError as exc:
        raise InputError(
            registry, f"the new entry would make this file invalid: {exc.problem}", exc.line
        ) from exc
    old = load_yaml(registry)
    expected = {**old, "sources": [*old["sources"], entry]}
    if new != expected:
        raise InputError(
            registry, "appending the entry as text changed other entries; add it by hand"
        )


def _write_candidate(registry: Path, text: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=".sources-", suffix=".yaml", dir=registry.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    os.chmod(name, stat.S_IMODE(registry.stat().st_mode))
    return Path(name)


def _copy_plan(data: bytes, dest: Path) -> None:
    """Byte for byte; never overwrites (a file appearing meanwhile is an error)."""
    try:
        with open(dest, "xb") as fh:
            fh.write(data)
    except FileExistsError as exc:
        raise InputError(dest, "appeared while adding the plan; nothing was changed") from exc
    except OSError:
        dest.unlink(missing_ok=True)
        raise


def publish_entry(registry: Path, text: str, entry: dict, data: bytes, dest: Path, copy: bool):
    """Validate the new registry, copy the plan, then replace sources.yaml."""
    candidate = _write_candidate(registry, text)
    try:
        _validate(candidate, registry, entry)
        if copy:
            _copy_plan(data, dest)
        try:
            os.replace(candidate, registry)
        except OSError:
            if copy:
                dest.unlink(missing_ok=True)
            raise
    finally:
        candidate.unlink(missing_ok=True)
