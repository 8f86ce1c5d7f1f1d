"""Prose patterns on crafted sentences: levels, caps, ranges, changes, counts, years."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.codebook import AliasMatcher, load_codebook
from analysis.normalise import clean
from analysis.prose import ProseReader
from analysis.rules import load_rules


@pytest.fixture(scope="module")
def reader():
    book = load_codebook(paths.CODEBOOK_YAML)
    return ProseReader(book, AliasMatcher(book), load_rules(paths.EXTRACTION_RULES_YAML))


def read(reader, text):
    view = clean(text).paragraphs
    hits, skipped = reader.read(view.text, [])
    return [
        (
            h.indicator_ids,
            h.comparator,
            h.value,
            h.value_upper,
            h.unit,
            h.value_kind,
            h.year,
            h.year_basis,
            view.text[h.quote_span[0] : h.quote_span[1]],
        )
        for h in hits
    ], [(view.text[s.span[0] : s.span[1]], s.reason) for s in skipped]


PRE = ("preschool_gross_enrollment_rate",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年学前教育毛入园率达到95%。", (PRE, "=", 95.0, None, "percent", "level", 2025, "sentence", "学前教育毛入园率达到95%")),
        ("学前教育毛入园率保持在 99% 以上。", (PRE, ">=", 99.0, None, "percent", "level", None, "default", "学前教育毛入园率保持在 99% 以上")),
        ("学前教育毛入园率95%左右。", (PRE, "~", 95.0, None, "percent", "level", None, "default", "学前教育毛入园率95%左右")),
        ("学前教育毛入园率超过 95%。", (PRE, ">", 95.0, None, "percent", "level", None, "default", "学前教育毛入园率超过 95%")),
        ("学前教育毛入园率不低于90%。", (PRE, ">=", 90.0, None, "percent", "level", None, "default", "学前教育毛入园率不低于90%")),
        ("辍学率控制在1%以下。", (("dropout_rate",), "<=", 1.0, None, "percent", "level", None, "default", "辍学率控制在1%以下")),
        ("民办义务教育在校生占比下降到 5%以内。", (("private_compulsory_enrollment_share",), "<=", 5.0, None, "percent", "level", None, "default", "民办义务教育在校生占比下降到 5%以内")),
        ("“道德与法治”课时占比达到 6%~8%的规定。", (("moral_law_course_hour_share",), "=", 6.0, 8.0, "percent", "range", None, "default", "道德与法治”课时占比达到 6%~8%")),
        ("示范园占比提高 3%以上。", (("demonstration_kindergarten_share",), ">=", 3.0, None, "percent", "increase", None, "default", "示范园占比提高 3%以上")),
        ("学前教育毛入园率提高到 95%。", (PRE, "=", 95.0, None, "percent", "level", None, "default", "学前教育毛入园率提高到 95%")),
        ("名师、名校长人数增加 1 倍。", (("master_teacher_principal_count",), "=", 1.0, None, "times", "increase", None, "default", "名师、名校长人数增加 1 倍")),
        ("“十四五”期间补充乡村教师 1300 人。", (("rural_teacher_recruitment",), "=", 1300.0, None, "persons", "cumulative", None, "period_phrase", "补充乡村教师 1300 人")),
        ("到2025年建设10个中小学校外综合实践研学基地。", (("research_practice_bases",), "=", 10.0, None, "count", "cumulative", 2025, "sentence", "10个中小学校外综合实践研学基地")),
        ("城镇全部学校、85%的农村学校实现“班班通”。", (("rural_school_multimedia_classroom_share",), "=", 85.0, None, "percent", "level", None, "default", "85%的农村学校实现“班班通")),
        ("2022年底，学前教育毛入园率达到93%。", (PRE, "=", 93.0, None, "percent", "level", 2022, "sentence", "学前教育毛入园率达到93%")),
        ("學前教育毛入園率達到９５％。", (PRE, "=", 95.0, None, "percent", "level", None, "default", "学前教育毛入园率达到95%")),
    ],
)  # fmt: skip
def test_value_patterns(reader, text, expected):
    hits, _ = read(reader, text)
    assert hits == [expected]


def test_a_shared_phrase_yields_every_indicator(reader):
    hits, _ = read(reader, "中小学净入学率保持在99%以上。")
    assert hits[0][0] == ("junior_secondary_net_enrollment_rate", "primary_net_enrollment_rate")


def test_development_review_section_gives_the_baseline_basis(reader):
    text = "(一)发展基础。\n学前三年毛入园率已达 90%。\n(二)发展目标。\n学前教育毛入园率达到 95%。"
    hits, _ = read(reader, text)
    assert [(h[2], h[6], h[7]) for h in hits] == [(90.0, None, "section"), (95.0, None, "default")]


def test_per_unit_norms_are_skipped_with_a_reason(reader):
    hits, skipped = read(reader, "确保每个乡镇建设1所公办幼儿园。")
    assert hits == []
    assert skipped == [("1所公办幼儿园", "per-unit norm (每…/各…) before the value")]


def test_a_count_without_a_building_verb_is_not_a_target(reader):
    hits, skipped = read(reader, "全市有46所公办幼儿园被评为示范园。")
    assert hits == []
    assert skipped[0][1] == "count without a building verb (not a target)"


def test_one_verb_governs_a_list_of_counts(reader):
    hits, _ = read(
        reader, "利用五年时间,建设30个名校长工作室、60个名班主任工作室、100个名师工作室。"
    )
    assert [(h[0][0], h[2]) for h in hits] == [
        ("master_principal_studios", 30.0),
        ("master_head_teacher_studios", 60.0),
        ("master_teacher_studios", 100.0),
    ]


def test_unit_must_match_the_codebook(reader):
    hits, skipped = read(reader, "学前教育毛入园率达到 95 人。")
    assert hits == []
    assert "differs from codebook" in skipped[0][1]


def test_value_must_be_in_the_same_clause(reader):
    hits, _ = read(reader, "学前教育毛入园率稳步提高，新建幼儿园 5 所。")
    assert hits == []


def test_a_sentence_after_a_table_does_not_take_the_table_header_year(tmp_path):
    from analysis.build import BuildConfig, build
    from tests.test_pipeline import registry_with

    text = (
        "专栏 1 发展情况\n指 标 单 位 2015 年 2020 年\n学前教育\n学前教育毛入园率\n%\n78.15\n92.2\n"
        "到“十四五”末，普惠性幼儿园覆盖率达到85%。\n"
    )
    registry = registry_with(tmp_path, text)
    result = build(BuildConfig(registry=registry, database=None, exports_dir=tmp_path / "out"))
    got = [
        (o.indicator_id, o.year, o.role, o.year_basis)
        for o in result.observations
        if o.city_id == "example" and o.method == "prose"
    ]
    assert got == [("inclusive_kindergarten_coverage", 2025, "target", "period_phrase")]
