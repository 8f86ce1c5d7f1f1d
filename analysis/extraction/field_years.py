"""A record of fields that states its own year: a wiki infobox ("| 统计年份 = 2022",
"| 学校数 = 142所"), a fact card or a form's lines ("统计年度：2022年", "学校数：142所").

The year field dates the fields after it in its record, not the rest of the text: a
value in them with no year of its own is of that year (the binder's list year), where
it would otherwise take the plan's end. A record runs to the end of its template ("}}")
or, for fields one a line, to the last field line.
"""

from __future__ import annotations

import re

# "统计年份 = 2022", "数据年度：2022年", "年份: 2022" ending its field
_YEAR_FIELD = re.compile(
    r"(?:统计|数据|填报|报告|资料)?(?:年份|年度)\s*[=:：]\s*"
    r"((?:19|20)\d\d)\s*(?:年度?(?:底|末)?)?\s*(?=$|[|｜}\n；;])"
)
REASON = "a record's year field (统计年份 = 2022)"
# one field a line: a short key, then "=" or a colon, then its value
_FIELD_LINE = re.compile(r"\s*[|｜]?\s*[^\s，,。；;:：=|｜]{1,12}\s*[=:：]\s*\S")
_MAX_FIELD_LINE = 60


def field_years(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """(start, end, year, where its digits start) of each record's reach after its year
    field, in order."""
    if text.find("年份") < 0 and text.find("年度") < 0:
        return ()  # most plans: one scan each
    reaches = []
    for m in _YEAR_FIELD.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        template_end = text.find("}}", m.end(), line_end)
        if template_end >= 0:
            reaches.append((m.end(), template_end, int(m.group(1)), m.start(1)))
            continue
        end = line_end
        if not text.startswith("{{", text.rfind("\n", 0, m.start()) + 1):
            # fields one a line: the record goes on while the lines are fields
            while end < len(text):
                nxt = text.find("\n", end + 1)
                nxt = len(text) if nxt < 0 else nxt
                line = text[end + 1 : nxt]
                if len(line) > _MAX_FIELD_LINE or "。" in line or not _FIELD_LINE.match(line):
                    break
                end = nxt
        reaches.append((m.end(), end, int(m.group(1)), m.start(1)))
    return tuple(reaches)


def field_year(reaches: tuple[tuple[int, int, int, int], ...], pos: int) -> int | None:
    """The year of the record whose reach holds pos, else None."""
    for start, end, year, _ in reaches:
        if start <= pos < end:
            return year
    return None
