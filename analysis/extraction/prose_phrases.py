"""Phrases the prose binder reads around numbers: comparisons, from-values, deadlines, lists.

* a comparison ("比上年", "较“十三五”末", "与2015年相比") says what a change is measured
  from; between a phrase and its value it is no more than a verb, and its year is never
  the value's year;
* a from-value ("由上年的87.2%", "分别由上年的86.9%、53.4%") is a level of the year the
  comparison names (上年: the year before the one the sentence is about);
* a deadline after the value ("…2023年底前全部移交") is the value's year when none is
  stated before it;
* "三项指标分别…" refers back to the last three phrases named; "13.2、8.6和10.7个百分点"
  is one list whose last number carries the unit of all; "小学、初中净入学率" names two.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from operator import attrgetter

from analysis.codebook import AliasMatch
from analysis.extraction.quantities import SCALES, Quantity, scaled
from analysis.extraction.span_sets import PositionIndex, SpanSet

CLAUSE_BREAK = "，,：:。；;!！?？\n|"  # "|": a cell boundary in a table row read as prose
YEAR_PHRASE = re.compile(r"((?:19|20)\d\d)\s*年(?:[底末初]|年底)?")
# the 比 of a name ending in 占比 ("…占比2020年为50%") compares nothing
COMPARISON_BEFORE = re.compile(r"(?:(?<!占)比|较|由|从|与|同|相比|对比|相较)\s*$")
# "比上年", "较“十三五”末", "与2015年相比", "由上年的": what a change is measured from, not
# a phrase or a value of its own; between a phrase and its value it reads like a verb
COMPARISON_PHRASE = re.compile(
    r"(?:(?<!占)比|较|由|从|与|同)\s*(?:上年|去年|上一年|前一年|上年度|(?:19|20)\d\d\s*年(?:底|末)?|"
    r"[“\"]?十[一二三四]五[”\"]?\s*(?:末|期末|时期)?"
    # "较《规划》基期（2020年）的"
    r"|(?:《[^》\n]{1,20}》|规划)?\s*基期(?:\s*[（(]\s*(?:19|20)\d\d\s*年?\s*[)）])?)"
    r"\s*(?:同期)?\s*的?\s*(?:相比|比较)?"
)
# "由95%以上调整为": a revision's verb; the value before it is the one replaced
REVISED_TO = r"(?:调整|修订|修改|更改|调减|调增|调高|调低|上调|下调|改)\s*(?:为|到|至)"
# "目标由95%以上调整为96%以上": between a phrase and its new value, the value replaced
REPLACED_VALUE = re.compile(r"(?:由|从)(?:[^，,。；;由从]|(?<=\d),(?=\d)){1,16}?" + REVISED_TO)
# "高出全市平均水平2.1个百分点", "比全省平均水平高1.2个百分点": a gap to another area
AVERAGE_GAP = re.compile(
    r"(?:高出|高于|低于|超出|超过|比|较|与)[^，,。；;\d]{0,10}?平均(?:水平|值)?[^，,。；;\d]{0,3}$"
)
# "毛入园率（%）：88（2020年）→95（2025年）": a unit or a year in brackets, an arrow
# an arrow from a value to the value reached: "→", "->", "➝", "=>", "⟶" …
ARROW = r"(?:[→⟶➝➞➔➜➙➛➡⇒⇨⮕]|->|—>|=>)"
BRACKETED = re.compile(r"[（(]\s*(?:(?:19|20)\d\d\s*年?|[^()（）\d]{1,4})\s*[)）]|" + ARROW)
UNIT_AFTER_NAME = re.compile(r"\s*[（(]\s*(?:单位\s*[:：]\s*)?([^()（）\d\s]{1,4})\s*[)）]")
YEAR_AFTER_VALUE = re.compile(r"\s*[（(]\s*((?:19|20)\d\d)\s*年?\s*[)）]")
# "（括号内为2021年完成值）": a legend giving the year of every bracketed value after it
BRACKET_LEGEND = re.compile(
    r"(?:括号|[（(]\s*[)）])\s*(?:内|中|里)?\s*(?:为|是|系)\s*((?:19|20)\d\d)\s*年"
)
# "十三五", "“十四五”": a five-year plan period named by its number
NAMED_PERIOD = re.compile(r"十([一二三四五六七八九])五")


# "到“十四五”末", "“十四五”期间": a period named in words, read like a year
PERIOD_PHRASE = re.compile(r"[“\"]?十[一二三四五]五[”\"]?\s*(?:末|期末|时期|期间)?")
# "A、B各建设30个": the value is each name's
EACH = re.compile(r"^\s*各\s*[\u4e00-\u9fff]{0,3}\s*$")
# "2023年、2025年分别…": a list of years, then as many values
YEARS_RESPECTIVELY = re.compile(
    r"((?:(?:19|20)\d\d\s*年\s*(?:底|末)?\s*[、和及]\s*)+(?:19|20)\d\d)\s*年\s*(?:底|末)?\s*"
    # one name may stand between the years and 分别 ("2021年、2022年全市…支出分别为")
    r"[^，,。；;、和及\d]{0,20}?分别"
)
# "2020年、2025年均为100%": one value for each listed year
YEARS_EACH = re.compile(
    r"((?:(?:19|20)\d\d\s*年\s*(?:底|末)?\s*[、和及与]\s*)+(?:19|20)\d\d)\s*年\s*(?:底|末)?\s*"
    r"(?:均|都)\s*[^\d，,。；;]{0,6}$"
)
NUMBER = re.compile(r"\d+(?:\.\d+)?")
# the values of a list before this one: "由上年的86.9%、53.4%" (53.4% is also a from-value)
_LISTED = r"(?:\d+(?:\.\d+)?\s*(?:%|个百分点)?\s*[、和及]\s*)*"
# "（上年90.8%）", "上年为90.8%": a value stated for last year (not "比上年", a change)
LAST_YEARS_VALUE = re.compile(
    r"(?<![比较与同])(?:上年|去年|上一年)度?(?:同期)?\s*(?:为|是|的)?\s*$"
)
PREVIOUS_YEAR = re.compile(
    r"(?:由|从)\s*(?:上年|去年|上一年|上年度)\s*(?:同期)?\s*的?\s*" + _LISTED + "$"
)
FROM_VALUE = re.compile(
    r"(?:由|从)\s*(?:((?:19|20)\d\d)\s*年\s*的?|[“\"]?十[一二三四]五[”\"]?\s*(?:末|期末)\s*的?)?"
    # a comparator word before the value: "由2015年的不足三成"
    r"\s*" + _LISTED + r"(?:不足|不到|接近|约|超过|逾)?\s*$"
)
# "三项指标分别…": the last N phrases named before it
COUNTED_NAMES = re.compile(
    r"([两二三四五六七八九十]|\d)\s*(?:项|个)\s*(?:指标|比例|比率)?\s*(?:均|都)?\s*$"
)
_SMALL_NUMERALS = {ch: k for k, ch in enumerate("零一二三四五六七八九十")} | {"两": 2}


def small_count(digit: str) -> int:
    """A count written as one digit or one numeral ("3", "三", "两")."""
    return int(digit) if digit.isdigit() else _SMALL_NUMERALS[digit]


DEADLINE = re.compile(r"((?:19|20)\d\d)\s*年\s*(?:底|末|年底)?\s*(?:前|之前|以前)")
LIST_JOIN = re.compile(r"\s*[、和及]\s*")


def counted_names(text: str, aliases, at: int, s_start: int) -> list[AliasMatch]:
    """ "A…，B…，C…，三项指标分别…": the last N distinct phrases of the sentence before `at`."""
    m = COUNTED_NAMES.search(text, max(s_start, at - 10), at)
    if m is None:
        return []
    n = small_count(m.group(1))
    names: list[AliasMatch] = []
    for a in reversed([a for a in aliases if s_start <= a.start and a.end <= m.start()]):
        if all(a.indicator_ids != b.indicator_ids for b in names):
            names.insert(0, a)
    return names[-n:] if len(names) >= n else []


def head_phrases(aliases: list[AliasMatch], is_rate) -> list[AliasMatch]:
    """ "义务教育学校互联网接入率": a word for what is counted (学校) right before a rate's
    phrase (互联网接入率) says what the rate is of; the two are one phrase, named by the
    rate (a Chinese noun phrase ends in its head). `is_rate(match)`: a percent phrase."""
    out: list[AliasMatch] = []
    for a in aliases:
        prev = out[-1] if out else None
        if prev is not None and prev.end == a.start and is_rate(a) and not is_rate(prev):
            out[-1] = AliasMatch(prev.start, a.end, a.alias, a.indicator_ids)
        else:
            out.append(a)
    return out


def shared_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "提高13.2、8.6和10.7个百分点": a list whose last number alone carries the unit."""
    out = list(quantities)
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k], out[k + 1]
        bare = q.unit_token is None or (q.unit_token == "个" and nxt.points)  # 3个和5个百分点
        if bare and nxt.unit_token and LIST_JOIN.fullmatch(text[q.end : nxt.start]):
            out[k] = replace(q, unit_token=nxt.unit_token, unit=nxt.unit, points=nxt.points)
    return out


