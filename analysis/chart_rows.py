"""Which rows a published chart draws, chosen once for the chart and for its description.

A chart and the alt text that describes it (analysis/figure_descriptions.py) must agree on
what is drawn: if each chose its own rows, a change to one (say, keeping zero-growth bars)
would leave the other describing a different chart. Both call these functions on the same
frame. No plotting here, so the HTML report can describe charts without matplotlib.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


def growth_rows(
    metrics: pd.DataFrame, unit: str | None, cities: Sequence[str] | None = None
) -> pd.DataFrame:
    """The indicator_metrics rows the growth chart draws when no indicator is chosen, in the
    order it draws them: every ``unit`` indicator with a growth figure, zero included (a
    target that holds the baseline is a finding, not a gap), largest 2020-2025 growth
    first within each growth kind (compound, then linear; ties keep the order of ``metrics``)."""
    df = metrics[metrics.growth_per_year_2020_2025.notna()]
    if unit is not None:
        df = df[df.unit == unit]
    if cities is not None:
        df = df[df.city_id.isin(cities)]
    return df.sort_values(
        ["growth_kind", "growth_per_year_2020_2025"], ascending=[True, False], kind="stable"
    )


def ambition_rows(ambition: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(pace, path) rows of ``report.ambition_consistency()`` the ambition chart draws: the
    indicators with a pace label (2015, 2020 and 2025 values stated), and those with a
    stated 2022 value placed against the straight path."""
    return (
        ambition[ambition.pace_label.notna()],
        ambition[ambition.midpoint_position.notna()],
    )


def path_share(path: pd.DataFrame) -> pd.Series:
    """A 2022 value's distance from the straight path as a share of the planned 2020-2025
    change (0: on the path; 1: a whole change ahead). No share where the target equals the
    baseline: there is no change to take a share of."""
    change = path.target_2025 - path.baseline_2020
    return path.midpoint_deviation / change.where(change != 0)


def vocabulary_rows(vocabulary: pd.DataFrame, cities: Sequence[str]) -> pd.DataFrame:
    """The distinctive-vocabulary rows the chart draws: the chosen cities, in their order."""
    table = vocabulary[vocabulary.city_id.isin(cities)]
    return table.set_index("city_id").loc[list(cities)].reset_index()
