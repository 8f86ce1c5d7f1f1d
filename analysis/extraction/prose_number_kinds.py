"""What a number in prose is not (a year, a date, a document, section or row number, a
count of years, a per-unit norm, a gap to another area, a shortage), and why a number
left unbound was left: the ledger reasons of the prose binder."""

from __future__ import annotations

import re

from analysis.extraction.area_sections import names_own_area
from analysis.extraction.forecasts import forecast_value, starts_from_actual
from analysis.extraction.headings import DECIMAL_HEADING
from analysis.extraction.other_areas import other_area_value
from analysis.extraction.proposals import PROPOSES
from analysis.extraction.prose_phrases import (
    AVERAGE_GAP,
    REVISED_TO,
    clause_start,
    in_brackets,
    next_break,
)
from analysis.extraction.quantities import Quantity


class NumberKinds:
    """Mixed into ProseBinder: uses its book, matcher and rules."""

    def _not_a_value(self, text, q: Quantity, aliases, s_start) -> tuple[str, str] | None:
        before = text[max(0, q.start - 6) : q.start]
        after = text[q.end : q.end + 4]
        # most tests below look at the last character before or the first after the number
        # (past spaces): a str method where a regex call costs several times more
        before_r, after_l = before.rstrip(), after.lstrip()
        token = q.unit_token or ""
        # \d+ in full: str.isdecimal is the same test (Unicode decimal digits, not empty)
        is_int = text[q.num_start : q.num_end].isdecimal()
        if aliases and any(a.start <= q.num_start < a.end for a in aliases):
            return "part_of_name", "a numeral inside an indicator phrase"
        if in_brackets(text, q.start, "《", "》"):
            return "document_title", "inside a document title 《…》"
        if (
            token == "项"
            and after.startswith(_ITEM_NOUNS)
            and not in_brackets(text, q.start, "“", "”")  # “五项工程”: a programme's name
        ):
            # "学位建设、公办园占比和标准班额三项指标略有偏差": how many it names
            return "no_indicator", "a count of indicators or tasks (三项指标)"
        # each search below runs only when the literal it cannot match without is in its
        # window (a C `in`, where the anchored search tries every position of the window)
        near = text[max(0, q.start - 40) : q.start]
        if "-" in near and _DATE_TIME_BEFORE.search(near):
            return "date", "part of a date or a time (2022-03-15 09:30)"
        if (text[q.num_end : q.num_end + 1] in _DATE_MARKS or before[-1:] in _DATE_MARKS) and any(
            m.start() < q.end and q.start < m.end()
            for m in _DATE.finditer(text, max(0, q.start - 11), q.end + 11)
        ):  # "2021/11/30", "2021.11.30": the numbers a date is written with
            return "date", "part of a date (2021/11/30)"
        colon = ":" in near or "：" in near
        if colon and "号" in near and _CODE_BEFORE.search(near):
            return "phone_number", "a telephone or other code number"
        if colon and _VIEWS_BEFORE.search(near):
            return "page_metadata", "a web page's counts (浏览次数, 下载量, 记录数)"
        # a page footer's counter without a colon, a bar or the line's end after it
        # ("👁️ 阅读 126　｜　👍 8", the thumb read as 赞: pictographs.py)
        if is_int and _COUNTER_BEFORE.search(before) and _COUNTER_END.match(text, q.num_end):
            return "page_metadata", "a web page's counts (阅读 126 ｜ 👍 8)"
        if before_r.endswith("#") and is_int:  # a tag "#2023"
            return "name_or_slogan", "a hashtag (#2023)"
        if is_int and not token and q.value < 1000 and _LEADER_BEFORE.search(before):
            return "page_number", "a page number in a table of contents (…… 12)"
        bracketed = before_r.endswith(_OPEN_BRACKETS) and _CLOSE_BRACKET_AFTER.match(after)
        if bracketed and is_int and not token:  # "（95%）" is a value in brackets
            return "document_number", "a document number's year 〔2021〕"
        if bracketed and self._restates(text, q):
            return "restated_value", "the value before it restated in brackets (八成五（85%）)"
        # "对“将毛入园率目标提高到98%”“每年新建公办幼儿园5所”等22条意见": what commenters
        # asked for, quoted, is not the plan's
        if text.find("意见", q.end, q.end + 120) >= 0 and self._quoted_opinion(text, q.start):
            return "proposal", "a number in a quoted opinion (对“…”等N条意见), not the plan's"
        # "目标由95%以上调整为96%以上": the value a revision replaces (a draft's, an earlier
        # target); a proposal's "建议将…由X调整为Y" and a dated "由2020年的136所" are read
        if (
            before_r.endswith(("由", "从"))
            and _REPLACED_BY.match(text, q.end)
            and not self._proposed_before(text, q.start)
        ):
            return "restated_value", "the value a revision replaces (由X调整为Y)"
        # "填报的毛入园率为95.2%，系重复统计所致，经审计核实为93.6%": a value the text
        # goes on to correct
        window = text[q.end : q.end + 60]
        if "为" in window and any(w in window for w in _CORRECTION_WORDS):
            end = next_break(text, q.end, min(len(text), q.end + 60), "。；;")
            m = _CORRECTED_TO.search(text, q.end, end)
            if m is not None and not _DIGIT.search(text, q.end, m.start()):
                return "restated_value", "a value the text corrects (经审计核实为…)"
        if after_l.startswith("号") or (is_int and before_r.endswith(_CLOSE_BRACKETS)):
            return "document_number", "a document number (…号)"
        if (
            is_int
            and 1900 <= q.value <= 2100
            and (
                token == "年"
                or _YEAR_MARK_AFTER.match(after)
                or _YEAR_COLUMN_AFTER.match(text, q.num_end)
                or (q.upper and 1900 <= q.upper <= 2100)
            )
        ):
            return "year", "a year"
        if token in ("月", "日", "号") or after_l.startswith(("月", "日")):
            return "date", "part of a date"
        if "-" in text[max(0, q.start - 1) : q.end + 1] and _in_code(text, q.start):
            return "phone_number", "a code of digit groups (项目代码 2021-341102-83-01-012345)"
        digits = text[q.num_start : q.num_end]
        if (is_int and len(digits) >= 7) or (
            text.startswith("-", q.num_end) and _PHONE_TAIL.match(text, q.num_end)
        ):
            return "phone_number", "a telephone or other code number"
        if "【" in before and any(  # a thread's post number, "【3/9】"
            m.start() <= q.start < m.end()
            for m in _POST_NUMBER.finditer(text, max(0, q.start - 5), q.end + 5)
        ):
            return "section_number", "a post's number in a thread (【3/9】)"
        if "第" in before and _ORDINAL_BEFORE.search(before):
            if _CHAPTER_AFTER.match(after):
                return "section_number", "a chapter or article number"
            return "ordinal", "an ordinal (第N)"
        # "代码04、05、06为下限值", "代码21—27为累计类指标": a form's row codes
        code_lo = max(0, q.start - 60)
        if any(text.find(w, code_lo, q.start) >= 0 for w in _CODE_WORDS) and (
            _CODE_LIST_BEFORE.search(text, code_lo, q.start)
        ):
            return "phone_number", "a form's row code (代码04)"
        # "指标属性代码：1—预期性，2—约束性": an attribute's code
        if is_int and _ATTRIBUTE_CODE_AFTER.match(text, q.num_end):
            return "phone_number", "an attribute's code (1—预期性)"
        if before_r.endswith(_BOX_WORDS) and _BOX_WORD_BEFORE.search(before):
            return "section_number", "a box, table or annex number"
        line_start = text.rfind("\n", 0, q.start) + 1
        if (
            is_int
            and not token
            and _LINE_OPENING.fullmatch(text, line_start, q.start)
            and _LIST_MARK_AFTER.match(text, q.num_end)
        ):
            return "section_number", "a heading or list number"
        # "。②规范小区配套幼儿园": a circled item number (NFKC makes it a digit) opening a
        # sentence, right before the item's words
        if (
            is_int
            and not token
            and q.value <= 20
            and (
                _LINE_OPENING.fullmatch(text, line_start, q.start)
                or _SENTENCE_END_BEFORE.search(text, line_start, q.start)
            )
            and _CJK.match(text, q.num_end)
        ):
            return "section_number", "an item number opening a sentence (①…)"
        # "说明：1.图中…；2.红色虚线…": an item number after a colon or a semicolon, right
        # before its list mark and the item's words
        if (
            is_int
            and not token
            and q.value <= 20
            and before_r.endswith(_ITEM_BREAKS)
            and _INLINE_ITEM_MARK.match(text, q.num_end)
        ):
            return "section_number", "an item number inside a sentence (说明：1.…；2.…)"
        # "2.1 扩大…" opening its paragraph (a heading number starts the line with a digit)
        heading = text[line_start : line_start + 1].isdecimal() and _DECIMAL_HEADING.match(
            text, line_start
        )
        if heading and q.num_start < heading.end():
            return "section_number", "a decimal heading number (2.1 …)"
        # a note under a table: its label ("注2：") and a mark opening a note ("。³按…")
        if (
            is_int
            and not token
            and q.value < 10
            and _NOTE_MARK_BEFORE.search(before)
            and (
                (before.endswith("注") and after[:1] in ":：")
                or _NOTE_OPEN.search(text, max(line_start, q.start - 80), q.start)
            )
        ):
            return "section_number", "a footnote mark in a note (注1：, ²为…)"
        # "得8分", "每低1个百分点扣1分", "90分及以上": a score, in points
        if not token and after.startswith("分") and not after.startswith(_NOT_POINTS):
            if before_r.endswith(("时", "点")):  # "9时30分", "1小时12分": minutes
                return "date", "part of a time (9时30分)"
            return "no_indicator", "a score in points (得8分, 扣1分)"
        if (":" in after and _RATIO_AFTER.match(after)) or (
            ":" in before and _RATIO_BEFORE.search(before)
        ):
            return "ratio", "part of a ratio (1:19)"
        # "5年来" counts whole years; "达到11.3年" is a value of a years indicator
        whole = "." not in text[q.num_start : q.num_end]
        if (
            q.unit == "years"
            and q.value < 100
            and whole
            and not self._years_indicator_near(text, q, aliases)
        ):
            return "count_of_years", "a count of years (5年来, 三年行动)"
        lo = clause_start(text, q.start, s_start)
        clause = without_aliases(text, lo, q.start, aliases) if aliases else text[lo : q.start]
        markers = (
            {m for m in self.rules.per_unit_markers if m in clause}
            if self.per_unit_re.search(clause)
            else set()
        )
        # "“十四五”期间每年不低于20%": a share held every year is a floor, not a norm per
        # unit; a growth rate per year ("每年增长8%") still is not a level
        yearly_share = (
            markers == {"每年"} and q.unit == "percent" and not self.increase_re.search(clause)
        )
        # "每年招聘教师不少于800名", "每年提高2个百分点": an amount the plan adds every year
        # (a count, persons, money; a rate's points) is its target, not a norm per unit
        yearly_amount = markers == {"每年"} and (
            q.unit in _YEARLY_UNITS or (q.unit == "percent" and q.points)
        )
        # "每一所学校", "每1名教师": a number right after 每 counts per unit
        if (markers and not (yearly_share or yearly_amount)) or before_r.endswith("每"):
            return "per_unit_norm", "a per-unit norm (每…, 生均…, 人均…)"
        # "学位缺口约2,000个", "学位需求将增加约3万个": a shortage or a forecast demand
        # ("专任教师缺编约160名": a shortage of posts)
        gap_or_need = any(text.find(w, lo, q.start) >= 0 for w in _SHORTAGE_WORDS)
        if (gap_or_need and _SHORTAGE.search(text[lo : q.start])) or (
            # "2.8万个城区学位缺口": the shortage named after the number
            text.find("缺口", q.end, q.end + 12) >= 0 and _SHORTAGE_AFTER.match(text, q.end)
        ):
            return (
                "context_statistic",
                "a shortage, a demand or a gap (学位缺口, 缺编, 仍差), not a target",
            )
        if "预算" in text[s_start : q.start] and (
            _BUDGETED_BEFORE.search(clause) or _EXECUTION_BEFORE.search(clause)
        ):
            return "context_statistic", "a budgeted amount or its execution rate, not a value"
        if ("增幅" in clause or "增速" in clause) and _GROWTH_GAP.search(clause):
            return "context_statistic", "a difference between two growth rates (高于…增幅)"
        if "平均" in clause and AVERAGE_GAP.search(clause):
            return "context_statistic", "a gap to another area's average (高出全省平均水平…)"
        # "每天体育活动达到1小时的占76.4%": a value that defines a group, whose share follows;
        # "计划投资超过200亿元的有3个市": whose count follows
        if ("占" in text[q.end : q.end + 8] and _GROUP_SHARE_AFTER.match(text, q.end)) or (
            "的有" in text[q.end : q.end + 6] and _GROUP_COUNT_AFTER.match(text, q.end)
        ):
            return "no_indicator", "a condition defining a group whose share or count follows"
        # "萩浦现辖3个区、5个县（市）": the areas an area is made of
        if token == "个" and before_r.endswith("辖") and _AREA_KIND.match(text, q.end):
            return "context_statistic", "a count of the areas an area is made of (辖N个区)"
        # "认为普惠性幼儿园覆盖率还需提高的家长占58.4%": a share of those surveyed
        if before_r.endswith("占") and _RESPONDENTS.search(text, lo, q.start):
            return "context_statistic", "a share of survey respondents (认为…的家长占…)"
        # "预计到2025年小学在校生将比2020年增加约2,600人": a forecast, not a target
        forecast_lo = max(s_start, q.start - 40)
        if (
            any(text.find(w, forecast_lo, q.start) >= 0 for w in _FORECAST_WORDS)
            and _FORECAST.search(text, forecast_lo, q.start)
            and not starts_from_actual(text, forecast_lo, q.start)
        ):
            return "context_statistic", "a forecast (预计…将…), not a target"
        if _one_schools_size(text, q, s_start):
            return "no_indicator", "one school's size in brackets (…小学（30个班、1,350个学位）)"
        return None

    def _quoted_opinion(self, text: str, at: int) -> bool:
        """`at` lies in “…”, and the quotes it is listed with are called 意见 or 建议."""
        if not in_brackets(text, at, "“", "”"):
            return False
        close = text.find("”", at)
        return _QUOTED_OPINION_AFTER.match(text, close + 1) is not None

    def _proposed_before(self, text: str, at: int) -> bool:
        """A proposal's verb (建议将…) earlier in the sentence, across its "；"."""
        lo = max(0, at - 120)
        lo = max(lo, text.rfind("。", lo, at) + 1, text.rfind("\n", lo, at) + 1)
        return text.find("建议", lo, at) >= 0 and PROPOSES.search(text, lo, at) is not None

    def _other_area(self, text, q: Quantity, aliases, s_start, ctx) -> tuple[str, str] | None:
        if (ctx.forecast or text.find("方案", q.end, q.end + 10) >= 0) and forecast_value(
            text, q.start, q.end, s_start, ctx.forecast
        ):
            return "context_statistic", "a forecast (a 预测 section's 将…, a 方案), not a target"
        if ctx.section_areas and not names_own_area(text, s_start, q.start, ctx.own_area):
            return "other_area", "a value in a section about another area (a roundup's 芷岭：…)"
        lo = clause_start(text, q.start, s_start)
        why = other_area_value(text, q.start, s_start, lo, ctx.own_area, {a.start for a in aliases})
        return ("other_area", why) if why else None

    def _years_indicator_near(self, text, q, aliases) -> bool:
        return any(
            self.book[i].unit == "years"
            for a in aliases
            if a.end <= q.start
            for i in a.indicator_ids
        )

    def _unbound_reason(self, text, q: Quantity, s_start) -> tuple[str, str]:
        clause = text[clause_start(text, q.start, s_start) : min(len(text), q.end + 12)]
        sentence = text[s_start : q.end + 12]
        if self.context_re.search(sentence):
            return "context_statistic", "a context statistic (population, GDP, area ...)"
        if self.recognition_re.search(clause):
            return "recognition_count", "a count of awards or recognitions (被评为, 获得 ...)"
        digits = text[q.num_start : q.num_end]
        if (
            in_brackets(text, q.start, "“", "”")
            or _LATIN_AFTER.match(text[q.num_end : q.num_end + 2])
            or _LATIN_BEFORE.search(text[max(0, q.start - 2) : q.start])
            or (q.unit is None and _WHOLE_DECIMAL.fullmatch(digits))
        ):
            return "name_or_slogan", "a number inside a name or slogan (“1+X”)"
        if q.unit is not None:
            return (
                "no_indicator",
                f"a quantity in {q.unit_token} whose clause names no codebook indicator",
            )
        if q.unit is None and text.startswith(self.measure_words, q.num_end) and digits.isascii():
            word = next(w for w in self.measure_words if text.startswith(w, q.num_end))
            return "no_indicator", f"a count in {word}, which no codebook indicator measures"
        return "unaccounted", "a number with no unit and no indicator"

    def _restates(self, text: str, q: Quantity) -> bool:
        """ "八成五以上（85%）": the bracket opens right after a value equal to this one (a
        different value there, "92%（90.8%）", is another year's)."""
        m = _VALUE_BEFORE_BRACKET.search(text, max(0, q.start - 12), q.start)
        if m is None:
            return False
        before = [
            p for p in self.finder.find(text, max(0, q.start - 12), m.end()) if p.end <= m.end()
        ]
        return bool(before) and before[-1].value == q.value and before[-1].unit == q.unit