def units_after_names(
    text: str, aliases, quantities: list[Quantity], units: dict
) -> list[Quantity]:
    """ "在园幼儿数（万人）：3.2（2020年）": a bare number after a name with its unit in
    brackets is in that unit (and its scale)."""
    out = list(quantities)
    for a in aliases:
        m = UNIT_AFTER_NAME.match(text, a.end)
        token = m.group(1) if m else ""
        # "（万个）": a scale before a unit the rules know ("个")
        unit = units.get(token) or (units.get(token[1:]) if token[:1] in SCALES else None)
        if unit is None:
            continue
        nxt = next((b.start for b in aliases if b.start > a.end), len(text))
        for k, q in enumerate(out):
            if a.end < q.start < nxt and q.unit_token is None:
                value = scaled(q.value, SCALES.get(m.group(1)[0], 1) if len(m.group(1)) > 1 else 1)
                out[k] = replace(q, value=value, unit_token=m.group(1), unit=unit)
    return out


def any_word(words) -> re.Pattern:
    """One pattern for "any of these words is in the string": `.search(s)` is
    `any(w in s for w in words)` in one C call (the prose binder asks it per number)."""
    return re.compile("|".join(map(re.escape, words)) or "(?!)")  # no words: never


def next_break(text: str, pos: int, limit: int, breaks: str) -> int:
    """The first position in text[pos:limit] holding one of `breaks`, else `limit`."""
    m = _break_re(breaks).search(text, pos, max(pos, limit))
    return m.start() if m else max(pos, limit)


