"""What a grid's name and unit cells say: the bare indicator name once its numbering
("1.", "（2）"), attribute mark ("（约束性）") and unit bracket ("（%）") are taken off; a
unit's core and scale ("万人" -> "人", 1e4); the raw span of a part of a cell.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import GridCell

_UNIT_IN_NAME = re.compile(r"\s*[(（]\s*(?:单位\s*[:：]\s*)?([^()（）]{1,6})\s*[)）]\s*$")
_UNIT_NOTE = re.compile(r"单位\s*[:：]\s*([^)）|,，;；\s]+)")
_NUMBERING = re.compile(r"^(?:\d{1,2}[.、]|[(（]\d{1,2}[)）]|[一二三四五六七八九十]+、)\s*")
_ATTRIBUTE_IN_NAME = re.compile(r"[(（]\s*(预期性|约束性)\s*[)）]")


def _bare_name(name: str) -> tuple[str, str]:
    name = _ATTRIBUTE_IN_NAME.sub("", name).strip()
    name = _NUMBERING.sub("", name).strip().rstrip("*＊").strip()
    m = _UNIT_IN_NAME.search(name)
    if m:
        return name[: m.start()].strip(), m.group(1).strip()
    return name, ""


def _unit_core(unit: str) -> str:
    """ "万人" -> "人" (the scale is applied separately); "%" stays."""
    unit = unit.strip()
    if unit[:1] in ("万", "亿", "千") and len(unit) > 1:
        return unit[1:]
    return unit


def _scale_of(unit: str) -> float:
    unit = unit.strip()
    return {"万": 1e4, "亿": 1e8, "千": 1e3}.get(unit[:1], 1.0) if len(unit) > 1 else 1.0


def _sub_span(cell: GridCell, offset: int, length: int) -> tuple[int, int]:
    """A part of a cell's raw span (exact when the cell's raw text equals its clean text)."""
    if cell.end - cell.start == len(cell.text):
        return cell.start + offset, cell.start + offset + length
    return cell.start, cell.end
