"""Lines a paginated web page or a print leaves between its pages: a page counter ("第 3 页
共 8 页", "第3页/共8页", "Page 3 of 8") and a breadcrumb trail ("首页 > 政务公开 > 政策文件").
They cut sentences, words, numbers and tables in two; normalise.clean drops them from the
views as page debris (their raw spans stay in the ledger).

Only the lines holding "页" (頁), "age" or an arrow are tried (text_blocks.lines_holding finds
them at C speed), so the cost is one search over the text.
"""

from __future__ import annotations

import re

from analysis.text_blocks import lines_holding

_N = r"\d{1,4}"
_S = r"[^\S\n]*"
_PAGE = "[页頁]"  # the raw text, before traditional characters are simplified
# the counter alone on its line, either order, with or without a separator between
_COUNTER = (
    rf"第{_S}{_N}{_S}{_PAGE}{_S}[,，/／]?{_S}共{_S}{_N}{_S}{_PAGE}"
    rf"|共{_S}{_N}{_S}{_PAGE}{_S}[,，/／]?{_S}第{_S}{_N}{_S}{_PAGE}"
    rf"|[Pp]age{_S}{_N}{_S}(?:of|/){_S}{_N}"
)
# a trail of at least three steps joined by ">" (or ＞ › »): a step is a short name with no
# digit, no sentence punctuation and no "<", so HTML tags and comparisons ("生师比>15且
# 班额>45") are no trail
_STEP = r"[^\n\d<>＞›»，,。；;、]{1,24}"
_ARROW = r"(?:>>?|＞|›|»)"
_TRAIL = rf"(?:当前位置[:：]{_S})?{_STEP}(?:{_ARROW}{_STEP}){{2,}}"
PAGE_MARK = re.compile(rf"{_S}(?:{_COUNTER}|{_TRAIL}){_S}")
_HINT = re.compile(r"页|頁|age|>|＞|›|»")


def page_mark_lines(work: str) -> list[tuple[int, int]]:
    """The [start, end) spans (line ends excluded) of the page-mark lines of `work`."""
    candidates = lines_holding(_HINT, work, 0, len(work))
    return [(a, b) for a, b in candidates if PAGE_MARK.fullmatch(work, a, b)]