@lru_cache(maxsize=8)
def _break_re(breaks: str) -> re.Pattern:
    # one regex search, not a Python step per character (400 sentences a plan)
    if "," not in breaks:
        return re.compile("[" + re.escape(breaks) + "]")
    # a comma inside a number ("6,000个") separates thousands, not clauses
    rest = breaks.replace(",", "")
    return re.compile("[" + re.escape(rest) + "]|" + _CLAUSE_COMMA)


_CLAUSE_COMMA = r"(?<!\d),|,(?!\d{3}(?!\d))"


# The binder asks the same clause of one number up to six times (whether it is a value,
# another area's, why unbound, its kind, its qualifier ...): ~590 calls a plan, ~60% of
# them repeats. A hit is one C-level lookup (the text's hash is cached by str; the
# key's text compares by identity), a miss the search below.
@lru_cache(maxsize=4096)
def clause_start(text: str, pos: int, floor: int, breaks: str = CLAUSE_BREAK) -> int:
    """Just after the last of `breaks` in text[floor:pos], else floor (pos if pos <= floor)."""
    if pos <= floor:
        return pos
    # the last break in a short window before pos in one C search (asked ~700 times a
    # plan; half the clauses start within 7 characters), then in a longer one; past both,
    # a step back per character in Python
    last_break = _last_break_re(breaks)
    lo = max(floor, pos - _NEAR)
    m = last_break.search(text, lo, pos)
    if m is None and lo > floor:
        hi, lo = lo, max(floor, pos - _FAR)
        m = last_break.search(text, lo, hi)
    if m is not None:
        return m.start() + 1
    i = lo
    while i > floor and not _is_break(text, i - 1, breaks):
        i -= 1
    return i


