"""Schema validation of the YAML inputs, reported with the file and line of the bad node.

Each input has a JSON Schema (Draft 2020-12) in data/schemas/<name>.schema.json: types,
required and allowed keys, vocabularies, year and count ranges, non-blank phrases and
regexes that compile. jsonschema names the failing node by its path; yamlio keeps the line
of every path, so the error points at the line to fix. Checks across entries or files
(unique ids, references into the codebook, paths inside data/raw) stay in the loaders.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from referencing import Registry, Resource

from analysis import paths
from analysis.errors import InputError
from analysis.jsonschema_import import (
    Draft202012Validator,
    FormatChecker,
    ValidationError,
    best_match,
)
from analysis.yamlio import Lines, checked_before, load_yaml_lines, note_checked

# Keys that name an entry: an error inside the entry starts with it ("<source_id>: ...").
_ENTRY_KEYS = ("source_id", "reference_id", "indicator_id", "theme_id", "observation_id", "name")
_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "a text",
    "array": "a list",
    "object": "a mapping",
    "boolean": "true or false",
    "null": "empty",
}


@cache
def _validator(name: str) -> Draft202012Validator:
    """The schema's validator; schemas refer to each other by file name (common.schema.json)."""
    resources = [
        (p.name, Resource.from_contents(json.loads(p.read_text(encoding="utf-8"))))
        for p in sorted(paths.SCHEMAS_DIR.glob("*.schema.json"))
    ]
    documents = {file: resource.contents for file, resource in resources}
    schema = documents[f"{name}.schema.json"]
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(
        inline_refs(schema, f"{name}.schema.json", documents),
        registry=Registry().with_resources(resources),
        format_checker=FormatChecker(),
    )


def inline_refs(schema: Any, file: str, documents: dict[str, Any], seen: tuple = ()) -> Any:
    """The schema with each bare {"$ref": ...} replaced by the subschema it names.

    The validator follows a $ref through the registry at every node it checks: ~40 look-ups
    per registry entry, most of the time spent validating a large registry. The errors are
    the same (an error inside a $ref carries the subschema it failed, inlined or not). A
    $ref beside other keywords, outside the schema files, or inside its own target
    (recursion) is left for the registry to follow."""
    if isinstance(schema, list):
        return [inline_refs(v, file, documents, seen) for v in schema]
    if not isinstance(schema, dict):
        return schema
    ref = schema.get("$ref")
    if isinstance(ref, str) and len(schema) == 1:
        target_file, _, pointer = ref.partition("#")
        target_file = target_file or file
        key = (target_file, pointer)
        target = _pointed(documents.get(target_file), pointer)
        if target is not None and key not in seen:
            return inline_refs(target, target_file, documents, (*seen, key))
        return schema
    return {k: inline_refs(v, file, documents, seen) for k, v in schema.items()}


def _pointed(document: Any, pointer: str) -> Any:
    """The node a JSON pointer (/$defs/text) names in a document, or None."""
    if document is None or (pointer and not pointer.startswith("/")):
        return None
    node = document
    for part in pointer.split("/")[1:] if pointer else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def load_checked(path: Path, schema: str) -> tuple[Any, Lines]:
    """Parse a YAML input and validate it against data/schemas/<schema>.schema.json."""
    data, lines = load_yaml_lines(path)
    if not checked_before(data, schema):  # inside yamlio.parse_once(): the same text once
        validate(Path(path), data, lines, schema)
        note_checked(data, schema)
    return data, lines


# Below this many nodes (a registry of ~90 plans) compiling a schema costs more than
# jsonschema's walk: measured by instruction counts, the five-plan build's five inputs
# (24 to 1,125 nodes) took 374 M more instructions prechecked, the 500-plan registry
# (11,002 nodes) 2.3 M fewer a plan.
PRECHECK_FROM_NODES = 2000


def node_count(value: Any) -> int:
    """Nodes of a JSON view: every mapping, list and scalar."""
    count, stack = 0, [value]
    while stack:
        node = stack.pop()
        count += 1
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return count


@cache
def _precheck(name: str):
    """A fast test that the JSON view passes the schema, or None where it can't be made.

    jsonschema walks a registry entry by entry in Python: ~1.5 ms a plan, the parent's
    largest cost per plan after loading the database. fastjsonschema compiles the same
    (inlined) schema to Python code, about ten times faster. Only its "valid" is trusted;
    anything it refuses goes through jsonschema, which words the error as before. Its
    formats are jsonschema's own checks; a schema with a $ref left after inlining is not
    prechecked. tests/test_speedups.py holds "valid here" to "valid for jsonschema"."""
    import fastjsonschema  # only for large inputs: not imported by a small build

    validator = _validator(name)
    if "$ref" in json.dumps(validator.schema):
        return None
    checker = validator.format_checker
    formats = {f: (lambda v, f=f: checker.conforms(v, f)) for f in checker.checkers}
    try:
        return fastjsonschema.compile(validator.schema, formats=formats, use_default=False)
    except fastjsonschema.JsonSchemaDefinitionException:
        # a construct it can't compile: that schema is checked by jsonschema alone, as before
        return None


def passes_precheck(name: str, plain: Any) -> bool:
    """Whether the JSON view `plain` passes _precheck (False: ask jsonschema)."""
    import fastjsonschema

    check = _precheck(name)
    if check is None:
        return False
    try:
        check(plain)
    except fastjsonschema.JsonSchemaException:  # refused: jsonschema finds and words the error
        return False
    return True


