"""A table header whose cells were printed rotated: a PDF export writes each character of
such a cell on a line of its own, top to bottom or bottom to top ("2", "0", "2", "0",
"年", or "年", "5", "2", "0", "2"), and a cell printed upright on one line ("指标名称").

The run of short lines above a table's rows is read back into header cells: the text of
the run is cut into years ("2020年", "2025年目标值") and the usual header words (序号, 指标
名称, 单位, 属性 …), each read either way round; the run is a header only when every
character belongs to one of them. A cell's span runs over its lines."""

from __future__ import annotations

import re

from analysis.extraction.grid import GridCell
from analysis.extraction.table_readers import TextLines

# the words a header cell is made of, longest first at each try
HEADER_WORDS = (
    "计量单位",
    "指标名称",
    "指标属性",
    "年均增长",
    "序号",
    "指标",
    "名称",
    "项目",
    "单位",
    "属性",
    "类别",
    "领域",
    "备注",
    "说明",
)
_YEAR = re.compile(r"(?:19|20)\d\d年(?:目标值|基期值|现状值|预期值|目标|基期|现状)?")
_LONGEST_LINE = 4  # a rotated cell's line holds a character, an upright one a short word
_FEWEST_LINES = 4


def rotated_header(lines: TextLines, first_row: int) -> list[GridCell] | None:
    """The header cells printed in the short lines right above line `first_row`, or None."""
    k = first_row
    while k > 0 and short_line(lines.items[k - 1][0]):
        k -= 1
    if first_row - k < _FEWEST_LINES:
        return None
    # the run's characters, each with its line
    chars: list[tuple[str, int, int]] = []  # (character, line, view offset)
    for i in range(k, first_row):
        text, start, _ = lines.items[i]
        chars.extend((ch, i, start + p) for p, ch in enumerate(text) if not ch.isspace())
    stream = "".join(ch for ch, _, _ in chars)
    cuts = _cut(stream)
    if cuts is None:
        return None
    cells = []
    for a, b, text in cuts:
        s = lines.view.raw_start(min(chars[p][2] for p in range(a, b)))
        e = lines.view.raw_end(max(chars[p][2] for p in range(a, b)) + 1)
        cells.append(GridCell(text, s, e))
    return cells


def short_line(text: str) -> bool:
    """A line that may be one line of a rotated header: a few characters, no space."""
    body = text.strip()
    return 0 < len(body) <= _LONGEST_LINE and " " not in body


def _cut(stream: str) -> list[tuple[int, int, str]] | None:
    """The stream cut into header cells (start, end, the cell read the right way round),
    or None when some character belongs to none."""
    out: list[tuple[int, int, str]] = []
    p = 0
    while p < len(stream):
        found = _cell_at(stream, p)
        if found is None:
            return None
        out.append((p, p + len(found), found))
        p += len(found)
    return out


def _cell_at(stream: str, p: int) -> str | None:
    """The header cell starting at p, read forward or backward: the longest."""
    rest = stream[p:]
    candidates = []
    m = _YEAR.match(rest)
    if m:
        candidates.append(m.group())
    candidates += [w for w in HEADER_WORDS if rest.startswith(w)]
    # bottom to top: the cell's characters come last first ("年5202" is 2025年)
    for size in range(2, min(len(rest), 8) + 1):
        turned = rest[:size][::-1]
        if _YEAR.fullmatch(turned) or turned in HEADER_WORDS:
            candidates.append(turned)
    return max(candidates, key=len, default=None)  # the first of the longest
