"""Integration tests on the five real plans: values, years, comparators, conflicts, provenance."""

from __future__ import annotations

import pytest

from analysis import paths
from tests.conftest import CITIES

ROW = "indicator_id, year, role, comparator, value, value_upper, value_kind, method, quote"


def rows(db, city, method, extra=""):
    return db.execute(
        f"SELECT {ROW} FROM observations WHERE city_id = ? AND method = ? {extra} "
        "ORDER BY char_start, indicator_id",
        [city, method],
    ).fetchall()


# ---------------------------------------------------------------- tables, cell by cell

BAICHENG_ZHUANLAN_1 = [
    # (indicator, year, value); role follows from the year: 2015 historical, 2020 baseline
    ("kindergarten_enrollment", 2015, 34693),
    ("preschool_gross_enrollment_rate", 2015, 78.15),
    ("kindergarten_enrollment", 2020, 29770),
    ("preschool_gross_enrollment_rate", 2020, 92.2),
    ("primary_net_enrollment_rate", 2015, 98),
    ("junior_secondary_net_enrollment_rate", 2015, 98),
    ("primary_net_enrollment_rate", 2020, 99),
    ("junior_secondary_net_enrollment_rate", 2020, 99),
    ("upper_secondary_enrollment", 2015, 29231),
    ("upper_secondary_gross_enrollment_rate", 2015, 63.97),
    ("upper_secondary_enrollment", 2020, 30555),
    ("upper_secondary_gross_enrollment_rate", 2020, 80.36),
    ("secondary_vocational_enrollment", 2015, 7979),
    ("higher_vocational_enrollment", 2015, 2370),
    ("secondary_vocational_enrollment", 2020, 7032),
    ("higher_vocational_enrollment", 2020, 4581),
]
BAICHENG_ZHUANLAN_2 = [
    ("preschool_gross_enrollment_rate", 2020, 95, "expected"),
    ("primary_net_enrollment_rate", 2020, 99, "expected"),
    ("junior_secondary_net_enrollment_rate", 2020, 98, "expected"),
    ("upper_secondary_gross_enrollment_rate", 2020, 95, "expected"),
    ("preschool_gross_enrollment_rate", 2025, 95, "expected"),
    ("primary_net_enrollment_rate", 2025, 99, "expected"),
    ("junior_secondary_net_enrollment_rate", 2025, 99, "expected"),
    ("upper_secondary_gross_enrollment_rate", 2025, 95, "expected"),
    ("secondary_vocational_enrollment", 2020, 7032, "expected"),
    ("higher_vocational_enrollment", 2020, 4581, "expected"),
    ("secondary_vocational_enrollment", 2025, 7800, "expected"),
    ("higher_vocational_enrollment", 2025, 5000, "expected"),
    ("mean_schooling_years_working_age", 2020, 10.86, "binding"),
    ("mean_schooling_years_working_age", 2025, 11.1, "binding"),
]
ROLE = {2015: "historical", 2020: "baseline", 2022: "midpoint", 2025: "target"}


def table_rows(db, city, caption_like):
    return db.execute(
        "SELECT indicator_id, year, role, comparator, value, quote, attribute FROM observations "
        "WHERE city_id = ? AND method = 'table' AND table_caption LIKE ? "
        "ORDER BY char_start, indicator_id",
        [city, caption_like],
    ).fetchall()


def test_baicheng_zhuanlan_1_every_cell(db):
    got = table_rows(db, "baicheng", "专栏 1%")
    want = [(i, y, ROLE[y], "=", float(v), f"{v:g}", None) for i, y, v in BAICHENG_ZHUANLAN_1]
    assert sorted(got) == sorted(want)


def test_baicheng_zhuanlan_2_every_cell_with_attribute(db):
    got = table_rows(db, "baicheng", "专栏 2%")
    want = [(i, y, ROLE[y], "=", float(v), f"{v:g}", a) for i, y, v, a in BAICHENG_ZHUANLAN_2]
    assert sorted(got) == sorted(want)


JIAMUSI_TABLE = {
    # indicator: (2020, 2022, 2025) as written; "" is a blank cell (not stated)
    "preschool_gross_enrollment_rate": ("90", "93", "90"),
    "inclusive_kindergarten_coverage": ("87.2", "88", "90"),
    "public_kindergarten_enrollment_share": ("51", "53", "52"),
    "compulsory_consolidation_rate": (">99", ">99", ">99"),
    "quality_balanced_county_share": ("", "", "20"),
    "quality_high_school_quota_allocation_share": ("80", "80", ">80"),
    "upper_secondary_gross_enrollment_rate": ("95", "96", "97.5"),
    "student_physical_fitness_pass_rate": ("78", "82", "88"),
    "ice_snow_course_coverage": ("100", "100", "100"),
    "preschool_teacher_professional_training_share": ("78", "80", "83"),
    "compulsory_teacher_bachelor_share": ("73", "74", "75"),
    "new_labour_force_higher_education_share": ("53.5", "54.5", "55"),
    "mean_schooling_years_working_age": ("11.3", "11.5", "12"),
    "mandarin_popularisation_rate": ("96.7", "97", "98"),
}


