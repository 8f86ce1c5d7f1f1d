"""A forum thread (Discuz!, phpBB, 贴吧) as saved or copied: each post opens with its floor
("1#", "沙发", "板凳", "地板", "5楼"), its author's name, the author's info line ("UID 1026 |
帖子 412 | 积分 3860 | 注册时间 2016-4-11") and its time ("发表于 2021-12-8 09:32").

The opening post is the document, and so are the posts its author adds right after it (a
long text continued over floors). Every later post is a reply: readers' comments and
questions, a quote of the opening post, the author's answers to them; none states the
plan. The posts' header lines, the thread's counts ("查看: 8642 | 回复: 37") and the replies
are left out of the views as debris (their raw spans stay in the ledger).
"""

from __future__ import annotations

import re

_S = r"[^\S\n]*"
_FLOOR = re.compile(rf"{_S}(?:\d{{1,5}}{_S}[#楼]|沙发|板凳|地板|地下室|楼主){_S}")
_TIME = re.compile(rf"{_S}发表于{_S}\d{{4}}-\d{{1,2}}-\d{{1,2}}{_S}\d{{1,2}}:\d{{2}}[^\n]*")
_INFO = re.compile(r"[^\n]*(?:帖子|主题)[^\n]*积分[^\n]*|[^\n]*UID\s*\d+[^\n]*")
_COUNTS = re.compile(rf"[^\n]*查看{_S}[:：]{_S}\d+{_S}[|｜]{_S}回复{_S}[:：]{_S}\d+[^\n]*")
_HEADER_LINES = 4  # a floor's line to its time line, at most


def forum_post_lines(work: str) -> list[tuple[int, int]]:
    """The [start, end) spans (line ends excluded) of a thread's post headers, counts and
    reply lines in `work`, or [] for a text that is no thread."""
    if work.find("发表于") < 0:
        return []  # no thread: most plans
    lines, pos = [], 0
    for line in work.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    posts = _posts(work, lines)
    if len(posts) < 2:
        return []
    spans = [(a, b) for a, b in lines if _COUNTS.fullmatch(work, a, b)]
    first_author = posts[0][1]
    replying = False
    for n, (floor, author, time) in enumerate(posts):
        spans += lines[floor : time + 1]
        replying = replying or (n > 0 and author != first_author)
        if replying:
            end = posts[n + 1][0] if n + 1 < len(posts) else len(lines)
            spans += [(a, b) for a, b in lines[time + 1 : end] if b > a]
    return spans


def _posts(work: str, lines: list[tuple[int, int]]) -> list[tuple[int, str, int]]:
    """(floor line, author's name, time line) of each post, in order."""
    posts = []
    k = 0
    while k < len(lines):
        a, b = lines[k]
        if not _FLOOR.fullmatch(work, a, b):
            k += 1
            continue
        time = next(
            (
                j
                for j in range(k + 1, min(k + 1 + _HEADER_LINES, len(lines)))
                if _TIME.fullmatch(work, *lines[j])
            ),
            None,
        )
        if time is None:
            k += 1
            continue
        author = next(
            (
                work[x:y].strip()
                for x, y in lines[k + 1 : time]
                if work[x:y].strip() and not _INFO.fullmatch(work, x, y)
            ),
            "",
        )
        posts.append((k, author, time))
        k = time + 1
    return posts
