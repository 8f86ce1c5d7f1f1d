"""A forecast is context, not a target: 预计 / 据预测 / 经测算 … 将 … (prose_number_kinds)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经测算，到2025年全市小学在校生将增至12.4万人。", []),
        ("据预测，2024年普通高中在校生将达到2.3万人左右。", []),
        ("预计到2025年义务教育在校生将达到8万人。", []),
        # a target stated after a forecast word in another sentence is a target
        ("据预测，生源将持续增长。到2025年义务教育在校生达到8万人。", [("compulsory_enrollment", 2025, "=", 80000.0, None, "level")]),
    ],
)  # fmt: skip
def test_forecasts_are_no_values(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


KG = "kindergarten_enrollment"
PRIMARY = "primary_enrollment"
PLACES = "school_places_added"

# my own wording: a county's enrolment forecast under two scenarios with an actual year, a
# supply-and-demand table whose planned column is the plan's, and a plan's own scale table
# captioned 规模预测 (2020 and 2025 only), which earlier plans use for their targets
FORECAST_TABLES = [
    (
        "表2　2021—2025年小学在校生预测（单位：人）\n"
        "| 年份 | 小学在校生（高方案） | 小学在校生（低方案） |\n|---|---|---|\n"
        "| 2020年实际 | 31,250 | 31,250 |\n| 2023年 | 32,400 | 31,900 |\n| 2025年 | 33,100 | 32,050 |\n",
        [(PRIMARY, 2020, "=", 31250.0, None, "level")] * 2,
    ),
    (
        "表3　2025年学位需求测算（单位：个）\n"
        "| 学段 | 需求学位 | 现有学位 | 缺口 | 规划新增学位 |\n|---|---|---|---|---|\n"
        "| 合计 | 58,600 | 52,100 | 6,500 | 7,000 |\n",
        [(PLACES, 2025, "=", 7000.0, None, "cumulative")],
    ),
    (
        "表1　“十四五”教育事业规模预测\n"
        "| 指标 | 2020年 | 2025年 |\n|---|---|---|\n| 在园幼儿（人） | 12,400 | 13,000 |\n",
        [(KG, 2020, "=", 12400.0, None, "level"), (KG, 2025, "=", 13000.0, None, "level")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FORECAST_TABLES)
def test_forecast_tables_keep_actual_and_planned_cells_only(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


FORECAST_PROSE = [
    # in a forecast section: what will be is no target, the actual value it starts from is
    (
        "三、学位需求预测\n受生育率下降影响，全县在园幼儿将由2020年的9,800人减少到2025年的8,300人左右，"
        "小学在校生将达到2.1万人。\n四、发展目标\n到2025年，小学在校生达到2.2万人。",
        [(KG, 2020, "=", 9800.0, None, "level"), (PRIMARY, 2025, "=", 22000.0, None, "level")],
    ),
    # a scenario named after a value marks a forecast anywhere
    (
        "到2025年，全市小学在校生规模为8.6万人（低方案）至9.1万人（高方案）。",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FORECAST_PROSE)
def test_forecast_sections_and_scenarios(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
