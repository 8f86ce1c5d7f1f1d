"""A heading that names one year dates the values under it that state none: "三、2023年重点
任务", "2020年基期数据", "（二）2022年完成情况". The innermost such heading governs; a
span of years ("2021—2025年"), a year something runs since or before ("2020年以来") and
a year inside a title's book marks name no one year, and a heading that is a sentence
("3.2.1 新建…120所，2022年底前全面消除…") names none.
"""

from __future__ import annotations

import re

_YEAR = re.compile(r"(?<![\d—\-~～至到])((?:19|20)\d\d)\s*年(?!\s*(?:以来|以前|前后|[—\-~～至到]))")
_LONGEST = 40
_SENTENCE = re.compile(r"[，,。；;]")
_SPAN_AFTER = re.compile(r"\s*[—\-~～至到]\s*(?:19|20)\d\d")


def heading_year(path: tuple[str, ...], low: int, high: int) -> int | None:
    """The year the innermost heading of `path` naming one year in [low, high] names."""
    for heading in reversed(path):
        if "年" not in heading or len(heading) > _LONGEST or _SENTENCE.search(heading):
            continue  # (a numbered item that is a sentence is no heading naming a year)
        if "《" in heading:
            heading = re.sub(r"《[^》]*》", "", heading)
        years = {
            int(m.group(1))
            for m in _YEAR.finditer(heading)
            if not _SPAN_AFTER.match(heading, m.end(1))
        }
        if len(years) == 1:
            year = years.pop()
            if low <= year <= high:
                return year
        if years:
            return None  # several years: the heading dates nothing
    return None
