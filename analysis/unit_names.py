"""Readable names of the codebook units, in Chinese and English, for charts and the workbook.

One table for every unit a codebook entry may have (data/schemas/common.schema.json), so a
chart's axis and the workbook's Unit columns say the same thing: (zh, en, bilingual).
"""

from __future__ import annotations

UNIT_LABELS = {
    "percent": ("百分比 %", "%", "% · 百分比"),
    "years": ("年", "years", "years · 年"),
    "persons": ("人", "persons", "persons · 人"),
    "person_times": ("人次", "person-times", "person-times · 人次"),
    "count": ("个数", "number", "number · 个数"),
    "hours": ("小时", "hours", "hours · 小时"),
    "times": ("倍", "times", "times · 倍"),
    "yuan": ("元", "yuan", "yuan · 元"),
}
