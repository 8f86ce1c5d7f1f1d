"""An assessment's scoring rules (督导考核 评分细则): its standards are the plan's targets,
its points and deductions no values (review_openers.py, prose_number_kinds.py,
grid_interpreter.py, task_tables.py)."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from tests.test_extraction import observed, source

# my own wording: an evaluation of a county plan with a 2022 base, then its scoring table
RULES = """柏川县“十四五”教育规划实施情况考核办法

一、考核基期
以2022年为考核基期。截至2022年底，全县学前三年毛入园率91.2%，九年义务教育巩固率95.9%。

二、评分标准

| 序号 | 考核项目 | 考核要求 | 分值 | 计分方法 |
|---|---|---|---|---|
| 1 | 学前教育 | 学前三年毛入园率达到94%及以上 | 10 | 达到要求得10分，每低1个百分点扣2分 |
| 2 | 义务教育 | 九年义务教育巩固率达到97%及以上 | 12 | 达到要求得12分，低于95%不得分 |

说明：1.考核数据以年度统计为准；2.加分不超过5分。
"""


def extract_result(extractor, text, **kw):
    return extractor.extract(source(**kw), clean(text))


def test_a_scoring_tables_standards_are_the_plans_targets(extractor):
    got = observed(extractor, RULES, title="柏川县“十四五”教育规划实施情况考核办法")
    assert ("preschool_gross_enrollment_rate", 2025, ">=", 94.0, None, "level") in got
    assert ("compulsory_consolidation_rate", 2025, ">=", 97.0, None, "level") in got
    assert ("preschool_gross_enrollment_rate", 2022, "=", 91.2, None, "level") in got
    assert not [o for o in got if o[3] in (10.0, 12.0, 2.0, 95.0)]


def test_points_deductions_and_list_numbers_are_accounted_for(extractor):
    result = extract_result(extractor, RULES, title="柏川县“十四五”教育规划实施情况考核办法")
    at = {r["char_start"]: (r["disposition"], r["reason"]) for r in result.ledger}
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]
    assert at[RULES.index("扣2分") + 1][0] == "no_indicator"  # a deduction
    assert at[RULES.index("| 10 |") + 2][0] == "no_indicator"  # the 分值 column
    assert at[RULES.index("1.考核")][0] == "section_number"  # 说明：1.…
    assert at[RULES.index("2.加分")][0] == "section_number"  # …；2.…


@pytest.mark.parametrize(
    "text, disposition",
    [
        ("开标时间为2023年3月28日9时30分。", "date"),
        ("录音共1小时12分。", "date"),
        ("综合评分满分100分。", "no_indicator"),
        ("其中三分之一的学校为农村学校。", None),  # a fraction in words, not points
    ],
)
def test_a_number_before_fen(extractor, text, disposition):
    result = extract_result(extractor, text)
    found = {r["disposition"] for r in result.ledger if r["quote"][:1].isdigit()}
    last = [r for r in result.ledger if "分" in text[r["char_end"] : r["char_end"] + 1]]
    if disposition is None:
        assert not last or all(r["disposition"] != "no_indicator" for r in last)
    else:
        assert last and last[-1]["disposition"] == disposition, found
