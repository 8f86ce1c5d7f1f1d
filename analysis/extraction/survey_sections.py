"""Sections reporting a survey ("二、群众教育满意度调查", "问卷调查结果"): their values are where
things stood when the survey was held, the first year from the baseline to the period's end
the section's text names (else the baseline). The headings that mark one are the rules'
survey_heading_patterns; ProseBinder reads each paragraph under one with the context these
functions give.
"""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.extraction.prose_years import Context

# a year written in digits ("2021年9月至10月")
_YEAR_WRITTEN = re.compile(r"((?:19|20)\d\d)\s*年")


def survey_section(survey_re: re.Pattern | None, path: tuple[str, ...]) -> tuple[str, ...] | None:
    """The path up to its heading that names a survey, else None."""
    if survey_re is None:
        return None
    k = next((k for k, t in enumerate(path) if survey_re.search(t)), None)
    return None if k is None else path[: k + 1]


def survey_context(text, p_start, p_end, key, ctx: Context, survey_years: dict) -> Context:
    """In the survey section `key`, the context with the survey's year as the year reviewed
    (kept per section in `survey_years`, found in the first paragraph that names one)."""
    if key not in survey_years:
        for m in _YEAR_WRITTEN.finditer(text, p_start, p_end):
            if ctx.baseline_year <= int(m.group(1)) <= ctx.period_end:
                survey_years[key] = int(m.group(1))
                break
    year = survey_years.get(key, ctx.baseline_year)
    return replace(ctx, evaluated_year=year)
