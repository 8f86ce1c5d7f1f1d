"""Years that go past their sentence, within one paragraph.

The year a sentence opens on ("2021年全县共有…", "据《…》（…），2020年…") or the earlier period
it opens on ("“十三五”时期，…") dates its clauses after a "；" ("…；在园幼儿1.26万人"). A later
sentence opening on 全年/当年 (rules years.same_year_phrases; in a review) keeps the last
opening year, one opening on 五年累计/五年来 (years.same_period_phrases) the last opening
period. In a review, a sentence opening on a point in time ("截至2022年底，全县有…。学前三年
毛入园率93.2%…") states the rest of its section as of then: its later sentences, and the
later paragraphs of the same section, naming no year of their own keep it. A sentence
opening on the plan cited ("《规划》明确，…；培训教师20万人次") states its targets, past its
"；" too. The binder asks for each sentence's context before
reading it and reports how it ended after; a new `YearCarry` for every paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.extraction.prose_phrases import CITED_PLAN
from analysis.extraction.prose_years import Context, YearReader

_CLAUSE = re.compile(r"[^。！？!?，,]+")
_STATUS_OPENING = re.compile(r"\s*(?:截至|截止)\s*((?:19|20)\d\d)\s*年\s*(?:末|底)")
# "到2024年底标准班额比例达到100%": a deadline with no comma after it dates its clause only
_TIGHT_DEADLINE = re.compile(r"\s*(?:到|至)\s*(?:19|20)\d\d\s*年\s*(?:末|底)?\s*(?![，,\s])")
# "《规划》明确，…；培训教师20万人次": a sentence opening on the plan cites its targets
_CITES_PLAN = re.compile(r"\s*(?:" + CITED_PLAN.pattern + r")\s*[，,：:]")


class YearCarry:
    def __init__(
        self,
        years: YearReader,
        same_year: tuple,
        same_period: tuple,
        start: int,
        status_year: int | None = None,
    ) -> None:
        self.years, self.same_year, self.same_period = years, same_year, same_period
        self.start = start  # where the paragraph's words start
        self.opened_year: int | None = None  # the last year a sentence opened on
        self.opened_period: int | None = None  # the end of the last period one opened on
        self.chain_year: int | None = None  # the year going on after a "；"
        self._opening: int | None = None  # the sentence just read: its opening year
        self._period: int | None = None  # ... or the end of its opening period
        self._cited: int | None = None  # ... or the period's end, opening on the plan cited
        self._tight = False  # ... its opening year a deadline of its own clause (no comma)
        # "截至2022年底" opening a sentence of a review, or an earlier paragraph of its section
        self.status_year = status_year

    def context(self, text, pos, s_end, opens_at, review, ctx: Context) -> Context:
        """The context of the sentence text[pos:s_end] (`opens_at`: where its words start,
        past a heading glued to it); `ctx` unchanged when no year goes on into it."""
        self._opening = self._period = self._cited = None
        self._tight = False
        if self.chain_year is not None:
            return replace(ctx, list_year=self.chain_year)
        if review and self.opened_year is not None and text.startswith(self.same_year, pos):
            return replace(ctx, list_year=self.opened_year)
        if text.startswith(self.same_period, pos):
            opened = self.opened_period or self._period_before(text, pos, ctx)
            if opened is not None:
                return replace(ctx, list_year=opened)
        self._opening = self.years.opening_year(text, opens_at, s_end)
        self.opened_year = self._opening or self.opened_year
        if self._opening is not None and _TIGHT_DEADLINE.match(text, opens_at, s_end):
            self._tight = True  # "到2024年底X达到100%；Y…": the deadline is X's alone
        status = _STATUS_OPENING.match(text, opens_at, s_end) if review else None
        if status is not None:
            self.status_year = int(status.group(1))
        elif self._opening is None and self.status_year is not None and review:
            return replace(ctx, list_year=self.status_year)
        if self._opening is None:
            self._period = self.years.opening_period(text, opens_at, s_end, ctx)
            self.opened_period = self._period or self.opened_period
            if _CITES_PLAN.match(text, opens_at, s_end):
                self._cited = ctx.period_end  # its year goes on past a "；"
        return ctx

    def _period_before(self, text: str, pos: int, ctx: Context) -> int | None:
        """The period a number-less clause before pos opened on (the binder reads only
        sentences with numbers): "先说“十三五”。这五年，…", also after a glued heading."""
        opened = None
        for m in _CLAUSE.finditer(text, self.start, pos):
            opened = self.years.opening_period(text, m.start(), m.end(), ctx) or opened
        return opened

    def ended(self, mark: str) -> None:
        """The sentence just read ended on `mark` (asked after every sentence, given a
        context or not): a "；" lets its year go on."""
        if mark not in "；;" or not mark:
            self.chain_year = None
        elif self.chain_year is None:
            # "2020年萩浦全市共有…；在园幼儿14.2万人": the sentence's year goes on
            opening = None if self._tight else self._opening
            self.chain_year = opening or self._period or self._cited
        self._opening = self._period = self._cited = None  # (none for a sentence not read)
        self._tight = False
