"""A bulletin's clause whose subject is the schools counted in the clause before
(stock_subjects.py)."""

import pytest

from tests.test_extraction import observed

SUBJECT_BEFORE = [
    # the schools' name before their count, a bracket between, the role word after a comma
    ("2022年，全市共有初中31所（含九年一贯制学校6所），在校生3.05万人。",
     [("junior_secondary_enrollment", 2022, "=", 30500.0, None, "level")]),
    ("2020年，全县有普通高中3所，在校学生8,420人，中等职业学校1所，在校生2,960人。",
     [("general_high_school_enrollment", 2020, "=", 8420.0, None, "level"), ("secondary_vocational_enrollment", 2020, "=", 2960.0, None, "level")]),
    # a clause ending on the schools' name ("…唯一的普通高中"), then a year and the role word
    ("县一中是全县唯一的普通高中，2021年在校生3,180人；县职教中心为中等职业学校，在校生2,150人。",
     [("general_high_school_enrollment", 2021, "=", 3180.0, None, "level"), ("secondary_vocational_enrollment", 2025, "=", 2150.0, None, "level")]),
    # the intake (and the graduates) stated between the count and the role word
    ("2022年，全县有普通高中4所，招生3,120人，毕业生2,870人，在校生9,240人。",
     [("general_high_school_enrollment", 2022, "=", 9240.0, None, "level")]),
    ("2023年全区初中11所，招收新生0.52万人，在校学生1.58万人，比上年下降2.1%。",
     [("junior_secondary_enrollment", 2023, "=", 15800.0, None, "level"), ("junior_secondary_enrollment", 2023, "=", -2.1, None, "increase")]),
    # three clauses of other counts between: too far to be the same subject
    ("2022年，全县有普通高中4所，教学班96个，招生3,120人，毕业生2,870人，在校生9,240人。", []),
    # no count of schools before it: the role word alone names nothing
    ("小学办学条件持续改善，在校生4.1万人。", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SUBJECT_BEFORE)
def test_the_role_word_takes_the_schools_named_before_it(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
