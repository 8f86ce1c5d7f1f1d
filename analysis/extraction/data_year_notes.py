"""A note that dates a text's numbers: "文中数据除注明外均为2022年数据", "以下数据均为2022年
底数据", "本文所用数据截至2022年底". A cut-off within a year ("数据截至2021年6月", a draft's
statistics) dates nothing. A news feature or a brochure states its numbers once
for all; a value with no year of its own, outside a review, is then of that year
(prose_years.py, year basis `data_note`) rather than the plan's end.
"""

from __future__ import annotations

import re

_NOTE = re.compile(
    r"(?:文中|本文|文内|以下|下文|上述|报道中|稿件中|图表中|本期)[^。\n]{0,6}?(?:数据|数字)"
    r"(?:除(?:注明|特别说明|另有说明|标注)[^。\n]{0,4}?外)?[^。\n]{0,6}?"
    r"(?:均为|皆为|都是|均是|为|截至|截止)\s*((?:19|20)\d\d)\s*年"
    r"(?:\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月)?"
)
_YEAR_END = {"12", "十二"}


def data_year(text: str) -> int | None:
    """The year a note dates the text's numbers to, else None."""
    if text.find("数据") < 0 and text.find("数字") < 0:
        return None
    m = _NOTE.search(text)
    if m is None:
        return None
    # "数据截至2021年6月": a cut-off inside a year dates the statistics of a draft's review,
    # not its targets; no value stated is that year's
    if m.group(2) is not None and m.group(2) not in _YEAR_END:
        return None
    return int(m.group(1))
