"""A text browser's dump with numbered links (analysis/link_numbers.py)."""

from __future__ import annotations

from analysis.link_numbers import REASON, is_link_dump, link_edits
from analysis.normalise import clean
from tests.test_extraction import source

INVEST, PLACES = "education_investment", "school_places_added"

# w3m -dump -o display_link_number=1: "[N]" before each link's text, the list at the end
_W3M = """[1]首页 [2]政务公开 [3]English

五年来，全区累计投入教育资金[4]86.5亿元，新增学位[5]2.4万个。

References:

[1] http://www.example.gov.cn/
[2] http://www.example.gov.cn/zwgk/
[3] http://www.example.gov.cn/en/
[4] http://www.example.gov.cn/zwgk/czzj/202106/t20210618_1793310.htm
[5] http://www.example.gov.cn/zwgk/ghjh/202112/t20211208_1826736.htm
"""
# lynx -dump: the same markers, the list numbered "N. url"
_LYNX = _W3M.replace("References:", "References").replace("[1] http", "   1. http")
for _n in range(2, 6):
    _LYNX = _LYNX.replace(f"[{_n}] http", f"   {_n}. http")


def test_link_numbers_leave_the_views_and_are_ledgered(extractor):
    for text in (_W3M, _LYNX):
        assert is_link_dump(text)
        assert "[4]" not in clean(text).paragraphs.text
        result = extractor.extract(source(), clean(text))
        rows = sorted((o.indicator_id, o.value) for o in result.observations)
        assert rows == [(INVEST, 8650000000.0), (PLACES, 24000.0)]
        ledger = {(r["quote"], r["disposition"], r["reason"]) for r in result.ledger}
        assert ("4", "markup", REASON) in ledger
        assert not [q for q, d, _ in ledger if d == "unaccounted"]


def test_brackets_no_list_names_are_text():
    # no References list, or a number it does not list: the brackets stay
    assert not is_link_dump("见注[1]。\n\nReferences:\n\n[1] 某某，2020。\n")
    spans, _ = link_edits(_W3M.replace("新增学位[5]", "新增学位[9]"))
    assert _W3M.index("[4]") in [a for a, _ in spans]
    assert _W3M.replace("新增学位[5]", "新增学位[9]").index("[9]") not in [a for a, _ in spans]
