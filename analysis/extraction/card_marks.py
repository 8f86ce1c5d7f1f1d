"""Two card layouts beside "【指标1】name" (record_tables.py): a line that only marks the
card above its name key ("【指标卡1】", "指标卡片一", "（1）" over "指标名称：…"), and
value keys named by role instead of year ("基期值：96.2", "目标值：≥97")."""

from __future__ import annotations

from analysis.extraction.grid import GridCell
from analysis.extraction.grid_headers import _BASE_ROLE, _TARGET_ROLE
from analysis.extraction.table_readers import TextLines

# a mark is short: a longer line above a name key is a heading or a sentence
MAX_MARK = 12


def marked_name(lines: TextLines, i: int, name_keys, key_cells) -> tuple[GridCell, GridCell] | None:
    """(name, mark) when line i only marks a card whose next line is a name key, else None.

    Whatever line i says, a name key right under it makes it the card's mark: marks come
    in too many forms (numbers, words, brackets) to be listed."""
    text, start, _ = lines.items[i]
    body = text.strip()
    if not body or len(body) > MAX_MARK or body[-1] in "。；;：:" or lines.keyed[i]:
        return None
    named = key_cells(lines, i + 1)
    if named is None or named[0].text not in name_keys:
        return None
    at = start + text.index(body[0])
    return named[1], lines.cell(i, at, at + len(body))


def is_role_key(key: str) -> bool:
    """A key naming the baseline or the target column ("基期值", "目标值", "规划目标")."""
    key = key.replace(" ", "")
    return bool(_BASE_ROLE.match(key) or _TARGET_ROLE.match(key))


def page_number_line(lines: TextLines, k: int) -> bool:
    """Line k is only a page number ("12"): a page break among a card's lines."""
    text = lines.items[k][0].strip()
    return 0 < len(text) <= 3 and text.isdigit()


def stray_before_key(lines: TextLines, k: int, key_cells) -> bool:
    """A page number at line k with the card's next key line after it."""
    return (
        k + 1 < len(lines.items)
        and lines.keyed[k + 1]
        and page_number_line(lines, k)
        and key_cells(lines, k + 1) is not None
    )
