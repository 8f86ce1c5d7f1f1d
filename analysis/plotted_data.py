"""The numbers a chart draws, as a table a writer can quote: one row per mark, each value
with its observation id and the span of the raw file it was read from."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis import report


def plotted_data(metrics: pd.DataFrame, columns: Sequence[str], roles: Sequence[str]):
    """The numbers a chart draws, with each value's observation id and raw span.

    ``roles`` name the ``<role>_observation_id`` columns; each gets a ``<role>_span``
    column, ``file:char_start-char_end`` in data/raw, so a quoted number can be checked.
    """
    frame = metrics[["city_id", "indicator_id", "unit", *columns]].copy()
    id_columns = [f"{role}_observation_id" for role in roles]
    wanted = sorted({i for c in id_columns for i in metrics[c] if isinstance(i, str)})
    spans = report.query(
        "SELECT o.observation_id, s.file || ':' || o.char_start || '-' || o.char_end AS span "
        "FROM observations o JOIN sources s USING (source_id) "
        "WHERE observation_id IN (SELECT unnest(?))",
        [wanted],
    ).set_index("observation_id")["span"]
    for role, column in zip(roles, id_columns, strict=True):
        frame[column] = metrics[column].to_numpy()
        frame[f"{role}_span"] = metrics[column].map(spans).to_numpy()
    return frame.reset_index(drop=True)
