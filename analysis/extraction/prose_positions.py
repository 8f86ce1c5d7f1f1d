"""Where a value's indicator phrase stands: after the value ("92.5%的毛入园率", "5所幼儿园",
a card's figure over its label) or before it ("毛入园率达到92.5%", "幼儿园共214所", a list
of phrases sharing one value), and which of the phrase's indicators fit the value (its
unit, a cumulative indicator only with a verb that builds or adds). A mixin of ProseBinder
(prose_binder.py), which binds each sentence's values with these tests."""

from __future__ import annotations

import re

from analysis.codebook import AliasMatch
from analysis.extraction.gap_words import leftover
from analysis.extraction.prose_lists import CHAIN, CHAIN_MODIFIED
from analysis.extraction.prose_phrases import (
    BRACKETED,
    CITED_PLAN,
    CLAUSE_BREAK,
    COMPARISON_PHRASE,
    PERIOD_PHRASE,
    REPLACED_VALUE,
    clause_start,
    closes_a_bracket,
    next_break,
    without_own_bracket,
)
from analysis.extraction.quantities import Quantity

# "全县有幼儿园54所": the area, then 有 (a stock, like 共有/现有 in extraction_rules.yaml)
_AREA_HAS = re.compile(r"(?:^|[全本我该])[市县区州旗盟省]有$")

# a stock word, then a count, earlier in the sentence: "共有学校159所，…"
_STOCK_BEFORE = re.compile(r"(?:共有|现有|拥有|其中)[^。；;]*\d[^。；;]*$")

# "幼儿园共214所", "学校合计86所": a stock word between a phrase and its count
_STOCK_AFTER = re.compile(r"^\s*(?:共有?|共计|合计|总计|总数为?)\s*$")

# the words between a card's figure and the phrase in its label: no number, no clause break
_CARD_GAP = re.compile(r"[^\d，,。；;:：]{0,12}")
# "12个市级研学基地": the level of what is counted between the count and its name
_LEVEL_GAP = re.compile(r"(?:国家|省|市|县|区|校)级的?")

# "30%的县（市、区）": a percent, then 的 and the noun it is a share of
_SHARE_OF = re.compile(r"(?<=%)\s*的\s*[\u4e00-\u9fff]")

# what may stand between a phrase and its value: years, verbs, comparators, the area, a
# footnote's marker
FILLER = re.compile(
    r"(?:(?:19|20)\d\d\s*年(?:[底末初])?|上年|去年|(?:增|发展|扩大|上升)(?=到|至)|到|至|增至|升至|降至|减至|"
    r"达到|达|为|是|在|保持|稳定|提高|提升|增加|增长|下降|降低|减少|调整|修订|目标|每年|年均|"
    r"实现|力争|确保|均|都|全部|分别|已|已经|将|要|基本|进一步|控制|以上|以下|左右|约|"
    r"不低于|不少于|不超过|超过|高于|低于|超|逾|近|的|了|全市|全县|全区|我市|我县|本市|本县|期末|底|末|"
    r"“|”|\"|,|，|:|：|\s|"
    # a footnote's marker after the level before the change: "1,862所〔注1〕，比上年增加14所"
    r"[〔\[［]注\s*\d{1,2}[〕\]］])"
)

_EACH_WORD = re.compile(r"均|都")
# a comma or a semicolon between a phrase and its value (one search, not a step per character)
_CLAUSE_MARK = re.compile(r"[，,；;]")
_EACH_COMPARED = re.compile(r"\s*(?:均|都)\s*(?:比|较)")

# after a count, words that go on the sentence rather than name what is counted
NOT_A_NOUN = re.compile(
    r"\s*(?:[^\u4e00-\u9fff]|以上|以下|左右|以内|并|和|及|等|的|，|。|以|次|人次|$)"
)


def _counts_a_noun_after(text: str, q: Quantity) -> bool:
    """ "47个易地扶贫搬迁安置点", "两百名教师到乡村学校交流": a count in a measure word (个, 所,
    名) and a noun right after it."""
    return q.unit in ("count", "persons") and NOT_A_NOUN.match(text, q.end) is None