def without_aliases(text: str, lo: int, hi: int, aliases) -> str:
    """text[lo:hi] with the indicator phrases in it removed (每天 in 每天校内体育活动时间)."""
    out, pos = [], lo
    for a in aliases:
        if a.end <= lo or a.start >= hi:
            continue
        out.append(text[pos : max(pos, a.start)])
        pos = max(pos, a.end)
    out.append(text[pos:hi])
    return "".join(out)


# _not_a_value's patterns, compiled once: it runs for every number in every plan, and
# re's own cache lookup per call was ~1,600 lookups a plan
# 预计 may open the clause before ("预计到2025年，…将增加"); 将 stands in the value's own
# (将 "will", or 需/需要 "will be needed": "预计需新增学位6,000个以上")
# (据预测, 预测, 测算 open one too: "据预测，2025年全县在校生将达到5.9万人左右")
_FORECAST_WORDS = ("预计", "预测", "测算")
_FORECAST = re.compile(
    r"(?:预计|预测|测算)[^，,。；;\n]*(?:[，,][^，,。；;\n]*)?(?:将|需)[^，,。；;\n]*$"
)
# the units of an amount added every year (not 次, 元 per pupil … : 每生每年 is two markers)
# "…1小时的占", "…以上的学生占": a group defined by the value, then its share
_GROUP_SHARE_AFTER = re.compile(r"\s*(?:以上|以下|及以上)?的[\u4e00-\u9fff]{0,4}?占(?!比)")
_GROUP_COUNT_AFTER = re.compile(r"\s*(?:以上|以下|及以上)?的有\s*\d{1,4}\s*个")
_AREA_KIND = re.compile(r"\s*(?:区|县|市|乡镇|乡|镇|街道|旗|苏木|社区|行政村)")
# what a survey asks: an opinion, a wish, a choice (受访者 themselves)
_RESPONDENTS = re.compile(r"认为|表示|希望|选择|反映|受访|赞成|支持")
_POST_NUMBER = re.compile(r"【\d{1,3}/\d{1,3}】")
_YEARLY_UNITS = frozenset({"count", "persons", "person_times", "yuan"})
# what "N项" counts when it is no indicator's value: the indicators or tasks of a list
_ITEM_NOUNS = ("指标", "任务", "目标", "工作", "措施", "内容", "工程", "举措", "重点")
# the brackets of _not_a_value's screens (before_r.endswith, after_l.startswith)
_OPEN_BRACKETS = ("〔", "[", "【", "(", "（")
_CLOSE_BRACKETS = ("〕", "]", "】")
_CLOSE_BRACKET_AFTER = re.compile(r"\s*[〕\]】)）]")
# "八成五以上（85%）", "95%（约九成五）": a value, then the same value in brackets
_VALUE_BEFORE_BRACKET = re.compile(
    r"(?:\d|%|％|成[一二三四五六七八九]?|以上|以下|左右|以内)\s*[(（【]\s*$"
)
# a web page's metadata line: "发布时间：2022-03-15 09:30", "索引号：1134…/2021-00867",
# "浏览次数：2316", "下载量：247", "记录数：13"
_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d([-/.])\d{1,2}\1\d{1,2}(?!\d)")
_DATE_MARKS = frozenset("-/.")
_DATE_TIME_BEFORE = re.compile(r"(?:19|20)\d\d-\d{1,2}-(?:\d{1,2}\s+(?:\d{1,2}:)?)?$")
_CODE_BEFORE = re.compile(r"(?:索引号|文号|编号)\s*[:：]\s*\S*$")
_VIEWS_BEFORE = re.compile(
    r"(?:(?:浏览|阅读|点击|访问|下载|调用|评价)(?:次数|量|数)|记录数|评分|数据量)\s*[:：]\s*$"
)
# a contents line: a title, leader dots, its page number (the views join the lines)
_LEADER_BEFORE = re.compile(r"(?:…|\.{3,}|·{3,}|．{3,})\s*$")
_YEAR_MARK_AFTER = re.compile(r"\s*(?:年|[—\-~～至到]\s*\d)")
# a table's column named in a note: "2022实际为…累计数", "2025目标为…", "2020基期"
_YEAR_COLUMN_AFTER = re.compile(r"(?:实际|目标|基期|规划|预计|完成)")
# a footer's counter: "阅读 126", "👍 8" (a bar, a dot or the line's end after it)
_COUNTER_BEFORE = re.compile(r"(?:阅读|浏览|点击|赞|在看|收藏|转发|评论)\s*$")
# (or a comment's first words after its author's line: "城东宝妈 👍 58" / "城东小学…")
_COUNTER_END = re.compile(
    r"[^\S\n]*(?:[|｜·]|\n|$|(?=[\u4e00-\u9fff])(?![万亿千百次人个条名所项位]))"
)
_PHONE_TAIL = re.compile(r"-\d{6,8}")
# four or more groups of digits joined by hyphens: a project's or a record's code
_CODE_RUN = re.compile(r"(?<![\d-])\d+(?:-\d+){3,}(?![\d-])")


