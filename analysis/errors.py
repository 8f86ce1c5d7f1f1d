"""The one error type for bad input: it always names the file, and the line when known."""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path


class InputError(Exception):
    """Bad input (raw text, YAML, corrections). The build stops and keeps the old database."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None):
        self.path = Path(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {problem}")

    def __reduce__(self):
        # a worker process's error comes back to the build pickled: rebuild it from its parts
        return (type(self), (self.path, self.problem, self.line))


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


class LineNumbers:
    """line_of for many offsets of one text: the newlines are found once, then each offset
    is a binary search (line_of counts from the start of the text every time)."""

    def __init__(self, text: str):
        self._newlines = [m.start() for m in re.finditer("\n", text)]

    def of(self, offset: int) -> int:
        """1-based line number of a character offset (0 <= offset), as line_of."""
        return bisect_left(self._newlines, offset) + 1