class NamePositions:
    def _stock(self, text, a: AliasMatch, q: Quantity, s_start) -> tuple[str, ...]:
        """ "共有幼儿园286所", "其中幼儿园126所": a stock of X is the indicator named "X数"."""
        clause = text[clause_start(text, a.start, s_start, "，,。；;\n（(") : a.start]
        # right after the stock word, or after 、 in its list: "中等职业学校2所" is a kind
        # of school, not the schools
        right_after = any(clause.endswith(w) for w in self.rules.stock_words) or bool(
            _AREA_HAS.search(clause)
        )
        listed = clause.endswith("、") and any(w in clause for w in self.rules.stock_words)
        # "共有学校159所，其中中小学校56所（…），幼儿园103所": the list goes on past a comma
        lo = a.start - len(clause)
        continued = (
            not clause.strip()
            and not text[a.end : q.start].strip()
            and text[lo - 1 : lo] in ("，", ",")
            and _STOCK_BEFORE.search(text, s_start, lo) is not None
        )
        if not (right_after or listed or continued):
            return ()
        return self._fits(self.matcher.by_alias.get(a.alias + "数", ()), q, cumulative_ok=False)

    def _fits(self, ids, q: Quantity, cumulative_ok: bool, change: bool = False) -> tuple[str, ...]:
        """The indicators a quantity can be a value of: same unit, or a change of any unit
        in times ("增加1倍") or, after an increase verb, in percent ("同比增长8%")."""
        out = []
        for i in ids:
            ind = self.book[i]
            if (
                ind.value_kind == "cumulative"
                and not cumulative_ok
                and ind.alias_position == "after"
            ):
                continue
            if (
                ind.unit == q.unit
                or q.unit == "times"
                or (q.value == 0 and q.unit is None and ind.value_kind != "cumulative")
                or (
                    q.unit == "percent"
                    and (q.points or change)
                    and not (
                        ind.value_kind == "cumulative" and ind.unit != "percent" and not change
                    )
                )
            ):
                out.append(i)
        return tuple(out)

    def _verb_before(self, text, at, s_start) -> bool:
        scope = text[clause_start(text, at, s_start, "，,。；;\n") : at]
        # a completing verb (开工, 竣工) before the count names the act as a building one does
        return self.building_re.search(scope) is not None

    def _before_name(self, text, q, aliases, s_start, card: bool = False):
        """`card`: the figure is printed over its label, which names it whatever words stand
        before the phrase ("25万人次" over "五年培训教师"), and may name a total."""
        for a in aliases:
            if a.start < q.end:
                continue
            gap = text[q.end : a.start].strip()
            if card:
                if _CARD_GAP.fullmatch(gap) is None:
                    return None
            elif gap not in ("", "的", "之", "个") and not _LEVEL_GAP.fullmatch(gap):
                return None
            verb = (
                card
                or self._verb_before(text, q.start, s_start)
                or self._verb_in_alias(a)
                or self._completion_after(text, a.end)
            )
            ids = self._fits(a.indicator_ids, q, cumulative_ok=verb)
            if q.unit != "percent":
                # "有46所幼儿园被评为…" states no target: a count built needs its verb
                ids = tuple(i for i in ids if verb or self.book[i].value_kind != "cumulative")
            return (a, ids, q.end) if ids else None
        return None

    def _completion_after(self, text, at) -> bool:
        """A completing verb after the phrase in its clause ("…幼儿园年底前全部移交")."""
        end = next_break(text, at, min(len(text), at + 30), CLAUSE_BREAK)
        return self.completion_re.search(text, at, end) is not None

    def _verb_in_alias(self, a: AliasMatch) -> bool:
        return a.alias.startswith(self.cumulative_verb_starts)

    def _after_name(self, text, q, aliases, s_start, taken):
        prior = [a for a in aliases if a.end <= q.start]
        if not prior:
            return None
        a = prior[-1]
        if _STOCK_AFTER.match(text[a.end : q.start]):  # "幼儿园共214所": a stock of X
            ids = self._fits(self.matcher.by_alias.get(a.alias + "数", ()), q, cumulative_ok=False)
            if ids:
                return a, ids, q.end
        pieces, pos, carried = [], a.end, False
        for k in sorted(taken):
            alias, _, k_end = taken[k]
            if not a.end <= k < q.start:
                continue
            if alias is not a:
                return None  # a number bound to another phrase stands between
            pieces.append(text[pos:k])
            pos, carried = k_end, True
        # "达到（95%）": a value in brackets of its own is still the value after the verb
        pieces.append(without_own_bracket(text, pos, q))
        gap = PERIOD_PHRASE.sub("", COMPARISON_PHRASE.sub("", "".join(pieces)))
        gap = CITED_PLAN.sub("", BRACKETED.sub("", gap))  # "4,286人（《规划》2025年为…"
        if "由" in gap or "从" in gap:  # "目标由95%以上调整为96%以上"
            gap = REPLACED_VALUE.sub("", gap)
        # "配套幼儿园移交并投入使用12所": completing verbs may stand between phrase and count
        for v in self.rules.completion_verbs:
            gap = gap.replace(v, "")
        residual = FILLER.sub("", gap.replace("并", ""))
        residual = leftover(residual, a.alias, carried)  # "五年累计招聘…", "占比偏低，仅为…"
        # past a value of its own, or a clause break, the phrase carries on only through
        # years and verbs; a generic phrase (幼儿园, 学校) must sit right before its value
        crossed = _CLAUSE_MARK.search(text, a.end, q.start) is not None
        generic = all(self.book[i].alias_position == "after" for i in a.indicator_ids)
        # ... or after its own value and a list joiner ("分别新建公办幼儿园18所和20所"), or
        # in a bracket right after it ("公办幼儿园150所（力争180所）")
        listed = carried and residual in ("和", "、", "及", "(")
        limit = (
            0 if generic and not listed else 2 if carried or crossed else self.rules.max_gap_chars
        )
        if any(ch.isdigit() for ch in residual) or len(residual) > limit:
            return None
        if crossed and "率" in residual:  # "…达标率达到95%，近视率每年下降0.5个百分点"
            return None
        if closes_a_bracket(text[a.end : q.start]):  # "在校学生（含在园幼儿）54.3万人"
            return None
        if crossed and (_counts_a_noun_after(text, q) or _SHARE_OF.match(text, q.end)):
            # "，为全市47个易地扶贫搬迁安置点": 47 counts what follows it; "，全市30%的县": a
            # share of what follows it
            return None
        verb = (
            self._verb_before(text, a.start, s_start)
            or self._verb_before(text, q.start, s_start)
            or self._verb_in_alias(a)
            or self._listed_after_a_verb(text, a, q, s_start)
            or self._completion_after(text, q.end)  # "配套幼儿园9所交付使用"
        )
        gap = text[a.end : q.start]
        change = self.increase_re.search(gap) is not None
        # a specific phrase (招聘教师, 累计投入) names the act; a generic one (幼儿园) needs a verb
        ids = self._fits(a.indicator_ids, q, cumulative_ok=verb, change=change) or self._stock(
            text, a, q, s_start
        )
        if not ids:
            return None
        shared = [a]
        # a phrase with a value of its own ("96.8%的巩固率，毛入学率达到91.2%") is not shared
        valued = {alias.start for alias, _, _ in taken.values()}
        if "分别" not in text[a.end : q.start]:
            each = _EACH_WORD.search(text, a.end, q.start) is not None
            for b in reversed([x for x in aliases if x.end <= a.start]):
                between = text[b.end : shared[0].start]
                # past a comma only with 均/都: "改扩建幼儿园，新增学位6,000个" is two deeds
                comma = "，" in between or "," in between
                chained = (CHAIN.match(between) and (each or not comma)) or (
                    each and CHAIN_MODIFIED.match(between)
                )
                if b.start not in valued and chained:
                    shared.insert(0, b)
                else:
                    break
        # "A提高至95%，B提高至97%，均比2020年提高2个百分点": a clause of its own opening with
        # 均比/都较 gives its change to every phrase of the sentence's earlier clauses
        lo = clause_start(text, q.start, s_start)
        if a.end <= lo and _EACH_COMPARED.match(text, lo, q.start):
            earlier = [b for b in aliases if s_start <= b.start and b.end <= lo and b is not a]
            shared = [b for b in earlier if b.start in valued] + shared
        for b in shared[:-1]:
            ids += tuple(i for i in self._fits(b.indicator_ids, q, verb) if i not in ids)
        return a, ids, q.end
