"""A proposal (政协提案, 人大代表建议) quotes the plan and where things stand, then proposes
numbers of its own (extraction/proposals.py), with the phrasings it shares with progress
reports: a value of the year compared with, a gap still to close, areas at either end."""

from __future__ import annotations

import pytest

from analysis.extraction.proposals import is_proposal
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, PUB, CONS = (
    "preschool_gross_enrollment_rate",
    "public_kindergarten_enrollment_share",
    "compulsory_consolidation_rate",
)
TITLE = "关于加快发展农村学前教育的提案"

# my own wording: a delegate's proposal on a county's plan
PROPOSAL = (
    "一、现状\n"
    "截至2022年底，全县学前三年毛入园率为92.4%，较《规划》基期（2020年）的90.1%提高2.3个百分点；"
    "公办园在园幼儿占比为48.5%。乡镇中心园公办园在园幼儿占比最高的镇为71.2%，最低的镇仅为35.0%；"
    "东湖、西岭两个片区公办园在园幼儿占比仅为30.2%和33.6%。\n"
    "《规划》提出，到2025年，全县学前三年毛入园率达到95%以上；九年义务教育巩固率达到97%。\n"
    "二、问题\n"
    "全县缺少幼儿园专任教师约420名，距《规划》新增幼儿园学位3,000个的目标仍差1,200个。\n"
    "三、建议\n"
    "建议将公办园在园幼儿占比目标由50%以上提高到60%以上，学前三年毛入园率目标提高到97%；"
    "每年新建公办幼儿园不少于5所，确保完成《规划》确定的新增幼儿园学位3,000个目标。\n"
    "附表：主要指标及建议目标\n"
    "| 指标 | 2022年 | 2025年（规划目标） | 建议目标 |\n"
    "|---|---|---|---|\n"
    "| 学前三年毛入园率（%） | 92.4 | ≥95 | ≥97 |\n"
    "| 公办园在园幼儿占比（%） | 48.5 | ≥50 | ≥60 |\n"
)

EXPECTED = [
    (PRE, 2020, "=", 90.1, None, "level"),
    (PRE, 2022, "=", 2.3, None, "increase"),
    (PRE, 2022, "=", 92.4, None, "level"),
    (PRE, 2022, "=", 92.4, None, "level"),  # the table's
    (PRE, 2025, ">=", 95.0, None, "level"),
    (PRE, 2025, ">=", 95.0, None, "level"),
    (PUB, 2022, "=", 48.5, None, "level"),
    (PUB, 2022, "=", 48.5, None, "level"),
    (PUB, 2025, ">=", 50.0, None, "level"),  # the target the proposal starts from
    (PUB, 2025, ">=", 50.0, None, "level"),
    (CONS, 2025, "=", 97.0, None, "level"),  # after "；": still 《规划》's 2025
    ("school_places_added", 2025, "=", 3000.0, None, "cumulative"),
    ("school_places_added", 2025, "=", 3000.0, None, "cumulative"),
]


def test_a_proposal_reads_the_plan_and_the_present_not_its_own_numbers(extractor):
    assert observed(extractor, PROPOSAL, title=TITLE) == sorted(EXPECTED)


def test_what_a_proposal_proposes_is_ledgered(extractor):
    from analysis.normalise import clean

    result = extractor.extract(source(title=TITLE), clean(PROPOSAL))
    by_quote = {}
    for row in result.ledger:
        by_quote.setdefault(row["quote"], set()).add(row["disposition"])
    assert by_quote["60%以上"] == {"proposal"}
    assert by_quote["97%"] >= {"proposal"}  # (97% is also the consolidation target)
    assert by_quote["5所"] == {"proposal"}
    assert by_quote["≥97"] == {"proposal"} and by_quote["≥60"] == {"proposal"}
    assert by_quote["420名"] == {"context_statistic"}
    assert by_quote["1,200个"] == {"context_statistic"}
    assert by_quote["71.2%"] == {"other_area"} and by_quote["30.2%"] == {"other_area"}


def test_a_mid_term_evaluations_recommendation_is_the_plans_revised_target(extractor):
    """Outside a proposal, "建议将…目标由55%调整为60%" revises the plan's own target."""
    text = "三、下一步建议\n建议将公办园在园幼儿占比2025年目标由55%调整为60%。\n"
    got = observed(extractor, text, title="某县“十四五”教育规划中期评估报告")
    assert (PUB, 2025, "=", 60.0, None, "level") in got


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("关于加快发展农村学前教育的提案", True),
        ("关于扩大城区学位供给的建议", True),  # a delegate's 建议
        ("市十六届人大一次会议第0235号代表建议的答复", False),  # a reply to one
        ("某县“十四五”教育事业发展规划", False),
    ],
)
def test_a_proposal_is_known_by_its_title(title, expected):
    assert is_proposal(title) is expected


# my own wording: a bureau's report on the comments a draft received; the comments'
# numbers are the commenters', the plan's own values stand in its prose
CONSULTATION = """关于《青屿县教育发展规划（征求意见稿）》意见采纳情况的说明

| 序号 | 意见内容 | 提出人 | 处理情况 | 说明 |
|---|---|---|---|---|
| 1 | 建议学前三年毛入园率目标提高到97% | 县妇联 | 不予采纳 | 与全市目标衔接，保持不变 |
| 2 | 建议“十四五”新建公办幼儿园40所 | 网民 | 部分采纳 | 结合出生人口变化调整 |

经修改，规划确定到2025年，学前三年毛入园率达到95%以上，新建公办幼儿园30所。
"""


def test_a_consultations_comment_column_holds_the_commenters_numbers(extractor):
    result = extractor.extract(source(), clean(CONSULTATION))
    got = sorted((o.indicator_id, o.year, o.value) for o in result.observations)
    assert got == [
        ("new_public_kindergartens", 2025, 30.0),
        ("preschool_gross_enrollment_rate", 2025, 95.0),
    ]
    proposed = [r for r in result.ledger if r["disposition"] == "proposal"]
    assert {r["quote"] for r in proposed} == {
        "建议学前三年毛入园率目标提高到97%",
        "建议“十四五”新建公办幼儿园40所",
    }
