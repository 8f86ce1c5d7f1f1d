"""figure_labels: which line breaks of a lines view keep a slide's figures with their labels."""

from __future__ import annotations

import pytest

from analysis.figure_labels import card_starts, figure_breaks
from analysis.normalise import clean


def paragraphs(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    out, start = [], 0
    for b in figure_breaks(text):
        out.append(text[start:b])
        start = b + 1
    out.append(text[start:])
    return out


CASES = [
    # figure over label, a title before the run and a sentence after it
    (["规划概况", "3.2万个", "新增学位", "≥95%", "学前三年毛入园率", "全市将持续推进。"], ["规划概况", "3.2万个\n新增学位", "≥95%\n学前三年毛入园率", "全市将持续推进。"]),
    # label over figure: the run ends on a figure
    (["主要目标", "学前三年毛入园率", "95%以上", "新增学位", "1.2万个"], ["主要目标", "学前三年毛入园率\n95%以上", "新增学位\n1.2万个"]),
    # a bracketed note under a label stays with it
    (["92%", "普惠性幼儿园覆盖率", "(2020年:90.4%)", "55%以上", "公办园在园幼儿占比"], ["92%\n普惠性幼儿园覆盖率\n(2020年:90.4%)", "55%以上\n公办园在园幼儿占比"]),
    # one figure alone (a wrapped line) and a year line are no run
    (["学前三年毛入园率达到", "95%", "以上,普惠性幼儿园覆盖率达到90%。"], ["学前三年毛入园率达到\n95%\n以上,普惠性幼儿园覆盖率达到90%。"]),
    (["2025年", "全面实现目标", "2035年", "基本实现教育现代化"], ["2025年\n全面实现目标\n2035年\n基本实现教育现代化"]),
    # a label and its values on one line, one record a line
    (["学前三年毛入园率 88% → 93%", "九年义务教育巩固率 95.2% → 97%"], ["学前三年毛入园率 88% → 93%", "九年义务教育巩固率 95.2% → 97%"]),
    # a graphic's text layer: the unit under its number, a section title under a mark after
    # the run (no label: the run is label-first), a change of value under its label
    (["在校学生", "6.4", "万人", "专任教师", "5,120", "名", "◆ 发展目标", "毛入园率", "88% → 93%以上", "巩固率", "95.2% → 97%"], ["在校学生\n6.4\n万人", "专任教师\n5,120\n名", "◆ 发展目标", "毛入园率\n88% → 93%以上", "巩固率\n95.2% → 97%"]),
    # a line stating a change of its own is no label of the figure above it
    (["巩固率", "96.2", "%", "入学率", "93.4", "%", "较上年 ↑ 1.2个百分点"], ["巩固率\n96.2\n%", "入学率\n93.4\n%", "较上年 ↑ 1.2个百分点"]),
]  # fmt: skip


@pytest.mark.parametrize(("lines", "expected"), CASES)
def test_figure_breaks(lines, expected):
    assert paragraphs(lines) == expected


def test_a_card_is_a_figure_on_a_raw_line_of_its_own():
    raw = "≥1小时\n学生每天校内体育活动时间\n95%以上的学校达标\n"
    view = clean(raw).paragraphs
    cards = card_starts(view.text, view.offsets, raw)
    # the comparator's and the number's positions; the sentence opening on a number is none
    assert sorted(view.text[i : i + 2] for i in cards) == ["1小", "≥1"]