def _is_break(text: str, i: int, breaks: str) -> bool:
    if text[i] not in breaks:
        return False
    return text[i] != "," or _THOUSANDS_COMMA.match(text, i - 1) is None


# a comma between a digit and a group of three ("5,860"): inside a number, not a break
_THOUSANDS_COMMA = re.compile(r"\d,\d{3}(?!\d)")


_NEAR, _FAR = 16, 80  # the two windows: ~75% and ~99% of the clauses


@lru_cache(maxsize=8)
def _last_break_re(breaks: str) -> re.Pattern:
    # a break with no other break after it up to the end of the searched window
    if "," not in breaks:
        chars = re.escape(breaks)
        return re.compile(f"[{chars}][^{chars}]*\\Z")
    # a thousands comma ("5,860") is no break (_CLAUSE_COMMA)
    rest = re.escape(breaks.replace(",", ""))
    one = f"[{rest}]|{_CLAUSE_COMMA}"
    return re.compile(f"(?:{one})(?:(?!{one}).)*\\Z", re.S)


def in_brackets(text: str, pos: int, left: str, right: str) -> bool:
    lo = text.rfind(left, max(0, pos - 60), pos)
    if lo < 0:
        return False
    close = text.find(right, lo, pos)
    return close < 0 and text.find(right, pos, pos + 60) >= 0


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{1,8}$")


def elliptical_aliases(text: str, aliases: list[AliasMatch], by_alias: dict) -> list[AliasMatch]:
    """ "小学、初中净入学率", "小学和初中…": the first term shares the second's ending
    (小学净入学率).

    Before a phrase preceded by "X、" (or X和, X与, X及), X plus the end of the phrase is
    tried as a codebook phrase (longest X first); if it is one, X is an alias of that
    indicator."""
    added = []
    taken = [(a.start, a.end) for a in aliases]
    for a in aliases:
        if a.start < 2 or text[a.start - 1] not in "、和与及":
            continue
        run = _CJK_RUN.search(text, max(0, a.start - 9), a.start - 1)
        if run is None:
            continue
        word = a.alias
        found = None
        for size in range(len(run.group()), 0, -1):
            x = run.group()[-size:]
            for k in range(1, len(word)):
                ids = by_alias.get(x + word[k:])
                if ids:
                    found = (a.start - 1 - size, a.start - 1, x + word[k:], ids)
                    break
            if found:
                break
        if found and not any(s < found[1] and found[0] < e for s, e in taken):
            added.append(AliasMatch(*found))
    return sorted(aliases + added, key=lambda m: m.start) if added else aliases


# "达到（95%）", and "达到650家（2021年600家）": a bracket round the value and its own year
_OWN_BRACKET = re.compile(r"[（(【\[]\s*(?:(?:19|20)\d\d\s*年\s*(?:为|是)?\s*)?$")
_CLOSING = re.compile(r"\s*[）)】\]]")


def without_own_bracket(text: str, pos: int, q: Quantity) -> str:
    """text[pos:q.start] without the bracket that opens around the value alone ("达到（95%）")."""
    gap = text[pos : q.start]
    return _OWN_BRACKET.sub("", gap) if _CLOSING.match(text, q.end) else gap


# after a count ("22所", "1.5万个"), the list goes on: "、" and the next term's words
_NEXT_TERM = re.compile(
    r"\s*[\d.,]+\s*[万千]?\s*[^\d\s、，。；,;]{0,3}?\s*、\s*([\u4e00-\u9fff]{2,8}?)(?=\s*[\d两一二三四五六七八九十])"
)


