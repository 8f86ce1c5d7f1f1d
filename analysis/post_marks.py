"""Lines a social-media thread (a 政务微博, a WeChat channel) leaves between its posts: the
counters ("转发 36 ｜ 评论 12 ｜ 赞 158", "粉丝 5.6万 ｜ 关注 312"), a post's time and client
("21-10-15 09:30 来自 微博 weibo.com"), the account's name over that time line, and readers'
comments, replies and reposts, each ending in its time and likes ("… 10-15 09:58 赞 24").

They cut a post from the next and glue the two into one paragraph; normalise.clean drops
them from the views as page debris (their raw spans stay in the ledger). Only texts holding
转发, 粉丝 or 来自 are looked at (str.find at C speed).
"""

from __future__ import annotations

import re

from analysis.text_blocks import lines_holding

_S = r"[^\S\n]*"
_COUNTER_WORDS = "转发|评论|点赞|赞|收藏|分享|阅读|在看|浏览|粉丝|关注|微博|讨论|原创人数|主持人"
_COUNT = r"(?:\d[\d,.]*\s*[万wW]?\+?|@[^\s|｜]{1,20})"
_SEP = r"[|｜·/／]"
# two counters or more, each a word and a count, apart by bars, dots or spaces; a topic's
# line may lead with its hashtag ("话题 #…#")
_COUNTERS = (
    rf"(?:话题{_S}#[^#\n]{{1,40}}#{_S})?"
    rf"(?:(?:{_COUNTER_WORDS}){_S}{_COUNT}{_S}{_SEP}?{_S}){{2,}}"
)
# a post's time, and the client it was sent from
_TIME = (
    rf"(?:(?:20)?\d\d-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}-\d{{1,2}}|\d{{4}}年\d{{1,2}}月\d{{1,2}}日|今天|昨天)"
    rf"{_S}\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:{_S}来自{_S}[^\n]{{1,40}})?"
)
# a reader's comment, a reply ("└ …回复 @…：") or a repost, ending in its time and likes
# ("柘溪小鱼2018：新增学位…？ 10-15 09:58 赞 24"): not the account's statement
_COMMENT = rf"[^\n]{{1,300}}?[^\S\n]{_TIME}{_S}(?:(?:赞|转发|回复|点赞){_S}\d[\d,.]*万?)?"
POST_MARK = re.compile(rf"{_S}(?:{_COUNTERS}|{_TIME}|{_COMMENT}){_S}")
_HINT = re.compile(r"转发|评论|来自|粉丝|阅读|赞")
_TIME_LINE = re.compile(rf"{_S}{_TIME}{_S}")
_NAME_LONGEST = 24  # the account's name over a time line
_NAME_ENDS = "。；;！？!?：:，,"


def post_mark_lines(work: str) -> list[tuple[int, int]]:
    """The [start, end) spans (line ends excluded) of a thread's counter, time and name
    lines in `work`."""
    if work.find("转发") < 0 and work.find("粉丝") < 0 and work.find("来自") < 0:
        return []  # no thread: most plans
    candidates = lines_holding(_HINT, work, 0, len(work))
    spans = [(a, b) for a, b in candidates if POST_MARK.fullmatch(work, a, b)]
    names = []
    for a, b in spans:
        if not _TIME_LINE.fullmatch(work, a, b) or a == 0:
            continue
        # the account's name on the line right above its post's time
        end = a - 1
        start = work.rfind("\n", 0, end) + 1
        name = work[start:end].strip()
        if name and len(name) <= _NAME_LONGEST and name[-1] not in _NAME_ENDS:
            names.append((start, end))
    repeated = {work[a:b].strip() for a, b in names}
    repeated = {n for n in repeated if sum(1 for a, b in names if work[a:b].strip() == n) >= 2}
    spans += [(a, b) for a, b in names if work[a:b].strip() in repeated]
    return sorted(set(spans))