def validate(path: Path, data: Any, lines: Lines, schema: str) -> None:
    """Raise an InputError for the first problem in the file (by line)."""
    _finite(path, data, (), lines)
    plain = _plain(data)
    if node_count(plain) >= PRECHECK_FROM_NODES and passes_precheck(schema, plain):
        return
    errors = list(_validator(schema).iter_errors(plain))
    if not errors:
        return

    # The earliest problem in the file is reported, so fixing top to bottom works; best_match
    # picks the most specific of the errors on that line (inside anyOf too).
    def reported_line(err: ValidationError) -> int:
        # an empty file has no node at all: its problem is on line 1
        return line_at(lines, _describe(best_match([err]), plain)[1]) or 1

    first = min(map(reported_line, errors))
    err = best_match(e for e in errors if reported_line(e) == first)
    problem, at = _describe(err, plain)
    raise InputError(path, problem, line_at(lines, at) or 1)


def line_at(lines: Lines, at: Iterable) -> int | None:
    """The line of a node, or of its nearest ancestor that has one."""
    at = tuple(at)
    while at not in lines and at:
        at = at[:-1]
    return lines.get(at)


def refuse(path: Path, lines: Lines, at: Iterable, problem: str) -> InputError:
    """An InputError at the line of a node (for the checks after the schema)."""
    return InputError(path, problem, line_at(lines, at))


def _plain(value: Any) -> Any:
    """The JSON view the schema sees: string keys, dates as ISO text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _finite(path: Path, value: Any, at: tuple, lines: Lines) -> None:
    """No input number may be inf, nan or beyond a float (1e309, a 309-digit integer)."""
    if isinstance(value, dict):
        for k, v in value.items():
            _finite(path, v, (*at, str(k)), lines)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _finite(path, v, (*at, i), lines)
    elif isinstance(value, float | int) and not isinstance(value, bool):
        try:
            ok = math.isfinite(float(value))
        except OverflowError:
            ok = False
        if not ok:
            shown = str(value) if len(str(value)) < 30 else f"a {len(str(value))}-digit number"
            raise refuse(path, lines, at, f"{_where(at)} {shown} is not a finite number")


def _where(at: Iterable) -> str:
    """A node path as text: tables[2].fields[0].name."""
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe(err: ValidationError, plain: Any) -> tuple[str, tuple]:
    """A message in the words of the input (and the node it is about)."""
    at = tuple(err.absolute_path)
    # the innermost entry that has an id names the context; the field is the rest of the path
    labels, start = [], 0
    node = plain
    for i, part in enumerate(at):
        node = node[part]
        if isinstance(part, int) and isinstance(node, dict):
            key = next((k for k in _ENTRY_KEYS if isinstance(node.get(k), str)), None)
            if key is not None:  # tables[3].fields[5] -> observations.note
                labels, start = [*labels, node[key]], i + 1
    label = ".".join(labels) or None
    field = _where(at[start:]) if at[start:] else (label or _where(at))
    kind, value, inst = err.validator, err.validator_value, err.instance
    # a subschema's description says what is expected; the file's own (with a title) does not
    schema = err.schema if isinstance(err.schema, dict) else {}
    note = schema.get("description") if "title" not in schema else None
    if kind == "required":
        missing = [f for f in value if f not in inst]
        owner = f"{_where(at)} " if at and label is None else ""
        problem = f"{owner}lacks required field(s): {', '.join(missing)}"
    elif kind == "additionalProperties":
        extra = sorted(str(k) for k in inst if k not in err.schema.get("properties", {}))
        problem, note = f"unknown key(s) {', '.join(extra)}", note
        at = (*at, extra[0]) if extra else at
    elif kind in ("enum", "const"):
        allowed = value if kind == "enum" else [value]
        problem = f"unknown {field} {_short(inst)}; use one of {allowed}"
    elif kind == "type":
        wanted = " or ".join(_TYPE_WORDS[t] for t in ([value] if isinstance(value, str) else value))
        problem = f"{field} must be {wanted}, not {_short(inst)}"
    elif (
        kind == "pattern"
        and isinstance(inst, str)
        and not inst.strip()
        and at
        and isinstance(at[-1], str)
        and at[start:]
    ):
        # blank is as good as missing: reported like a missing field, at the entry
        if start:  # in an entry: reported like a missing field, at the entry's line
            problem, at = f"{label} has no {field}", at[:start]
        else:
            problem = f"{_where(at[:-1])} has no {_where(at[-1:])}"
        note = None
    elif kind == "pattern":
        problem = f"{field} {_short(inst)} " + (note or f"does not match {value!r}")
        note = None
    elif kind == "format" and value == "regex":
        try:
            re.compile(inst)
            reason = "?"
        except re.error as exc:
            reason = str(exc)
        problem = f"{field} {_short(inst)} is not a valid regular expression ({reason})"
    elif kind == "format":
        problem = f"{field} {_short(inst)} is not a {value}"
    elif kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        problem = f"{field} {_short(inst)} is out of range: it must be {bound} {value}"
    elif kind in ("minItems", "minProperties"):
        problem = f"{field} must not be empty" if value == 1 else f"{field}: {err.message}"
    elif kind == "minLength":
        problem = f"{field} must not be empty"
    else:
        problem = f"{field}: {err.message}"
    if label is not None and not problem.startswith(label):
        problem = f"{label}: {problem}"
    if note:
        problem += f" ({note})"
    return problem, at
