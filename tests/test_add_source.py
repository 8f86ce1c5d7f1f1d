"""add-source: inference from the text, the registry edit, the copy, and the build."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

import analysis.add_source as add_source_module
from analysis import paths
from analysis.add_source import BuildAfterAddFailed, add_source, register_source
from analysis.build import BuildConfig, build
from analysis.cli import main
from analysis.errors import InputError
from analysis.plan_metadata import infer_metadata
from analysis.source_entry import NewSource, decide, parse_period
from analysis.sources import load_sources, read_raw, unregistered_files

# An invented plan: a two-line title, one target sentence, a province, a printing line.
PLAN = """通化市“十四五”教育发展规划
（2021－2025年）

一、发展目标
到2025年，学前教育毛入园率达到92%。
全面落实吉林省教育强省部署。

通化市人民政府办公室 2022年 3月 15日印发
"""
PLAN_NAME = "tonghua_14th_fyp_education.txt"
TONGHUA = NewSource(city_id="tonghua", city_zh="通化市", city_en="Tonghua")
CURATED_YAML = [
    "indicator_codebook.yaml",
    "extraction_rules.yaml",
    "corrections.yaml",
    "theme_codebook.yaml",
]


# ---------------------------------------------------------------- inference tables

TITLES = [
    # (text, title, first line, last line or None)
    (
        "白城市“十四五”教育发展规划\n\n为构建高质量发展教育体系，制定本规划。",
        "白城市“十四五”教育发展规划",
        1,
        None,
    ),
    (
        " 白城市“十四五”教育发展规划\n（2021－2025年）\n\n正文。",
        "白城市“十四五”教育发展规划（2021－2025年）",
        1,
        2,
    ),
    (
        "\n\n 白城市“十四五”教育发展规划\n\n（2021－2025年）\n",
        "白城市“十四五”教育发展规划（2021－2025年）",
        3,
        5,
    ),
    (
        "\n\n# 临江市“十四五”教育发展规划\n\n根据上级规划，制定本规划。",
        "临江市“十四五”教育发展规划",
        3,
        None,
    ),
    ("\t吉林市“十四五”教育发展规划\n\t一、把握新发展阶段\n", "吉林市“十四五”教育发展规划", 1, None),
    ("<p>某县2022年全市教育工作要点</p>\n一、总体要求", "某县2022年全市教育工作要点", 1, None),
    # a covering notice first: its lines quote the title but are not the title
    (
        "关于印发《佳木斯市“十四五”教育事业发展规划》的通知\n各县(市)区人民政府:\n"
        "现将《佳木斯市“十四五”教育事业发展规划》印发给你们,请认真贯彻执行。\n"
        "佳木斯市人民政府\n2022年12月1日\n佳木斯市“十四五”教育事业发展规划\n为服务经济发展,制定本规划。",
        "佳木斯市“十四五”教育事业发展规划",
        6,
        None,
    ),
]


@pytest.mark.parametrize(("text", "title", "line", "last_line"), TITLES)
def test_title(text, title, line, last_line):
    found = infer_metadata(text).title_zh
    assert found is not None
    assert (found.value, found.line, found.last_line) == (title, line, last_line)


NO_TITLE = [
    "\n\n2021\n\n2021年全市教育工作的总体思路是：以新思想为指导。\n\n一、全面加强党的领导\n",
    "一、加强规划实施\n（一）完善规划体系。",  # numbered section headings are not titles
    "到2025年，学前教育毛入园率达到92%。\n认真落实《吉林省“十四五”教育发展规划》。",
]


@pytest.mark.parametrize("text", NO_TITLE)
def test_no_title(text):
    assert infer_metadata(text).title_zh is None


PERIODS = [
    # (text, period, document type, line the period came from)
    ("白城市“十四五”教育发展规划\n（2021－2025年）", (2021, 2025), "five_year_plan", 1),
    ("某市教育事业发展规划（2021－2025年）\n正文。", (2021, 2025), "five_year_plan", 1),
    ("某市教育事业发展规划（2021-2025）\n正文。", (2021, 2025), "five_year_plan", 1),
    ("某市教育事业发展规划（2021年—2025年）\n正文。", (2021, 2025), "five_year_plan", 1),
    ("临江市“十四五”教育发展规划\n正文，“十三五”期间成绩显著。", (2021, 2025), "five_year_plan", 1),
    ("某市教育第十四个五年规划\n正文。", (2021, 2025), "five_year_plan", 1),
    ("某市“十三五”教育发展规划\n正文。", (2016, 2020), "five_year_plan", 1),
    ("某市“十五五”教育发展规划\n正文。", (2026, 2030), "five_year_plan", 1),
    ("2022年全市教育工作要点\n一、总体要求", (2022, 2022), "annual_work_plan", 1),
    ("某市2023年教育工作计划\n一、总体要求", (2023, 2023), "annual_work_plan", 1),
    ("某市2024年度教育工作要点\n正文。", (2024, 2024), "annual_work_plan", 1),
    # a multi-year 工作计划 is not an annual plan; the type then follows from the period
    ("某市2021—2025年教育工作计划\n正文。", (2021, 2025), None, 1),
    # no title, but the text states its own period in a sentence
    ("前言\n\n本规划期限为2021—2025年，基期为2020年。", (2021, 2025), "five_year_plan", 3),
]


@pytest.mark.parametrize(("text", "period", "document_type", "line"), PERIODS)
def test_period_and_document_type(text, period, document_type, line):
    inferred = infer_metadata(text)
    assert inferred.period is not None
    assert (inferred.period.value, inferred.period.line) == (period, line)
    found_type = inferred.document_type.value if inferred.document_type else None
    assert found_type == document_type


NO_PERIOD = [
    "到2025年，学前教育毛入园率达到92%。",
    # the body names the 14th plan, but the text does not say it is that plan
    "\n\n2021\n\n2021年全市教育工作的总体思路是：做好“十四五”开局之年各项工作。\n",
    "推进十五年一贯制学校建设。",  # 十五年 is fifteen years, not the 10th five-year plan
    "某市教育发展规划\n2015-2020年成绩回顾。",  # a heading without years; the range is a sentence
    "某市教育现代化规划（2021—2035年）\n正文。",  # fifteen years: not a plan period of ours
    "某市教育发展规划（2025-2021年）\n正文。",  # ends before it starts
]


@pytest.mark.parametrize("text", NO_PERIOD)
def test_no_period(text):
    assert infer_metadata(text).period is None


ISSUE_DATES = [
    # (text, date, line)
    ("规划正文。\n\n白城市人民政府办公室文电科 2022年 11月 28日印发\n", dt.date(2022, 11, 28), 3),
    ("规划正文。\n白城市人民政府办公室 二〇二二年十一月二十八日印发", dt.date(2022, 11, 28), 2),
    ("规划正文。\n印发日期：2023年1月5日", dt.date(2023, 1, 5), 2),
    (
        "各区县：\n现将规划印发给你们。\n某市人民政府\n2022年12月1日\n某市“十四五”教育规划",
        dt.date(2022, 12, 1),
        4,
    ),
    ("某市人民政府\n二〇二三年三月五日\n某市“十四五”教育规划\n正文。", dt.date(2023, 3, 5), 2),
    ("某市人民政府\n（二〇二一年十月十日）\n某市规划\n正文。", dt.date(2021, 10, 10), 2),
    ("正文。\n\n某市教育局\n2021年12月31日\n", dt.date(2021, 12, 31), 4),
]


@pytest.mark.parametrize(("text", "date", "line"), ISSUE_DATES)
def test_issue_date(text, date, line):
    found = infer_metadata(text).issue_date
    assert found is not None
    assert (found.value, found.line) == (date, line)


NO_ISSUE_DATE = [
    "到2025年，学前教育毛入园率达到92%。",
    "2022年12月1日，全市召开教育大会，部署全年工作。",  # a date in a sentence is not an issue date
    "正文。\n某市人民政府办公室 2022年13月40日印发",  # not a calendar date
    "标题\n" + "正文。\n" * 30 + "2021年5月10日印发了实施方案。\n" + "正文。\n" * 30,  # the body
]


@pytest.mark.parametrize("text", NO_ISSUE_DATE)
def test_no_issue_date(text):
    assert infer_metadata(text).issue_date is None


def test_a_text_stating_nothing_infers_nothing():
    inferred = infer_metadata("到2025年，学前教育毛入园率达到92%。\n加强师资队伍建设。")
    assert inferred.title_zh is None
    assert inferred.period is None
    assert inferred.issue_date is None
    assert inferred.document_type is None
    assert inferred.province is None


def test_province_is_the_one_named_most_often():
    text = "正文。\n学习浙江省经验。\n落实吉林省部署。\n吉林省教育厅要求。"
    found = infer_metadata(text).province
    assert (found.value, found.line) == (("吉林省", "Jilin"), 3)


# ---------------------------------------------------------------- options win over the text


def choices(request: NewSource, text: str = PLAN) -> dict:
    return {d.field: d for d in decide(request, infer_metadata(text), text, Path("plan.txt"))}


def test_inferred_values_and_defaults():
    chosen = choices(TONGHUA)
    assert chosen["title_zh"].value == "通化市“十四五”教育发展规划（2021－2025年）"
    assert chosen["title_zh"].how == "inferred"
    assert "lines 1-2" in chosen["title_zh"].detail
    assert chosen["period"].value == (2021, 2025)
    assert chosen["issue_date"].value == dt.date(2022, 3, 15)
    assert "line 8" in chosen["issue_date"].detail
    assert (chosen["baseline_year"].value, chosen["baseline_year"].how) == (2020, "default")
    assert "period_start - 1" in chosen["baseline_year"].detail
    assert chosen["source_id"].value == "tonghua_fyp_2021_2025"
    assert (
        chosen["title_en"].value == "Tonghua 14th Five-Year Education Development Plan (2021-2025)"
    )
    assert "title_note" not in chosen


def test_explicit_options_win():
    request = NewSource(
        city_id="tonghua",
        city_zh="通化市",
        city_en="Tonghua",
        period=(2022, 2022),
        issue_date=dt.date(2023, 1, 2),
        title_zh="通化市2022年教育工作要点",
        province_zh="黑龙江省",
        baseline_year=2019,
    )
    chosen = choices(request)
    assert chosen["period"].value == (2022, 2022) and chosen["period"].how == "given"
    # the text says five-year plan, but a single-year period makes it an annual plan
    assert chosen["document_type"].value == "annual_work_plan"
    assert chosen["source_id"].value == "tonghua_work_plan_2022"
    assert chosen["issue_date"].value == dt.date(2023, 1, 2)
    assert chosen["title_zh"].value == "通化市2022年教育工作要点"
    assert chosen["title_note"].value == "the title is not in the text; supplied with --title-zh"
    assert (chosen["province_zh"].value, chosen["province_en"].value) == (
        "黑龙江省",
        "Heilongjiang",
    )
    assert chosen["baseline_year"].value == 2019


def test_outline_only_when_told():
    assert choices(TONGHUA)["document_type"].value == "five_year_plan"
    told = NewSource(
        city_id="tonghua", city_zh="通化市", city_en="Tonghua", document_type="outline"
    )
    chosen = choices(told)
    assert chosen["document_type"].value == "outline"
    assert chosen["source_id"].value == "tonghua_fyp_outline_2021_2025"


def test_a_text_without_period_needs_period():
    text = "\n\n2021\n\n2021年全市教育工作的总体思路是：以新思想为指导。\n"
    with pytest.raises(InputError, match="--period"):
        choices(TONGHUA, text)
    request = NewSource(
        city_id="siping2",
        city_zh="四平市",
        city_en="Siping",
        province_zh="吉林省",
        period=(2021, 2021),
    )
    chosen = choices(request, text)
    assert chosen["document_type"].value == "annual_work_plan"
    assert chosen["title_zh"].how == "default"
    assert chosen["title_note"].value.startswith("the title is not in the text")
    assert chosen["issue_date"].value is None
    assert chosen["issue_date_note"].value == "the text states no issue date"


def test_a_text_naming_no_province_needs_province():
    with pytest.raises(InputError, match="--province-zh"):
        choices(TONGHUA, "某市“十四五”教育发展规划\n正文。")


@pytest.mark.parametrize(
    ("text", "period"),
    [("2021-2025", (2021, 2025)), ("2021－2025", (2021, 2025)), ("2022", (2022, 2022))],
)
def test_parse_period(text, period):
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["2025-2021", "21-25", "2022年", ""])
def test_parse_period_refuses(text):
    with pytest.raises(ValueError):
        parse_period(text)


# ---------------------------------------------------------------- end to end on a copy


@pytest.fixture()
def project(tmp_path):
    """A copy of data/raw and the curated YAML configuration, and a plan to add."""
    raw = tmp_path / "raw"
    shutil.copytree(paths.RAW_DIR, raw)
    curated = tmp_path / "curated"
    curated.mkdir()
    for name in CURATED_YAML:
        shutil.copy2(paths.CURATED_DIR / name, curated / name)
    plan = tmp_path / "incoming" / PLAN_NAME
    plan.parent.mkdir()
    plan.write_text(PLAN, encoding="utf-8")
    config = BuildConfig(
        registry=raw / "sources.yaml",
        codebook=curated / "indicator_codebook.yaml",
        rules=curated / "extraction_rules.yaml",
        corrections=curated / "corrections.yaml",
        themes=curated / "theme_codebook.yaml",
        database=tmp_path / "out" / "plans.duckdb",
        exports_dir=tmp_path / "out",
    )
    return raw / "sources.yaml", plan, config


def test_add_source_registers_copies_and_builds(project):
    registry, plan, config = project
    before = registry.read_text(encoding="utf-8")
    added = add_source(plan, TONGHUA, registry=registry, build_config=config)

    copied = registry.parent / PLAN_NAME
    assert copied.read_bytes() == plan.read_bytes()
    sources = {s.source_id: s for s in load_sources(registry)}
    new = sources["tonghua_fyp_2021_2025"]
    assert new.meta["sha256"] == hashlib.sha256(plan.read_bytes()).hexdigest()
    assert read_raw(new) == PLAN  # the checksum the build checks holds
    expected = {
        "city_id": "tonghua",
        "file": PLAN_NAME,
        "city_name_zh": "通化市",
        "province_zh": "吉林省",
        "province_en": "Jilin",
        "admin_level": "prefecture-level city",
        "title_zh": "通化市“十四五”教育发展规划（2021－2025年）",
        "document_type": "five_year_plan",
        "period_start": 2021,
        "period_end": 2025,
        "issue_date": "2022-03-15",
        "baseline_year": 2020,
        "known_defects": [],
        "parent_city_zh": None,
    }
    assert {k: new.meta[k] for k in expected} == expected
    assert list(sources)[:-1] == [s.source_id for s in load_sources(paths.SOURCES_YAML)]

    # appended as text: removing the new entry's lines gives back the old file exactly
    after = registry.read_text(encoding="utf-8")
    lines = after.splitlines(keepends=True)
    first = lines.index("  - source_id: tonghua_fyp_2021_2025\n")
    last = lines.index("    known_defects: []\n", first)
    assert "".join(lines[:first] + lines[last + 1 :]) == before
    assert "# Reference layers" in after

    # the build includes the new city, with the value its sentence states
    result = added.build
    assert "tonghua" in [row["city_id"] for row in result.sources]
    assert {"baicheng", "jiamusi", "tonghua"} <= {o.city_id for o in result.observations}
    mine = [o for o in result.observations if o.city_id == "tonghua"]
    assert [(o.indicator_id, o.year, o.value) for o in mine] == [
        ("preschool_gross_enrollment_rate", 2025, 92.0)
    ]
    assert "tonghua" in (config.exports_dir / "sources.csv").read_text(encoding="utf-8")


def test_an_added_city_gets_its_vocabulary_without_code_change(project):
    from analysis.vocabulary import distinctive_terms, load_settings

    registry, plan, config = project
    add_source(plan, TONGHUA, registry=registry, build_config=config)
    sources = load_sources(registry)
    _, totals = distinctive_terms(
        sources, {s.source_id: read_raw(s) for s in sources}, load_settings()
    )
    assert totals["tonghua"] > 0 and set(totals) == {s.city_id for s in sources}


def test_no_build_leaves_the_exports_alone(project):
    registry, plan, config = project
    added = add_source(plan, TONGHUA, registry=registry, build_config=config, run_build=False)
    assert added.build is None
    assert not config.exports_dir.exists()
    assert "tonghua" in [s.city_id for s in load_sources(registry)]


def test_report_names_inferred_lines_and_defaults(project):
    registry, plan, _ = project
    report = register_source(plan, TONGHUA, registry).report()
    assert "inferred title_zh" in report and "lines 1-2" in report
    assert "inferred issue_date" in report and "line 8" in report
    assert "default  baseline_year   2020" in report and "period_start - 1" in report
    assert "period          2021-2025" in report


def test_a_plan_already_in_raw_is_registered_in_place(project):
    registry, plan, _ = project
    in_place = registry.parent / PLAN_NAME
    shutil.copy2(plan, in_place)
    added = register_source(in_place, TONGHUA, registry)
    assert not added.copied and added.raw_path == in_place
    assert in_place.read_bytes() == plan.read_bytes()


def assert_unchanged(registry: Path, before: bytes) -> None:
    assert registry.read_bytes() == before
    assert not (registry.parent / PLAN_NAME).exists()
    assert not list(registry.parent.glob(".sources-*"))  # no temporary file left behind


def test_duplicate_city_id_is_refused(project):
    registry, plan, config = project
    before = registry.read_bytes()
    request = NewSource(city_id="baicheng", city_zh="白城市", city_en="Baicheng")
    with pytest.raises(InputError, match="city_id 'baicheng' is already registered") as err:
        add_source(plan, request, registry=registry, build_config=config)
    assert err.value.path == registry and err.value.line == 5
    assert_unchanged(registry, before)


def test_duplicate_source_id_is_refused(project):
    registry, plan, _ = project
    before = registry.read_bytes()
    request = NewSource(
        city_id="tonghua", city_zh="通化市", city_en="Tonghua", source_id="siping_work_plan_2021"
    )
    with pytest.raises(InputError, match="source_id 'siping_work_plan_2021' is already registered"):
        register_source(plan, request, registry)
    assert_unchanged(registry, before)


def test_a_different_file_of_the_same_name_is_refused(project):
    registry, plan, _ = project
    original = registry.parent / "linjiang_14th_fyp_education.txt"
    clash = plan.with_name(original.name)
    clash.write_text(PLAN, encoding="utf-8")
    before, original_bytes = registry.read_bytes(), original.read_bytes()
    with pytest.raises(
        InputError, match=r"file 'linjiang_14th_fyp_education\.txt' is already registered"
    ):
        register_source(clash, TONGHUA, registry)
    assert registry.read_bytes() == before and original.read_bytes() == original_bytes

    unregistered_same_name = registry.parent / PLAN_NAME
    unregistered_same_name.write_text("另一份文件", encoding="utf-8")
    with pytest.raises(InputError, match="a different file named") as err:
        register_source(plan, TONGHUA, registry)
    assert err.value.path == unregistered_same_name
    assert unregistered_same_name.read_text(encoding="utf-8") == "另一份文件"
    assert registry.read_bytes() == before


@pytest.mark.parametrize(
    "encode, hint",
    [
        (lambda t: t.encode("gbk"), "it looks like GB18030: .*iconv -f GB18030 -t UTF-8"),
        (lambda t: t.encode("utf-16"), "it looks like UTF-16: .*iconv -f UTF-16 -t UTF-8"),
        (lambda t: bytes(range(128, 256)) * 4, "does not look like text"),
    ],
    ids=["gbk", "utf-16", "binary"],
)
def test_non_utf8_is_refused_with_the_encoding_it_looks_like(project, encode, hint):
    registry, plan, _ = project
    plan.write_bytes(encode(PLAN))
    before = registry.read_bytes()
    with pytest.raises(InputError, match=r"not valid UTF-8.*" + hint) as err:
        register_source(plan, TONGHUA, registry)
    assert err.value.path == plan and err.value.line == 1
    assert_unchanged(registry, before)


def test_a_bad_city_id_is_refused(project):
    registry, plan, _ = project
    before = registry.read_bytes()
    request = NewSource(city_id="Tong Hua", city_zh="通化市", city_en="Tonghua")
    with pytest.raises(InputError, match="snake_case"):
        register_source(plan, request, registry)
    assert_unchanged(registry, before)


def test_an_entry_that_fails_validation_leaves_sources_yaml_untouched(project, monkeypatch):
    """The new registry is loaded before it replaces the old one."""
    registry, plan, _ = project
    before = registry.read_bytes()
    make_entry = add_source_module.make_entry

    def without_title_en(*args):
        entry = make_entry(*args)
        entry["title_en"] = None  # a required field
        return entry

    monkeypatch.setattr(add_source_module, "make_entry", without_title_en)
    with pytest.raises(InputError, match=r"would make this file invalid.*title_en") as err:
        register_source(plan, TONGHUA, registry)
    assert err.value.path == registry
    assert_unchanged(registry, before)


def test_a_failed_build_keeps_the_registration_and_the_published_exports(project):
    registry, plan, config = project
    build(config)
    published = (config.exports_dir / "sources.csv").read_bytes()
    broken = BuildConfig(
        **{**config.__dict__, "codebook": config.codebook.with_name("missing.yaml")}
    )
    with pytest.raises(BuildAfterAddFailed) as err:
        add_source(plan, TONGHUA, registry=registry, build_config=broken)
    assert isinstance(err.value, InputError)
    assert err.value.path.name == "missing.yaml"
    assert "python -m analysis build" in err.value.advice()
    assert "tonghua" in [s.city_id for s in load_sources(registry)]
    assert (config.exports_dir / "sources.csv").read_bytes() == published


# ---------------------------------------------------------------- unregistered_files


def test_unregistered_files(project):
    registry, plan, _ = project
    raw = registry.parent
    assert unregistered_files(registry) == []
    stray = raw / "stray_plan.txt"
    stray.write_text("某市教育规划", encoding="utf-8")
    (raw / ".hidden.txt").write_text("x", encoding="utf-8")
    (raw / "README.md").write_text("x", encoding="utf-8")
    (raw / "reference" / "unlisted.csv").write_text("x", encoding="utf-8")
    (raw / "subfolder").mkdir()
    assert unregistered_files(registry) == [stray]

    shutil.copy2(plan, raw / PLAN_NAME)
    assert unregistered_files(registry) == [stray, raw / PLAN_NAME]
    register_source(raw / PLAN_NAME, TONGHUA, registry)
    assert unregistered_files(registry) == [stray]


def test_the_real_registry_registers_every_raw_file():
    assert unregistered_files(paths.SOURCES_YAML) == []


# ---------------------------------------------------------------- command line


def cli_args(plan: Path, registry: Path, *extra: str) -> list[str]:
    return [
        "add-source",
        str(plan),
        "--city-id",
        "tonghua",
        "--city-zh",
        "通化市",
        "--city-en",
        "Tonghua",
        "--registry",
        str(registry),
        *extra,
    ]


def test_cli_no_build(project, capsys):
    registry, plan, _ = project
    assert main(cli_args(plan, registry, "--no-build", "--period", "2021-2025")) == 0
    out = capsys.readouterr().out
    assert "registered 'tonghua_fyp_2021_2025'" in out
    assert "given    period" in out
    assert "inferred issue_date      2022-03-15" in out
    assert "not built (--no-build)" in out
    assert "tonghua" in [s.city_id for s in load_sources(registry)]


def test_cli_builds(project, capsys):
    registry, plan, config = project
    out_dir = config.exports_dir
    args = ["--database", str(out_dir / "plans.duckdb"), "--exports-dir", str(out_dir)]
    assert main(cli_args(plan, registry, *args)) == 0
    out = capsys.readouterr().out
    assert any(line.startswith("tonghua ") for line in out.splitlines())
    assert (out_dir / "plans.duckdb").is_file()


def test_cli_error_names_file_and_line(project, capsys):
    registry, plan, _ = project
    before = registry.read_bytes()
    args = cli_args(plan, registry, "--no-build")
    args[args.index("tonghua")] = "jiamusi"
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {registry}:")
    assert "city_id 'jiamusi' is already registered" in err
    assert registry.read_bytes() == before


def test_cli_help_ends_with_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["add-source", "--help"])
    out = capsys.readouterr().out
    assert "python -m analysis add-source ~/plans/" in out
    assert "--period" in out and "--no-build" in out
