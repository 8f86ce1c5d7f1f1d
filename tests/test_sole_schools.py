"""A school declared the only one of its kind stands for that kind where the plan names it
again (analysis/extraction/sole_schools.py)."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

VOC = "secondary_vocational_enrollment"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # declared in a review, named again before the role word in the targets
        (
            "一、现状\n2020年，桐溪职业中专是全县唯一的中等职业学校，在校生1,960人。\n"
            "二、目标\n到2025年，桐溪职业中专在校生达到2,400人左右。",
            [(VOC, 2020, "=", 1960.0, None, "level"), (VOC, 2025, "~", 2400.0, None, "level")],
        ),
        # declared in an aside; later a clause opens on the name and a bare clause follows
        (
            "2020年，区职教中心（全区唯一的中等职业学校）在校生1,730人。\n"
            "（三）发展职业教育。支持区职教中心新建实训楼1栋，新增专业3个，"
            "在校学生规模达到2,200人以上。",
            [
                (VOC, 2020, "=", 1730.0, None, "level"),
                (VOC, 2025, ">=", 2200.0, None, "level"),
                ("vocational_majors_added", 2025, "=", 3.0, None, "cumulative"),
            ],
        ),
    ],
)
def test_a_sole_schools_name_stands_for_its_kind(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # no declaration: a school's name alone lends no kind
        "到2025年，桐溪实验学校在校生达到2,400人左右。",
        # the bare clause is in the next sentence: another subject may open it
        "2020年，县职教中心是全县唯一的中等职业学校。\n"
        "支持县职教中心建设实训基地。在校生规模达到2,400人。",
    ],
)
def test_no_kind_without_a_declaration_or_past_the_sentence(extractor, text):
    assert all(o[0] != VOC or o[1] != 2025 for o in observed(extractor, text))
