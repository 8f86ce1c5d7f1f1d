"""The context each paragraph of prose is read in (prose_binder.py): whether it reviews
the last period (a heading says so, or a review its first sentence opened: review_openers.py),
a survey section's own year (survey_sections.py), the other areas a roundup's section is
about (area_sections.py) and a forecast section (forecasts.py). Each path's headings are
tested once."""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.extraction.area_sections import area_sections
from analysis.extraction.forecasts import forecast_section
from analysis.extraction.heading_years import heading_year
from analysis.extraction.named_periods import period_end
from analysis.extraction.prose_years import Context
from analysis.extraction.review_openers import (
    ends_review,
    headings_review,
    opens_review,
    review_opens_within,
)
from analysis.extraction.survey_sections import survey_context, survey_section

# a paragraph opening on a year to come or on the plan's period: "到2025年，", "“十四五”期间，"
_TARGETS_OPENING = re.compile(
    r"\s*(?:到|至|力争到|预计到)\s*((?:19|20)\d\d)\s*年(?:底|末)?\s*[，,]"
    r"|\s*[“\"]?十([一二三四五])五[”\"]?\s*(?:期间|时期|末)\s*[，,]"
)


def _targets_opening(text: str, start: int, end: int, baseline: int) -> bool:
    m = _TARGETS_OPENING.match(text, start, end)
    if m is None:
        return False
    return (int(m.group(1)) if m.group(1) else period_end(m.group(2))) > baseline


class ParagraphContexts:
    def __init__(
        self,
        text: str,
        ctx: Context,
        baseline_re: re.Pattern,
        survey_re: re.Pattern | None,
    ) -> None:
        self.text, self.ctx = text, ctx
        self.baseline_re, self.survey_re = baseline_re, survey_re
        self.opened, self.last_path = False, None  # a review opened by a first sentence
        self.reviewed: dict[tuple[str, ...], bool] = {}
        self.forecasting: dict[tuple[str, ...], bool] = {}
        self.heading_years: dict[tuple[str, ...], int | None] = {}
        # a path's survey section (its headings searched once), and that section's year
        self.surveys: dict[tuple[str, ...], tuple[str, ...] | None] = {}
        self.survey_years: dict[tuple[str, ...], int] = {}
        self.roundup = area_sections(text, ctx.own_area)  # paragraph -> other areas

    def follow(self, paragraph: str, path: tuple[str, ...]) -> None:
        """Note every paragraph in order, with numbers or not: a review opens or ends."""
        # only an opened review can be ended: the heading test is not needed otherwise
        if path != self.last_path or (self.opened and ends_review(paragraph)):
            self.opened = False
        self.opened = self.opened or opens_review(paragraph, path, self.ctx)
        self.last_path = path

    def context(
        self, index: int, p_start: int, p_end: int, path: tuple[str, ...]
    ) -> tuple[bool, int, Context]:
        """Whether the paragraph (the `index`-th, followed last) reviews, where a review a
        later sentence of it opens starts (`p_end` for none), and its context."""
        ctx = self.ctx
        if path not in self.reviewed:
            self.reviewed[path] = headings_review(path, self.baseline_re, ctx)
        review = self.opened or self.reviewed[path]
        # "…采纳89条。“十三五”时期，全县…": a review a later sentence opens covers the rest
        # of its paragraph only
        within = None if self.opened else review_opens_within(self.text[p_start:p_end], path, ctx)
        review_from = p_end if within is None else p_start + within
        if review and _targets_opening(self.text, p_start, p_end, ctx.baseline_year):
            review = False  # "到2025年，…" under a review heading: the targets that follow it
        if path not in self.surveys:
            self.surveys[path] = survey_section(self.survey_re, path)
        key = self.surveys[path]
        p_ctx = (
            ctx
            if key is None
            else survey_context(self.text, p_start, p_end, key, ctx, self.survey_years)
        )
        review = review or p_ctx is not ctx
        if index in self.roundup:
            p_ctx = replace(p_ctx, section_areas=self.roundup[index])
        if path not in self.forecasting:
            self.forecasting[path] = forecast_section(path)
        if self.forecasting[path]:
            p_ctx = replace(p_ctx, forecast=True)
        if path not in self.heading_years:
            low = ctx.baseline_year - ctx.period_length
            self.heading_years[path] = heading_year(path, low, ctx.period_end + 10)
        if self.heading_years[path] is not None:
            p_ctx = replace(p_ctx, heading_year=self.heading_years[path])
        return review, review_from, p_ctx
