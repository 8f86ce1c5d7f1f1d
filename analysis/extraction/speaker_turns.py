"""Who speaks: the turns of a transcript, and the questions among them.

A press conference's transcript (or its subtitles, subtitle_cues.py) opens each turn with
a speaker tag: "【陈立衡】", "【樾泉日报记者】", "樾泉日报记者：", "问：". A reporter's
question restates the plan's numbers ("刚才介绍，五年要新增学位12万个…，请问资金从哪里
来？"): they are the question's, not a statement of the plan, so the binder binds nothing
in a question's turn and notes its numbers instead. A turn runs from its tag to the next
tag, or to the next heading.
"""

from __future__ import annotations

import re

# a tag opening a paragraph: any bracketed name, or a name with a colon that asks or
# answers ("樾泉日报记者：", "问：", "答：", "陈局长：", "新闻发言人：")
_TAG = re.compile(
    r"\s*(?:【([^】\n]{1,24})】"
    r"|([^\s，,。；;：:【】]{0,16}(?:记者|网友|提问|问|答|局长|主任|发言人|市长|县长|区长|书记))\s*[:：])"
)
_ASKS = re.compile(r"记者|网友|提问|问$")
QUESTION = "question"
WHY = "in a question put to the speakers (a reporter's), not a statement of the plan"


def question_paragraphs(text: str, sections) -> frozenset[int]:
    """The indices of the paragraphs (`sections`: (start, end, path) each) that belong to
    a question's turn."""
    if text.find("记者") < 0 and text.find("提问") < 0 and text.find("网友") < 0:
        return frozenset()  # no question in the text: most plans
    asking, path_asked = False, None
    found = []
    for index, (start, _, path) in enumerate(sections):
        m = _TAG.match(text, start)
        if m:
            asking, path_asked = _ASKS.search(m.group(1) or m.group(2)) is not None, path
        elif path != path_asked:
            asking = False
        if asking:
            found.append(index)
    return frozenset(found)
