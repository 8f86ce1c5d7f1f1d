"""A name header over two columns whose rows split a group into sub-rows."""

from __future__ import annotations

import pytest

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.sub_row_names import join_sub_row_names


def _grid(rows):
    return Grid("html", "", 0, 100, [[GridCell(t, 0, 0) for t in r] for r in rows])


@pytest.mark.parametrize(
    ("rows", "names"),
    [
        # a rate split by stage: the stage goes before it
        (
            [
                ["指标", "指标", "2020年"],
                ["巩固率", "巩固率", "95"],
                ["毛入学率", "高中阶段", "90"],
            ],
            ["巩固率", "高中阶段毛入学率"],
        ),
        # a stage split by measure: the measure goes after it
        ([["项目", "项目", "2025年"], ["学前教育", "毛入园率", "92"]], ["学前教育毛入园率"]),
    ],
)
def test_sub_rows_take_their_groups_name(rows, names):
    grid = join_sub_row_names(_grid(rows))
    assert [r[1].text for r in grid.rows[1:]] == names
    assert all(r[0].text == r[1].text for r in grid.rows[1:])


@pytest.mark.parametrize(
    "rows",
    [
        [["指标", "单位", "2020年"], ["巩固率", "%", "95"]],  # no header over two columns
        [["指标", "指标", "2020年"], ["巩固率", "巩固率", "95"]],  # no row splits them
        [["2020年", "2020年", "x"], ["90", "91", "92"]],  # year columns are not names
    ],
)
def test_grids_without_sub_rows_are_left_alone(rows):
    assert join_sub_row_names(_grid(rows)) is None
