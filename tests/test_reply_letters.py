"""A reply to a deputy's proposal (人大代表建议的答复, 政协提案的答复): it reports where
things stand at the point in time it states, restates the plan's targets, and quotes the
proposer's own numbers, which are not the plan's (evaluation.py, proposals.py,
year_carry.py, prose_years.py, prose_number_kinds.py)."""

from __future__ import annotations

import pytest

from analysis.extraction.proposals import is_reply
from tests.test_extraction import observed

TITLE = "关于市十五届人大一次会议第112号建议的答复"

# my own wording: a city bureau's reply; progress under "办理情况", the plan's targets
# after "《规划》提出，", the delegate's proposed numbers, a deadline clause with no value
REPLY = (
    "张明代表：\n"
    "　　您提出的《关于扩充城区学位的建议》收悉。您建议“十四五”期间新增学位2万个以上、"
    "每年新建幼儿园不少于6所。现答复如下：\n"
    "　　一、工作开展情况\n"
    "　　截至2023年底，全市学前三年毛入园率达到91.5%，普惠性幼儿园覆盖率88.2%。\n"
    "　　（一）义务教育。九年义务教育巩固率达到97.1%，标准班额比例由2020年的82.0%提高到90.4%。\n"
    "　　二、下一步工作\n"
    "　　《规划》提出，“十四五”期间新增学位15,000个；招聘教师1,200名。"
    "到2024年底标准班额比例达到95%，2025年底前消除大班额，标准班额比例达到100%。"
    "北湖新区新建小学（规划36个班、1,620个学位）年内开工。\n"
)


def test_a_reply_states_progress_the_plans_targets_and_not_the_proposers_numbers(extractor):
    assert observed(extractor, REPLY, title=TITLE) == sorted(
        [
            ("preschool_gross_enrollment_rate", 2023, "=", 91.5, None, "level"),
            ("inclusive_kindergarten_coverage", 2023, "=", 88.2, None, "level"),
            ("compulsory_consolidation_rate", 2023, "=", 97.1, None, "level"),
            ("standard_class_size_share", 2020, "=", 82.0, None, "level"),
            ("standard_class_size_share", 2023, "=", 90.4, None, "level"),
            ("school_places_added", 2025, "=", 15000.0, None, "cumulative"),
            ("teachers_recruited", 2025, "=", 1200.0, None, "cumulative"),
            ("standard_class_size_share", 2024, "=", 95.0, None, "level"),
            ("standard_class_size_share", 2025, "=", 100.0, None, "level"),
        ]
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (TITLE, True),
        ("关于加快发展职业教育的提案的答复", True),
        ("对市政协十三届二次会议第45号提案的办理回复", True),
        ("关于加快发展职业教育的提案", False),  # the proposal itself
        ("某县“十四五”教育事业发展规划", False),
    ],
)
def test_is_reply(title, expected):
    assert is_reply(title) is expected
