"""Helpers shared by the charts: checks, number formats, limits, legends."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from analysis.charts.style import COMPARATOR_SYMBOLS

# --------------------------------------------------------------------------------------
# Helpers shared by the charts
# --------------------------------------------------------------------------------------


def _require_columns(df: pd.DataFrame, columns: Iterable[str], chart: str) -> None:
    """Fail early, naming the chart and the missing columns, on a frame of the wrong shape."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{chart}: frame lacks column(s) {missing}")
    if df.empty:
        raise ValueError(f"{chart}: frame has no rows")


def _is_missing(value) -> bool:
    """True for None, NaN and pandas NA (a missing value is never drawn as 0)."""
    return value is None or bool(pd.isna(value))


def format_number(value: float) -> str:
    """Up to two decimals, trailing zeros dropped: 95 -> "95", 87.25 -> "87.25"."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        return "0"
    return text.replace("-", "\N{MINUS SIGN}")  # typographic minus, as on the axes


def format_comparator(comparator, value: float) -> str:
    """``(">=", 95)`` -> ``"≥95"``; an unknown comparator is shown as written."""
    symbol = "" if _is_missing(comparator) else COMPARATOR_SYMBOLS.get(str(comparator), comparator)
    return f"{symbol}{format_number(value)}"


def _first_scalar(df: pd.DataFrame, column: str) -> float:
    """The one value of a repeated-scalar column (NaN if absent or all missing)."""
    if column not in df.columns:
        return math.nan
    values = pd.to_numeric(df[column], errors="coerce").dropna().unique()
    if len(values) > 1:
        raise ValueError(f"column {column!r} must repeat one value, found {sorted(values)}")
    return float(values[0]) if len(values) else math.nan


def _padded_limits(
    values: Iterable[float], pad: float = 0.12, ceiling: float | None = None
) -> tuple[float, float]:
    """Data limits widened by ``pad`` of the range on each side (room for value labels).

    ``ceiling`` (100 for a percentage) caps the upper limit unless a value is above it:
    an axis that runs to 120 % suggests values that cannot exist.
    """
    finite = [v for v in values if not _is_missing(v) and math.isfinite(v)]
    if not finite:
        return 0.0, 1.0
    low, high = min(finite), max(finite)
    # one value (99 -> 99): a tenth of it, so the axis shows 89-100, not 69-100
    span = high - low or max(abs(high) * 0.1, 1.0)
    upper = high + pad * span
    if ceiling is not None and not _is_missing(ceiling):
        upper = min(upper, max(float(ceiling), high))  # markers are drawn unclipped
    return low - pad * span, upper


def _legend_above(ax: Axes, handles: list, ncols: int | None = None) -> None:
    """Legend in one band just above the axes: clear of the data and of the tick labels."""
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0, 1.01),
        ncols=ncols or len(handles),
        borderaxespad=0.2,
        handletextpad=0.4,
        columnspacing=1.2,
    )


def _marker_handle(label: str, style: dict) -> Line2D:
    """A legend entry showing only a marker of ``style``."""
    return Line2D([], [], linestyle="none", label=label, **style)


def _blank_handle(label: str) -> Line2D:
    """A legend entry that is text only (e.g. the explanation of a dagger)."""
    return Line2D([], [], linestyle="none", marker=None, label=label)