def test_jiamusi_main_table_every_cell(db):
    got = db.execute(
        "SELECT indicator_id, year, role, comparator, value, quote FROM observations "
        "WHERE city_id = 'jiamusi' AND method = 'table'"
    ).fetchall()
    want = []
    for indicator, cells in JIAMUSI_TABLE.items():
        for year, text in zip((2020, 2022, 2025), cells, strict=True):
            if text:
                comparator = ">" if text.startswith(">") else "="
                want.append(
                    (indicator, year, ROLE[year], comparator, float(text.lstrip(">")), text)
                )
    assert sorted(got) == sorted(want)


def test_jiamusi_blank_cells_are_not_stated_not_zero(db):
    got = db.execute(
        "SELECT year, value FROM observations WHERE city_id = 'jiamusi' "
        "AND indicator_id = 'quality_balanced_county_share'"
    ).fetchall()
    assert got == [(2025, 20.0)]
    wide = db.execute(
        "SELECT baseline_2020, midpoint_2022, target_2025 FROM indicator_values "
        "WHERE city_id = 'jiamusi' AND indicator_id = 'quality_balanced_county_share'"
    ).fetchone()
    assert wide == (None, None, 20.0)


def test_jiamusi_packed_row_spans_point_at_each_number(db, raw_texts):
    got = db.execute(
        "SELECT indicator_id, char_start, char_end, quote, label_quote FROM observations "
        "WHERE city_id = 'jiamusi' AND method = 'table' AND year = 2020 "
        "AND indicator_id IN ('preschool_gross_enrollment_rate', "
        "'inclusive_kindergarten_coverage', 'public_kindergarten_enrollment_share') "
        "ORDER BY char_start"
    ).fetchall()
    raw = raw_texts["jiamusi_fyp_2021_2025"]
    cell = raw.index("90/87.2/51")
    assert [(g[0], g[1] - cell, g[3], g[4]) for g in got] == [
        ("preschool_gross_enrollment_rate", 0, "90", "学前教育三年毛入园率"),
        ("inclusive_kindergarten_coverage", 3, "87.2", "普惠性幼儿园覆盖率"),
        ("public_kindergarten_enrollment_share", 8, "51", "公办幼儿园在园幼儿比例"),
    ]


# ---------------------------------------------------------------- prose


LINJIANG_PROSE = [
    ("education_investment", 2020, "baseline", ">", 44300000.0, None, "cumulative", "prose", "投入4430余万元"),
    ("student_aid_disbursed", 2020, "baseline", ">", 9300000.0, None, "cumulative", "prose", "资助金930余万元"),
    ("education_investment", 2020, "baseline", ">", 110000000.0, None, "cumulative", "prose", "投入 1.1 亿余元"),
    ("teachers_recruited", 2020, "baseline", "=", 410.0, None, "cumulative", "prose", "招聘教师 410 人"),
    ("preschool_gross_enrollment_rate", 2020, "baseline", "=", 90.0, None, "level", "prose", "学前三年毛入园率已达 90%"),
    ("inclusive_kindergarten_coverage", 2020, "baseline", "=", 85.0, None, "level", "prose", "普惠性幼儿园覆盖率巩固在 85%"),
    ("key_university_admission_rate", 2020, "baseline", "=", 18.5, None, "level", "prose", "重点大学进线率为 18.5%"),
    ("undergraduate_admission_rate", 2020, "baseline", "=", 68.7, None, "level", "prose", "本科以上进线率达 68.7%"),
    ("vocational_progression_rate", 2020, "baseline", "=", 100.0, None, "level", "prose", "对口升学率已达 100%"),
    ("preschool_gross_enrollment_rate", 2025, "target", "=", 95.0, None, "level", "prose", "学前教育毛入园率达到 95%"),
    ("inclusive_kindergarten_coverage", 2025, "target", "=", 85.0, None, "level", "prose", "普惠性幼儿园覆盖率巩固在 85%"),
    ("public_kindergarten_enrollment_share", 2025, "target", "=", 55.0, None, "level", "prose", "公办园在园幼儿占比达到 55%"),
    ("compulsory_age_enrollment_rate", 2025, "target", ">=", 99.0, None, "level", "prose", "适龄儿童少年入学率保持在 99% 以上"),
    ("daily_school_physical_activity_hours", 2025, "target", ">=", 1.0, None, "level", "prose", "每天校内体育活动时间不少于1小时"),
    ("new_public_kindergartens", 2025, "target", "=", 2.0, None, "cumulative", "prose", "2所公办幼儿园"),
    ("dropout_rate", 2025, "target", "<=", 1.0, None, "level", "prose", "辍学率控制在1%以下"),
]  # fmt: skip