def _in_code(text: str, at: int) -> bool:
    """Whether the number at `at` is one group of a code such as 2021-341102-83-01-012345."""
    return any(
        m.start() <= at < m.end() for m in _CODE_RUN.finditer(text, max(0, at - 40), at + 40)
    )


_ORDINAL_BEFORE = re.compile(r"第\s*$")
_CHAPTER_AFTER = re.compile(r"\s*[章节条部篇款]")
_BOX_WORD_BEFORE = re.compile(r"(?:专栏|表|图|附件|附表|任务)\s*$")
_BOX_WORDS = ("专栏", "表", "图", "附件", "附表", "任务")  # its screen: endswith, one C call
_SHORTAGE_WORDS = ("缺口", "需求", "缺编", "缺额", "缺少", "差")
_SHORTAGE = re.compile(
    r"(?:缺口|需求|缺编|缺额)\s*(?:将|会)?\s*(?:年均|每年|逐年)?\s*"
    r"(?:增加|新增|增长|扩大至|扩大到|减少至|缩小至|缩小到)?\s*(?:约|达|为|近|超过|有)?\s*$"
    # "缺少专任教师约2,100名"; "距…的目标仍差3.7万个": what is lacking, not a target
    r"|缺少[^，,。；;\d]{0,12}?(?:约|近|超过)?\s*$|(?:仍|还|尚)差\s*(?:约|近)?\s*$"
)
# "年初预算98,600万元", "（预算）调整为104,250万元", "完成调整预算的99.0%": what was budgeted
# and how much of it was spent (in a sentence that names a 预算)
_BUDGETED_BEFORE = re.compile(
    r"(?:年初预算|调整预算|预算安排|预算数|调整为|调增为|调减为)(?:数|为)?\s*$"
)
_EXECUTION_BEFORE = re.compile(r"完成[^，,。；;\d]{0,4}预算(?:数)?的?\s*$|预算执行率[为达]?\s*$")
# "教育支出增幅高于一般公共预算支出增幅2.3个百分点": one growth rate against another
_GROWTH_GAP = re.compile(r"(?:高于|低于|快于|慢于|超过)[^，,。；;\d]{1,16}(?:增幅|增速)\s*$")
_SHORTAGE_AFTER = re.compile(r"[^\d，,。；;、\n]{0,10}?缺口")
# "1+X", "5G", "A+": a Latin letter or a plus sign against the number
# after a quoted opinion: more quoted ones, then "等22条意见", "的意见", "这一建议"
_QUOTED_OPINION_AFTER = re.compile(
    r"(?:[、，,和及]?“[^”\n]{0,60}”)*\s*(?:等\s*[\d一二三四五六七八九十百]*\s*[条项份个]?|的|这[\d一两二三四五六七八九十几]*[条项个]?)?"
    r"\s*(?:意见|建议|诉求|提议)"
)
_CODE_WORDS = ("代码", "行次", "行号")
_CODE_LIST_BEFORE = re.compile(
    r"(?:代码|行次|行号)\s*(?:\d{1,3}\s*(?:[、,，和及]|[—\-–～~至到])\s*)*$"
)
_ATTRIBUTE_CODE_AFTER = re.compile(r"\s*[—\-–:：=]\s*(?:预期性|约束性)")
_REPLACED_BY = re.compile(r"\s*" + REVISED_TO)
# a correction of the value before it: "经审计核实为93.6%", "实为", "更正为"
_CORRECTED_TO = re.compile(
    r"(?:核实|核定|审定|查实|实际|更正|纠正|修正)?(?:实为|更正为)\s*\d|(?:核实|核定|审定|查实)为\s*\d"
)
_DIGIT = re.compile(r"\d")
_CORRECTION_WORDS = ("核实", "核定", "审定", "查实", "实为", "更正", "纠正", "修正")
_LATIN_AFTER = re.compile(r"\s*[+A-Za-z]")
_LATIN_BEFORE = re.compile(r"[A-Za-z+_]\s*$")
_WHOLE_DECIMAL = re.compile(r"\d+\.0")
_LINE_OPENING = re.compile(r"[\s(（]*")
_LIST_MARK_AFTER = re.compile(r"\s*[.、．)）]")
_DECIMAL_HEADING = re.compile(DECIMAL_HEADING.pattern.removeprefix("^"))
_SENTENCE_END_BEFORE = re.compile(r"[。；;！？!?][^\S\n]*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# what 分 after a number starts besides points (分钟 is a unit of its own)
_NOT_POINTS = (
    "分之",
    "分别",
    "分类",
    "分批",
    "分期",
    "分层",
    "分级",
    "分区",
    "分校",
    "分院",
    "分布",
)
_ITEM_BREAKS = ("：", ":", "；", ";", "。")
_INLINE_ITEM_MARK = re.compile(r"[.、．][^\S\n]*[\u4e00-\u9fff“《\"]")
_NOTE_MARK_BEFORE = re.compile(r"(?:注|[。；;:：]\s*)$")
_NOTE_OPEN = re.compile(r"注\s*(?:\d{1,2}|[①-⑳])?\s*[:：]")
_RATIO_AFTER = re.compile(r"\s*:\s*\d")
_RATIO_BEFORE = re.compile(r"\d\s*:\s*$")


# "城东片区新建小学（规划30个班、1,350个学位）": one school's classes and places
_SCHOOL_BEFORE = re.compile(r"(?:小学|中学|学校|幼儿园|校区|分校|学院)\s*$")
_CLASSES = re.compile(r"\d+\s*个?\s*(?:班|轨)")


def _one_schools_size(text: str, q: Quantity, s_start: int) -> bool:
    """A count inside a bracket right after a school's name that gives its classes."""
    lo = max(s_start, q.start - 30)
    opened = max(text.rfind("（", lo, q.start), text.rfind("(", lo, q.start))
    if opened < 0 or max(text.find("）", opened, q.start), text.find(")", opened, q.start)) >= 0:
        return False
    closed = text.find("）", q.end, q.end + 30)
    closed = closed if closed >= 0 else text.find(")", q.end, q.end + 30)
    if closed < 0 or not _SCHOOL_BEFORE.search(text, max(0, opened - 6), opened):
        return False
    return _CLASSES.search(text, opened, closed) is not None
