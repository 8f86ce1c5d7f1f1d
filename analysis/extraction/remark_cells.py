"""A table's remarks column ("备注", "说明"): words about a row, not values. Its cells
are left to the prose binder, so a number in a remark ("2019年起按新口径统计",
"含改扩建3所") gets a prose disposition instead of none."""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid

# (also a self-evaluation's reasons for falling short: "偏差原因", "未完成原因")
_REMARK_HEAD = re.compile(
    r"^(?:备注|说明|附注|注|(?:偏差|差异|未完成)原因(?:分析|说明)?)(?:\s*[(（][^)）]{0,6}[)）])?$"
)
HEADER_ROWS = 3  # a header lies among a table's first rows


def remark_spans(grid: Grid) -> list[tuple[int, int]]:
    """The raw spans of the remark cells holding a digit, under a remarks header."""
    for r, row in enumerate(grid.rows[:HEADER_ROWS]):
        cols = [k for k, c in enumerate(row) if _REMARK_HEAD.match(c.text.replace(" ", ""))]
        if cols:
            return [
                (body[k].start, body[k].end)
                for body in grid.rows[r + 1 :]
                for k in cols
                if k < len(body) and any(ch.isdigit() for ch in body[k].text)
            ]
    return []