def test_linjiang_prose_baselines_and_targets(db):
    assert rows(db, "linjiang", "prose") == LINJIANG_PROSE


@pytest.mark.parametrize(
    "expected",
    [
        ("preschool_gross_enrollment_rate", 2020, "baseline", "=", 92.2, None, "level", "prose", "学前毛入园率 92.2%"),
        ("preschool_gross_enrollment_rate", 2025, "target", "~", 95.0, None, "level", "prose", "学前教育毛入园率保持在 95%左右"),
        ("primary_net_enrollment_rate", 2025, "target", ">=", 99.0, None, "level", "prose", "中小学净入学\n\n率保持在 99%以上"),
        ("junior_secondary_net_enrollment_rate", 2025, "target", ">=", 99.0, None, "level", "prose", "中小学净入学\n\n率保持在 99%以上"),
        ("upper_secondary_gross_enrollment_rate", 2025, "target", ">=", 95.0, None, "level", "prose", "高中阶段毛入学率保持在 95%以上"),
        ("moral_law_course_hour_share", 2025, "target", "=", 6.0, 8.0, "range", "prose", "道德\n\n与法治”课时占比达到 6%~8%"),
        ("inclusive_kindergarten_coverage", 2025, "target", ">=", 85.0, None, "level", "prose", "普惠性幼儿园覆盖率达到 85%以上"),
        ("public_kindergarten_enrollment_share", 2025, "target", ">=", 50.0, None, "level", "prose", "公办幼儿园在园幼儿占比达到 50%以上"),
        ("demonstration_kindergarten_share", 2025, "target", ">=", 3.0, None, "increase", "prose", "示范园占比提高 3%以上"),
        ("compulsory_consolidation_rate", 2025, "target", ">", 95.0, None, "level", "prose", "义务教育巩固率超过 95%"),
        ("dual_qualified_teacher_share", 2025, "target", ">=", 55.0, None, "level", "prose", "双师型”教师\n\n占比达到 55%以上"),
        ("master_teacher_principal_count", 2025, "target", "=", 1.0, None, "increase", "prose", "名师、\n\n名校长人数增加 1 倍"),
        ("rural_teacher_recruitment", 2025, "target", "=", 1300.0, None, "cumulative", "prose", "补充乡村教师 1300 人"),
        ("private_compulsory_enrollment_share", 2025, "target", "<=", 5.0, None, "level", "prose", "民办义务教育在校生\n\n占比下降到 5%以内"),
    ],
)  # fmt: skip
def test_baicheng_prose_row(db, expected):
    assert expected in rows(db, "baicheng", "prose")


@pytest.mark.parametrize(
    "expected",
    [
        ("preschool_gross_enrollment_rate", 2020, "baseline", "=", 88.2, None, "level", "prose", "学前三年毛入园率88.2%"),
        ("inclusive_kindergarten_coverage", 2020, "baseline", "=", 80.09, None, "level", "prose", "普惠性幼儿园覆盖率80.09%"),
        ("public_kindergarten_enrollment_share", 2020, "baseline", "=", 50.1, None, "level", "prose", "公办园幼儿占比50.1%"),
        ("upper_secondary_gross_enrollment_rate", 2020, "baseline", "=", 95.0, None, "level", "prose", "高中阶段教育毛入学率95%"),
        ("preschool_gross_enrollment_rate", 2025, "target", "=", 90.0, None, "level", "prose", "学前教育三年毛入园率达到90%"),
        ("inclusive_kindergarten_coverage", 2025, "target", "=", 85.0, None, "level", "prose", "普惠性幼儿园覆盖率达到85%"),
        ("upper_secondary_gross_enrollment_rate", 2025, "target", "=", 96.0, None, "level", "prose", "高中阶段教育毛入学率保持在96%"),
        ("disabled_children_compulsory_enrollment_rate", 2025, "target", ">=", 97.0, None, "level", "prose", "残疾儿童少年义务教育入学率达到97%以上"),
        ("teacher_assessment_improvement_needed_share", 2025, "target", "<=", 3.0, None, "level", "prose", "待提高率控制在参加考核教师总数的3%以内"),
        ("rural_student_online_learning_space_share", 2025, "target", ">=", 80.0, None, "level", "prose", "80%以上的农村学校学生"),
        ("research_practice_bases", 2025, "target", "=", 10.0, None, "cumulative", "prose", "10个中小学校外综合实践研学基地"),
        ("master_teacher_studios", 2025, "target", "=", 100.0, None, "cumulative", "prose", "100个名师工作室"),
    ],
)  # fmt: skip
def test_jiamusi_prose_row(db, expected):
    assert expected in rows(db, "jiamusi", "prose")


