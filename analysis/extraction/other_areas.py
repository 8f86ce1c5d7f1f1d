"""Values of another area stated in prose: they are the other area's, not the plan's.

* A higher level's target or standard quoted beside the plan's own ("全省目标为学前三年毛入
  园率达到92%，我市力争达到95%", "按照省定标准，…应达到90%"): a value after such a lead in
  the same sentence, with no word of the plan's own area ("我市", "本县") between them; and
  a clause whose subject is the province or the nation ("全省学前三年毛入园率平均为91.6%").
* A named county, district or city other than the plan's own opening the value's clause
  ("其中柘川县学前三年毛入园率仅为81.5%", "漠南县、柘川县分别为92.4%和86.9%"; a town or a
  street in a county's or district's plan: "滨江街道学前三年毛入园率达到99.5%"), or some of
  the plan's own townships or counties ("其余乡镇学前三年毛入园率普遍低于85%", "2个县的…").

Each is ledgered as other_area (extraction/ledger.py), never dropped."""

from __future__ import annotations

import re

from analysis.extraction.prose_phrases import clause_start

# a clause opening with a higher level's target, standard or average, then 为/是 or a break
_HIGHER_LEAD = re.compile(
    r"(?:^|[，,：:])[\s—\-]*(?:按照|根据|对照|对标)?(?:国家|全国|省|全省|省定|省级|中央)"
    r"(?:(?:的|级)?(?:规划|确定的?|下达的?|规定的?)?(?:目标|标准|要求|平均水平|平均值|均值|平均)"
    r"(?:值)?\s*(?:为|是|[，,：:])"
    # "全省规划提出，到2025年全省…": the province's plan states its own targets
    r"|(?:的)?(?:规划|方案|纲要)(?:提出|明确|要求|确定)\s*[，,：:])"
)
_ABOVE_PLAN_LEAD = re.compile(
    r"全(?:市|州|盟)(?:的)?(?:规划|方案|纲要)(?:提出|明确|要求|确定)\s*[，,：:]"
)
# another area's plan named as stating its targets: "《沄溪县“十四五”教育事业发展规划》提出，"
_NAMED_PLAN_LEAD = re.compile(
    r"《([\u4e00-\u9fff]{2,4}?(?:省|市|县|区|旗|州|盟))[^》\n]{0,30}》[^，,。；;]{0,6}?"
    r"(?:提出|明确|要求|确定)\s*[，,：:]"
)
_OWN_WORD = re.compile(r"(?:我|本|全)(?:市|县|区|旗|州|盟)")
# one or more named areas opening a clause: "其中柘川县", "漠南县、柘川县"
_NAMED_AREAS = re.compile(
    r"\s*(?:其中|而|但是?|另外|同时)?\s*"
    # "县城所在地凤栖镇": the seat of the county, named
    r"(?:(?:县城|城区|市区|县政府|区政府|市政府)?所在地)?"
    # "市级", "县直", "区域", "县内" are not a named area
    r"((?:[\u4e00-\u9fff]{2,3}(?:县|区|旗|市|街道|镇)(?![级直属域内委])[、和及与]?)+)"
)
# the province or the nation as the clause's subject ("全省（…）学前三年毛入园率平均为91.6%")
_HIGHER_SUBJECT = re.compile(
    r"\s*(?:而|但是?|同期)?\s*(?:全省|全国)\s*(?:[(（][^()（）]{0,30}[)）])?\s*"
)
# a time phrase opening a sentence: "到2025年，", "2020年，"
_TIME_LEAD = re.compile(r"\s*(?:到|至|截至)?\s*(?:19|20)\d\d\s*年(?:底|末)?\s*[，,]?")
# some of the plan's own townships or counties ("其余乡镇", "部分县（市、区）") opening the
# clause: their value is theirs, not the whole area's
_SOME_AREAS = re.compile(
    r"\s*(?:其中|而|但是?)?\s*(?:全省|全市|全国)?\s*(?:仍有|尚有|还有|有)?\s*"
    r"(?:其余|其他|部分|个别|少数|多数|大部分|约?[一二三四五六七八九]成)"
    r"(?:乡镇|乡|镇|街道|县区|县市区|县[(（]市、?区[)）]|县|区)"
)
# a count of the plan's townships or counties owning the indicator ("2个县的高中阶段教育毛入
# 学率低于85%"): their value, not the whole area's
_COUNTED_AREAS = re.compile(
    # (named before their count: "城东、江北两个新区")
    r"\s*[\u4e00-\u9fff、]{0,8}?\s*(?:\d{1,3}|[一二三四五六七八九十两]{1,3})个"
    r"(?:乡镇|乡|镇|街道|县区|县市区|县[(（]市、?区[)）]|县|新区|片区|城区|区)的?"
)
# the best or worst of the plan's areas ("巩固率最高的县为98.9%，最低的县为95.6%")
_EXTREME_AREA = re.compile(
    r"(?:最高|最低|最好|最差|最多|最少)的\s*(?:乡镇|镇|街道|县区|县市区|县[(（]市、?区[)）]|县|区)"
    r"\s*(?:仅为|只有|为|是|达到|达)?\s*$"
)
_COUNTED_BEFORE = re.compile(
    r"(?:\d{1,3}|[一二三四五六七八九十两]{1,3})个(?:县[(（]市、?区[)）]|县市区|县区|县|区|乡镇|街道)"
)
_AMONG_AREAS = re.compile(r"\d{1,4}个(?:市州|市|县|区|县区|县市区|县[(（]市、?区[)）]|乡镇|地市)中")
_SOME_OF_THEM = re.compile(r"\s*(?:其中)?\s*(?:有|仅有|只有)\s*\d{1,4}个")
# the whole of a prefecture-level area ("全市", "全州"): above a county or district
_WHOLE_ABOVE = re.compile(r"全(?:市|州|盟)(?![级直属域内委])")
# ... and above a township (镇, 乡, 街道): its county or district too
_TOWN = ("镇", "乡", "街道")
_WHOLE_ABOVE_TOWN = re.compile(r"全(?:县|区|旗|市|州|盟)(?![级直属域内委])")
_SUBJECT_VERB = re.compile(r"\s*(?:分别|均|都|也|则)?\s*(?:仅为|只有|仅|为|是|达到|达)")
_YEARS = re.compile(
    r"(?:(?:19|20)\d\d\s*年?\s*(?:—{1,2}|–|-|~|～|至|到)\s*)?(?:(?:19|20)\d\d\s*年)?\s*"
    r"(?:分别|依次|均|都)?\s*"
)
_AREA = re.compile(r"([\u4e00-\u9fff]{2,3})(县|区|旗|市|街道|镇)")
# not a proper name: a whole or a kind of area ("各县", "中心城区", "开发区", "民族地区")
_NOT_A_NAME_FIRST = set("城乡县市省在对向从到于为")  # a preposition: "在全市中小学校…"
_NOT_IN_A_NAME = set("全本我各该每")
_NOT_A_NAME_LAST = set("城地山片社园校新发范验港")


