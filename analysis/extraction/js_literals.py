"""Object and array literals as a web page's script or a JSON file writes them
({ name: '学前三年毛入园率', data: [90.8, 92.1, null] }, {"zbmc": "…", "sz": "90.6"}), with
the raw span of every key and value, for the readers of charts and record arrays.

Tolerant: JavaScript's unquoted keys, single quotes, comments and trailing commas are
read; a value that is no literal (a function, a variable, an expression) becomes an
`Other` node spanning it, so one formatter function does not lose a chart.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

_SPACE = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.S)
_KEY = re.compile(
    r"""([A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff]*)"""
    r"""|'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)\""""
)
_STRING = re.compile(r"""'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`]*)`""")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])")
_WORD = re.compile(r"[A-Za-z_$][\w$.]*")
MAX_DEPTH = 40


@dataclass
class Node:
    kind: str  # "object", "array", "string", "number", "word" (null, true …), "other"
    start: int  # raw span: a string's content without its quotes
    end: int
    text: str = ""  # a string's text (escapes read), a number's or word's spelling
    items: list = field(default_factory=list)  # an array's Nodes
    keys: dict = field(default_factory=dict)  # an object's key -> (key span, Node)

    def get(self, key: str) -> Node | None:
        found = self.keys.get(key)
        return None if found is None else found[1]


class _NotLiteral(Exception):
    pass


def _unescaped(text: str) -> str:
    if "\\" not in text:
        return text
    try:
        return json.loads('"' + text.replace('"', '\\"').replace("\\'", "'") + '"')
    except ValueError:  # a stray backslash: the text as written
        return text


def _space(raw: str, pos: int) -> int:
    return _SPACE.match(raw, pos).end()


def _skip_expression(raw: str, pos: int) -> int:
    """The end of an expression that is no literal: up to the next "," or closing bracket
    outside its own brackets and strings."""
    depth = 0
    n = len(raw)
    while pos < n:
        ch = raw[pos]
        if ch in "'\"`":
            m = _STRING.match(raw, pos)
            pos = m.end() if m else pos + 1
            continue
        if ch in "{[(":
            depth += 1
        elif ch in "}])":
            if depth == 0:
                return pos
            depth -= 1
        elif ch in ",;" and depth == 0:
            return pos
        pos += 1
    return pos


def parse_value(raw: str, pos: int, depth: int = 0) -> tuple[Node, int]:
    """The literal starting at raw[pos] (after any space) and the position after it."""
    if depth > MAX_DEPTH:
        raise _NotLiteral
    pos = _space(raw, pos)
    if pos >= len(raw):
        raise _NotLiteral
    ch = raw[pos]
    if ch == "{":
        return _object(raw, pos, depth)
    if ch == "[":
        return _array(raw, pos, depth)
    m = _STRING.match(raw, pos)
    if m:
        g = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
        return Node("string", m.start(g), m.end(g), _unescaped(m.group(g))), m.end()
    m = _NUMBER.match(raw, pos)
    if m:
        return Node("number", m.start(), m.end(), m.group()), m.end()
    m = _WORD.match(raw, pos)
    if m and m.group() in ("null", "true", "false", "undefined", "NaN"):
        return Node("word", m.start(), m.end(), m.group()), m.end()
    end = _skip_expression(raw, pos)
    if end == pos:
        raise _NotLiteral
    return Node("other", pos, end, raw[pos:end].strip()), end


def _after_item(raw: str, pos: int, closer: str) -> int:
    """Past the comma after an item, or at its container's closer; else no literal."""
    pos = _space(raw, pos)
    if pos < len(raw) and raw[pos] == ",":
        return pos + 1
    if pos >= len(raw) or raw[pos] != closer:
        raise _NotLiteral
    return pos


def _object(raw: str, pos: int, depth: int) -> tuple[Node, int]:
    node = Node("object", pos, pos)
    pos += 1
    while True:
        pos = _space(raw, pos)
        if pos < len(raw) and raw[pos] == "}":
            node.end = pos + 1
            return node, pos + 1
        m = _KEY.match(raw, pos)
        if m is None:
            raise _NotLiteral
        g = m.lastindex
        key = _unescaped(m.group(g))
        pos = _space(raw, m.end())
        if pos >= len(raw) or raw[pos] != ":":
            raise _NotLiteral  # a method or a shorthand: no literal object
        value, pos = parse_value(raw, pos + 1, depth + 1)
        node.keys.setdefault(key, ((m.start(g), m.end(g)), value))
        pos = _after_item(raw, pos, "}")


def _array(raw: str, pos: int, depth: int) -> tuple[Node, int]:
    node = Node("array", pos, pos)
    pos += 1
    while True:
        pos = _space(raw, pos)
        if pos < len(raw) and raw[pos] == "]":
            node.end = pos + 1
            return node, pos + 1
        value, pos = parse_value(raw, pos, depth + 1)
        node.items.append(value)
        pos = _after_item(raw, pos, "]")


def literal_at(raw: str, pos: int) -> Node | None:
    """The object or array literal whose opening bracket is raw[pos], else None."""
    try:
        node, _ = parse_value(raw, pos)
    except _NotLiteral:
        return None
    return node if node.kind in ("object", "array") else None


def enclosing_open(raw: str, pos: int, floor: int = 0) -> int | None:
    """The position of the "{" whose object holds raw[pos], scanning back to `floor`."""
    depth = 0
    k = pos - 1
    while k >= floor:
        ch = raw[k]
        if ch in "}]":
            depth += 1
        elif ch in "{[":
            if depth == 0:
                return k if ch == "{" else None
            depth -= 1
        k -= 1
    return None


def walk(node: Node):
    """The node and every node inside it."""
    yield node
    for item in node.items:
        yield from walk(item)
    for _, value in node.keys.values():
        yield from walk(value)