def test_per_unit_norm_is_not_a_city_total(db):
    """ "确保每个乡镇建设1所公办幼儿园" is a norm per township, not one kindergarten in all."""
    got = db.execute(
        "SELECT count(*) FROM observations WHERE city_id = 'jiamusi' "
        "AND indicator_id = 'new_public_kindergartens'"
    ).fetchone()
    assert got == (0,)


def test_shared_value_binds_every_phrase_of_the_list(db):
    # "联网率、…配备率100%": once a reviewed correction, now read by the prose binder
    got = db.execute(
        "SELECT indicator_id, year, value, method, label_quote FROM observations "
        "WHERE city_id = 'jiamusi' AND value = 100 AND year = 2020 AND indicator_id IN "
        "('school_video_police_link_rate', 'urban_school_security_guard_rate') ORDER BY 1"
    ).fetchall()
    assert got == [
        ("school_video_police_link_rate", 2020, 100.0, "prose", "城区中小学专职保安员配备率"),
        ("urban_school_security_guard_rate", 2020, 100.0, "prose", "城区中小学专职保安员配备率"),
    ]


# ---------------------------------------------------------------- conflicts

CONFLICTS = {
    # conflict id: (preferred value, every value stated)
    "baicheng.preschool_gross_enrollment_rate.2020": (92.2, [92.2, 92.2, 95.0]),
    "baicheng.junior_secondary_net_enrollment_rate.2020": (99.0, [98.0, 99.0]),
    "baicheng.upper_secondary_gross_enrollment_rate.2020": (80.36, [80.36, 95.0]),
    # two amounts invested in 2020 for different projects: flagged, the first linked
    "linjiang.education_investment.2020.cumulative": (44300000.0, [44300000.0, 110000000.0]),
    "jiamusi.preschool_gross_enrollment_rate.2020": (90.0, [88.2, 90.0]),
    "jiamusi.inclusive_kindergarten_coverage.2020": (87.2, [80.09, 87.2]),
    "jiamusi.public_kindergarten_enrollment_share.2020": (51.0, [50.1, 51.0]),
    "jiamusi.inclusive_kindergarten_coverage.2025": (90.0, [85.0, 90.0]),
    "jiamusi.upper_secondary_gross_enrollment_rate.2025": (97.5, [96.0, 97.5]),
}


def test_every_within_plan_conflict_is_flagged(db):
    got = {
        cid: (pref, sorted(values))
        for cid, pref, values in db.execute(
            "SELECT conflict_id, max(value) FILTER (WHERE preferred), list(value) "
            "FROM observations WHERE conflict_id IS NOT NULL GROUP BY conflict_id"
        ).fetchall()
    }
    assert got == {k: (p, sorted(v)) for k, (p, v) in CONFLICTS.items()}


def test_each_statement_group_has_exactly_one_preferred_row_with_a_reason(db):
    bad = db.execute(
        "SELECT city_id, indicator_id, year, value_kind IN ('level', 'range') AS lvl, "
        "count(*) FILTER (WHERE preferred) AS n "
        "FROM observations GROUP BY ALL HAVING n <> 1"
    ).fetchall()
    assert bad == []
    assert db.execute(
        "SELECT count(*) FROM observations WHERE preferred AND preference_reason IS NULL"
    ).fetchone() == (0,)


def test_conflict_reasons_name_the_rule(db):
    reasons = dict(
        db.execute(
            "SELECT conflict_id, preference_reason FROM observations "
            "WHERE preferred AND conflict_id IS NOT NULL"
        ).fetchall()
    )
    # the review paragraph's 92.2 dates itself only by its section; the two table values
    # have header years, so they are compared first, and the earlier table wins
    assert reasons["baicheng.preschool_gross_enrollment_rate.2020"] == (
        "year evidence: a table_header year outranks a section year; "
        "then tie broken: the statement that comes first in the document"
    )
    assert "table" in reasons["jiamusi.preschool_gross_enrollment_rate.2020"]
    assert "first in the document" in reasons["baicheng.junior_secondary_net_enrollment_rate.2020"]


