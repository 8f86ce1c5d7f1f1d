"""The year that governs a value in prose.

The nearest stated year before the value in its sentence that is not a comparison year
(比/较/由 2020年) or a span (2021—2025年); a from-value's year (由2020年的X, 由上年的X: the
year before the sentence's); the k-th year of "2023年、2025年分别…" for the k-th value; a
deadline after the value (2023年底前); else a period phrase (到“十四五”末, or 年内/全年 in
an annual plan) or the section (a review section is the baseline); else the period's end.
Brackets: a year in brackets after a value is its year (88%（2020年）), a value in brackets
after a year is that year's (比2020年（88.5%）), a legend gives bracketed values a year
(括号内为2021年完成值), and a year inside a bracket holding a value of its own governs
nothing after it. Last year's value (（上年90.8%）) is the year before the sentence's;
"2020年、2025年均为100%" gives the value to each year (each_year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from analysis.extraction.named_periods import period_end
from analysis.extraction.prose_phrases import (
    ARROW,
    BRACKET_LEGEND,
    BRACKET_TARGET_BEFORE,
    CLAUSE_BREAK,
    COMPARISON_BEFORE,
    COMPARISON_PHRASE,
    DEADLINE,
    FROM_VALUE,
    LAST_YEARS_VALUE,
    NAMED_PERIOD,
    NUMBER,
    PLANNED_BEFORE,
    PREVIOUS_YEAR,
    TARGET_AFTER,
    TARGET_BEFORE,
    TARGET_BRACKET_LIST,
    YEAR_AFTER_VALUE,
    YEAR_PHRASE,
    YEARS_EACH,
    YEARS_RESPECTIVELY,
    in_brackets,
    next_break,
    small_count,
)
from analysis.extraction.quantities import Quantity
from analysis.rules import Rules

_TO_YEAR = re.compile(r"到\s*((?:19|20)\d\d)\s*年")
YEAR_BEFORE_BRACKET = re.compile(r"((?:19|20)\d\d)\s*年(?:底|末)?\s*[（(]\s*$")


def _closed_bracket_around(scope: str, pos: int) -> bool:
    """pos lies inside a bracket that closes before the scope ends and holds a value of
    its own ("（2020年为88.5%）"); "到中期（2023年），…" still names the year after it."""
    opened = max(scope.rfind("（", 0, pos), scope.rfind("(", 0, pos))
    if opened < 0 or max(scope.rfind("）", 0, pos), scope.rfind(")", 0, pos)) > opened:
        return False
    closes = [i for i in (scope.find("）", pos), scope.find(")", pos)) if i >= 0]
    if not closes:
        return False
    inside = YEAR_PHRASE.sub("", scope[opened : min(closes)])
    return any(ch.isdigit() for ch in inside)


# after a from-value, a revision of a target rather than a change over time
# an arrow, then the value reached: "92.6%→95%以上", "85% -> 不低于90%"
# (the value reached may carry its own period or year: "“十三五”5,860名→“十四五”6,000名以上")
_ARROW_TO_VALUE = re.compile(
    r"\s*" + ARROW + r"\s*"
    r"(?:[“\"]?十[一二三四五六七八九]五[”\"]?(?:末|期间|时期)?|(?:19|20)\d\d\s*年(?:底|末)?)?"
    r"\s*(?:不低于|不少于|达到|≥)?\s*\d"
)
# "为实现“十四五”新增学位6,000个的目标": a plan's period named in the target's clause
_PLAN_PERIOD_BEFORE = re.compile(r"十[一二三四五六七八九]五[”\"]?[^，,。；;\d]{0,16}$")
# "高于规划“不低于20%”的要求": the plan's requirement quoted after its value
_REQUIREMENT_AFTER = re.compile(r"[^，,。；;]{0,6}?[”\"」]\s*的要求")
_GAP_TO = re.compile(r"距离?\s*$")
_TARGET_FROM = re.compile(r"目标\s*(?:值\s*)?(?:由|从)\s*$")
_REVISED_TO = re.compile(r"\s*(?:调整|修订|调减|调增)\s*(?:为|到|至)")

# a colon, then the first item of a list: "：一是", "：（一）", ":1."
# (or after a comma, an item numbered in brackets: "到2022年，作为中期节点，(1)…；(2)…")
_LIST_OPENS = re.compile(r"[:：]\s*(?:一是|首先|[(（]一[)）]|1[.、])|[，,]\s*[(（][1一][)）]")
LIST_OPENS = _LIST_OPENS  # the binder skips sentences of a paragraph with none
# a sentence opening on its year ("2021年全县共有…", "截至2021年底，"): not a span's start,
# not what something is counted from
_OPENING_YEAR = re.compile(
    r"\s*(?:[^，,。；;\n]{0,24}?(?:据|根据)《[^》\n]{1,40}》(?:[（(][^）)\n]{0,24}[）)])?[，,]\s*"
    # "《规划》提出，到2025年，…": what a plan states, opening on its year
    r"|[^，,。；;\n]{0,12}?《[^》\n]{1,40}》[^，,。；;\n]{0,6}?(?:提出|明确|确定|要求|规定)[，,:：]\s*)?"
    # "规划基期（2020年）全市共有…": the baseline named, its year in brackets
    r"(?:(?:规划)?基[期准]年?\s*[（(]\s*)?"
    r"(?:截至|截止|到|至|在)?\s*((?:19|20)\d\d)\s*年(?:末|底|度)?"
    r"(?!\s*(?:[—\-~～至到]|以来|以前|前|之前))"
)


def has_colon(text: str, start: int, end: int) -> bool:
    """A colon or a first bracketed item number in text[start:end]: C finds that rule out
    a search of _LIST_OPENS (after NFKC the brackets are ASCII)."""
    return (
        text.find("：", start, end) >= 0
        or text.find(":", start, end) >= 0
        or text.find("(1)", start, end) >= 0
        or text.find("(一)", start, end) >= 0
    )


LEGEND_REACH = 800  # a legend governs the list under it (ten items fit in about 400)


# "“十三五”期间", "十三五时期", "十三五以来": a five-year period named as a span; the N-th
# plan runs from the year after 1950 + 5N (its starting level) to 1955 + 5N
# (or a speaker's topic sentence: "先说“十三五”。")
_NAMED_PERIOD = re.compile(r"十([一二三四五])五[”\"]?\s*(?:期间|时期|以来|(?=[。！]|$))")
_BASIS = re.compile(r"基础|成果|成效|经验")
_DIGIT = re.compile(r"\d")
# a value stated for the year a change is measured from: "较2020年的91.2%", "比《规划》基期
# （2020年）的91.2%", "较基期的91.2%" (the baseline)
_COMPARED_VALUE = re.compile(
    r"(?:(?<!占)比|较)\s*(?:[^，,。；;\d]{0,12}?[（(]?\s*((?:19|20)\d\d)\s*年\s*(?:底|末)?\s*[)）]?"
    r"|[^，,。；;\d]{0,12}?基期)\s*的\s*$"
)
# "到去年底", "去年全市…": a year stated relative to the time of writing (Context.last_year);
# not "去年同期" (a comparison)
_SAID_YEAR = re.compile(
    r"去年(?:底|末|年底)?(?!同期)"
    # a month with no year, "up to now" (Context.month_year)
    r"|(截至|截止|截止到|到)\s*(?:目前|今年)?\s*\d{1,2}\s*月(?:底|末|份|\d{1,2}\s*日)?"
)


@dataclass(frozen=True)
class Context:
    baseline_year: int
    period_end: int
    annual: bool
    period_start: int
    # an evaluation's year of progress (evaluation.py); None for any other document
    evaluated_year: int | None = None
    # the year stated before the colon of a list of items ("2022年，…：一是…；二是…")
    list_year: int | None = None
    # the plan's own area ("青漠市"): a value of another named area is not the plan's
    own_area: str = ""
    # the other areas a roundup's section is about (area_sections.py), else none
    section_areas: tuple[str, ...] = ()
    # a section whose heading names a forecast (forecasts.py): what will be is no target
    forecast: bool = False
    # a proposal (政协提案, 人大代表建议): what it proposes (建议…) is not the plan's
    proposal: bool = False
    reply: bool = False  # a reply to one: only what the proposer proposes is not the plan's
    # the year a note dates the text's numbers to ("文中数据除注明外均为2022年数据")
    data_year: int | None = None
    # (start, end, year) of records whose year field dates their other fields
    # ("| 统计年份 = 2022": field_years.py)
    field_years: tuple[tuple[int, int, int, int], ...] = ()
    # the year the section's heading names ("三、2023年重点任务": heading_years.py)
    heading_year: int | None = None
    # the year a speech or conference report is given in (evaluation.occasion_year): its
    # 今年, 全年, 年内; None for any other document
    occasion_year: int | None = None

    @property
    def period_length(self) -> int:
        return self.period_end - self.period_start + 1

    @property
    def last_year(self) -> int:
        """The year "去年" names: the year before the document was written, that is the
        year an evaluation reviews, else the plan's baseline (a plan is written in its
        first year). "上年" is the year before the sentence's own (比上年, 由上年的)."""
        return self.evaluated_year if self.evaluated_year is not None else self.baseline_year

    @property
    def month_year(self) -> int | None:
        """The year of a month named with none ("截至10月底"): in a plan for a period, its
        first year (when it was written). None in an annual plan or an evaluation, which
        may be written in their year or just after it (their sections date such months)."""
        if self.annual or self.evaluated_year is not None:
            return None
        return self.period_start


