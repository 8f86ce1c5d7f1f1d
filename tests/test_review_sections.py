"""Which paragraphs review the last period: a heading naming the present state (现状)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

PRE, RECRUITED = "preschool_gross_enrollment_rate", "teachers_recruited"

# the heading names the present state (现状), the values under its sub-headings have no year
_STATE_HEADING = (
    "一、现状和挑战\n"
    "（一）学前教育。全市学前三年毛入园率达到88.5%。\n"
    "（二）教师队伍。五年招聘教师1,200名。\n"
    "二、主要目标\n"
    "到2025年，学前三年毛入园率达到92%。\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_STATE_HEADING, [(PRE, 2020, "=", 88.5, None, "level"), (RECRUITED, 2020, "=", 1200.0, None, "cumulative"), (PRE, 2025, "=", 92.0, None, "level")]),
        # under a review heading with no heading of targets after it, a paragraph opening
        # on a year to come or on the plan's period states targets (my own wording)
        ("一、发展基础\n2020年全县学前三年毛入园率为86.4%。\n到2025年，学前三年毛入园率达到93%。中等职业学校在校生保持在5000人左右。\n“十四五”期间，招聘教师600名。\n", [(PRE, 2020, "=", 86.4, None, "level"), (PRE, 2025, "=", 93.0, None, "level"), ("secondary_vocational_enrollment", 2025, "~", 5000.0, None, "level"), (RECRUITED, 2025, "=", 600.0, None, "cumulative")]),
        # a point in time opening a later sentence of a review dates the rest of its
        # section, the next paragraph too; a sub-heading's section is its own (my wording)
        ("一、基本情况\n全县辖6镇，常住人口18.2万人。截至2022年末，全县共有幼儿园34所。学前三年毛入园率92.7%。\n九年义务教育巩固率97.3%。\n（一）教师\n招聘教师240名。\n二、主要目标\n到2025年，学前三年毛入园率达到95%。\n", [("kindergarten_count", 2022, "=", 34.0, None, "level"), (PRE, 2022, "=", 92.7, None, "level"), ("compulsory_consolidation_rate", 2022, "=", 97.3, None, "level"), (RECRUITED, 2020, "=", 240.0, None, "cumulative"), (PRE, 2025, "=", 95.0, None, "level")]),
        # a run-in title that is the whole first sentence opens a review; one naming the
        # plan's period's targets closes it (my own wording)
        ("县政府印发规划。\n“十三五”主要成就。全县学前三年毛入园率达到88.1%，新增学位3,600个。\n“十四五”目标。学前三年毛入园率达到93%。\n", [(PRE, 2020, "=", 88.1, None, "level"), ("school_places_added", 2020, "=", 3600.0, None, "cumulative"), (PRE, 2025, "=", 93.0, None, "level")]),
        # a task that changes a state (改变…现状) is no review
        ("三、主要任务\n（一）改变薄弱学校现状。学前三年毛入园率达到92%。\n", [(PRE, 2025, "=", 92.0, None, "level")]),
    ],
)  # fmt: skip
def test_review_sections_date_their_values_to_the_baseline(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