def other_area_value(
    text: str, q_start: int, s_start: int, lo: int, own: str, name_starts: set[int]
) -> str | None:
    """Why the value at `q_start` is another area's, or None. `lo`: its clause's start;
    `name_starts`: where the sentence's indicator phrases start."""
    scope = text[s_start:q_start]
    lead = None
    if "省" in scope or "国" in scope or "中央" in scope:
        lead = _last(_HIGHER_LEAD.finditer(scope))
    own_after = lead is not None and (
        _OWN_WORD.search(scope, lead.end()) or (own and own in scope[lead.end() :])
    )
    if lead is None and own[-1:] in "县区旗" and "全" in scope:
        # "全市规划提出，到2025年全市…" in a county's plan: the city above states its own
        lead = _last(_ABOVE_PLAN_LEAD.finditer(scope))
        own_after = lead is not None and (
            re.search(f"[我本全]{own[-1]}", scope[lead.end() :]) or own in scope[lead.end() :]
        )
    if lead is None and own and "《" in scope:
        # "《沄溪县“十四五”教育事业发展规划》提出，到2025年，全县…" in a township's plan
        named = _last(_NAMED_PLAN_LEAD.finditer(scope))
        if named is not None and named.group(1) != own and own not in named.group(0):
            lead = named
            own_after = re.search(f"[我本全]{own[-1]}", scope[lead.end() :]) or (
                own in scope[lead.end() :]
            )
    if lead is not None and not own_after:
        return "a higher level's target or standard (全省目标为…), not the plan's"
    higher = _HIGHER_SUBJECT.match(text, lo, q_start)
    if higher is not None and higher.end() in name_starts and not own.endswith("省"):
        return "a higher level's value (全省…, 全国…), not the plan's"
    if lo > s_start and ("全省" in scope or "全国" in scope) and not own.endswith("省"):
        # "到2025年，全省A达到95%以上，B达到97.5%以上": the subject of the sentence's first
        # clause goes on into the clauses after it that name no area of their own
        opening = _TIME_LEAD.match(text, s_start, q_start)
        higher = _HIGHER_SUBJECT.match(text, opening.end() if opening else s_start, q_start)
        if (
            higher is not None
            and higher.end() in name_starts
            and not _OWN_WORD.search(scope, higher.end() - s_start)
            and not (own and own in scope[higher.end() - s_start :])
        ):
            return "a higher level's value (全省…, 全国…), not the plan's"
    if _SOME_AREAS.match(text, lo, q_start):
        return "some of the plan's areas (其余乡镇, 部分县区), not the whole"
    # "17个市州中，有14个把…目标定在95%以上": some of the areas counted before
    if "中" in scope and _AMONG_AREAS.search(scope) and _SOME_OF_THEM.match(text, lo, q_start):
        return "some areas of those counted (N个市州中，有M个…), not the plan's"
    if "最" in scope and _EXTREME_AREA.search(text, lo, q_start):
        return "the best or worst of the plan's areas (最高的县为…), not the whole"
    counted = _COUNTED_AREAS.match(text, lo, q_start)
    if counted is not None and counted.end() in name_starts:
        return "some of the plan's areas (2个县的…), not the whole"
    if not own:
        return None  # the plan's own area unknown: a named area cannot be told apart
    # "全市为90.4%" in a county's or district's plan, "全县…达到95%以上" in a township's:
    # the level above it, not the plan's area
    whole_above = _WHOLE_ABOVE_TOWN if own.endswith(_TOWN) else _WHOLE_ABOVE
    above = whole_above.search(text, lo, q_start) if own[-1] in "县区旗镇乡道" else None
    if above and not re.compile(f"[我本全]{own[-1]}").search(text, above.end(), q_start):
        return "the level above the plan's area (全市 in a county's plan)"
    m = _NAMED_AREAS.match(text, lo, q_start)
    # the areas are the clause's subject: an indicator phrase or 分别为/仅为 right after them
    # ("新建县第三幼儿园…", "对接全市主导产业…" name no area)
    # ("科创街道2021—2025年分别新增学位…": a year or a span of years may stand between)
    at = 0 if m is None else _YEARS.match(text, m.end(), q_start).end()
    # ... or the value, in digits, right after them ("泠湖街道2,100个；溆西街道3,300个"; not
    # "完善市县两级…")
    right_after = at == q_start and text[q_start : q_start + 1].isdigit()
    if m is None or not (
        at in name_starts or right_after or _SUBJECT_VERB.match(text, at, q_start)
    ):
        return None
    stem = re.sub(r"(?:市|县|区|旗)$", "", own) if len(own) > 2 else own
    areas = _AREA.findall(m.group(1))
    # two areas or more listed ("泉城区、岚山区…分别…") are named, whatever their last
    # characters; one alone ending in 山, 城 … may be a kind of area ("山区", "老城区"),
    # but not one of the areas the sentence counted ("6个县（市、区）…，其中海城区…")
    named = len(areas) > 1 or (
        m.group(0).lstrip().startswith("其中") and _COUNTED_BEFORE.search(scope) is not None
    )
    for name, suffix in areas:
        if name[0] in _NOT_A_NAME_FIRST or _NOT_IN_A_NAME.intersection(name):
            return None
        if name + suffix == own or name == stem:
            return None
        # "山区", "城区", "园区" name kinds of area ("北山街道", "瑶山县" are names): one
        # named area beside them makes the list named ("澈北区、东城区")
        named = named or name[-1] not in _NOT_A_NAME_LAST or suffix in ("街道", "县", "旗")
    return "another area's value (a county or district named in the clause)" if named else None