def _names_a_basis(scope: str, at: int) -> bool:
    """ "在“十三五”时期发展的基础上", "巩固“十三五”期间成果": the clause after a named period
    makes it a basis or a result to build on, which dates nothing."""
    return bool(_BASIS.search(scope[at : next_break(scope, at, len(scope), "，,；;")]))


# "，《规划》五年培训2.5万人次", "，《规划》目标为80%": a clause whose subject is the plan
# states its target
_PLAN_OPENS_CLAUSE = re.compile(
    r"(?:^|[，,；;：:])\s*(?:《[^《》]{0,30}规划[^《》]{0,10}》|规划)[^，,；;。]*$"
)
# "2024年底前": a deadline after a year phrase (YEAR_PHRASE ends at 底)
_CLAUSE_DEADLINE = re.compile(r"\s*(?:以?前|之前)")
# "比2015年提高了": the year a change is measured from
_SINCE_LAST_PERIOD = re.compile(
    r"(?:(?<!占)比|较)\s*((?:19|20)\d\d)\s*年(?:底|末)?[^，,；;。\d]{0,6}$"
)
# what may come before a period a sentence opens on: "在", "整个", a speaker's "先说"
_PERIOD_HEAD = re.compile(
    r"(?:在|整个|(?:先|再|首先)?(?:说说?|谈谈?|讲讲?|看看?|回顾|回看)(?:一下)?)?"
)