def shared_verb_aliases(
    text: str, aliases: list[AliasMatch], by_alias: dict, verbs
) -> list[AliasMatch]:
    """ "新建改扩建幼儿园22所、中小学15所": the verb of the first term is the next term's too.

    After a phrase that opens with building verbs and its count, a term after "、" is tried
    as a codebook phrase with those verbs (新建改扩建中小学, then 新建中小学, 改扩建中小学)."""
    added: list[AliasMatch] = []
    taken = [(a.start, a.end) for a in aliases]
    starts = tuple(verbs)
    for a in aliases:
        if not a.alias.startswith(starts):
            continue  # no verb opens the phrase: no prefix (one C call, not a generator)
        prefix, rest = "", a.alias
        while verb := next((v for v in verbs if rest.startswith(v) and rest != v), None):
            prefix, rest = prefix + verb, rest[len(verb) :]
        m = _NEXT_TERM.match(text, a.end)
        if not prefix or m is None:
            continue
        term = m.group(1)
        tried = [prefix + term] + [v + term for v in verbs if v in prefix]
        ids = next((by_alias[c] for c in tried if c in by_alias), None)
        span = (m.start(1), m.end(1))
        if ids and not any(s < span[1] and span[0] < e for s, e in taken):
            added.append(AliasMatch(*span, prefix + term, ids))
    return sorted(aliases + added, key=lambda m: m.start) if added else aliases


# "培训校长、教师1.2万人次": a verb, two nouns joined by 、, the count after the second
_VERB_LIST = re.compile(r"([\u4e00-\u9fff]{3,8})、([\u4e00-\u9fff]{2,4})(?=\s*\d)")


_LIST_TERM = re.compile(r"、([\u4e00-\u9fff]{2,4})(?=\s*\d)")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _verb_lists(text: str):
    """_VERB_LIST.finditer(text) as (run, term, term span), found from each 、 rather than
    tried at every character. The run is the (up to 8) CJK characters right before the 、:
    a match can only start in the CJK run ending there, and the leftmost start that
    reaches the 、 is the run's start or 8 before it."""
    last = 0
    for m in _LIST_TERM.finditer(text):
        at = m.start()
        lo = at
        while lo > max(last, at - 8) and _CJK.match(text, lo - 1):
            lo -= 1
        if at - lo < 3:
            continue
        last = m.end(1)
        yield text[lo:at], m.group(1), m.span(1)


def verb_list_aliases(text: str, aliases: list[AliasMatch], by_alias: dict) -> list[AliasMatch]:
    """ "培训校长、教师1.2万人次": the verb before the first noun is the second's too; the
    second noun with that verb (培训教师) is tried as a codebook phrase."""
    added: list[AliasMatch] = []
    taken = SpanSet((a.start, a.end) for a in aliases)
    for run, term, span in _verb_lists(text):
        if taken.overlaps(*span):
            continue
        for i in range(len(run) - 3, -1, -1):  # the verb nearest the list first
            verb = next((run[i : i + n] for n in (2, 3) if run[i : i + n] + term in by_alias), None)
            if verb and len(run) - i - len(verb) >= 1:
                added.append(AliasMatch(*span, verb + term, by_alias[verb + term]))
                break
    return sorted(aliases + added, key=lambda m: m.start) if added else aliases


# "其中县第三小学项目投资4,600万元": 其中, then a name of its own before the phrase, or the
# phrase at once ("招聘教师1,085名，其中特岗教师410名": 特岗教师 is a way of recruiting), or a
# bracket opened by 含/其中/包括 right after the total ("246名（含特岗教师60名）"): a part
# when the sentence stated the indicator's total before it
# ("其中2021年开工建设…等4所学校": a year may say when the part is done)
# (and each later item of its list: "（其中义务教育学位5,580个、学前学位1,620个）")
_LISTED = r"(?:(?:[^，,。；;（）()\n]|(?<=\d),(?=\d{3}))*、)?"
_PART = re.compile(
    rf"其中\s*{_LISTED}[\u4e00-\u9fff“”\"、]*(?:(?:19|20)\d\d\s*年[\u4e00-\u9fff“”\"、]*)?$"
    rf"|[（(]\s*(?:含|其中|包括)\s*{_LISTED}[\u4e00-\u9fff“”\"]*$"
)
# "其中A中学扩建项目计划投资1.2亿元、B幼儿园新建项目计划投资3,600万元": after 其中, a named
# project (each item's in a list): one project's amount, whatever the sentence stated before
# (a thousands separator "3,600" inside the list is no clause break)
_NAMED_AFTER_PART = r"其中(?:(?:[^，,。；;]|(?<=\d),(?=\d{3}))*、)?\s*[\u4e00-\u9fff“”\"]{2,}"
_PROJECT_PART = re.compile(_NAMED_AFTER_PART + r"(?:项目|工程)$")
_NAMED_PART = re.compile(_NAMED_AFTER_PART + "$")  # before a phrase 项目… ("项目投资")