def _last(matches):
    last = None
    for last in matches:  # noqa: B007 - the last match is wanted
        pass
    return last


def bind_own_after_other(binder, text, start, aliases, candidates, taken, others, filler):
    """ "全省目标为学前三年毛入园率达到92%，我市力争达到95%": a clause of only the plan's own
    area, a verb and a value, right after a clause whose value is another area's, gives its
    value to that clause's phrase (the other area's value between them is not a value of
    the plan's that would stop it). Binds in `taken`, as the binder's other rules do."""
    if not others:
        return  # no other area's value in the sentence: nothing to go on from
    for q in candidates:
        if q.start in taken:
            continue
        lo = clause_start(text, q.start, start)
        if lo <= start or any(lo <= a.start < q.start for a in aliases):
            continue
        before = [o for o in others if o.end <= lo]
        if not before or filler.sub("", text[lo : q.start]).strip():
            continue
        other_lo = clause_start(text, before[-1].start, start)
        if before[-1].start < clause_start(text, lo - 1, start):
            continue  # the other area's value is not in the clause right before
        named = [a for a in aliases if other_lo <= a.start and a.end <= before[-1].start]
        ids = binder._fits(named[-1].indicator_ids, q, cumulative_ok=False) if named else ()
        if ids:
            taken[q.start] = (named[-1], ids, q.end)
