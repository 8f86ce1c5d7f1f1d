"""A bar chart's text as a layout-keeping PDF export prints it (extraction/chart_text.py):
data labels over their categories, the legend's series in order, ticks no data."""

from __future__ import annotations

from analysis.normalise import clean
from tests.test_extraction import observed, source

# my own layout: ticks every 10 down to 50, labels on two heights, an underscore axis
# rule, a legend of round marks, and a category with one label for two series
CHART = """图3　2020年与2025年主要指标对比（单位：%）
    100
    90            86.4   92                 95.1   97
    80
    70                                                                72.5
    60
    50
      ________________________________________________________________________________
              普惠性幼儿园覆盖率        九年义务教育巩固率        “双师型”教师占比
                        ● 2020年      ● 2025年
"""

# the same numbers with no legend under the categories: no chart, the numbers unread
NO_LEGEND = CHART[: CHART.index("                        ●")]


def test_a_charts_labels_are_its_categories_values_by_series(extractor):
    assert observed(extractor, CHART) == [
        ("compulsory_consolidation_rate", 2020, "=", 95.1, None, "level"),
        ("compulsory_consolidation_rate", 2025, "=", 97.0, None, "level"),
        ("inclusive_kindergarten_coverage", 2020, "=", 86.4, None, "level"),
        ("inclusive_kindergarten_coverage", 2025, "=", 92.0, None, "level"),
    ]


def test_ticks_are_the_axis_and_a_lone_label_is_reported(extractor):
    ledger = extractor.extract(source(), clean(CHART)).ledger
    by_quote = {r["quote"]: r["disposition"] for r in ledger}
    assert [by_quote[t] for t in ("100", "90", "80", "70", "60", "50")] == ["markup"] * 6
    assert by_quote["72.5"] == "unaccounted"


def test_without_a_legend_there_is_no_chart(extractor):
    assert observed(extractor, NO_LEGEND) == []
