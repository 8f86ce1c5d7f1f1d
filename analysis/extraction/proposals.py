"""A proposer's own numbers: what a 政协提案 or a 人大代表建议 proposes is not the plan's.

"建议将公办园在园幼儿占比目标由55%以上提高到60%以上，学前三年毛入园率目标提高到98%；
2023—2025年每年新建公办幼儿园不少于15所，确保完成《规划》确定的新建公办幼儿园60所目标。"
From the verb 建议 to the end of its sentence (across "；"), every number is the
proposer's, but two: the target a proposal starts from ("目标由55%以上…") and a target the
sentence names as the plan's ("《规划》确定的…60所目标"); those are read as usual.
Only in a proposal (its title, `is_proposal`): a mid-term evaluation's "建议将…目标由55%调整
为60%" revises the plan's own target, and that is read.
"""

from __future__ import annotations

import re

from analysis.extraction.quantities import Quantity

# the verb: not a noun ("意见建议", "提出的建议", "代表建议", "建议书", "建议目标" …)
PROPOSES = re.compile(
    r"(?<![意见的出议代表化条项点])建议(?![书案稿目值数人者的和、与及]|[:：]|办理|答复|收悉)"
)
# the target a proposal starts from: "…目标由55%以上" (up to the value's start)
_FROM_TARGET = re.compile(r"目标\s*(?:值\s*)?(?:由|从)\s*$")
# a target the sentence names as the plan's: "确保完成《规划》确定的…60所目标"
_PLANS_TARGET = re.compile(r"[^，,。；;]{0,20}?目标")
_NAMES_PLAN = re.compile(r"规划[》”\"]?\s*(?:确定|提出|明确|设定)的")
# a proposal's title: "关于…的提案", "…议案", "关于…的建议" (a delegate's); not a reply to one
_PROPOSAL_TITLE = re.compile(r"(?:提案|议案|建议)\s*$")
_REPLY = re.compile(r"答复|回复|办理")
_REPLIED_TITLE = re.compile(r"(?:提案|议案|建议)\s*的?\s*(?:答复|回复|办理)")
# the proposer named in a reply's sentence
_PROPOSER = re.compile(r"您|代表|委员")
PROPOSAL = "proposal"
WHY = "a number the author proposes (建议…), not the plan's"


def is_proposal(title: str) -> bool:
    """Whether the registry's title names a proposal (提案, 议案, a delegate's 建议)."""
    return _PROPOSAL_TITLE.search(title) is not None and _REPLY.search(title) is None


def is_reply(title: str) -> bool:
    """Whether the title names a reply to a proposal ("关于…第0036号建议的答复")."""
    return _REPLIED_TITLE.search(title) is not None


def proposal_start(text: str, start: int, end: int, reply: bool = False) -> int | None:
    """Where a proposal opens in the sentence text[start:end] (its verb 建议), else None.
    In a reply, only the proposer's (a sentence about "您" or "代表": "您在建议中反映…，建议
    “十四五”期间新增学位1万个以上"): the replying office's own 建议 states its plans."""
    if text.find("建议", start, end) < 0:
        return None
    m = PROPOSES.search(text, start, end)
    if m is None or (reply and _PROPOSER.search(text, start, m.start()) is None):
        return None
    return m.start()


def proposed(
    text: str, at: int, quantities: list[Quantity], aliases
) -> tuple[list[Quantity], list[Quantity]]:
    """The quantities to read as usual and those proposed, for a proposal opening at `at`
    (a numeral inside an indicator phrase of `aliases`, "学前三年…", is read as usual)."""
    kept, proposals = [], []
    for q in quantities:
        inside = any(a.start <= q.start and q.end <= a.end for a in aliases)
        if q.start < at or inside or _restates_the_plan(text, at, q):
            kept.append(q)
        else:
            proposals.append(q)
    return kept, proposals


def _restates_the_plan(text: str, at: int, q: Quantity) -> bool:
    if _FROM_TARGET.search(text, max(at, q.start - 12), q.start):
        return True
    named = _PLANS_TARGET.match(text, q.end)
    clause = max(text.rfind(p, at, q.start) for p in "，,；;")
    return named is not None and _NAMES_PLAN.search(text, max(at, clause), q.start) is not None
