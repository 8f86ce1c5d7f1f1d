"""A plan shown as a unified diff between two drafts (diff -u, git diff): the lines it
removes are the earlier draft's, its "+" and " " lines are the plan's.

Of a hunk's lines, "-" lines are struck whole (line end included, so a table loses the
row, not a line); "+" and " " lose only their marker; the file headers ("--- a/…",
"+++ b/…") and the hunk ranges ("@@ -17,46 +17,46 @@") are the diff's own markup.
"""

from __future__ import annotations

import re

REASON = "a unified diff's file header or hunk range"
REMOVED = "a line the diff removes (the earlier draft's text)"

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@[^\n]*", re.M)
_FILE_HEADER = re.compile(r"^(?:---|\+\+\+) [^\n]*", re.M)
_GIT_HEADER = re.compile(r"^(?:diff --git |index [0-9a-f]{6,}\.\.)[^\n]*", re.M)


def is_diff(work: str) -> bool:
    return "@@ -" in work and _HUNK.search(work) is not None


def diff_parts(work: str):
    """(removed lines with their line ends, marker characters, header and hunk lines), each
    a sorted list of raw spans; three empty lists for a text that is no diff."""
    if not is_diff(work):
        return [], [], []
    headers = [m.span() for m in _FILE_HEADER.finditer(work)]
    headers += [m.span() for m in _GIT_HEADER.finditer(work)]
    removed, markers = [], []
    for hunk in _HUNK.finditer(work):
        headers.append(hunk.span())
        pos = hunk.end() + 1
        while pos < len(work):
            end = work.find("\n", pos)
            end = len(work) if end < 0 else end
            first = work[pos] if pos < end else ""
            if first == "-" and not work.startswith("--- ", pos):
                removed.append((pos, min(end + 1, len(work))))
            elif first in ("+", " ") and not work.startswith("+++ ", pos):
                markers.append((pos, pos + 1))
            elif first == "\\":  # "\ No newline at end of file"
                headers.append((pos, end))
            elif first != "":  # an empty line is a blank context line some tools trim
                break
            pos = end + 1
    return removed, markers, sorted(headers)
