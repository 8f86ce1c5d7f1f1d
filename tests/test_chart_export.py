"""`analysis export`: briefing charts with their sources printed on them and a sidecar.

These run against the built database (data/curated/plans.duckdb, which `make test`
builds first), as a policy writer would.
"""

from __future__ import annotations

import hashlib
import json
import re
import shlex
import unicodedata

import pandas as pd
import pypdfium2 as pdfium
import pytest
from PIL import Image

from analysis import cli, names, paths, report
from analysis.chart_export import CHARTS, SIZE_PRESETS, ChartRequest, export_charts, parse_size
from analysis.figures import SelectionError

PRESCHOOL = "preschool_gross_enrollment_rate"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path) -> str:
    page = pdfium.PdfDocument(path)[0]
    return page.get_textpage().get_text_range()


def cjk(text: str) -> list[str]:
    return [c for c in text if unicodedata.east_asian_width(c) == "W" and c.isalpha()]


def raw_text(file: str) -> str:
    return (paths.RAW_DIR / file).read_text(encoding="utf-8")


# ------------------------------------------------------------------ the "done when" chart


@pytest.fixture(scope="module")
def briefing(tmp_path_factory):
    """A bilingual PDF of the gap to target for chosen cities, as the issue asks for."""
    out = tmp_path_factory.mktemp("briefing")
    code = cli.main(
        [
            "export",
            "gap",
            "--indicators",
            PRESCHOOL,
            "--cities",
            "baicheng,jiamusi,jilin",
            "--lang",
            "bilingual",
            "--format",
            "pdf,png",
            "--size",
            "a4-half",
            "--out-dir",
            str(out),
        ]
    )
    assert code == 0
    name = f"gap_{PRESCHOOL}_baicheng-jiamusi-jilin_bilingual_a4-half"
    return out, name, json.loads((out / f"{name}.json").read_text(encoding="utf-8"))


def test_bilingual_pdf_has_chinese_glyphs_as_text_and_its_sources(briefing):
    out, name, _ = briefing
    text = pdf_text(out / f"{name}.pdf")
    # Chinese is real text (embedded glyphs with a ToUnicode map), not pictures of it
    assert "学前（三年）教育毛入园率：2020基线与2025目标 · Preschool (three-year)" in text
    assert "Baicheng 白城市 †" in text
    assert "Sources: Baicheng plan (专栏 1 l.147; 专栏 2 l.371)" in " ".join(text.split())
    assert "Jiamusi plan" in text


def test_a_city_that_states_nothing_is_drawn_as_not_stated_never_zero(briefing):
    out, name, side = briefing
    text = " ".join(pdf_text(out / f"{name}.pdf").split())
    assert "Jilin City 吉林市" in text
    assert "基线、目标未载明 baseline, target not stated" in text
    assert not [o for o in side["observations"] if o["city_id"] == "jilin"]
    assert side["selection"]["cities"] == ["baicheng", "jiamusi", "jilin"]


def test_sidecar_spans_reproduce_their_quotes_in_the_raw_files(briefing):
    _, _, side = briefing
    plotted = [o for o in side["observations"] if o["plotted"]]
    # Baicheng and Jiamusi each have a 2020 baseline and a 2025 target
    assert {(o["city_id"], o["year"]) for o in plotted} == {
        ("baicheng", 2020),
        ("baicheng", 2025),
        ("jiamusi", 2020),
        ("jiamusi", 2025),
    }
    for o in side["observations"]:
        raw = raw_text(o["file"])
        assert raw[o["char_start"] : o["char_end"]] == o["quote"], o["observation_id"]
        assert raw[o["label_start"] : o["label_end"]] == o["label_quote"], o["observation_id"]
    # the conflicting values the chart did not plot are listed, each with its rule
    unplotted = [o for o in side["observations"] if not o["plotted"]]
    assert unplotted and all(o["conflict_id"] and not o["preferred"] for o in unplotted)
    assert all(
        o["preference_reason"] for o in side["observations"] if o["preferred"] and o["conflict_id"]
    )
    national = side["national_reference"]
    assert {(r["year"], r["value"]) for r in national} == {(2020, 85.2), (2025, 90.0)}


