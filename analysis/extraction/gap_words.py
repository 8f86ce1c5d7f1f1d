"""What may stand between a phrase and its value once FILLER (prose_binder.py) has gone.

Three kinds of clause carry a phrase past a comma without naming it again:
* the period's total after the phrase's own value ("每年招聘教师800名，五年累计招聘4000名",
  "…，到2025年累计达到100个"),
* a change from the phrase's own value ("在2020年48.2%的基础上逐年提高2个百分点"), and
* a share judged before its value ("占比偏低，仅为41.3%", "比重较大，占比达17.8%").
"""

from __future__ import annotations

import re

PERIOD_TOTAL = re.compile(
    r"^(?:[一二两三四五六七八九十\d]{1,2}年(?:来|内|间)?|期间|期内)?累计"
    r"(?:招聘|招录|补充|新增|新建|改扩建|建成|建设|培训|发放|投入|安排)?$"
)
# a judgement of a share (较大, 偏低, 过高), then the share word again and 仅/只/已
JUDGED_SHARE = re.compile(r"^(?:较|偏|过|仍|明显)?[高低大小](?:占比|比重|比例)?[仅只已]?$")
_SHARE_PHRASE = re.compile(r"(?:占比|比重|比例|比率)$")
# a change from the phrase's own value ("在2020年48.2%的基础上逐年提高2个百分点")
FROM_OWN_VALUE = re.compile(r"^的?基础上(?:逐年|每年|年均|再)?$")


def leftover(residual: str, phrase: str, carried: bool) -> str:
    """The residual gap, less a period's total (after the phrase's own value) or a share's
    judgement (after a share phrase)."""
    if carried and (PERIOD_TOTAL.match(residual) or FROM_OWN_VALUE.match(residual)):
        return ""
    if _SHARE_PHRASE.search(phrase) and JUDGED_SHARE.match(residual):
        return ""
    return residual