def _past_period(scope: str, ctx: Context) -> tuple[int, int] | None:
    """The (start level year, end year) of an earlier five-year period the sentence names
    ("“十三五”期间" in a plan whose baseline is 2020), else None."""
    found = None
    for m in _NAMED_PERIOD.finditer(scope):
        end = period_end(m.group(1))
        # it heads the sentence ("“十三五”期间，…"), not a basis or a result to build on
        # ("在“十三五”时期发展的基础上", "巩固“十三五”期间成果")
        head = scope[: m.start()].strip(' “”"')
        clause = scope[m.end() : next_break(scope, m.end(), len(scope), "，,；;")]
        if not _PERIOD_HEAD.fullmatch(head) or _BASIS.search(clause):
            continue
        if end <= ctx.baseline_year:
            found = (end - 5, end)
    return found


# the number of a five-year plan in a phrase naming its end ("十四五末")
_PLAN_NUMBER = re.compile(r"十([一二三四五六七八九])五")
# "两年累计新建…52所", "三年来累计…": a total over the plan's first N years, so of its N-th
_ELAPSED_YEARS = re.compile(
    r"(?<![\d一二三四五六七八九十])([一二两三四五1-5])年(?:来|间|中)?[，,]?[^，,。；;\d]{0,6}?(?:累计|共计|合计)"
)