def test_sidecar_names_the_database_build_and_the_files(briefing):
    out, _, side = briefing
    builds = report.query("SELECT DISTINCT build_id FROM build_inputs")
    assert side["database"]["build_id"] == builds.build_id.item()
    for entry in side["database"]["inputs"]:
        digest = hashlib.sha256((paths.ROOT / entry["path"]).read_bytes()).hexdigest()
        assert digest == entry["sha256"], entry["path"]
    assert {e["kind"] for e in side["database"]["inputs"]} >= {"plan", "registry", "codebook"}
    for entry in side["files"]:
        assert hashlib.sha256((out / entry["file"]).read_bytes()).hexdigest() == entry["sha256"]
    assert side["command"].startswith("python -m analysis export gap --indicators")


def test_size_preset_sets_the_page_size_and_dpi_the_pixels(briefing):
    out, name, side = briefing
    width_mm, height_mm = SIZE_PRESETS["a4-half"]
    assert (side["size"]["width_mm"], side["size"]["height_mm"]) == (width_mm, height_mm)
    with Image.open(out / f"{name}.png") as image:
        expected = (width_mm / 25.4 * 300, height_mm / 25.4 * 300)
        assert image.size == pytest.approx(expected, abs=1)  # whole pixels
    page = pdfium.PdfDocument(out / f"{name}.pdf")[0]
    assert page.get_size() == pytest.approx((width_mm / 25.4 * 72, height_mm / 25.4 * 72), 0.01)


def test_export_is_byte_identical_when_repeated(briefing, tmp_path, capsys):
    out, name, _ = briefing
    args = ["gap", "--indicators", PRESCHOOL, "--cities", "baicheng,jiamusi,jilin"]
    args += ["--format", "pdf,png", "--size", "a4-half", "--out-dir", str(tmp_path)]
    assert run(capsys, *args)[0] == 0
    for suffix in (".pdf", ".png"):
        assert (tmp_path / f"{name}{suffix}").read_bytes() == (out / f"{name}{suffix}").read_bytes()
    again = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
    first = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
    first.pop("command"), again.pop("command")  # they differ only in --out-dir
    assert again == first


# ------------------------------------------------------------------ languages


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_single_language_charts_carry_only_that_language(lang, tmp_path):
    [(saved, _)] = export_charts(
        ChartRequest("gap", indicators=(PRESCHOOL,), cities=("baicheng", "jilin"), lang=lang),
        tmp_path,
    )
    text = pdf_text(saved.files[0])
    if lang == "en":
        assert cjk(text) == [], "an English chart must not carry Chinese"
        assert "Box 1" in text and "baseline, target not stated" in text
        assert "Jilin City" in text
    else:
        assert "Baseline" not in text and "Sources" not in text and "not stated" not in text
        assert "来源：白城市规划" in text and "基线、目标未载明" in text
        assert "吉林市" in text and "City" not in text  # a two-word English name, too


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["gap", "--indicators", PRESCHOOL, "--cities", "baicheng,harbin"],
            'unknown city "harbin"; see: python -m analysis list cities',
        ),
        (
            ["gap", "--indicators", "literacy_rate"],
            'unknown indicator "literacy_rate"; see: python -m analysis list indicators',
        ),
        (
            ["theme-heatmap", "--themes", "preschool,space_race"],
            'unknown theme "space_race"; see: python -m analysis list themes',
        ),
        (["gap"], "the gap chart needs --indicators; see: python -m analysis list indicators"),
        (
            ["theme-heatmap", "--indicators", PRESCHOOL],
            "the theme-heatmap chart takes no indicators",
        ),
        (
            ["gap", "--indicators", PRESCHOOL, "--format", "jpg"],
            "unknown format(s) jpg; choose png, svg, pdf",
        ),
        (
            ["gap", "--indicators", PRESCHOOL, "--size", "letter"],
            "neither a preset (a4-half, a4-full, slide-16x9) nor WxH",
        ),
        (["theme-similarity", "--cities", "jilin"], "needs at least two cities"),
        (
            ["midpoint", "--cities", "jilin"],
            "jilin states no indicator with both a 2020 baseline and a 2025 target",
        ),
    ],
)
def test_bad_requests_exit_2_with_a_message_that_says_what_to_do(capsys, tmp_path, args, message):
    code, out, err = run(capsys, *args, "--out-dir", str(tmp_path))
    assert code == 2 and out == ""
    assert message in err
    assert list(tmp_path.iterdir()) == []  # nothing was drawn


def test_names_are_resolved_against_the_database():
    """The export resolves names against the built database: what a chart can draw."""
    with pytest.raises(SelectionError, match='unknown indicator "nope"'):
        export_charts(ChartRequest("gap", indicators=("nope",)))
    built = set(report.query("SELECT indicator_id FROM indicators").indicator_id)
    assert set(names.load_catalogue("indicator", source="database").ids) == built