def names_a_part(
    text: str,
    clause_lo: int,
    sentence_lo: int,
    alias: AliasMatch,
    total_before: bool,
    q_start: int,
) -> bool:
    """The clause opens with 其中 and names a project before the phrase, or (after the total,
    `total_before`) a part of its own (one school, 特岗教师) or the total's own phrase: a
    share of a total, not the indicator's value."""
    if alias.start <= clause_lo:
        return False
    project = _NAMED_PART if alias.alias.startswith(("项目", "工程")) else _PROJECT_PART
    if project.search(text, sentence_lo, alias.start):
        return True
    # up to the phrase, or to the value when it comes first ("其中…等4所学校")
    return total_before and _PART.search(text, clause_lo, min(alias.start, q_start)) is not None


# "各级各类学校数不含教学点27个", "在校生含随迁子女2,136人": what a total includes or leaves
# out, stated after its phrase (outside brackets)
_INCLUDES = re.compile(r"(?:不|未)?(?:包含|包括|含)(?!量|义)")
_ANY_BRACKET = re.compile(r"[（(][^（）()]*[)）]")
# a note opening on 其中: a part of the total its mark stands after elsewhere ("[10] 其中县城
# 新增学位4,200个", the note to "新增学位6,800个[注10]"); a table's remark cell "其中新建公办
# 幼儿园4所" has no mark and names a value of its own
_PART_PARAGRAPH = re.compile(
    r"[^\S\n]*(?:\[[^\]\n]{1,4}\]|【[^】\n]{1,4}】|[(（]注?\d{1,2}[)）]|注\d{0,2}[:：])"
    r"[^\S\n]*其中"
)


def names_included_part(
    text: str, clause_lo: int, alias: AliasMatch, q_start: int, aliases: list[AliasMatch]
) -> bool:
    """The value is what a total includes or leaves out ("…数不含教学点27个，含民办学校19所",
    "新增学位含幼儿园学位3,600个"): 含 stands after the value's own phrase, or after a phrase
    of the same indicator (the total's); or its paragraph opens on 其中 (a note on a total
    stated elsewhere). "学校265所（含幼儿园112所）" names another indicator: a value."""
    # (most clauses hold neither word: two C searches rule the regex out)
    includes = (
        text.find("含", clause_lo, q_start) >= 0 or text.find("包括", clause_lo, q_start) >= 0
    )
    for m in _INCLUDES.finditer(text, clause_lo, q_start) if includes else ():
        at = m.start()
        opened = max(text.rfind("（", clause_lo, at), text.rfind("(", clause_lo, at))
        if (
            opened >= 0
            and _ANY_BRACKET.match(text, opened)
            and _ANY_BRACKET.match(text, opened).end() <= q_start
        ):
            continue  # inside an aside closed before the value
        if at >= alias.end or any(
            clause_lo <= a.start and a.end <= at and set(a.indicator_ids) & set(alias.indicator_ids)
            for a in aliases
        ):
            return True
    para_lo = text.rfind("\n", 0, q_start) + 1
    if clause_lo - para_lo > 8 or text.find("其中", para_lo, alias.start) < 0:
        return False
    m = _PART_PARAGRAPH.match(text, para_lo, alias.start + 1)
    return m is not None and m.end() <= alias.start


