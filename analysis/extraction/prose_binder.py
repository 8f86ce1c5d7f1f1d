"""Prose read from the numbers outward: each number, then the indicator it belongs to.

Per sentence: every quantity (quantities.py) is first checked for what it plainly is
not (a year, a date, a document or section number, a count of years, a per-unit norm,
a gap to another area's average; prose_number_kinds.py); the rest are bound to a
codebook phrase in their clause by these rules, in order:

1. the value before the name: "92.5%的毛入园率", "新建10所幼儿园" (a count needs a
   building verb before it or a completing verb after the name: "…幼儿园全部移交");
2. lists: "A、B分别达到x和y" gives A=x, B=y; "分别由X、Y提高到Z、W" gives two values
   each; "三项指标分别…" names the last three phrases; "A、B各建设30个" gives each
   (prose_lists.py; values that cannot be paired after 分别 are reported, not guessed);
3. the value after the name: the nearest phrase before the number, with nothing but
   verbs, comparators (比上年, 较“十三五”末), years and period phrases between them; a
   clause with no phrase of its own ("2020年为87.6%，2025年达到91%") keeps the
   sentence's last subject; "A、B均达到100%" (phrases joined by 、/和/及, with 均/都 B may
   carry a short modifier: 阳光厨房“明厨亮灶”建设率) shares the value; a stock
   ("共有幼儿园286所") is the number of the phrase ("幼儿园数");
4. after a semicolon, a sentence of only a year, a verb (or a colon or ≥) and a value
   keeps the phrase of the sentence before.
A number never binds across another number, so "…毛入园率和96.8%的巩固率" gives 96.8 to
the 巩固率; a generic phrase after a designation (特色学校) counts recognitions. The year
that governs a value is prose_years.py's.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from analysis.codebook import AliasMatch, AliasMatcher, Indicator
from analysis.extraction.amount_shares import amount_share_aliases
from analysis.extraction.aside_phrases import aside_aliases
from analysis.extraction.bracket_leads import bracket_lead_comparators
from analysis.extraction.field_years import field_year
from analysis.extraction.other_areas import bind_own_after_other
from analysis.extraction.paragraph_contexts import ParagraphContexts
from analysis.extraction.proposals import PROPOSAL, proposal_start, proposed
from analysis.extraction.proposals import WHY as PROPOSAL_WHY
from analysis.extraction.prose_carry import (
    RESUMED_LEAD,
    bind_carried,
    bind_continued,
    label_phrases,
)
from analysis.extraction.prose_lists import ListBinding
from analysis.extraction.prose_number_kinds import NumberKinds
from analysis.extraction.prose_phrases import (
    CLAUSE_BREAK,
    TARGET_AFTER,
    TARGET_BEFORE,
    bracket_part_aliases,
    clause_start,
    elliptical_aliases,
    head_phrases,
    names_a_part,
    names_included_part,
    next_break,
    part_aliases,
    share_clause_aliases,
    shared_units,
    shared_verb_aliases,
    units_after_names,
    verb_list_aliases,
)
from analysis.extraction.prose_positions import FILLER, NOT_A_NOUN, NamePositions
from analysis.extraction.prose_value_kinds import ValueKinds
from analysis.extraction.prose_years import LIST_OPENS, Context, YearReader, has_colon
from analysis.extraction.quantities import Quantity, QuantityFinder, doublings
from analysis.extraction.sole_schools import sole_school_aliases
from analysis.extraction.span_sets import SpanSet
from analysis.extraction.speaker_turns import QUESTION, question_paragraphs
from analysis.extraction.speaker_turns import WHY as QUESTION_WHY
from analysis.extraction.stock_subjects import stock_subject_aliases
from analysis.extraction.year_carry import YearCarry
from analysis.extraction.yearly_sequences import bind_sequences
from analysis.paragraph_breaks import BULLET_START
from analysis.rules import Rules

SENTENCE_BREAK = "。；;!！?？\n|"  # "|": a table row read as prose ends a cell there
# a paragraph that goes on with a cut sentence's value: a verb at most, then the number
_RESUMES = re.compile(
    # a thread's next post may open with its number, a hashtag and "（接上条）"
    RESUMED_LEAD + r"(?:达到|提高到|提升到|提高至|提升至|增加到|增至|保持在|控制在|稳定在|为)?\s*"
    # not a year, nor an item's number ("01  公办园建设：…", "2、…")
    r"(?:不低于|不少于|超过)?\s*(?!(?:19|20)\d\d\s*年)\d+(?:[,.]\d+)*(?![\d,.\s、．])"
)
_CUT_REACH = 12  # paragraphs a box set into a sentence may hold
# a post or a page that says it goes on in the next ("（未完，见下条）", "（下条继续）")
_CONTINUED = re.compile(r"[（(](?:未完|待续|下条继续|见下条|接下条)[^（）()]{0,8}[）)]\s*$")
_SHORTEST_CUT = 20  # a shorter line ending on a phrase is a title or a cell
_ENDS = frozenset('。！？；;!?:：”"）)')
# "其中，…": among the things just listed (a sentence or an item opening so)
_AMONG_THEM = re.compile(r"\s*(?:[-*•▪·]\s*)?其中\s*[，,]")
# right before a phrase, a verb that removes what is counted ("撤并专业7个")
_REMOVED = re.compile(r"(?:撤并|撤销|撤减|停招|停办|关停|取消)\s*$")
# "5所城镇小区配套幼儿园未按规定移交": what the counted things have not done
_NOT_DONE = re.compile(r"\s*(?:尚|仍|均|全部)?(?:未|没有)(?!来)")
# the opening of a bracket naming a target: "（2025年目标", "（规划目标值为"
_BRACKET_TARGET = re.compile(
    r"\s*[（(]\s*(?:(?:19|20)\d\d\s*年(?:底|末)?)?\s*(?:规划|期末|年度)?目标值?\s*(?:为|是|[:：])?\s*"
)
# "X目标为88%，实际完成90.3%": a clause that is only "actually (reached)" and a value
# (also the outturn of a budget: "…年初预算98,600万元，…，全年决算数为103,180万元")
_ACTUAL_ONLY = re.compile(
    r"^\s*(?:实际(?:完成|达到|为|值)?|(?:全年)?(?:决算|执行)数?(?:为|达到?)?)\s*[:：]?\s*$"
)


@dataclass
class Bound:
    """A quantity bound to one or more indicators."""

    quantity: Quantity
    indicator_ids: tuple[str, ...]
    alias: AliasMatch
    kind: str  # level | range | increase | cumulative
    unit: str
    year: int
    year_basis: str
    section: str
    qualifier: str | None = None
    falls: bool = False  # a change stated as a fall (下降3个百分点): its value is negative


@dataclass
class ProseReading:
    bound: list[Bound] = field(default_factory=list)
    notes: list[tuple[Quantity, str, str]] = field(default_factory=list)  # (q, disposition, why)


class ProseBinder(NumberKinds, ValueKinds, ListBinding, NamePositions):
    def __init__(self, book: dict[str, Indicator], matcher: AliasMatcher, rules: Rules):
        self.book, self.matcher, self.rules = book, matcher, rules
        self.finder = QuantityFinder(rules)
        self.verbs = sorted(rules.cumulative_verbs, key=len, reverse=True)
        self.years = YearReader(rules)
        self.same_year = tuple(rules.same_year_phrases)
        self.same_period = tuple(rules.same_period_phrases)
        self.baseline_re = re.compile("|".join(rules.baseline_heading_patterns))
        patterns = rules.survey_heading_patterns
        self.survey_re = re.compile("|".join(patterns)) if patterns else None
        self.completion_re = re.compile("|".join(map(re.escape, rules.completion_verbs)))
        self.compile_word_lists(rules)

    # ------------------------------------------------------------ entry

    def read(
        self,
        text: str,
        skip: list[tuple[int, int]],
        sections,
        ctx: Context,
        cards: frozenset[int] = frozenset(),
    ) -> ProseReading:
        """`sections`: (start, end, path) per paragraph of the view; `skip`: table spans;
        `cards`: where a paragraph is a figure over its label (figure_labels.card_starts)."""
        out = ProseReading()
        aliases = self.matcher.find(text)
        tables = SpanSet(skip)
        if tables:  # no table in the text: nothing to leave out (a call per phrase and number)
            aliases = [a for a in aliases if a.start not in tables]
        # "投入使用" is a completing verb, not the 投入 of investment
        done = [m.span() for m in self.completion_re.finditer(text)]
        if done:
            aliases = [a for a in aliases if not _within_one(a, done)]
        aliases = elliptical_aliases(text, aliases, self.matcher.by_alias)
        aliases = stock_subject_aliases(text, aliases, self.matcher.by_alias)
        aliases = share_clause_aliases(text, aliases, self.matcher.by_alias)
        aliases = amount_share_aliases(text, aliases, self.matcher.by_alias)
        aliases = aside_aliases(text, aliases, self.matcher)
        aliases = sole_school_aliases(text, aliases, self.matcher)
        aliases = part_aliases(text, aliases, self.matcher.by_alias, self.verbs)
        aliases = bracket_part_aliases(text, aliases, self.matcher.by_alias)
        aliases = shared_verb_aliases(text, aliases, self.matcher.by_alias, self.verbs)
        aliases = verb_list_aliases(text, aliases, self.matcher.by_alias)
        aliases = head_phrases(aliases, self._is_rate)
        quantities = self.finder.find(text) + doublings(text)
        if tables:
            quantities = [q for q in quantities if q.start not in tables]
        quantities.sort(key=lambda q: q.start)
        # both lists are in order of start: a bisection finds a paragraph's or a sentence's
        # first item (a Python step per item and a len() per test were ~1,400 calls a plan)
        a_starts = [a.start for a in aliases]
        q_starts = [q.start for q in quantities]
        n_q = len(q_starts)
        a_i = q_i = 0
        contexts = ParagraphContexts(text, ctx, self.baseline_re, self.survey_re)
        # the indicators of the last paragraph not opened by 其中: a list item "其中…" under
        # it names parts of its total ("· 新增学位1.36万个" over "▪ 其中幼儿园学位4,200个")
        total_ids: frozenset[str] = frozenset()
        # a sentence cut off by a box or a table set into it (专栏): its last phrase, waiting
        # for the paragraph that goes on with the value ("…毛入学率达到" … "93%以上，…"),
        # across the box's own numbered items ("01 公办园建设：…")
        dangling: tuple[AliasMatch, ...] = ()
        waited = 0
        asked = question_paragraphs(text, sections)  # a reporter's turns
        # the point in time a review section's sentence opened on ("截至2022年底，…"), by
        # section: its later paragraphs are as of then too
        statuses: dict[tuple, int] = {}
        for index, (p_start, p_end, path) in enumerate(sections):
            paragraph = text[p_start:p_end]
            contexts.follow(paragraph, path)
            resumed = dangling if dangling and _RESUMES.match(paragraph) else ()
            cut = _cut_phrase(text, p_start, p_end, aliases, a_starts, q_starts)
            if cut or resumed or waited >= _CUT_REACH:
                dangling, waited = cut, 0
            else:
                waited += 1
            q_i = bisect_left(q_starts, p_start, q_i)
            if q_i == n_q or q_starts[q_i] >= p_end:
                continue  # no number in the paragraph: none of its sentences is read
            if index in asked:  # "刚才介绍，五年要新增学位12万个…，请问…？"
                q_j = bisect_left(q_starts, p_end, q_i)
                out.notes.extend((q, QUESTION, QUESTION_WHY) for q in quantities[q_i:q_j])
                continue
            paragraph_review, review_from, p_ctx = contexts.context(index, p_start, p_end, path)
            section = path[-1] if path else ""
            bullet = BULLET_START.match(text, p_start)
            part_item = text.startswith("其中", bullet.end() if bullet else p_start)
            parts_of = total_ids if part_item else frozenset()
            bound_before = len(out.bound)
            parts_go_on = False  # a sentence opened on 其中: the parts go on after a "；"
            pos = p_start
            carry = resumed  # the phrases of a sentence that ended in a semicolon (or was cut)
            label_end = -1  # the end of the paragraph's first sentence, found once if asked
            listed = p_ctx  # "2022年，…以下工作：一是…；二是…": the items keep the lead-in's year
            may_lead = has_colon(text, p_start, p_end) and (
                LIST_OPENS.search(text, p_start, p_end) is not None
            )
            # (its words start past a heading glued to its first sentence)
            body = (
                p_start + len(section) if section and text.startswith(section, p_start) else p_start
            )
            status = statuses.get(path) if paragraph_review else None
            years = YearCarry(self.years, self.same_year, self.same_period, body, status)
            proposing = False
            while pos <= p_end:
                if listed is not p_ctx or not may_lead:
                    # no list can open in the sentences before the next number (and
                    # number-less sentences note nothing): go to that number's sentence
                    q_i = bisect_left(q_starts, pos, q_i)
                    if q_i == n_q or q_starts[q_i] >= p_end:
                        break
                    # the number's sentence starts after the last break before it
                    pos = clause_start(text, q_starts[q_i], pos, SENTENCE_BREAK)
                s_end = next_break(text, pos, p_end, SENTENCE_BREAK)
                if listed is p_ctx:
                    listed = self.years.list_lead(text, pos, s_end, p_ctx)
                a_i = bisect_left(a_starts, pos, a_i)
                q_i = bisect_left(q_starts, pos, q_i)
                a_j = bisect_left(a_starts, s_end, a_i)
                q_j = bisect_left(q_starts, s_end, q_i)
                if q_j == q_i:  # no number: nothing to read or note (most sentences)
                    pos = s_end + 1
                    continue
                if pos > p_start and text.startswith("其中", pos):
                    # "…计划投资94.8亿元。其中市本级…计划投资32.5亿元；…": a sentence opening
                    # on 其中 (and the ones after it up to a full stop) names parts of the
                    # totals the paragraph stated before it
                    parts_of = frozenset(
                        i for b in out.bound[bound_before:] for i in b.indicator_ids
                    )
                    parts_go_on = True
                if pos > p_start and not carry and label_end < pos:
                    if label_end < 0:
                        label_end = next_break(text, p_start, p_end, SENTENCE_BREAK)
                    if label_end + 1 == pos:  # right after a label sentence: its phrase
                        a_0 = bisect_left(a_starts, p_start)
                        carry = label_phrases(text, p_start, label_end, aliases[a_0:a_i])
                sentence_qs = quantities[q_i:q_j]
                proposal = (
                    (pos if proposing else proposal_start(text, pos, s_end, ctx.reply))
                    if ctx.proposal
                    else None
                )
                if proposal is not None:  # "建议将…提高到60%以上": the proposer's numbers
                    sentence_qs, proposals = proposed(text, proposal, sentence_qs, aliases[a_i:a_j])
                    out.notes.extend((q, PROPOSAL, PROPOSAL_WHY) for q in proposals)
                review = paragraph_review or pos >= review_from
                s_ctx = listed
                if listed is p_ctx:  # (a list's items keep its lead-in's year instead)
                    # (a heading glued to its first sentence: "一、发展基础2022年全区…")
                    glued = pos == p_start and section and text.startswith(section, pos)
                    opens_at = pos + len(section) if glued else pos
                    s_ctx = years.context(text, pos, s_end, opens_at, review, p_ctx)
                self._sentence(
                    text,
                    pos,
                    s_end,
                    aliases[a_i:a_j],
                    sentence_qs,
                    review,
                    section,
                    s_ctx,
                    out,
                    carry,
                    parts_of,
                    cards,
                )
                ended = text[s_end] if s_end < len(text) else ""
                if not (parts_go_on and ended in "；;"):
                    parts_of = frozenset()  # the paragraph's first sentence only
                    parts_go_on = False
                last = tuple(aliases[a_i:a_j]) or carry
                carry = last if ended in "；;" else ()
                proposing = proposal is not None and ended in "；;"  # to the full stop
                years.ended(ended)
                pos = s_end + 1
            if not part_item:
                total_ids = frozenset(i for b in out.bound[bound_before:] for i in b.indicator_ids)
            if years.status_year is not None and paragraph_review:
                statuses[path] = years.status_year
        return out

    def _is_rate(self, a: AliasMatch) -> bool:
        return all(self.book[i].unit == "percent" for i in a.indicator_ids)

    # ------------------------------------------------------------ one sentence

    def _sentence(
        self,
        text,
        start,
        end,
        aliases,
        quantities,
        review,
        section,
        ctx,
        out,
        carry=(),
        parts_of: frozenset[str] = frozenset(),
        cards: frozenset[int] = frozenset(),
    ):
        """`parts_of`: the indicators a total stated just before gave ("其中…" names parts);
        `cards`: the starts of figures printed over their labels."""
        candidates, others = [], []  # others: another area's values (other_areas.py)
        for q in quantities:
            why = self._not_a_value(text, q, aliases, start) or self._other_area(
                text, q, aliases, start, ctx
            )
            if why is not None:
                out.notes.append((q, *why))
                others += [q] if why[0] == "other_area" else []
            else:
                candidates.append(q)
        candidates = shared_units(text, candidates)
        if text.find("括号内", start, end) >= 0:  # "不低于括号内数值：A（95%）、B（97%）"
            candidates = bracket_lead_comparators(
                text, start, candidates, self.rules.comparator_prefixes
            )
        if not aliases and not carry:
            # no phrase in the sentence nor carried into it: no rule below can bind (each
            # needs a phrase), so every value gets its reason, as at the end
            out.notes.extend((q, *self._unbound_reason(text, q, start)) for q in candidates)
            return
        candidates = units_after_names(text, aliases, candidates, self.rules.quantity_units)
        taken: dict[
            int, tuple[AliasMatch, tuple[str, ...], int]
        ] = {}  # start -> (phrase, ids, end)
        # 0. yearly sequences ("2021—2025年分别达到92%、93%…"): each value has its year
        candidates, sequence_taken, sequence_years = bind_sequences(
            self, text, start, end, aliases, candidates
        )
        # 1. value before its name
        for q in candidates:
            hit = self._before_name(text, q, aliases, start, q.start in cards)
            if hit is not None:
                taken[q.start] = hit
        # 2. 分别: a list of names, then as many values
        unpaired = self._respectively(text, start, aliases, candidates, taken)
        self._each(text, aliases, candidates, taken)
        # 3. value after its name (numbers already bound to that name may sit between)
        for q in candidates:
            if q.start not in taken and q.start not in unpaired:
                hit = self._after_name(text, q, aliases, start, taken)
                if hit is not None:
                    taken[q.start] = hit
        # 3b. "X目标为88%，实际完成90.3%": a clause of only 实际(完成) and a value reports the
        # actual value of the phrase of the clause before (whose target it follows)
        for q in candidates:
            if q.start in taken:
                continue
            lo = clause_start(text, q.start, start)
            before = [a for a in aliases if a.end <= lo]
            # "…达到88.1%，距90%的目标仅差…": a clause naming only the target of that phrase
            target_of_before = (
                TARGET_AFTER.match(text, q.end) or TARGET_BEFORE.search(text, lo, q.start)
            ) and not any(lo <= a.start < q.start for a in aliases)
            if before and (_ACTUAL_ONLY.match(text[lo : q.start]) or target_of_before):
                ids = self._fits(before[-1].indicator_ids, q, cumulative_ok=False)
                if ids:
                    taken[q.start] = (before[-1], ids, q.end)
        # 3c. "校企合作企业：426家（2025年目标600家以上）": a target in brackets right after a
        # value is the target of that value's phrase
        for k, q in enumerate(candidates):
            before = candidates[k - 1] if k else None
            if (
                q.start in taken
                or before is None
                or before.start not in taken
                or not _BRACKET_TARGET.fullmatch(text, before.end, q.start)
            ):
                continue
            alias, ids, _ = taken[before.start]
            ids = self._fits(ids, q, cumulative_ok=True)
            if ids:
                taken[q.start] = (alias, ids, q.end)
        # 4. after a semicolon, a sentence naming nothing keeps the phrases before; a clause
        # of only when, a verb and a value goes on the clause before (prose_carry)
        bind_carried(self, text, start, aliases, candidates, taken, carry, FILLER, NOT_A_NOUN)
        bind_continued(self, text, start, aliases, candidates, taken, FILLER, NOT_A_NOUN)
        bind_own_after_other(self, text, start, aliases, candidates, taken, others, FILLER)
        taken.update(sequence_taken)
        seen: set[str] = set()  # the indicators already given a value in this sentence
        for q in candidates:
            if q.start in unpaired and q.start not in taken:
                out.notes.append((q, "unaccounted", unpaired[q.start]))
                continue
            if q.start not in taken:
                out.notes.append((q, *self._unbound_reason(text, q, start)))
                continue
            alias, ids, _ = taken[q.start]
            if _REMOVED.search(text, max(0, alias.start - 4), alias.start):  # "撤并专业7个"
                out.notes.append((q, "no_indicator", "a count removed (撤并, 撤销 …), not added"))
                continue
            if q.end <= alias.start and _NOT_DONE.match(text, alias.end):
                out.notes.append((q, "no_indicator", "a count of what is not done (…未…)"))
                continue
            if self._designation(text, alias):
                out.notes.append((q, "recognition_count", "a count of designated schools (特色…)"))
                continue
            if _GROUP_OF.match(text, alias.end):  # "3个专业群": groups of the things
                out.notes.append((q, "no_indicator", "a count of groups (专业群, 学校联盟)"))
                continue
            if text.endswith(self.rules.other_institutions, 0, alias.end):  # 社区学校
                out.notes.append((q, "no_indicator", "another kind of institution (社区学校)"))
                continue
            if alias.alias in self.rules.stage_narrowed and text.endswith(
                self.rules.stage_words, 0, alias.start
            ):  # "幼儿园专任教师1,216人": one stage's teachers, not all
                out.notes.append((q, "part_of_total", "one school stage's part of a total"))
                continue
            lo = clause_start(text, q.start, start)
            # "▪ 其中…" under the item that stated the total ("其中，学前三年毛入园率比2015年
            # 提高…": 其中 and a comma pick one of the rates listed before, no part of a total;
            # "其中城区…占比" is the urban part)
            picked = q.unit == "percent" and _AMONG_THEM.match(text, start) is not None
            if parts_of.intersection(ids) and not picked:
                out.notes.append((q, "part_of_total", "a part of the total in the item above"))
                continue
            if names_a_part(text, lo, start, alias, bool(seen & set(ids)), q.start):
                out.notes.append((q, "part_of_total", "a named part of the total before (其中…)"))
                continue
            if names_included_part(text, lo, alias, q.start, aliases):
                out.notes.append((q, "part_of_total", "what a total includes or leaves out (含…)"))
                continue
            seen.update(ids)
            kind = self._kind(text, q, alias, ids, start)
            if kind is None:
                out.notes.append((q, "no_indicator", "unit does not fit the phrase"))
                continue
            kind, unit, falls = kind
            stated = [(y, "sentence") for y in self.years.each_year(text, q, start)]
            if q.start in sequence_years:
                stated = [(sequence_years[q.start], "sentence")]
            q_ctx = ctx
            if ctx.field_years and not stated:  # "| 统计年份 = 2022| 学校数 = 142所"
                in_record = field_year(ctx.field_years, q.start)
                if in_record is not None:
                    q_ctx = replace(ctx, list_year=in_record)
            for year, basis in stated or [self.years.year(text, q, start, review, q_ctx)]:
                qualifier = self._qualifier(text, q, start)
                out.bound.append(
                    Bound(q, ids, alias, kind, unit, year, basis, section, qualifier, falls)
                )

    # ------------------------------------------------------------ binding rules


# right after a phrase, a word naming groups of the things ("3个专业群")
_GROUP_OF = re.compile(r"群|集群|联盟|共同体|联合体")


def _within_one(a, spans: list[tuple[int, int]]) -> bool:
    """Some span holds the whole phrase; `spans`: finditer's, in order and disjoint, so only
    the last one opening at or before the phrase can (a bisection, not a loop over all)."""
    i = bisect_right(spans, (a.start, math.inf)) - 1
    return i >= 0 and a.end <= spans[i][1]


def _cut_phrase(text, p_start, p_end, aliases, a_starts, q_starts) -> tuple[AliasMatch, ...]:
    """The phrase a paragraph ends on, with no value after it and no sentence end: the
    sentence was cut there ("…高中阶段教育毛入学率达到")."""
    continued = _CONTINUED.search(text, max(p_start, p_end - 16), p_end)
    if continued:  # "…教师占比（未完，见下条）": the post goes on in the next one
        p_end = continued.start()
    if p_end - p_start < _SHORTEST_CUT or text[p_end - 1] in _ENDS:
        return ()
    lo = max(text.rfind(c, p_start, p_end) for c in CLAUSE_BREAK) + 1 or p_start
    k = bisect_left(a_starts, p_end) - 1
    if k < 0 or a_starts[k] < max(lo, p_start):
        return ()
    last = aliases[k]
    q = bisect_left(q_starts, last.end)
    if q < len(q_starts) and q_starts[q] < p_end:
        return ()  # the phrase has its value
    return (last,)
