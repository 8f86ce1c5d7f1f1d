"""YAML loading that refuses duplicate keys and remembers each mapping's line."""

from __future__ import annotations

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


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; any problem becomes an InputError naming the file and line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    try:
        return yaml.load(text, Loader=_StrictLoader)  # a (C)SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(path, f"invalid YAML: {exc.problem or exc.context}", line) from exc
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid YAML: {exc}") from exc


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
