"""A review opened by its first sentence rather than by a heading.

A chapter of a general plan or a government report often starts its review with no
heading of its own: "“十三五”时期，…取得了历史性成就", "过去五年，…", "5年来，…", then
——bullets of results. Such a paragraph, and the paragraphs after it up to the next
heading or title line ("第一节　发展目标"), review the last period: their values are the
baseline's. A period named as a basis ("在“十三五”发展的基础上") opens nothing, nor does a
paragraph under a heading of targets or tasks.
"""

from __future__ import annotations

import re

from analysis.extraction.evaluation import PROGRESS_HEADING
from analysis.extraction.headings import heading_of
from analysis.extraction.named_periods import period_end
from analysis.extraction.prose_years import Context
from analysis.paragraph_breaks import TITLE_LINE

# the last period named at the head of a clause, then a comma: "“十三五”时期，", "过去五年，"
_OPENER = re.compile(
    r"(?:十([一二三四五])五[”\"]?\s*(?:时期|期间|以来)|过去(?:五|5)年|(?:五|5)年来)\s*[,，]"
    # "“十三五”成绩单：", "“十三五”回顾：", "先看家底："
    r"|(?:先看|盘点)?家底\s*[:：]"
    r"|十([一二三四五])五[”\"]?\s*(?:时期|期间)?\s*(?:成绩单|成就|成效|回顾|盘点)\s*[:：,，]"
    # a run-in title, the whole first sentence: "**“十三五”成就。**2020年，…"
    r"|^\s*[“\"]?十([一二三四五])五[”\"]?\s*(?:时期|期间)?\s*(?:主要|发展)?(?:成就|成效|回顾)\s*$"
    # a speaker's "先简要回顾一下“十三五”。", "首先回顾“十三五”时期的发展成就"
    r"|回顾(?:一下)?\s*[“\"]?十([一二三四五])五"
)
# a first sentence announcing the targets ("2025年主要目标来了！"): an opened review ends
# (or a run-in title naming the plan's period's targets: "“十四五”目标。到2025年…")
_TARGETS_NAMED = re.compile(
    r"主要目标|发展目标|目标任务|主要任务|重点任务|^[“\"]?十[四五]五[”\"]?\s*(?:目标|任务)\s*$"
)
_FIRST_SENTENCE_LONGEST = 40
# (an assessment's 评分细则 or 考核标准 states the standards the targets are held to)
_TARGET_WORDS = re.compile(
    r"目标|任务|要点|计划|安排|思路|重点|举措|措施|评分细则|考核标准|评分标准"
)
# what a heading names of the period to come, beside targets and tasks ("下一步工作建议")
_NEXT_STEPS = re.compile(r"建议|下一步|展望|后半程|今后|对策|打算|设想")
_TITLE_LONGEST = 30


def opens_review(paragraph: str, path: tuple[str, ...], ctx: Context) -> bool:
    """Does the paragraph's first sentence open a review of the period before the plan's?"""
    if "五" not in paragraph and "5" not in paragraph:
        return False  # every opener names 五 or 5: none in the paragraph, none in its first
    if any(_TARGET_WORDS.search(t) for t in path):
        return False
    first = re.split(r"[。！!]", paragraph, maxsplit=1)[0]
    for m in _OPENER.finditer(first):
        named = m.group(1) or m.group(2) or m.group(3) or m.group(4)
        if named is not None and period_end(named) > ctx.baseline_year:
            continue  # "“十四五”时期，": the plan's own period
        return True
    return False


# a later sentence of the paragraph opening a review: "…征求意见126条。“十三五”时期，全县…"
_LATER_OPENER = re.compile(r"[。！!]\s*[“\"]?(?=十[一二三四五]五|过去|[五5]年来)")


def review_opens_within(paragraph: str, path: tuple[str, ...], ctx: Context) -> int | None:
    """Where a later sentence of the paragraph opens a review of the period before the
    plan's (a report that goes on to the results: "周文澜同志汇报，…采纳89条。“十三五”时期，
    全县教育事业发展取得显著成效。2020年全县有…"): the sentence's offset, or None. The
    review goes on to the paragraph's end only."""
    if "五" not in paragraph and "5" not in paragraph:
        return None
    for m in _LATER_OPENER.finditer(paragraph):
        if opens_review(paragraph[m.start() + 1 :].lstrip(), path, ctx):
            return m.start() + 1
    return None


def ends_review(paragraph: str) -> bool:
    """A heading, a short title line ("第一节　发展目标") or a short first sentence naming the
    targets ("2025年主要目标来了！") closes an opened review."""
    line = paragraph.strip()
    if heading_of(line) is not None or (
        len(line) <= _TITLE_LONGEST and TITLE_LINE.fullmatch(line) is not None
    ):
        return True
    first = re.split(r"[。！!？?]", line[: _FIRST_SENTENCE_LONGEST + 1], maxsplit=1)[0]
    return len(first) <= _FIRST_SENTENCE_LONGEST and _TARGETS_NAMED.search(first) is not None


def reviews_last_year(title: str, ctx: Context) -> bool:
    """In an annual plan a heading naming last year (the registry's baseline) with no target
    word reviews it, whatever its wording ("2022年教育工作总体情况")."""
    return ctx.annual and f"{ctx.baseline_year}年" in title and not _TARGET_WORDS.search(title)


def headings_review(path: tuple[str, ...], baseline_re: re.Pattern, ctx: Context) -> bool:
    """A heading of the path reviews: it names the baseline (`baseline_re`: 发展基础 …),
    last year in an annual plan, or, in an evaluation, its progress (进展情况)."""
    for k, t in enumerate(path):
        if not (baseline_re.search(t) or reviews_last_year(t, ctx)):
            continue
        # a heading naming the baseline and what is to come ("第三部分 发展基础与主要任务")
        # reviews only where no heading under it names targets or tasks ("二、主要任务")
        if not _TARGET_WORDS.search(t) or not any(
            _TARGET_WORDS.search(u) and not baseline_re.search(u) for u in path[k + 1 :]
        ):
            return True
    if ctx.evaluated_year is None:
        return False
    # an evaluation states where things stand, except where a heading names what is to come
    # (目标, 任务, 建议, 下一步): a progress heading, or one naming a field ("二、学前教育")
    return any(PROGRESS_HEADING.search(t) for t in path) or not any(
        _TARGET_WORDS.search(t) or _NEXT_STEPS.search(t) for t in path
    )
