"""Five-year plan periods named by their number: "十一五" (2006-2010) … "“十四五”" (2021-2025)."""

from __future__ import annotations

ORDINALS = "一二三四五六七八九"


def period_end(ordinal: str) -> int:
    """The last year of the plan "十<ordinal>五": the N-th plan ends in 1955 + 5N (the 13th
    in 2020, the 14th in 2025)."""
    return 1955 + 5 * (10 + ORDINALS.index(ordinal) + 1)