class YearReader:
    def __init__(self, rules: Rules):
        self.rules = rules

    def year(self, text, q: Quantity, s_start, review, ctx: Context) -> tuple[int, str]:
        """The year that governs q and how it was found (sentence, period_phrase, section ...)."""
        scope = text[s_start : q.start]
        bracket = YEAR_AFTER_VALUE.match(text, q.end)
        if bracket:  # "88（2020年）"
            return int(bracket.group(1)), "sentence"
        right_after = YEAR_BEFORE_BRACKET.search(text, max(s_start, q.start - 12), q.start)
        if right_after:  # "比2020年（88.5%）": the bracket states that year's value
            return int(right_after.group(1)), "sentence"
        compared = _COMPARED_VALUE.search(scope[-30:])
        if compared:  # "较2020年的91.2%提高2.6个百分点": the value of the year compared with
            year = compared.group(1)
            return (int(year), "sentence") if year else (ctx.baseline_year, "from_value")
        legend = self._legend_year(text, q)
        if legend is not None:  # "（括号内为2021年完成值）" above "92%（90.8%）"
            return legend, "sentence"
        previous = PREVIOUS_YEAR.search(scope[-12:]) or LAST_YEARS_VALUE.search(scope[-8:])
        if previous and "去年" in previous.group():
            return ctx.last_year, "sentence"  # "由去年的78.6%提高到90%"
        if previous:
            # "由上年的87.2%提高到89.5%": the year before the one the sentence is about
            year, basis = self._year_of(scope, review, ctx)
            return year - 1, basis
        m = FROM_VALUE.search(scope[-40:])
        if _ARROW_TO_VALUE.match(text, q.end):  # "92.6%→95%": the value it started from
            if m and m.group(1):  # "由2015年的80.2%→88.5%": the year it names
                return int(m.group(1)), "sentence"
            return self._from_year(scope, review, ctx, arrow=True), "from_value"
        if (
            m
            and not m.group(1)
            and "目标" in scope[-40:]
            and (_REVISED_TO.match(text, q.end) or _TARGET_FROM.search(scope[-12:]))
        ):
            # "目标由96%调整为97%", "将…目标由55%以上提高到60%以上": the target revised
            m = None
        if m and m.group(1):
            return int(m.group(1)), "sentence"
        if m:
            return self._from_year(scope, review, ctx), "from_value"
        listed = YEARS_RESPECTIVELY.search(scope)
        if listed:
            # "2023年、2025年分别达到93%、95%": the k-th value after 分别 is the k-th year's
            years = [int(y) for y in re.findall(r"(?:19|20)\d\d", listed.group(1))]
            k = len(NUMBER.findall(scope, listed.end()))
            if k < len(years):
                return years[k], "sentence"
        stated = self._stated_year(scope, ctx)
        if (
            ctx.evaluated_year is None
            and (
                (
                    ("规划" in scope[-16:] or _PLAN_PERIOD_BEFORE.search(scope[-24:]))
                    and (TARGET_AFTER.match(text, q.end) or _REQUIREMENT_AFTER.match(text, q.end))
                )
                # "距55%的规划目标还差3.1个百分点": the gap to a target named after it
                or (_GAP_TO.search(scope[-4:]) and TARGET_AFTER.match(text, q.end))
            )
        ):
            # "与《规划》提出的不低于4%的目标仍有差距": the plan's target, whatever year the
            # sentence reports; "到2025年，确保实现规划确定的…93%…的目标": the year it is for
            return self._planned_year(scope, ctx)
        if (
            (
                ctx.evaluated_year is not None
                and (TARGET_AFTER.match(text, q.end) or PLANNED_BEFORE.search(scope[-12:]))
            )
            or _PLAN_OPENS_CLAUSE.search(scope[-40:])
            or (
                "目标" in scope[-24:]
                and (
                    TARGET_BEFORE.search(scope[-24:])
                    # in a review of the last period, its target was that period's
                    or (
                        (not review or ctx.evaluated_year)
                        and BRACKET_TARGET_BEFORE.search(scope[-16:])
                    )
                )
            )
            or ((not review or ctx.evaluated_year) and TARGET_BRACKET_LIST.search(scope[-48:]))
        ):
            # an evaluation names the plan's targets, and so does a gap to a target named
            # before its value: their year is in their clause (a bracket's) or the end
            clause = scope[max(scope.rfind(p) for p in "，,；;（(") + 1 :]
            return self._stated_year(clause) or (ctx.period_end, "target")
        if stated is None and (deadline := self._deadline_after(text, q)) is not None:
            return deadline, "sentence"
        return stated or self._default_year(scope, review, ctx)

    def _planned_year(self, scope: str, ctx: Context) -> tuple[int, str]:
        """The year of a plan's target a sentence names: its 到YYYY年, else the end of
        the plan it names ("“十四五”规划"), else the period's end."""
        to_years = _TO_YEAR.findall(scope)
        if to_years:
            return int(to_years[-1]), "sentence"
        named = [m for m in NAMED_PERIOD.finditer(scope)]
        if named:
            return period_end(named[-1].group(1)), "period_phrase"
        return ctx.period_end, "target"

    def list_lead(self, text, s_start, s_end, ctx: Context) -> Context:
        """The context for the rest of a paragraph whose sentence opens a list of items
        after a colon ("…以下工作：一是…"): the lead-in's stated year governs the items."""
        if not has_colon(text, s_start, s_end):
            return ctx  # every list opens after a colon: none here
        m = _LIST_OPENS.search(text, s_start, s_end)
        stated = self._stated_year(text[s_start : m.start()]) if m else None
        return replace(ctx, list_year=stated[0]) if stated else ctx

    def opening_year(self, text, s_start, s_end) -> int | None:
        """The year a sentence opens on ("2021年全县共有…"), else None."""
        m = _OPENING_YEAR.match(text, s_start, s_end)
        return int(m.group(1)) if m else None

    def opening_period(self, text, s_start, s_end, ctx: Context) -> int | None:
        """The end of the earlier period a sentence opens on ("“十三五”时期，…"), else None."""
        first = text[s_start : next_break(text, s_start, s_end, "，,")]
        past = _past_period(first, ctx) if "五" in first else None
        return past[1] if past is not None else None

    def each_year(self, text, q: Quantity, s_start) -> list[int]:
        """ "2020年、2025年均为100%": the years a value is stated for at once (else none)."""
        m = YEARS_EACH.search(text, max(s_start, q.start - 40), q.start)
        return [int(y) for y in re.findall(r"(?:19|20)\d\d", m.group(1))] if m else []

    def _legend_year(self, text, q: Quantity) -> int | None:
        """The year a legend above gives bracketed values, when q is alone in brackets."""
        before = text[max(0, q.start - 2) : q.start].lstrip()
        after = text[q.end : q.end + 2].lstrip()
        if not before.endswith(("（", "(")) or not after.startswith(("）", ")")):
            return None
        legends = list(BRACKET_LEGEND.finditer(text, max(0, q.start - LEGEND_REACH), q.start))
        return int(legends[-1].group(1)) if legends else None

    def _year_of(self, scope: str, review: bool, ctx: Context) -> tuple[int, str]:
        """The stated or implied year of a sentence up to a value (no 由/从 before it)."""
        return self._stated_year(scope, ctx) or self._default_year(scope, review, ctx)

    def _stated_year(self, scope: str, ctx: Context | None = None) -> tuple[int, str] | None:
        year, year_end = None, 0
        for m in YEAR_PHRASE.finditer(scope):
            if COMPARISON_BEFORE.search(scope[max(0, m.start() - 4) : m.start()]):
                continue
            if "基期" in scope and any(
                c.start() <= m.start() < c.end() for c in COMPARISON_PHRASE.finditer(scope)
            ):
                continue  # "较《规划》基期（2020年）的": what a change is measured from
            if re.match(r"\s*[—\-~～至到]\s*(?:19|20)\d\d", scope[m.end() :]):
                continue  # the start of a span of years, such as 2021—2023年
            # its end is the year a value done within it is due: "2021—2023年新建…45所"
            if re.match(r"\s*(?:以来|以前|前后|[^，,。；;年在]{0,12}?的?基础上)", scope[m.end() :]):
                continue  # "在2020年(48.2%的)基础上提高…": what a change is measured from
            if in_brackets(scope, m.start(), "《", "》"):
                continue
            if _closed_bracket_around(scope, m.start()):
                continue  # "（2020年为88.5%），覆盖率达到85%": the bracket's year stays inside
            if re.search(r"\d[^\d\s（(，,。；;]{0,4}\s*[（(]\s*$", scope[: m.start()]) and re.match(
                r"\s*[)）]", scope[m.end() :]
            ):
                continue  # "由88.5%（2020年）提高到": the year of the value before it
            later = re.search(r"[，,；;]", scope[m.end() :]) if year is not None else None
            if (
                later is not None
                and _CLAUSE_DEADLINE.match(scope, m.end())
                and _DIGIT.search(scope, m.end(), m.end() + later.start())
            ):
                # "到2025年A达到95%，2024年底前B达到100%，C达到97%": a deadline opening
                # a later clause with a value is that clause's own; with none ("，2024年底前
                # 全面消除大班额，标准班额比例达到100%") it governs the clause after it
                continue
            year, year_end = int(m.group(1)), m.end()
        if ctx is not None and ("去年" in scope or "月" in scope):
            for m in _SAID_YEAR.finditer(scope, year_end):
                if COMPARISON_BEFORE.search(scope[max(0, m.start() - 4) : m.start()]):
                    continue
                if m.group(1) and ctx.month_year is None:
                    continue
                clause_end = next_break(scope, m.end(), len(scope), "，,；;")
                if clause_end < len(scope) and _DIGIT.search(scope, m.end(), clause_end):
                    continue  # "…去年底就已经是100%，…": the year of that clause's value
                # "到去年底，全市共有…"; "截至10月底，…已经达到96.3%"
                year = ctx.month_year if m.group(1) else ctx.last_year
                year_end = m.end()
        if year is None:
            return None
        # "2023年达到90%，到“十四五”末达到100%": a period phrase after the year governs
        tail = scope[year_end:].replace("“", "").replace("”", "").replace('"', "")
        if any(p in tail for p in self.rules.period_end_phrases):
            return None
        return year, "sentence"

    def _deadline_after(self, text, q: Quantity) -> int | None:
        """ "确保14所…幼儿园2023年底前全部移交": a deadline later in the value's clause."""
        end = next_break(text, q.end, min(len(text), q.end + 30), CLAUSE_BREAK)
        m = DEADLINE.search(text, q.end, end)
        return int(m.group(1)) if m else None

    def _from_year(self, scope: str, review: bool, ctx: Context, arrow: bool = False) -> int:
        """The year of a from-value stated without one ("由88%提高到90%"): the start of a
        period the sentence names; in a review of the last plan, the start of that plan
        (the baseline less the period's length); else the baseline."""
        past = _past_period(scope, ctx)
        if past is not None:
            return past[0]
        # an arrow states a plan's own baseline and target, even inside a review
        if review and not arrow and not ctx.annual and ctx.evaluated_year is None:
            return ctx.baseline_year - ctx.period_length
        return ctx.baseline_year

    def _default_year(self, scope: str, review: bool, ctx: Context) -> tuple[int, str]:
        past = _past_period(scope, ctx)
        if past is not None:  # "“十三五”期间，…达到90%": that period's end
            return past[1], "period_phrase"
        plain = scope.replace("“", "").replace("”", "").replace('"', "")
        # the phrase nearest the value governs: "为实现“十四五”末…的目标，年内…达到98.8%"
        at, phrase = max(
            ((plain.rfind(p), p) for p in self.rules.period_end_phrases), default=(-1, "")
        )
        # in an annual plan's review, 全年 is the year reviewed, not the plan's year
        this_year = (ctx.annual or ctx.occasion_year is not None) and not review
        annual_at = (
            max(map(plain.rfind, self.rules.annual_phrases), default=-1) if this_year else -1
        )
        if at >= 0 and at > annual_at:
            # "十四五末" is 2025 in an annual plan too; "规划期末" is the plan's own end
            named_plan = _PLAN_NUMBER.search(phrase)
            return (period_end(named_plan.group(1)) if named_plan else ctx.period_end), (
                "period_phrase"
            )
        if ctx.list_year is not None:
            return ctx.list_year, "list_lead"
        if annual_at >= 0:
            return ctx.occasion_year or ctx.period_end, "period_phrase"
        if review:
            # an evaluation's "比2015年提高了10个百分点": the change over the last period,
            # measured from its start, ends at the baseline
            if ctx.evaluated_year and _SINCE_LAST_PERIOD.search(scope[-16:]):
                since = int(_SINCE_LAST_PERIOD.search(scope[-16:]).group(1))
                if since == ctx.baseline_year - ctx.period_length:
                    return ctx.baseline_year, "section"
            return ctx.evaluated_year or ctx.baseline_year, "section"
        if ctx.heading_year is not None:  # "三、2023年重点任务"
            return ctx.heading_year, "section"
        # "“十三五”末，…为88.6%": the period ending at the baseline year, named in words (not
        # as what a change is measured from: 比“十三五”末)
        # (nor as a basis or a result to build on: "在“十三五”时期发展的基础上")
        plain = COMPARISON_PHRASE.sub("", scope)
        named = [m for m in NAMED_PERIOD.finditer(plain) if not _names_a_basis(plain, m.end())]
        if named and period_end(named[-1].group(1)) == ctx.baseline_year:
            return ctx.baseline_year, "period_phrase"
        elapsed = _ELAPSED_YEARS.search(scope) if "计" in scope else None
        if elapsed and not ctx.annual:  # not in a review: the years of this plan
            n = small_count(elapsed.group(1))
            if n < ctx.period_length:
                return ctx.period_start + n - 1, "elapsed_years"
        if ctx.data_year is not None:  # "文中数据除注明外均为2022年数据"
            return ctx.data_year, "data_note"
        return ctx.period_end, "default"