@pytest.mark.parametrize(
    ("text", "inches"),
    [
        ("a4-half", (6.6929, 4.7244)),
        ("slide-16x9", (10.0, 5.625)),
        ("180x100mm", (7.0866, 3.937)),
        ("18x10cm", (7.0866, 3.937)),
        ("7x4in", (7.0, 4.0)),
        (None, None),
    ],
)
def test_parse_size(text, inches):
    assert parse_size(text) == inches


@pytest.mark.parametrize("text", ["0x10mm", "180x100", "big", "5000x100mm"])
def test_parse_size_rejects(text):
    with pytest.raises(ValueError, match=re.escape(repr(text))):
        parse_size(text)


# ------------------------------------------------------------------ the help is true


def help_examples() -> list[list[str]]:
    """The command lines in `export --help`'s epilog (continuation lines joined)."""
    epilog = cli.EXPORT_EPILOG.replace("\\\n", "")
    return [
        shlex.split(line.strip())[4:]
        for line in epilog.splitlines()
        if line.strip().startswith("python -m analysis export")
    ]


def test_help_has_examples_for_every_chart():
    assert {args[0] for args in help_examples()} == set(CHARTS)


@pytest.mark.parametrize("args", help_examples(), ids=lambda a: " ".join(a)[:60])
def test_every_help_example_runs(capsys, tmp_path, args):
    code, out, err = run(capsys, *args, "--out-dir", str(tmp_path))
    assert code == 0, err
    written = [tmp_path / line.rsplit("/", 1)[-1] for line in out.splitlines()]
    assert written and all(p.is_file() and p.stat().st_size > 0 for p in written)
    sidecars = [p for p in written if p.suffix == ".json"]
    for side in sidecars:
        doc = json.loads(side.read_text(encoding="utf-8"))
        assert doc["observations"] or doc.get("theme_hits") or doc.get("vocabulary_terms")
        assert (side.with_suffix(".csv")).is_file() == (doc["plotted_data"] is not None)
        for term in doc.get("vocabulary_terms", []):
            raw = raw_text(term["file"])[term["char_start"] : term["char_end"]]
            assert term["term"] in "".join(raw.split()), term
        for hit in doc.get("theme_hits", [])[:200]:
            raw = raw_text(hit["file"])
            assert raw[hit["char_start"] : hit["char_end"]] == hit["quote"]


@pytest.mark.parametrize(
    ("args", "name", "quoted", "span"),
    [
        # each row's 2020 baseline, as read, at its raw span
        (["ambition", "--cities", "baicheng"], "ambition_consistency_baicheng_bilingual",
         "baseline_2020", "baseline_span"),
        # each term, inside the raw sentence of its first use
        (["vocabulary", "--cities", "siping"], "vocabulary_distinctive_siping_bilingual",
         "term", "span"),
    ],
)  # fmt: skip
def test_ambition_and_vocabulary_exports_write_their_plotted_data(
    capsys, tmp_path, args, name, quoted, span
):
    code, _, err = run(capsys, *args, "--out-dir", str(tmp_path))
    assert code == 0, err
    table = pd.read_csv(tmp_path / f"{name}.csv", encoding="utf-8-sig")
    doc = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
    assert doc["plotted_data"] == f"{name}.csv"
    assert len(table) > 0
    for value, where in zip(table[quoted], table[span], strict=True):
        file, chars = where.rsplit(":", 1)
        start, end = map(int, chars.split("-"))
        text = "".join(raw_text(file)[start:end].split())
        shown = str(value) if isinstance(value, str) else f"{value:g}"
        assert shown in text, (value, where)


def test_name_is_used_as_given_for_one_chart_and_as_a_prefix_for_several(capsys, tmp_path):
    assert run(capsys, "growth", "--name", "briefing", "--out-dir", str(tmp_path))[0] == 0
    args = ["gap", "--indicators", f"{PRESCHOOL},inclusive_kindergarten_coverage"]
    assert run(capsys, *args, "--name", "briefing", "--out-dir", str(tmp_path))[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "briefing.csv",
        "briefing.json",
        "briefing.pdf",
        "briefing_gap_inclusive_kindergarten_coverage.csv",
        "briefing_gap_inclusive_kindergarten_coverage.json",
        "briefing_gap_inclusive_kindergarten_coverage.pdf",
        f"briefing_gap_{PRESCHOOL}.csv",
        f"briefing_gap_{PRESCHOOL}.json",
        f"briefing_gap_{PRESCHOOL}.pdf",
    ]
