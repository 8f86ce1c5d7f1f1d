"""Names people use: ids, Chinese and English names and aliases resolved to ids, the
errors for unknown and ambiguous names, and `python -m analysis list`.

The resolver is run on the real registries and on registries written here for invented
places (青岚市, a 通化市 beside a 通化县, a banner), so nothing can be hard-coded.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

from analysis import cli, figures, name_list, names, paths
from analysis.errors import InputError
from analysis.sources import load_sources

SHA = "a" * 64


def real(kind: str) -> names.Catalogue:
    return names.load_catalogue(kind, source="registries")


# ------------------------------------------------------------------ the real registries


@pytest.mark.parametrize(
    ("kind", "typed", "expected"),
    [
        ("city", "baicheng", ["baicheng"]),
        ("city", "白城市", ["baicheng"]),
        ("city", "白城", ["baicheng"]),
        ("city", "白城 市", ["baicheng"]),
        ("city", "Baicheng", ["baicheng"]),
        ("city", "BAICHENG", ["baicheng"]),
        ("city", "ＢＡＩＣＨＥＮＧ", ["baicheng"]),  # full-width letters
        ("city", "baicheng city", ["baicheng"]),
        ("city", "Baicheng-City", ["baicheng"]),
        ("city", "Jilin City", ["jilin"]),
        ("city", "jilin_city", ["jilin"]),
        ("city", "JILIN-CITY", ["jilin"]),
        ("city", "jilin", ["jilin"]),
        ("city", "吉林", ["jilin"]),
        ("city", "佳木斯", ["jiamusi"]),
        ("city", "临江", ["linjiang"]),
        ("city", "Siping City", ["siping"]),
        ("city", "白城市,Jiamusi", ["baicheng", "jiamusi"]),
        ("city", "白城市，Jiamusi", ["baicheng", "jiamusi"]),  # full-width comma
        ("city", "白城、佳木斯、Linjiang", ["baicheng", "jiamusi", "linjiang"]),
        ("city", " baicheng, jiamusi ,", ["baicheng", "jiamusi"]),  # blanks dropped
        ("city", ["白城", "baicheng", "Baicheng City"], ["baicheng"]),  # repeats dropped
        ("city", ["jiamusi", "白城"], ["jiamusi", "baicheng"]),  # the caller's order
        ("indicator", "preschool_gross_enrollment_rate", ["preschool_gross_enrollment_rate"]),
        ("indicator", "preschool gross enrolment rate", ["preschool_gross_enrollment_rate"]),
        ("indicator", "Preschool Gross Enrollment Rate", ["preschool_gross_enrollment_rate"]),
        (
            "indicator",
            "Preschool (three-year) gross enrolment rate",  # as the charts print it
            ["preschool_gross_enrollment_rate"],
        ),
        ("indicator", "学前（三年）教育毛入园率", ["preschool_gross_enrollment_rate"]),
        ("indicator", "学前(三年)教育毛入园率", ["preschool_gross_enrollment_rate"]),
        ("indicator", "学前三年毛入园率", ["preschool_gross_enrollment_rate"]),  # an alias
        ("indicator", "“学前三年毛入园率”", ["preschool_gross_enrollment_rate"]),
        ("indicator", "Kindergarten enrollment", ["kindergarten_enrollment"]),
        ("indicator", "kindergarten-enrolment", ["kindergarten_enrollment"]),
        ("indicator", "在园幼儿数", ["kindergarten_enrollment"]),
        ("indicator", "inclusive kindergarten coverage", ["inclusive_kindergarten_coverage"]),
        # a name that holds a separator itself is kept whole, beside others
        ("indicator", "市级以上名师、名校长人数", ["master_teacher_principal_count"]),
        (
            "indicator",
            "学前三年毛入园率、名师、名校长人数，在园幼儿数",
            [
                "preschool_gross_enrollment_rate",
                "master_teacher_principal_count",
                "kindergarten_enrollment",
            ],
        ),
        ("theme", "double_reduction", ["double_reduction"]),
        ("theme", "双减", ["double_reduction"]),
        ("theme", "“双减”", ["double_reduction"]),
        ("theme", "Preschool education", ["preschool"]),
        ("theme", "学前教育", ["preschool"]),
        ("theme", "rural revitalization", ["rural_revitalisation"]),  # American spelling
    ],
)
def test_real_names_resolve_to_ids(kind, typed, expected):
    assert real(kind).resolve(typed) == expected


@pytest.mark.parametrize("kind", list(names.KINDS))
def test_every_real_id_and_name_resolves_to_itself(kind):
    catalogue = real(kind)
    for entry in catalogue.entries:
        for name in (entry.id, entry.name_zh, entry.name_en, entry.name_en.upper()):
            try:
                assert catalogue.resolve(name) == [entry.id], name
            except names.UnknownName as exc:  # only a name two entries share may fail
                assert "is ambiguous" in str(exc) and entry.label() in str(exc)


@pytest.mark.parametrize("kind", list(names.KINDS))
def test_the_database_holds_the_same_names_as_the_registries(kind):
    """`list` and the charts read the database; before a build `list` reads the registries."""
    assert names.load_catalogue(kind, source="database").entries == real(kind).entries


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("kind", "typed", "message"),
    [
        (
            "city",
            "Baichen",
            'unknown city "Baichen"; did you mean baicheng (白城市, Baicheng)? '
            "see: python -m analysis list cities",
        ),
        (
            "city",
            "白成",
            'unknown city "白成"; did you mean baicheng (白城市, Baicheng)? '
            "see: python -m analysis list cities",
        ),
        ("city", "harbin", 'unknown city "harbin"; see: python -m analysis list cities'),
        (
            "city",
            "harbin,jiamsi",
            'unknown city "harbin"; unknown city "jiamsi"; did you mean jiamusi (佳木斯市, '
            "Jiamusi)? see: python -m analysis list cities",
        ),
        ("city", " , ，", "choose at least one city; see: python -m analysis list cities"),
        (
            "indicator",
            "中小学净入学率",  # an alias the codebook gives two indicators
            'indicator "中小学净入学率" is ambiguous: junior_secondary_net_enrollment_rate '
            "(初中净入学率, Junior secondary net enrolment rate) or primary_net_enrollment_rate "
            "(小学净入学率, Primary net enrolment rate); give one of these ids; "
            "see: python -m analysis list indicators",
        ),
        (
            "indicator",
            "literacy_rate",
            'unknown indicator "literacy_rate"; see: python -m analysis list indicators',
        ),
        ("theme", "space_race", 'unknown theme "space_race"; see: python -m analysis list themes'),
    ],
)
def test_unknown_and_ambiguous_names_say_what_to_do(kind, typed, message):
    with pytest.raises(names.UnknownName) as info:
        real(kind).resolve(typed)
    assert str(info.value) == message


@pytest.mark.parametrize("typed", ["enrolment rate", "net enrolment", "学前", "毛入学率"])
def test_at_most_three_suggestions_never_the_whole_list(typed):
    catalogue = real("indicator")
    with pytest.raises(names.UnknownName) as info:
        catalogue.resolve(typed)
    suggested = [i for i in catalogue.ids if f"{i} (" in str(info.value)]
    assert 1 <= len(suggested) <= 3, str(info.value)


# ------------------------------------------------------------------ invented places


def write_registries(root) -> dict:
    """A registry, codebook and theme dictionary for places and indicators no code knows."""
    entry = """  - source_id: {sid}
    city_id: {cid}
    file: {cid}.txt
    sha256: {sha}
    city_name_zh: {zh}
    city_name_en: {en}
    province_zh: 吉林省
    province_en: Jilin
    admin_level: {level}
    title_zh: {zh}教育规划
    title_en: {en} education plan
    document_type: {doc}
    period_start: {start}
    period_end: 2025
    baseline_year: 2020
