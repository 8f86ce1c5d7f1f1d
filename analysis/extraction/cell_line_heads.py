"""Header shapes of one-cell-per-line tables that a plain run of role and year words
misses (used by line_tables): a unit row inside a transposed header, a target column
whose year is on the row below, and values written with thousands separators."""

from __future__ import annotations

import re

from analysis.extraction.grid import GridCell

UNIT_HEADS = ("单位", "计量单位")
# a target column's head without its year ("“十四五”目标", "规划目标"): short, no digit
_TARGET_HEAD = re.compile(r"^[^\d]{0,6}目标[^\d]{0,2}$|^[“\"]?十[一二三四五六七八九]五[”\"]?末?$")
# a thousands separator inside a number ("1,100"): the interpreter reads the value whole
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def is_target_head(text: str) -> bool:
    return _TARGET_HEAD.search(text) is not None


def without_thousands(text: str) -> str:
    return _THOUSANDS.sub("", text) if "," in text else text


def unit_row(header: list[GridCell]) -> list[GridCell] | None:
    """The unit row of a transposed header read as one run of lines ("年份", the names,
    "单位", a unit per name): the cells from "单位" on, when they are as many as the
    names before it; None when there is no such row."""
    heads = [n for n, c in enumerate(header) if c.text.replace(" ", "") in UNIT_HEADS]
    if len(heads) != 1 or heads[0] < 2 or len(header) != 2 * heads[0]:
        return None
    return header[heads[0] :]