def test_indicator_values_use_preferred_and_flag_conflicts(db):
    got = db.execute(
        "SELECT indicator_id, baseline_2020, midpoint_2022, target_2025, target_comparator, "
        "has_conflict FROM indicator_values WHERE city_id = 'jiamusi' AND indicator_id IN "
        "('preschool_gross_enrollment_rate', 'compulsory_consolidation_rate') ORDER BY 1"
    ).fetchall()
    assert got == [
        ("compulsory_consolidation_rate", 99.0, 99.0, 99.0, ">", False),
        ("preschool_gross_enrollment_rate", 90.0, 93.0, 90.0, "=", True),
    ]


# ---------------------------------------------------------------- provenance and coverage


def test_every_quote_is_its_raw_span(db, raw_texts):
    got = db.execute(
        "SELECT source_id, char_start, char_end, quote, label_start, label_end, label_quote "
        "FROM observations"
    ).fetchall()
    assert got
    for source_id, start, end, quote, lstart, lend, lquote in got:
        raw = raw_texts[source_id]
        assert raw[start:end] == quote
        if lstart is not None:
            assert raw[lstart:lend] == lquote


def test_no_number_in_the_five_plans_is_unaccounted_for(db):
    assert (
        db.execute(
            "SELECT source_id, line, quote FROM number_ledger WHERE disposition = 'unaccounted'"
        ).fetchall()
        == []
    )


def test_every_digit_of_every_plan_has_a_ledger_row(db):
    for source_id, file in db.execute("SELECT source_id, file FROM sources").fetchall():
        raw = (paths.RAW_DIR / file).read_text(encoding="utf-8")
        spans = db.execute(
            "SELECT char_start, char_end FROM number_ledger WHERE source_id = ?", [source_id]
        ).fetchall()
        covered = set()
        for a, b in spans:
            covered.update(range(a, b))
        missing = [i for i, ch in enumerate(raw) if ch.isdigit() and i not in covered]
        assert missing == [], (source_id, [raw[i - 10 : i + 10] for i in missing[:5]])


def test_ledger_observation_rows_name_existing_observations(db):
    assert db.execute(
        "SELECT count(*) FROM number_ledger l WHERE disposition = 'observation' AND NOT EXISTS "
        "(SELECT 1 FROM observations o WHERE list_contains(string_split(l.observation_ids, '|'), "
        "o.observation_id))"
    ).fetchone() == (0,)


def test_every_codebook_indicator_is_used_by_a_plan_or_the_invented_corpus(db):
    book = {r[0] for r in db.execute("SELECT indicator_id FROM indicators").fetchall()}
    used = {
        r[0]
        for r in db.execute(
            "SELECT indicator_id FROM observations UNION SELECT indicator_id FROM national_reference"
        ).fetchall()
    }
    assert used <= book
    gold = set()
    for path in (paths.ROOT / "tests" / "data" / "plans").glob("*/*.gold.csv"):
        gold.update(line.split(",")[0] for line in path.read_text("utf-8").splitlines()[1:])
    assert book - used - gold == set()


@pytest.mark.parametrize("city", CITIES)
def test_each_city_is_a_source_with_its_counts(db, city):
    n_obs, n_ind, sparse = db.execute(
        "SELECT n_observations, n_indicators, sparse FROM sources WHERE city_id = ?", [city]
    ).fetchone()
    counted = db.execute(
        "SELECT count(*), count(DISTINCT indicator_id) FROM observations WHERE city_id = ?",
        [city],
    ).fetchone()
    assert (n_obs, n_ind) == counted
    assert sparse == (city in ("siping", "jilin"))


def test_build_reports_no_unexplained_issues(built):
    result, _ = built
    assert result.issues == []
    assert result.unread_tables == []
    # "每个乡镇…至少建设1所公办幼儿园" is a per-unit norm, in the ledger with its reason
    norms = [r["quote"] for r in result.ledger if r["disposition"] == "per_unit_norm"]
    assert "1所" in norms


def test_siping_annual_plan_states_one_target_for_its_own_year(db):
    assert rows(db, "siping", "prose") == [
        ("residential_kindergartens_opened", 2021, "target", "=", 28.0, None, "cumulative", "prose", "28 所城镇小区配套幼儿园")
    ]  # fmt: skip


def test_jilin_city_outline_states_no_numbers(db):
    assert db.execute("SELECT count(*) FROM observations WHERE city_id = 'jilin'").fetchone() == (
        0,
    )