"""
    places = [
        ("qinglan_fyp", "qinglan", "青岚市", "Qinglan", "prefecture-level city", 2021),
        ("tonghua_fyp", "tonghua", "通化市", "Tonghua", "prefecture-level city", 2021),
        ("tonghua_county_fyp", "tonghua_county", "通化县", "Tonghua County", "county", 2021),
        ("bayantala_plan", "bayantala", "巴彦塔拉旗", "Bayan Tal Banner", "banner", 2025),
    ]
    body = "sources:\n" + "".join(
        entry.format(
            sid=sid,
            cid=cid,
            sha=SHA,
            zh=zh,
            en=en,
            level=level,
            start=start,
            doc="annual_work_plan" if start == 2025 else "five_year_plan",
        )
        for sid, cid, zh, en, level, start in places
    )
    (root / "raw").mkdir()
    (root / "raw" / "sources.yaml").write_text(body, encoding="utf-8")
    indicator = """  - indicator_id: {iid}
    name_zh: {zh}
    name_en: {en}
    aliases: [{aliases}]
    unit: {unit}
    direction: higher_is_better
    stage: compulsory
    category: quality
    comparable: true
    definition: invented for a test.
"""
    (root / "indicator_codebook.yaml").write_text(
        "indicators:\n"
        + indicator.format(
            iid="reading_corner_coverage",
            zh="阅读角覆盖率",
            en="Reading corner coverage",
            aliases="阅读角覆盖率, 图书角覆盖率, 读书角比例",
            unit="percent",
        )
        + indicator.format(
            iid="labour_lesson_hours",
            zh="劳动课时",
            en="Labour lesson hours (per week)",
            aliases="劳动课时, 读书角比例",
            unit="hours",
        ),
        encoding="utf-8",
    )
    (root / "theme_codebook.yaml").write_text(
        "themes:\n  - theme_id: chess_in_schools\n    name_zh: 象棋进校园\n"
        "    name_en: Chess in schools\n    definition: invented.\n    keywords: [象棋]\n",
        encoding="utf-8",
    )
    return {
        "registry": root / "raw" / "sources.yaml",
        "codebook": root / "indicator_codebook.yaml",
        "themes": root / "theme_codebook.yaml",
    }


@pytest.fixture()
def invented(tmp_path):
    where = write_registries(tmp_path)
    return {
        kind: names.load_catalogue(kind, tmp_path / "none.duckdb", **where) for kind in names.KINDS
    }


@pytest.mark.parametrize(
    ("kind", "typed", "expected"),
    [
        ("city", "青岚", ["qinglan"]),
        ("city", "青岚市", ["qinglan"]),
        ("city", "QINGLAN CITY", ["qinglan"]),
        ("city", "qinglan", ["qinglan"]),
        ("city", "通化市", ["tonghua"]),
        ("city", "通化县", ["tonghua_county"]),
        ("city", "tonghua", ["tonghua"]),  # an exact id or name wins over a shortened one
        ("city", "Tonghua County", ["tonghua_county"]),
        ("city", "tonghua-county", ["tonghua_county"]),
        ("city", "巴彦塔拉", ["bayantala"]),  # 旗, a banner
        ("city", "Bayan Tal", ["bayantala"]),
        ("city", "bayan_tal_banner", ["bayantala"]),
        ("city", "青岚、通化县", ["qinglan", "tonghua_county"]),
        ("indicator", "图书角覆盖率", ["reading_corner_coverage"]),
        ("indicator", "reading-corner-coverage", ["reading_corner_coverage"]),
        ("indicator", "labor lesson hours", ["labour_lesson_hours"]),
        ("indicator", "Labour lesson hours (per week)", ["labour_lesson_hours"]),
        ("theme", "象棋进校园", ["chess_in_schools"]),
        ("theme", "CHESS IN SCHOOLS", ["chess_in_schools"]),
    ],
)
def test_invented_names_resolve_to_ids(invented, kind, typed, expected):
    assert invented[kind].resolve(typed) == expected


@pytest.mark.parametrize(
    ("kind", "typed", "message"),
    [
        (
            "city",
            "通化",
            'city "通化" is ambiguous: tonghua (通化市, Tonghua) or tonghua_county (通化县, '
            "Tonghua County); give one of these ids; see: python -m analysis list cities",
        ),
        (
            "city",
            "Qinlan",
            'unknown city "Qinlan"; did you mean qinglan (青岚市, Qinglan)? '
            "see: python -m analysis list cities",
        ),
        (
            "indicator",
            "读书角比例",
            'indicator "读书角比例" is ambiguous: labour_lesson_hours (劳动课时, Labour lesson '
            "hours (per week)) or reading_corner_coverage (阅读角覆盖率, Reading corner "
            "coverage); give one of these ids; see: python -m analysis list indicators",
        ),
        ("city", "baicheng", 'unknown city "baicheng"; see: python -m analysis list cities'),
    ],
)
def test_invented_errors(invented, kind, typed, message):
    with pytest.raises(names.UnknownName) as info:
        invented[kind].resolve(typed)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        ("city_suffixes_zh: [市]\ncity_suffixes_en: [City]\nspellings: {}\n", ":2:"),
        ("city_suffixes_zh: [市]\ncity_suffixes_en: [city]\nspellings: {labor: 2}\n", ":3:"),
        ("city_suffixes_zh: [市]\ncity_suffixes_en: [city]\n", "spellings"),
    ],
)
def test_bad_matching_rules_name_the_file_and_line(tmp_path, yaml_text, problem):
    path = tmp_path / "name_matching.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        names.load_rules(path)
    assert str(path) in str(info.value) and problem in str(info.value)


# ------------------------------------------------------------------ the notebooks' checks


@pytest.mark.parametrize(
    ("call", "typed", "expected"),
    [
        (figures.check_cities, "白城市，Jiamusi", ["baicheng", "jiamusi"]),
        (figures.check_cities, ["Jilin City", "siping"], ["jilin", "siping"]),
        (figures.check_indicators, ["学前三年毛入园率"], ["preschool_gross_enrollment_rate"]),
        (figures.check_themes, "双减", ["double_reduction"]),
    ],
)
def test_figures_checks_accept_names(call, typed, expected):
    assert call(typed) == expected


def test_figures_checks_without_a_choice_give_every_built_id():
    assert figures.check_cities(None) == figures.valid_cities()
    assert figures.check_indicators(None) == figures.valid_indicators()


def test_figures_checks_refuse_a_typo_with_a_suggestion():
    with pytest.raises(figures.SelectionError, match=r"did you mean jiamusi \(佳木斯市"):
        figures.check_cities(["jiamsi"])


# ------------------------------------------------------------------ the command line


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_cities_shows_every_registered_city_aligned(capsys):
    code, out, err = run(capsys, "list", "cities")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["id", "name_zh", "name_en", "province", "document", "period"]
    assert lines[-1] == "5 cities, read from data/curated/plans.duckdb"
    rows = lines[1:-1]
    for source, line in zip(load_sources(paths.SOURCES_YAML), rows, strict=True):
        meta = source.meta
        assert line.startswith(source.city_id + " ")
        assert meta["city_name_zh"] in line and meta["city_name_en"] in line
        assert meta["province_zh"] in line and meta["document_type"] in line
    # aligned on screen: each English name starts in the same column, Chinese counted twice
    starts = {
        name_list.display_width(line[: line.index(s.meta["city_name_en"])])
        for s, line in zip(load_sources(paths.SOURCES_YAML), rows, strict=True)
    }
    assert len(starts) == 1


def test_list_indicators_as_csv(capsys):
    code, out, err = run(capsys, "list", "INDICATORS", "--format", "CSV")
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    assert {r["id"] for r in table} == set(figures.valid_indicators())
    row = next(r for r in table if r["id"] == "preschool_gross_enrollment_rate")
    assert row == {
        "id": "preschool_gross_enrollment_rate",
        "name_zh": "学前（三年）教育毛入园率",
        "name_en": "Preschool (three-year) gross enrolment rate",
        "unit": "percent",
    }
    assert err.startswith(f"{len(table)} indicators, read from data/curated/plans.duckdb")


def test_list_before_a_build_reads_the_registries(capsys, tmp_path):
    where = write_registries(tmp_path)
    args = [f"--{k}={v}" for k, v in where.items()]
    code, out, _ = run(capsys, "list", "cities", "--database", str(tmp_path / "no.duckdb"), *args)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[1:-1]] == [
        "qinglan",
        "tonghua",
        "tonghua_county",
        "bayantala",
    ]
    assert "巴彦塔拉旗  Bayan Tal Banner" in out and "annual_work_plan  2025" in out
    assert out.splitlines()[-1].startswith(f"4 cities, read from {where['registry']} (")
    assert "is not built yet: run python -m analysis build" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--format", "PNG,Svg"], {"format": ("png", "svg")}),
        (["--lang", "EN"], {"lang": "en"}),
        (["--size", "A4-half"], {"size": "a4-half"}),
        (["--size", "180X100MM"], {"size": "180x100mm"}),
        (["--measure", "Share"], {"measure": "share"}),
        (["--cities", "白城市，Jiamusi"], {"cities": ("白城市，Jiamusi",)}),  # names split it
    ],
)
def test_export_choices_are_case_insensitive(args, expected):
    parsed = cli._parser().parse_args(["export", "GAP", *args])
    assert parsed.chart == "gap"
    assert {k: getattr(parsed, k) for k in expected} == expected


def test_export_typo_exits_2_with_one_line_and_no_traceback(tmp_path):
    """As a policy writer runs it: a separate process, its whole stderr."""
    done = subprocess.run(
        [
            *(sys.executable, "-m", "analysis", "export", "gap"),
            *("--indicators", "preschool gross enrolment rate", "--cities", "白城市,Baichen"),
            *("--out-dir", str(tmp_path)),
        ],
        capture_output=True,
        text=True,
        cwd=paths.ROOT,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        'error: unknown city "Baichen"; did you mean baicheng (白城市, Baicheng)? '
        "see: python -m analysis list cities\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_list_help_ends_with_examples_that_run_and_print_what_it_shows(capsys):
    from analysis.cli_help import LIST_EPILOG

    lines = LIST_EPILOG.splitlines()
    examples = [
        line.split(">")[0].split()[4:]
        for line in lines
        if line.strip().startswith("python -m analysis list")
    ]
    assert {e[0] for e in examples} == set(names.KINDS.values())
    for example in examples:
        assert run(capsys, "list", *example)[0] == 0
    shown = lines[lines.index("prints, for instance:") + 1 :]
    shown = [
        line.strip()
        for line in shown[: shown.index("  5 cities, read from data/curated/plans.duckdb") + 1]
    ]
    printed = run(capsys, "list", "cities")[1].splitlines()
    assert shown and all(line in printed for line in shown if line != "...")


def test_list_into_a_closed_pipe_is_not_an_error(capsys, monkeypatch, tmp_path):
    """`python -m analysis list indicators | head -3`: the reader leaves early."""
    sink = (tmp_path / "sink").open("w")

    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self):
            return sink.fileno()

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    code = cli.main(["list", "indicators"])
    sink.close()
    assert code == 0 and capsys.readouterr().err == ""


def test_list_says_which_registered_cities_the_database_does_not_hold(capsys, tmp_path):
    """Registered after the last build: listed as missing, not silently left out."""
    where = write_registries(tmp_path)
    code, out, _ = run(capsys, "list", "cities", f"--registry={where['registry']}")
    assert code == 0
    assert out.splitlines()[-1] == (
        "5 cities, read from data/curated/plans.duckdb; registered but not in the database: "
        "qinglan, tonghua, tonghua_county, bayantala (run: python -m analysis build)"
    )