# "距90%的目标", "新增学位9万个的目标": a value named as a target, up to the end of its clause
TARGET_AFTER = re.compile(r"[^，,。；;]{0,16}?的(?:预期|规划)?目标|\s*目标(?!值?\s*[为是:：])")
# the plan cited as who set a value: "，《规划》要求2025年达到90%", "（《规划》2025年为…）"
CITED_PLAN = re.compile(
    r"《[^《》\n]{0,30}规划[^《》\n]{0,10}》(?:要求|提出|确定|明确)?|规划(?:要求|提出|确定|明确)"
)
# "本项目是规划确定的12所…之一": a value the plan set, named after its clause's 规划
PLANNED_BEFORE = re.compile(r"规划》?\s*(?:确定|提出|要求|明确|设定|规定|安排)的\s*$")
# "距县“十四五”规划目标（90%）还差…": a target named just before its value, in the clause
TARGET_BEFORE = re.compile(r"距离?[^，,。；;]{0,16}?目标值?\s*[（(:：]?\s*$")
# "学前三年毛入园率91.2%（目标92%以上）": the target in brackets after the actual value
BRACKET_TARGET_BEFORE = re.compile(
    r"[（(]\s*(?:(?:19|20)\d\d\s*年)?(?:规划|期末)?目标值?\s*(?:为|是|[:：])?\s*$"
)
# "分别完成规划目标（10所、10所、6,000个）的40%…": values listed in brackets after the
# target they state
TARGET_BRACKET_LIST = re.compile(r"目标值?\s*[（(][^（()）。；;]{0,40}$")
# "85%以上的": a percent (and its comparator word), then 的 and the units it is a share of
_SHARE_OF_UNITS = re.compile(r"%\s*(?:以上|以下|左右)?\s*的")
_LEADING_VERB = re.compile(r"^(?:达到|实现|配备|配齐|建成|开展|开设|达)")
_LONGEST_SHARE_CLAUSE = 24
_ASIDE = re.compile(r"^[（(][^（）()]{1,6}[)）]")
_ANY_ASIDE = re.compile(r"[（(][^（）()]{1,6}[)）]")
_ASIDE_LONGEST = 8
# what such a share counts: schools, kindergartens, classes, areas, pupils, teachers
_UNITS = re.compile(r"(?:学校|校|园|班级|班|县|区|乡镇|学生|教师|儿童|幼儿)$")


def share_clause_aliases(text: str, aliases: list[AliasMatch], by_alias: dict) -> list[AliasMatch]:
    """ "90%以上的中小学校配备专兼职心理健康工作人员": the clause after "N%的" names units
    (中小学校) and what they do (配备…); the codebook names the share as "配备…的中小学校比例"
    or, the verb dropped, "标准班额比例". Each split of the clause into units and deed is
    tried; a codebook phrase found makes the clause one phrase, replacing those inside it."""
    added = []
    for m in _SHARE_OF_UNITS.finditer(text):
        start = m.end()
        limit = start + _LONGEST_SHARE_CLAUSE + _ASIDE_LONGEST
        end = next_break(text, start, min(len(text), limit), CLAUSE_BREAK)
        clause = text[start:end]
        # an aside ("县（市、区）") does not count towards the clause's length
        core = len(clause) - sum(len(a) for a in _ANY_ASIDE.findall(clause))
        if core >= _LONGEST_SHARE_CLAUSE or not clause or any(c.isdigit() for c in clause):
            continue
        found = None
        for k in range(1, len(clause)):
            units, deed = clause[:k], clause[k:]
            if not _UNITS.search(units):
                continue
            # "县（市、区）通过…": an aside in brackets after the units
            deed = _ASIDE.sub("", deed)
            bare = _LEADING_VERB.sub("", deed)
            names = [f"{deed}的{units}比例", f"{deed}{units}比例", f"{units}{deed}比例"]
            names += [f"{bare}比例"] if bare != deed else []  # the verb dropped
            for name in names:
                if bare and by_alias.get(name):
                    found = AliasMatch(start, end, name, by_alias[name])
                    break
            if found:
                break
        if found:
            added.append(found)
    if not added:
        return aliases
    return replacing_inner(aliases, added)


def replacing_inner(aliases: list[AliasMatch], added: list[AliasMatch]) -> list[AliasMatch]:
    """`aliases` with the `added` phrases in, in order of start; a phrase inside an added
    one goes."""
    kept = [a for a in aliases if not any(b.start <= a.start and a.end <= b.end for b in added)]
    return sorted(kept + added, key=lambda a: a.start)


