"""YAML loading that refuses duplicate keys and remembers each mapping's line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from analysis.errors import InputError


class LineDict(dict):
    """A mapping that knows the 1-based line of the YAML file it started on."""

    line: int | None = None


# libyaml's C parser when PyYAML was built with it (yaml.__with_libyaml__), several times
# faster than the pure-Python one; the safe constructors stay Python in both, so the
# duplicate-key check and the node marks (line numbers) below work the same.
_SafeBase = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


class _StrictLoader(_SafeBase):
    pass


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _construct_timestamp(loader: _StrictLoader, node: yaml.ScalarNode):
    # 2022-13-01 looks like a date to YAML but is none: say where instead of a bare ValueError
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a date ({exc})", node.start_mark
        ) from exc


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; any problem becomes an InputError naming the file and line."""
    return load_yaml_lines(path)[0]


# The path of a node (keys and list indexes from the top) -> its 1-based line.
Lines = dict[tuple, int]


# inside a `parse_once()` block: (resolved path, text) -> (data, lines), and the
# (id(data), schema) pairs validation.load_checked has passed (the data stays in `parsed`
# until the block ends, so an id cannot be reused meanwhile)
_parsed: dict[tuple[Path, str], tuple[Any, Lines]] | None = None
_checked: set[tuple[int, str]] = set()


@contextmanager
def parse_once() -> Iterator[None]:
    """Inside the block a file is parsed (and validated) once while its text stays the same.

    The build reads the registry four times (plans, references, its input list, the
    unregistered files); with 500 plans each parse costs ~0.2 s. The callers inside the
    block must not modify what they get: the next caller gets the same objects. The memo
    is dropped at the end of the block, so nothing is kept between builds.
    """
    global _parsed, _checked
    if _parsed is not None:  # nested: the outer block's memo serves
        yield
        return
    _parsed, _checked = {}, set()
    try:
        yield
    finally:
        _parsed, _checked = None, set()


def checked_before(data: Any, schema: str) -> bool:
    """Inside parse_once(): `data` (as shared by it) already passed `schema`."""
    return _parsed is not None and (id(data), schema) in _checked


def note_checked(data: Any, schema: str) -> None:
    if _parsed is not None:
        _checked.add((id(data), schema))


def load_yaml_lines(path: Path) -> tuple[Any, Lines]:
    """The data and the line of every node, from one parse (schema errors need the lines).

    A mapping value gets the line of its key, not of the value: an alias (*anchor) value
    would otherwise point at the anchor, and a block list at the line after its key.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    if _parsed is None:
        return _parse(path, text)
    key = (path.resolve(), text)
    if key not in _parsed:
        _parsed[key] = _parse(path, text)
    return _parsed[key]


def _parse(path: Path, text: str) -> tuple[Any, Lines]:
    loader = _StrictLoader(text)  # a (C)SafeLoader subclass
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(path, f"invalid YAML: {exc.problem or exc.context}", line) from exc
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid YAML: {exc}") from exc
    finally:
        loader.dispose()
    lines: Lines = {}
    if node is not None:
        _record_lines(node, (), node.start_mark.line + 1, lines)
    return data, lines


def _record_lines(node: yaml.Node, at: tuple, line: int, lines: Lines) -> None:
    # an alias can make the tree recursive (&a [*a]); no input nests anywhere near this deep
    if at in lines or len(at) > 50:
        return
    lines[at] = line
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                _record_lines(value, (*at, key.value), key.start_mark.line + 1, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record_lines(item, (*at, i), item.start_mark.line + 1, lines)


def require_list(path: Path, data: Any, key: str) -> list[LineDict]:
    """The list under a top-level key, each item a mapping."""
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise InputError(path, f"expected a top-level '{key}:' list")
    items = data[key]
    for item in items:
        if not isinstance(item, dict):
            raise InputError(path, f"each entry under '{key}' must be a mapping, got {item!r}")
    return items


def require_fields(path: Path, entry: LineDict, fields: list[str], what: str) -> None:
    missing = [f for f in fields if f not in entry or entry[f] in (None, "")]
    if missing:
        raise InputError(path, f"{what} lacks required field(s): {', '.join(missing)}", entry.line)
