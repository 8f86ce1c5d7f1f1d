"""A plan's mid-term evaluation: the year its progress sections state.

An evaluation (中期评估, 实施情况评估, a 统计公报 or 进展情况 report: named so in the
registry's title) reviews the plan
part-way: its progress sections ("总体进展情况", "主要任务推进情况", "存在的主要问题")
state values of the last year with data, not of the baseline, and its recommendations
restate targets for the period's end. That year is the latest one inside the period the
text states as a point in time ("截至2022年底", "2022年末", "2022年为评估年份"), else the
year its title names ("2022年教育事业发展统计公报"). A yearbook (年鉴) or a self-evaluation
(绩效自评报告, 工作总结) is one too: a yearbook records the year its first entry opens on
("【概况】　2022年，…"), else the year before its own ("某县年鉴（2023）").
"""

from __future__ import annotations

import re

from analysis.extraction.proposals import is_proposal

# an evaluation, a progress report or a statistics bulletin part-way through the period
_EVALUATION_TITLE = re.compile(
    r"评估|实施情况|执行情况|进展情况|进展报告|统计公报|监测\S{0,4}(?:报告|通报)|监测情况|进度看板|监测看板|实施进度|年鉴|自评报告|工作总结|年度总结|述职|公告|答复"
)
# a yearbook: "某县年鉴（2023）" records the year before, as its entries open ("2022年，…")
_YEARBOOK = re.compile(r"年鉴")
# the year its first entry opens on: "【概况】　2022年，…"
_OPENING_YEAR_ANY = re.compile(r"(?:^|[】\]])\s*((?:19|20)\d\d)\s*年\s*[，,]", re.MULTILINE)
_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_STATUS_YEAR = re.compile(
    r"(截至|截止)?((?:19|20)\d\d)\s*年\s*(?:末|底|为评估年份?|为评估年度)(?!前)"
)
# a speech or report at a year's conference ("在全县2022年教育工作会议上的讲话")
_OCCASION_TITLE = re.compile(
    r"((?:19|20)\d\d)\s*年[^。，\n]{0,16}会议上?的?(?:讲话|报告|发言|致辞|工作报告)"
)
# a target letter for one year of the period ("宕溪县2023年度教育工作目标责任书"): signed
# for that year, its targets with no year of their own are that year's
_LETTER_TITLE = re.compile(
    r"((?:19|20)\d\d)\s*年度?[^。，\n]{0,20}?(?:目标(?:管理)?责任书|目标任务书|责任状|责任书)"
)
# a speech opens by addressing its audience ("同志们：", "各位代表：")
_SALUTATION = re.compile(
    r"^\s*(?:同志们|各位(?:代表|委员|领导|同志|来宾)[^：:\n]{0,12})\s*[：:]\s*$", re.M
)
# the date line under a speech's title: "（2022年2月18日）"
_DATE_LINE = re.compile(
    r"^\s*[（(]?\s*((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?\s*$", re.M
)
# a speech's title, speaker, date and salutation come before its first paragraph
_HEAD_CHARS = 300
# a bare "2024年底" that a target is due by: "（目标2024年底达到100%）", "到2024年底前"
_DEADLINE_BEFORE = re.compile(r"(?:目标|到|至|于|在)\s*$")
_DEADLINE_AFTER = re.compile(r"\s*(?:前|以前|达到|实现|完成|基本|全面|全部|力争|要|将)")
# a title line is short, and among the text's first lines (a page's <title>, a header)
_TITLE_LONGEST = 60
_TITLE_LINES = 3
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*年?\s*[—–\-~～至到]\s*(?:19|20)\d\d")
PROGRESS_HEADING = re.compile(
    r"进展|完成情况|推进情况|实施情况|开展情况|执行\S{0,3}情况|决算情况|落实情况|存在的?.{0,2}问题"
)


def _is_deadline(text: str, m: re.Match) -> bool:
    return bool(
        _DEADLINE_BEFORE.search(text, max(0, m.start() - 3), m.start())
        or _DEADLINE_AFTER.match(text, m.end())
    )


def _own_title(text: str) -> str:
    """The first of the text's first lines that is a short title naming an evaluation and
    a year ("“十四五”教育规划指标监测（2022年度）", under a page's <title>), else ""."""
    for line in text[:_HEAD_CHARS].split("\n")[:_TITLE_LINES]:
        line = line.strip()
        if (
            len(line) <= _TITLE_LONGEST
            and (_EVALUATION_TITLE.search(line) or "监测" in line)
            and _TITLE_YEAR.search(line)
            and not _YEAR_SPAN.search(line)  # "…监测体系建设方案（2021—2025年）": a plan
        ):
            return line
    return ""


def evaluated_year(title: str, text: str, period_start: int, period_end: int) -> int | None:
    """The year an evaluation reports on, or None for any other document."""
    # (a proposal states where things stand before it proposes: proposals.py)
    if not _EVALUATION_TITLE.search(title or "") and not is_proposal(title or ""):
        # the registry names the plan; the text's own title line may name a report on it
        title = _own_title(text)
        if not title:
            return None
    # "截至2025年底" in a final evaluation reaches the period's end; a bare "2025年底"
    # may be a target's deadline
    inside = [
        int(m.group(2))
        for m in _STATUS_YEAR.finditer(text)
        if period_start <= int(m.group(2)) < period_end + (1 if m.group(1) else 0)
        and not (m.group(1) is None and _is_deadline(text, m))
    ]
    if inside:
        return max(inside)
    if _YEARBOOK.search(title):
        opening = [int(y) for y in _OPENING_YEAR_ANY.findall(text[:400])]
        inside = [y for y in opening if period_start <= y < period_end]
        if inside:
            return inside[0]
        named = [int(y) - 1 for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", title)]
        named = [y for y in named if period_start <= y < period_end]
        return named[0] if named else None
    # "峤岱县2022年教育事业发展统计公报": the year the title names
    named = [int(m.group(1)) for m in _TITLE_YEAR.finditer(title)]
    named = [y for y in named if period_start <= y < period_end]
    return named[0] if named else None


def occasion_year(text: str, period_start: int, period_end: int) -> int | None:
    """The year a speech or a conference report is given in, part-way through the period
    ("在全县2022年教育工作会议上的讲话", or "同志们：" under a date line "（2022年2月18日）"),
    else None. Its 今年 is that year and its 去年, the year it reviews, the one before."""
    head = text[:_HEAD_CHARS]
    titled = _OCCASION_TITLE.search(head)
    if titled:
        year = int(titled.group(1))
    else:
        dated = _DATE_LINE.search(head)
        if not dated or not _SALUTATION.search(head):
            return None
        year = int(dated.group(1))
    return year if period_start < year <= period_end else None


def letter_year(title: str, period_start: int, period_end: int) -> int | None:
    """The year a target letter is signed for, from its title ("2023年度…目标责任书"), part-way
    through the period, else None. Its 全年 and 年内 are that year, and so are its targets
    with no year of their own; it reviews no year (an occasion's speech does)."""
    m = _LETTER_TITLE.search(title)
    year = int(m.group(1)) if m else None
    return year if year is not None and period_start < year <= period_end else None