_PART_WORDS = re.compile(r"其中[，,]?")


def part_aliases(text: str, aliases: list[AliasMatch], by_alias: dict, verbs) -> list[AliasMatch]:
    """ "补充中小学教师4000名，其中乡村教师不少于1500名": the part after 其中 is done by the
    total's verb, so 补充 + 乡村教师 is tried as a codebook phrase (longest first)."""
    added = []
    by_start = PositionIndex(aliases, attrgetter("start"))
    for m in _PART_WORDS.finditer(text):
        lo = max(text.rfind(c, 0, m.start()) for c in "。；;\n")
        total = [a for a in by_start.between(lo + 1, m.start()) if a.end <= m.start()]
        if not total:
            continue
        verb = next((v for v in verbs if total[-1].alias.startswith(v)), None)
        run = _CJK_AHEAD.match(text, m.end())
        if verb is None or run is None:
            continue
        for k in range(len(run.group()), 1, -1):
            name = verb + run.group()[:k]
            if by_alias.get(name):
                added.append(AliasMatch(m.end(), m.end() + k, name, by_alias[name]))
                break
    if not added:
        return aliases
    parts = SpanSet((b.start, b.end) for b in added)
    kept = [a for a in aliases if a.start not in parts]
    return sorted(kept + added, key=lambda a: a.start)


_CJK_AHEAD = re.compile(r"[\u4e00-\u9fff]{2,10}")


# a total's value, then its parts in brackets: "在校生1.25万人（普通高中0.82万人、中职0.43万人）"
_PARTS_BRACKET = re.compile(r"\d[^\d，,。；;（(]{0,4}[（(]([^）)]{2,60})[）)]")
_PART_NAME = re.compile(r"(?:^|(?<=[、，,和及]))\s*([\u4e00-\u9fff]{1,8})(?=\s*\d)")


def _parts_brackets(text: str):
    """_PARTS_BRACKET.finditer(text), found from the brackets (~16 a plan) rather than tried
    at every digit (~300) after a scan of every character. A match opens at the first
    bracket after its digit, at most 5 characters on, and closes within 62 characters of
    that bracket: so no match starts before the bracket's search window, and none found in
    the window runs past it. As finditer, the next search starts at the last match's end."""
    brackets = sorted(i for ch in "（(" for i in _all_at(text, ch))
    pos = 0
    for b in brackets:
        if b < pos:
            continue  # inside the last match
        m = _PARTS_BRACKET.search(text, max(pos, b - 5), b + 63)
        if m is not None:
            yield m
            pos = m.end()


def _all_at(text: str, ch: str):
    at = text.find(ch)
    while at >= 0:
        yield at
        at = text.find(ch, at + 1)


def bracket_part_aliases(text: str, aliases: list[AliasMatch], by_alias: dict) -> list[AliasMatch]:
    """The parts of a total in brackets share its head noun: "高中阶段在校生1.25万人（普通
    高中0.82万人、中职0.43万人）" names 普通高中在校生 and 中职在校生. Each part X before a
    number is tried as X plus an ending of the total's phrase (longest first)."""
    added = []
    by_end = PositionIndex(aliases, attrgetter("end"))
    named = SpanSet((a.start, a.end) for a in aliases)
    for m in _parts_brackets(text):
        total = by_end.between(m.start() - 3, m.start())
        if not total:
            continue
        word = total[-1].alias
        inner = m.start(1)
        for part in _PART_NAME.finditer(m.group(1)):
            x = part.group(1)
            start = inner + part.start(1)
            if named.overlaps(start, start + len(x)):
                continue  # the part is a codebook phrase already
            for k in range(1, len(word)):
                ids = by_alias.get(x + word[k:])
                if ids:
                    added.append(AliasMatch(start, start + len(x), x + word[k:], ids))
                    break
    return sorted(aliases + added, key=lambda a: a.start) if added else aliases


def closes_a_bracket(gap: str) -> bool:
    """The gap closes a bracket it did not open: the phrase before it sits inside a
    bracket ("（含在园幼儿）"), naming what a total includes, not the total."""
    depth = 0
    for ch in gap:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                return True
            depth -= 1
    return False
