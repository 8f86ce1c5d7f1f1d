"""Tables whose cells are one space apart (analysis/extraction/single_space_tables.py), as an
OCR pass or a copy leaves them; first met in blind23 (r2), written here in other words."""

from __future__ import annotations

import pytest

from analysis.extraction.single_space_tables import _cells, read_single_space_rows
from analysis.extraction.table_readers import TextLines
from analysis.normalise import clean
from tests.test_extraction import CONS, INC, PRE, observed

SPARE = "普惠性幼儿园覆盖率"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit column, a comparator typed apart from its number, an attribute column
        ("表2 主要指标\n指标 单位 2020年 2025年 属性\n普惠性幼儿园覆盖率 % 84.5 ≥ 90 约束性\n九年义务教育巩固率 ％ 95.2 97 约束性\n", [(INC, 2020, "=", 84.5, None, "level"), (INC, 2025, ">=", 90.0, None, "level"), (CONS, 2020, "=", 95.2, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
        # no unit column: "%" apart from the number it belongs to; a count in 万人
        ("序号 指标名称 2020年 2025年\n1 学前三年毛入园率 86.1 % 91 %\n2 普通高中在校生（万人） 3.4 3.9\n", [(PRE, 2020, "=", 86.1, None, "level"), (PRE, 2025, "=", 91.0, None, "level"), ("general_high_school_enrollment", 2020, "=", 34000.0, None, "level"), ("general_high_school_enrollment", 2025, "=", 39000.0, None, "level")]),
        # OCR prose with single spaces is no table: its values are read as prose
        ("2020年 全市学前三年毛入园率为86.1 %，2025年 力争达到91 %以上。\n九年义务教育巩固率 2025年 达到97 %。\n", [(PRE, 2020, "=", 86.1, None, "level"), (PRE, 2025, ">=", 91.0, None, "level"), (CONS, 2025, "=", 97.0, None, "level")]),
    ],
)  # fmt: skip
def test_single_space_tables_are_read(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "width", "cells"),
    [
        ("指标 单位 2020年 2025年", None, ["指标", "单位", "2020年", "2025年"]),
        ("巩固率 % 95.2 ≥ 97", 4, ["巩固率", "%", "95.2", "≥ 97"]),
        ("巩固率 95.2 % 97 %", 3, ["巩固率", "95.2 %", "97 %"]),
        ("巩固率 95.2 % 97 %", 4, ["巩固率", "95.2 %", "97", "%"]),  # only as many joins as needed
        ("巩固率 95.2", None, None),  # two cells
        ("巩固率  95.2  97", None, ["巩固率", "95.2", "97"]),  # (the spaced tables' reader's first)
        ("到2025年 巩固率达到97%。", None, None),  # a sentence
        ("学前三年毛入园率由二〇二〇年的百分之八十六点一稳步提高到百分之九十一 % 97", None, None),  # a long cell
    ],
)  # fmt: skip
def test_cells_one_space_apart(text, width, cells):
    spans = _cells(text, width)
    assert (spans if spans is None else [text[a:b] for a, b in spans]) == cells


def test_a_header_needs_two_rows_under_it():
    text = "指标 2020年 2025年\n巩固率 95.2 97\n\n到2025年，巩固率达到97%。\n"
    assert read_single_space_rows(TextLines(clean(text)), []) == []
    two = "指标 2020年 2025年\n巩固率 95.2 97\n覆盖率 84.5 90\n"
    (grid,) = read_single_space_rows(TextLines(clean(two)), [])
    assert [[c.text for c in row] for row in grid.rows] == [
        ["指标", "2020年", "2025年"],
        ["巩固率", "95.2", "97"],
        ["覆盖率", "84.5", "90"],
    ]
    assert (grid.start, grid.end) == (0, len(two) - 1)
