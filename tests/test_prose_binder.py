"""Binding numbers to indicators in prose (analysis/extraction/prose_binder.py)."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from tests.test_extraction import observed, source

INC = "inclusive_kindergarten_coverage"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a semicolon, a sentence of only a year, a verb and a value keeps the phrase
        # of the sentence before ...
        ("到2025年，普惠性幼儿园覆盖率提高到88%；2023年达到86%。", [(INC, 2023, "=", 86.0, None, "level"), (INC, 2025, "=", 88.0, None, "level")]),
        # ... but a count followed by what it counts names its own subject (the synthetic
        # benchmark's "招聘教师 36619 人（…）；100\n\n余名学生被评为…", a blank line or not)
        ("全年计划招录教师 260 人（含硕士研究生 40 人）；300余名学生获评市级三好学生。", [("teachers_recruited", 2025, "=", 260.0, None, "cumulative")]),
        ("全年计划招录教师 260 人；300\n\n余名学生获评市级三好学生。", [("teachers_recruited", 2025, "=", 260.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_a_sentence_after_a_semicolon(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


NEW_K, NEW_S = "new_kindergartens_built", "new_schools_built"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of counts after one building verb, items split by commas: the verb is each
        # item's ("改扩建幼儿园9所，中小学校6所")
        ("到2025年，改扩建幼儿园9所，中小学校6所。", [(NEW_K, 2025, "=", 9.0, None, "cumulative"), (NEW_S, 2025, "=", 6.0, None, "cumulative")]),
        ("一、发展成效\n打造市级名班主任工作室12个，县级名师工作室40个。\n", [("master_head_teacher_studios", 2020, "=", 12.0, None, "cumulative"), ("master_teacher_studios", 2020, "=", 40.0, None, "cumulative")]),
        # a clause with a verb of its own, or after a clause with no building verb, is not
        # in the list
        ("一、发展成效\n全区现有幼儿园31所，中小学校27所被评为示范校。\n", [("kindergarten_count", 2020, "=", 31.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_building_verb_shared_by_a_list_of_counts(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stock: "有" after the area, or 共/合计/总数 between the phrase and its count
        ("一、发展基础\n全区有幼儿园97所，其中公办园61所。\n", [("kindergarten_count", 2020, "=", 97.0, None, "level")]),
        ("一、发展基础\n全区幼儿园共有97所。\n", [("kindergarten_count", 2020, "=", 97.0, None, "level")]),
        ("一、发展基础\n全区学校合计86所，比2015年减少4所。\n", [("school_count", 2020, "=", 86.0, None, "level")]),
        # "各类学校" is the schools of every kind, beside a context statistic
        ("一、发展基础\n全区常住人口52.3万人，各类学校86所。\n", [("school_count", 2020, "=", 86.0, None, "level")]),
        # but a count without a stock word or building verb is still nothing
        ("一、发展基础\n全区没有幼儿园被评为省级示范园。\n", []),
        # the list after a stock word goes on past a comma and a bracket
        ("一、发展基础\n全区共有学校120所，其中小学48所（含教学点6个），幼儿园57所。\n", [("school_count", 2020, "=", 120.0, None, "level"), ("kindergarten_count", 2020, "=", 57.0, None, "level")]),
        # a clause that says more than a phrase and its count is no item of it
        ("一、发展基础\n全区共有学校120所，幼儿园建设加快推进，新增幼儿园8所。\n", [("school_count", 2020, "=", 120.0, None, "level"), ("new_kindergartens_built", 2020, "=", 8.0, None, "cumulative")]),
        # a fall from last year is the same count's change, past a footnote's marker too
        ("一、发展基础\n2020年末全区共有幼儿园97所，比上年减少5所。\n", [("kindergarten_count", 2020, "=", 97.0, None, "level"), ("kindergarten_count", 2020, "=", -5.0, None, "increase")]),
        ("一、发展基础\n2020年末全区共有学校120所〔注1〕，比上年增加3所。\n", [("school_count", 2020, "=", 120.0, None, "level"), ("school_count", 2020, "=", 3.0, None, "increase")]),
        # another rate named after the comma takes the fall ("近视率" is no codebook phrase)
        ("一、发展基础\n学生体质健康达标率达到92.1%，近视率较上年下降0.6个百分点。\n", [("student_physical_fitness_pass_rate", 2020, "=", 92.1, None, "level")]),
    ],
)  # fmt: skip
def test_a_stock_of_schools(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_growth_rate_after_a_from_to_change_is_the_phrases(extractor):
    """ "由X升至Y，年均增长Z%": the growth rate is the same phrase's increase (增至, 升至 are
    verbs like 增加到)."""
    text = "一、发展成效\n财政性教育经费支出由31.2亿元升至44.5亿元，年均增长7.4%。\n"
    ind = "education_fiscal_expenditure"
    assert observed(extractor, text) == [
        (ind, 2015, "=", 3120000000.0, None, "level"),
        (ind, 2020, "=", 7.4, None, "increase"),
        (ind, 2020, "=", 4450000000.0, None, "level"),
    ]


PRE, CONS = "preschool_gross_enrollment_rate", "compulsory_consolidation_rate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # as many values as names after 分别: one each, in order
        ("普惠性幼儿园覆盖率、学前三年毛入园率及九年义务教育巩固率分别提高到86%、91%、96%。", [(INC, 2025, "=", 86.0, None, "level"), (PRE, 2025, "=", 91.0, None, "level"), (CONS, 2025, "=", 96.0, None, "level")]),
        # fewer or more values than names: which is whose is not stated, so none is read
        # (the last name used to take them all)
        ("普惠性幼儿园覆盖率、学前三年毛入园率及九年义务教育巩固率分别提高到86%、91%。", []),
        ("普惠性幼儿园覆盖率、学前三年毛入园率分别提高到86%、91%和96%。", []),
    ],
)  # fmt: skip
def test_names_and_values_after_fenbie(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_values_that_cannot_be_paired_after_fenbie_are_reported(extractor):
    text = "普惠性幼儿园覆盖率、学前三年毛入园率及九年义务教育巩固率分别提高到86%、91%。"
    result = extractor.extract(source(), clean(text))
    dispositions = sorted(
        (e["quote"], e["disposition"]) for e in result.ledger if "%" in e["quote"]
    )
    assert dispositions == [("86%", "unaccounted"), ("91%", "unaccounted")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the list after 分别 ends with its clause; a later clause of 均 gives its value to
        # every name
        ("九年义务教育巩固率、普惠性幼儿园覆盖率：2020年分别为95.2%、83.1%，2025年均达到97%以上。", [(CONS, 2020, "=", 95.2, None, "level"), (INC, 2020, "=", 83.1, None, "level"), (CONS, 2025, ">=", 97.0, None, "level"), (INC, 2025, ">=", 97.0, None, "level")]),
        # a second 分别 in the sentence pairs its own values with the same names
        ("到2025年，普惠性幼儿园覆盖率、学前三年毛入园率分别为86%和91%，比2020年分别提高1.5和2个百分点。", [(INC, 2025, "=", 1.5, None, "increase"), (INC, 2025, "=", 86.0, None, "level"), (PRE, 2025, "=", 2.0, None, "increase"), (PRE, 2025, "=", 91.0, None, "level")]),
    ],
)  # fmt: skip
def test_clauses_after_a_fenbie_list(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # past a comma, "40%的乡镇" is the share of something else, not the phrase's value
        ("到2025年，普惠性幼儿园覆盖率达到90%，力争40%的乡镇建成省级示范园。", [(INC, 2025, "=", 90.0, None, "level")]),
        # in its own clause a value with 的 after it is still the phrase's
        ("到2025年，普惠性幼儿园覆盖率达到90%的目标。", [(INC, 2025, "=", 90.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_share_of_something_else_after_a_comma(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # name variants real plans use (indicator_codebook.yaml aliases)
        ("到2025年，优质高中招生名额分配到区域内初中的比例达到55%。", [("quality_high_school_quota_allocation_share", 2025, "=", 55.0, None, "level")]),
        ("到2025年，农村学校实现“班班通”的比例达到98%。", [("rural_school_multimedia_classroom_share", 2025, "=", 98.0, None, "level")]),
        ("一、发展成效\n五年来培训各级各类教师8.6万人次。\n", [("teacher_training_person_times", 2020, "=", 86000.0, None, "cumulative")]),
        ("一、发展成效\n全区现有省级以上名师、名校长45人。\n", [("master_teacher_principal_count", 2020, "=", 45.0, None, "level")]),
        # the short name of the bases: "新建中小学校外综合实践研学基地" is no 新建中小学校
        ("到2025年，新建中小学校外综合实践研学基地4个。", [("research_practice_bases", 2025, "=", 4.0, None, "cumulative")]),
        ("到2025年，建成综合实践研学基地6个。", [("research_practice_bases", 2025, "=", 6.0, None, "cumulative")]),
        # teachers recruited named before the verb, or with their stage or 新 between
        ("到2025年，完成中小学教师公开招聘900名。", [("teachers_recruited", 2025, "=", 900.0, None, "cumulative")]),
        ("一、发展成效\n五年累计招聘新教师2,040名。\n", [("teachers_recruited", 2020, "=", 2040.0, None, "cumulative")]),
        ("一、发展成效\n五年公开招聘中小学教师3,600余名。\n", [("teachers_recruited", 2020, ">", 3600.0, None, "cumulative")]),
        # but their studios are not persons (and no single studio indicator counts both)
        ("一、发展成效\n建立 25 个名师、名校长工作室。\n", []),
    ],
)  # fmt: skip
def test_name_variants(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a completing verb is a building verb too, before the phrase or after the count
        ("到2025年，新开工学校7所，竣工投用城镇小区配套幼儿园5所。", [(NEW_S, 2025, "=", 7.0, None, "cumulative"), ("residential_kindergartens_opened", 2025, "=", 5.0, None, "cumulative")]),
        ("到2025年，城镇小区配套幼儿园9所交付使用。", [("residential_kindergartens_opened", 2025, "=", 9.0, None, "cumulative")]),
        # the community kindergartens without 城镇, after 新建: not kindergartens built
        ("一、发展成效\n新建小区配套幼儿园7所投入使用。\n", [("residential_kindergartens_opened", 2020, "=", 7.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_completing_verbs(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a designation word right after the generic phrase: schools of a pilot, not built
        ("一、2021年工作回顾\n完成首批9所学校试点工作，建成幼儿园4所。\n", [(NEW_K, 2021, "=", 4.0, None, "cumulative")]),
        # before it, as before
        ("到2025年，建成冰雪运动特色学校20所。", []),
        # an experiment school or a provincial title is a designation; a school built is not
        ("到2025年，建成国家级劳动教育实验学校12所。", []),
        ("到2025年，新建实验学校3所。", [(NEW_S, 2025, "=", 3.0, None, "cumulative")]),
        # the word may stand a few characters before the phrase
        ("一、2021年工作回顾\n建成省级示范性普通高中学校2所。\n", []),
    ],
)  # fmt: skip
def test_a_count_of_designated_schools(extractor, text, expected):
    got = observed(
        extractor, text, document_type="annual_work_plan", start=2022, end=2022, baseline=2021
    )
    assert got == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # teachers of one kind recruited or trained ("幼儿园教师", "职业学校教师") are teachers
        ("到2025年，全市招聘幼儿园教师450名，培训职业院校教师9000人次。", [("teachers_recruited", 2025, "=", 450.0, None, "cumulative"), ("teacher_training_person_times", 2025, "=", 9000.0, None, "cumulative")]),
        ("年度\t培训职业学校教师（人次）\n2021年\t1200\n2022年\t1300\n", [("teacher_training_person_times", 2021, "=", 1200.0, None, "cumulative"), ("teacher_training_person_times", 2022, "=", 1300.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_teachers_of_one_kind(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # schools or enterprises recognised ("认定", "新认定") are designations, not built or
        # partners; a building verb in the next clause still builds
        ("到2025年，认定市级产教融合型企业20家，新认定普惠性民办幼儿园6所，新建幼儿园10所。", [("new_kindergartens_built", 2025, "=", 10.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_a_recognised_count_is_a_designation(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparator word right after 分别 bounds every value of the list
        ("到2025年，学前三年毛入园率、普惠性幼儿园覆盖率分别不低于96%和88%。", [("preschool_gross_enrollment_rate", 2025, ">=", 96.0, None, "level"), (INC, 2025, ">=", 88.0, None, "level")]),
        ("到2025年，学前三年毛入园率、普惠性幼儿园覆盖率分别不低于96%、88%左右。", [("preschool_gross_enrollment_rate", 2025, ">=", 96.0, None, "level"), (INC, 2025, "~", 88.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_comparator_after_fenbie_bounds_every_value(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_a_share_of_schools_offering_a_course_before_its_name(extractor):
    text = "到2025年，90%的学校开设冰雪课程。"
    assert observed(extractor, text) == [
        ("ice_snow_course_coverage", 2025, "=", 90.0, None, "level")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count after a removal verb (撤并, 撤销, 停招) is no count of things added
        ("到2025年，职业学校增设专业8个、撤销专业3个。", [("vocational_majors_added", 2025, "=", 8.0, None, "cumulative")]),
        ("到2025年，停招专业5个，新设专业6个。", [("vocational_majors_added", 2025, "=", 6.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_a_count_removed_is_not_added(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_project_funds_arranged_are_education_investment(extractor):
    text = "“十四五”后三年，市财政安排教育项目资金不少于45亿元。"
    assert observed(extractor, text) == [
        ("education_investment", 2025, ">=", 4500000000.0, None, "cumulative")
    ]


KG_ENR, PLACES = "kindergarten_enrollment", "school_places_added"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase inside a bracket that says what a total includes is not the total's name
        ("2020年，全县在校学生（包括在园幼儿）12.6万人。", []),
        ("2020年，全县在校学生(含在园幼儿和中职学生)12.6万人，在园幼儿2.1万人。", [(KG_ENR, 2020, "=", 21000.0, None, "level")]),
        # a demand forecast is not places added
        ("预计到2025年，城区学位需求将增加约2万个。", []),
        ("今后五年全市学位需求约1.5万个。", []),
        ("新增学位2万个。", [(PLACES, 2025, "=", 20000.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_what_a_total_includes_and_what_is_needed(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


PNET, JNET = "primary_net_enrollment_rate", "junior_secondary_net_enrollment_rate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparator word before the first of 分别's values bounds each of them
        ("小学、初中净入学率分别不低于99.8%、99.6%。", [(PNET, 2025, ">=", 99.8, None, "level"), (JNET, 2025, ">=", 99.6, None, "level")]),
        ("小学、初中净入学率分别不超过0.5%和0.6%。", [(PNET, 2025, "<=", 0.5, None, "level"), (JNET, 2025, "<=", 0.6, None, "level")]),
        # one after the last value is the last value's (the earlier sets' gold reads it so)
        ("小学、初中净入学率分别稳定在99.8%和99.6%以上。", [(PNET, 2025, "=", 99.8, None, "level"), (JNET, 2025, ">=", 99.6, None, "level")]),
        # each value with its own comparator keeps it
        ("小学、初中净入学率分别达到99%左右和99.6%以上。", [(PNET, 2025, "~", 99.0, None, "level"), (JNET, 2025, ">=", 99.6, None, "level")]),
    ],
)  # fmt: skip
def test_a_comparator_word_of_a_fenbie_list(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names each with a value of its own, then 分别 and as many changes: one each
        ("2020年，普惠性幼儿园覆盖率达到85%，学前三年毛入园率为91%，分别较2015年提高12和8个百分点。", [(INC, 2020, "=", 85.0, None, "level"), (INC, 2020, "=", 12.0, None, "increase"), (PRE, 2020, "=", 91.0, None, "level"), (PRE, 2020, "=", 8.0, None, "increase")]),
        # a name without a value of its own ends the list
        ("学前教育持续发展，2020年普惠性幼儿园覆盖率85%、学前三年毛入园率91%，分别提高12、8个百分点。", [(INC, 2020, "=", 85.0, None, "level"), (INC, 2020, "=", 12.0, None, "increase"), (PRE, 2020, "=", 91.0, None, "level"), (PRE, 2020, "=", 8.0, None, "increase")]),
    ],
)  # fmt: skip
def test_fenbie_after_names_with_values_of_their_own(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "N%的<units><doing X>": the share of units doing X, named as the codebook words it
        # ("配备…的中小学校比例"), even past another share's phrase in the clause before
        ("农村学校实现班班通的比例达到95%，85%以上的中小学校配备专兼职心理健康工作人员。", [("rural_school_multimedia_classroom_share", 2025, "=", 95.0, None, "level"), ("mental_health_staff_school_share", 2025, ">=", 85.0, None, "level")]),
        # the verb may go: "N%的班级达到标准班额" is the standard class size share
        ("2020年，全县92.1%的小学班级达到标准班额。", [("standard_class_size_share", 2020, "=", 92.1, None, "level")]),
        # a share of something no codebook phrase names stays unbound
        ("2020年，全县92.1%的小学开设了书法课。", []),
        # and so does a share of what is no school, class, area or person
        ("2020年，全县92.1%的改造资金用于达到标准班额。", []),
    ],
)  # fmt: skip
def test_a_share_of_units_doing_something(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part after 其中 is done by the total's verb: 招聘…，其中乡村教师 is 招聘乡村教师
        ("“十四五”期间招聘教师3000名，其中乡村教师1200名以上。", [("teachers_recruited", 2025, "=", 3000.0, None, "cumulative"), ("rural_teacher_recruitment", 2025, ">=", 1200.0, None, "cumulative")]),
        ("全年补充中小学教师500名左右，其中乡村教师不少于200名。", [("teachers_recruited", 2025, "~", 500.0, None, "cumulative"), ("rural_teacher_recruitment", 2025, ">=", 200.0, None, "cumulative")]),
        # a part no codebook phrase names stays a part
        ("全年补充中小学教师500名，其中音体美教师120名。", [("teachers_recruited", 2025, "=", 500.0, None, "cumulative")]),
        # every item of a list of parts, in brackets or after 其中, not only the first
        ("新增学位4,000个（其中小学学位2,400个、初中学位1,600个）。", [("school_places_added", 2025, "=", 4000.0, None, "cumulative")]),
        ("“十四五”期间新增学位6000个，其中城区学位3,500个、乡镇学位2,500个。", [("school_places_added", 2025, "=", 6000.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_a_part_after_qizhong_takes_the_totals_verb(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count restated in brackets with its own year, after a phrase that must sit
        # right before its value
        ("到2025年，校企合作企业达到300家（2020年210家）。", [("school_enterprise_partners", 2025, "=", 300.0, None, "level"), ("school_enterprise_partners", 2020, "=", 210.0, None, "level")]),
        ("到2025年，校企合作企业达到300家(2020年为210家)，新增专业5个。", [("school_enterprise_partners", 2025, "=", 300.0, None, "level"), ("school_enterprise_partners", 2020, "=", 210.0, None, "level"), ("vocational_majors_added", 2025, "=", 5.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_a_bracketed_value_with_its_own_year(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "A、B均达到x" where B carries a quoted modifier with digits or Latin letters
        ("到2025年，中职毕业生对口升学率、“3+2”证书通过率都达到85%以上。", [("vocational_progression_rate", 2025, ">=", 85.0, None, "level"), ("vocational_certificate_pass_rate", 2025, ">=", 85.0, None, "level")]),
        # a name the codebook lacks in the list: the known name still takes the value
        ("到2025年，普惠性幼儿园覆盖率和家长满意度都保持在90%。", [(INC, 2025, "=", 90.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_shared_value_with_a_modified_name(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parts of a total in brackets share its head noun: 小学 is 小学在校生 here
        ("2020年，义务教育阶段在校生4.6万人(小学3.1万人、初中1.5万人)。", [("compulsory_enrollment", 2020, "=", 46000.0, None, "level"), ("primary_enrollment", 2020, "=", 31000.0, None, "level"), ("junior_secondary_enrollment", 2020, "=", 15000.0, None, "level")]),
        # a part whose name with the head noun is no codebook phrase stays unbound
        ("2020年，义务教育阶段在校生4.6万人（城区2.9万人）。", [("compulsory_enrollment", 2020, "=", 46000.0, None, "level")]),
    ],
)  # fmt: skip
def test_parts_in_brackets_share_the_totals_head_noun(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a completing verb between a generic phrase and its count
        ("2022年全市城镇小区配套幼儿园交付并投入使用9所。", [("residential_kindergartens_opened", 2022, "=", 9.0, None, "cumulative")]),
        ("2022年全市城镇小区配套幼儿园移交6所。", [("residential_kindergartens_opened", 2022, "=", 6.0, None, "cumulative")]),
        # planned investment is investment
        ("“十四五”期间全县教育计划投资12.5亿元。", [("education_investment", 2025, "=", 1250000000.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_completing_verbs_before_the_count_and_planned_investment(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 不足/不到 before a value: below it (as 低于); a word numeral in tenths too
        ("2020年，普惠性幼儿园覆盖率不到七成。", [(INC, 2020, "<", 70.0, None, "level")]),
        ("2020年，普惠性幼儿园覆盖率不足70%。", [(INC, 2020, "<", 70.0, None, "level")]),
        # a forecast (预计…将…) is no target, 预计 in the value's clause or the one before
        ("预计到2025年，全县初中在校生将增加约1,800人。", []),
        ("预计2025年全县初中在校生将比2020年增加1,800人左右。", []),
        # ... or what will be needed (预计…需/需要…): a demand, not a target
        ("随着新城区入住人口增加，预计需要增加幼儿园学位3,000个左右。", []),
        # ... but a planned total after 预计 without 将 is
        ("“十四五”期间预计总投资12亿元。", [("education_investment", 2025, "=", 1200000000.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_comparators_below_and_forecasts(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number right after 每 counts per unit ("每一所学校", "每1名教师"), not a total
        ("二、主要任务\n深化学区化管理，让每一所学校都办出特色。\n", []),
        ("二、主要任务\n确保每一个乡镇建成1所公办中心幼儿园。\n", []),
        # 创建 before a kind of kindergarten or school earns a grade or a title, not a building
        ("二、主要任务\n改扩建幼儿园30所，创建省一级幼儿园12所。\n", [(NEW_K, 2025, "=", 30.0, None, "cumulative")]),
        # a school of another kind ending in the generic phrase (社区学校, 家长学校)
        ("二、主要任务\n建成县级社区学院1所、街道社区学校24所，新建学校6所。\n", [(NEW_S, 2025, "=", 6.0, None, "cumulative")]),
        # a part of the same total in brackets (含…, 其中…) is not a second value of it; a
        # part naming another indicator is that indicator's
        ("一、发展成效\n五年补充中小学教师320名（含特岗教师45名）。\n", [("teachers_recruited", 2020, "=", 320.0, None, "cumulative")]),
        ("二、主要任务\n招聘教师500名（其中音体美教师80名）。\n", [("teachers_recruited", 2025, "=", 500.0, None, "cumulative")]),
        # ... or after 其中 with no bracket, the part named by a phrase of the same indicator
        # (first met in blind23: "累计招聘教师1,085名，其中特岗教师410名")
        ("二、主要任务\n新增学位6,000个，其中新增义务教育学位4,500个、补充乡村教师200名。\n", [("school_places_added", 2025, "=", 6000.0, None, "cumulative"), ("rural_teacher_recruitment", 2025, "=", 200.0, None, "cumulative")]),
        ("一、发展成效\n五年投入教育资金12亿元，其中项目投资7亿元。\n", [("education_investment", 2020, "=", 1200000000.0, None, "cumulative")]),
        # a named project's amount after 其中, each item's in a list, with no total before
        ("二、主要任务\n今年开工学校建设项目5个，其中县一中迁建工程总投资2.6亿元、城南小学新建项目投资4,800万元、实验幼儿园扩建项目投资1,200万元。\n", []),
    ],
)  # fmt: skip
def test_counts_that_are_not_a_total_of_the_indicator(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a share judged before its value ("占比偏低，仅为41.3%", "比重较大，占比达17.8%")
        ("一、发展基础\n公办园在园幼儿占比偏低，仅为41.3%。\n", [("public_kindergarten_enrollment_share", 2020, "=", 41.3, None, "level")]),
        ("一、发展基础\n全县民办义务教育在校生比例过高，占比达21.5%。\n", [("private_compulsory_enrollment_share", 2020, "=", 21.5, None, "level")]),
        # a judgement naming another thing is not the phrase's restatement
        ("一、发展基础\n公办园在园幼儿占比偏低，师资缺口达12%。\n", []),
    ],
)  # fmt: skip
def test_a_share_judged_before_its_value(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


PRE = "preschool_gross_enrollment_rate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paragraph with no number still opens a review for the paragraphs after it ...
        ("一、总体情况\n“十三五”时期，全市教育事业取得历史性成就。\n学前教育毛入园率达到88%。\n二、发展目标\n学前教育毛入园率达到92%。", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
        # ... and a title line with no number still closes it
        ("过去五年，全市教育事业取得历史性成就。\n学前教育毛入园率达到88%。\n第一节　发展目标\n学前教育毛入园率达到92%。", [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
        # a sentence with no number before the numbers of its paragraph leads a list
        ("2022年，重点做好以下工作：一是推进学前教育；二是学前教育毛入园率达到90%。\n学前教育毛入园率达到92%。", [(PRE, 2022, "=", 90.0, None, "level"), (PRE, 2025, "=", 92.0, None, "level")]),
    ],
)  # fmt: skip
def test_paragraphs_without_numbers_still_open_and_close_reviews(extractor, text, expected):
    """The binder reads only paragraphs with a number; those without still set the review
    state (read as before the shortcut: the same values and years)."""
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bracketed aside after the units ("县（区）"), "国家" in the assessment's name; the
        # rate of the clause before the semicolon is not carried onto the share
        ("标准班额比例达到98%；到2025年，力争40%的县（区）通过义务教育优质均衡发展国家督导评估。", [("standard_class_size_share", 2025, "=", 98.0, None, "level"), ("quality_balanced_county_share", 2025, "=", 40.0, None, "level")]),
        # "县区" as the units, the share after 全县… is the whole's
        ("全市60%以上的县区通过义务教育优质均衡发展督导评估。", [("quality_balanced_county_share", 2025, ">=", 60.0, None, "level")]),
    ],
)  # fmt: skip
def test_a_share_of_counties_passing_an_assessment(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count before its name with the name's level between them ("县级")
        ("“十四五”期间，建成8个县级中小学校外综合实践研学基地。", [("research_practice_bases", 2025, "=", 8.0, None, "cumulative")]),
        # a demand that grows every year is a forecast, not places added
        ("受二孩政策影响，城区学位需求每年增加约1,200个，须加快学校建设。", []),
        # a phrase with no count of its own, a comma, then another's count: not shared
        ("新建公办幼儿园6所，改扩建农村幼儿园，新增学位约3,600个。", [("new_public_kindergartens", 2025, "=", 6.0, None, "cumulative"), ("school_places_added", 2025, "~", 3600.0, None, "cumulative")]),
    ],
)  # fmt: skip
def test_counts_bound_to_their_own_name(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def ledgered(extractor, text):
    result = extractor.extract(source(), clean(text))
    return sorted((r["quote"].strip(), r["disposition"]) for r in result.ledger)


# _not_a_value and _unbound_reason run a search only when the literal it needs is near the
# number (a "-" for a date, 号 and a colon for a code, 平均, 缺口/需求, 预计 ...): each reason
# still found where its literal is, and the plain value still bound where none is
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('发布时间：2022-03-15 09:30 浏览次数：1872', [('09', 'date'), ('15', 'date'), ('1872', 'page_metadata'), ('2022-03', 'date'), ('30', 'date')]),
        ('索引号：1134/2021-00867', [('1134', 'phone_number'), ('2021-00867', 'phone_number')]),
        ('阅读量: 236', [('236', 'page_metadata')]),
        ('发展目标……12', [('12', 'page_number')]),
        ('第3章 发展目标', [('3', 'section_number')]),
        ('专栏 4 重点工程', [('4', 'section_number')]),
        ('附表2 主要指标', [('2', 'section_number')]),
        ('师生比达到1:19', [('1', 'ratio'), ('19', 'ratio')]),
        ('全市学位缺口约2,000个。', [('2,000个', 'context_statistic')]),
        ('全市学位需求将增加约3万个。', [('3万个', 'context_statistic')]),
        ('城区存在1.2万个义务教育学位缺口。', [('1.2万个', 'context_statistic')]),
        ('毛入园率高出全省平均水平2.1个百分点。', [('2.1个百分点', 'context_statistic')]),
        ('预计到2025年小学在校生将比2020年增加约2,600人。', [('2,600人', 'context_statistic'), ('2020年', 'year'), ('2025年', 'year')]),
        ('每年招聘教师不少于800名。', [('800名', 'observation')]),
        ('每所学校配备心理教师2名。', [('2名', 'per_unit_norm')]),
        # a threshold per single project: 单个 is a per-unit marker
        ('单个项目投资超过人民币伍佰万元的，须报县政府审议。', [('伍佰万元', 'per_unit_norm')]),
        ('全市常住人口52.3万人。', [('52.3万人', 'context_statistic')]),
        ('学校获评省级示范校3所。', [('3所', 'recognition_count')]),
        # any script's decimal digit is a whole number, as \d+ was (str.isdecimal)
        ('第٣章 发展目标', [('٣', 'section_number')]),
        ('专栏٣ 重点工程', [('٣', 'section_number')]),
        # document numbers, a date, a phone number, a decimal heading, a ratio with spaces and
        # a value in brackets of its own
        ('根据《通知》（教发〔2021〕5号）要求', [('2021', 'document_number'), ('5号', 'document_number')]),
        ('（ 2021 ）年度报告', [('2021', 'document_number')]),
        ('2022年3月15日 发布', [('15日', 'date'), ('2022年', 'year'), ('3月', 'date')]),
        ('联系电话：0436-1234567', [('0436-1234567', 'phone_number')]),
        ('2.1 扩大学前教育资源', [('2.1', 'section_number')]),
        ('生师比保持在 1 : 19 以内', [('1', 'ratio'), ('19 以内', 'ratio')]),
        ('毛入园率达到（95%）', [('95%', 'observation')]),
    ],
)  # fmt: skip
def test_what_a_number_is_not(extractor, text, expected):
    assert ledgered(extractor, text) == expected


# a sentence with no phrase of its own and none carried over a semicolon binds nothing: each
# value gets its reason at once (a list's shared unit still counts); a carried one binds
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('一、发展基础\n全市常住人口52.3万人，地区生产总值300亿元。', [('300亿元', 'context_statistic'), ('52.3万人', 'context_statistic')]),
        ('开展主题活动120次，参与3000人次。', [('120次', 'no_indicator'), ('3000人次', 'no_indicator')]),
        ('两项分别达到95%和97%。', [('95%', 'no_indicator'), ('97%', 'no_indicator'), ('两项', 'no_indicator')]),
        ('学前三年毛入园率达到90%；2023年达到86%。', [('2023年', 'year'), ('86%', 'observation'), ('90%', 'observation'), ('三年', 'part_of_name')]),
        ('学前三年毛入园率达到90%。2023年达到86%。', [('2023年', 'year'), ('86%', 'no_indicator'), ('90%', 'observation'), ('三年', 'part_of_name')]),
        ('提高13.2、8.6和10.7个百分点。', [('10.7个百分点', 'no_indicator'), ('13.2', 'no_indicator'), ('8.6', 'no_indicator')]),
    ],
)  # fmt: skip
def test_a_sentence_without_a_phrase(extractor, text, expected):
    assert ledgered(extractor, text) == expected


# the binder leaves out the phrases and numbers of a table's span (read by the table
# readers) and, with no table in the text, filters nothing
@pytest.mark.parametrize(
    ("text", "observations", "ledger"),
    [
        ('到2025年，学前教育毛入园率达到92%。\n\n指标|单位|2020年|2025年\n学前教育毛入园率|%|88|≥92\n九年义务教育巩固率|%|95|—\n\n九年义务教育巩固率达到96%，翻一番。\n', [('compulsory_consolidation_rate', 2020, 95.0, 'table'), ('compulsory_consolidation_rate', 2025, 2.0, 'prose'), ('compulsory_consolidation_rate', 2025, 96.0, 'prose'), ('preschool_gross_enrollment_rate', 2020, 88.0, 'table'), ('preschool_gross_enrollment_rate', 2025, 92.0, 'prose'), ('preschool_gross_enrollment_rate', 2025, 92.0, 'table')], [('2020年', 'table_header'), ('2025年', 'table_header'), ('2025年', 'year'), ('88', 'observation'), ('92%', 'observation'), ('95', 'observation'), ('96%', 'observation'), ('≥92', 'observation'), ('九年', 'part_of_name'), ('翻一番', 'observation')]),
        ('到2025年，学前教育毛入园率达到92%，九年义务教育巩固率达到96%，翻一番。\n', [('compulsory_consolidation_rate', 2025, 2.0, 'prose'), ('compulsory_consolidation_rate', 2025, 96.0, 'prose'), ('preschool_gross_enrollment_rate', 2025, 92.0, 'prose')], [('2025年', 'year'), ('92%', 'observation'), ('96%', 'observation'), ('九年', 'part_of_name'), ('翻一番', 'observation')]),
    ],
)  # fmt: skip
def test_prose_beside_a_table_and_without_one(extractor, text, observations, ledger):
    result = extractor.extract(source(), clean(text))
    got = sorted((o.indicator_id, o.year, o.value, o.method) for o in result.observations)
    assert got == observations
    assert sorted((r["quote"], r["disposition"]) for r in result.ledger) == ledger


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a progress report: the value reached, then its target in brackets
        ("二、主要指标进展\n▲ 校企合作企业：426家（2025年目标600家以上）\n", [("school_enterprise_partners", 2025, "=", 426.0, None, "level"), ("school_enterprise_partners", 2025, ">=", 600.0, None, "level")]),
        ("全市普惠性幼儿园覆盖率为86.4%（规划目标值为90%）。", [(INC, 2025, "=", 86.4, None, "level"), (INC, 2025, "=", 90.0, None, "level")]),
        # a bracket that names no target binds nothing
        ("全市普惠性幼儿园覆盖率为86.4%（全省88%）。", [(INC, 2025, "=", 86.4, None, "level")]),
    ],
)  # fmt: skip
def test_a_target_in_brackets_after_a_value(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)


def test_high_schools_built_are_schools_built(extractor):
    """The codebook's new_schools_built counts schools newly built or expanded: high schools
    too ("新建、改扩建普通高中" as "新建改扩建中小学校")."""
    text = "到2025年，新建、改扩建普通高中7所（其中新建3所），新增学位6,000个。"
    got = [o for o in observed(extractor, text) if o[0] == "new_schools_built"]
    assert got == [("new_schools_built", 2025, "=", 7.0, None, "cumulative")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # blind46 r2: a paragraph labelled by a (numbered) name alone; the sentence after it
        # states the value with no name of its own; the gap to the target is no value
        ("（二）普惠性幼儿园覆盖率。2023年为86.5%，距目标还差3.5个百分点。", [(INC, 2023, "=", 86.5, None, "level")]),
        ("3. “双师型”教师占比：2023年达到52%。", [("dual_qualified_teacher_share", 2023, "=", 52.0, None, "level")]),
        # a label that is more than a name labels nothing
        ("（二）关于普惠性幼儿园覆盖率的情况说明。2023年为86.5%。", []),
    ],
)  # fmt: skip
def test_a_paragraph_labelled_by_a_name(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
