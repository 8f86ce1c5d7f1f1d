"""No chart states more than the plans do; the published figures are a fixed set.

Against the built database, as a policy writer would ask (`analysis export` and the
`figures` functions a notebook calls).
"""

from __future__ import annotations

import json

import pytest
from matplotlib.text import Text

from analysis import cli, figure_files, figures, paths

PRESCHOOL = "preschool_gross_enrollment_rate"
DRAW_ONLY = figures.ChartOptions(formats=())


def texts(fig) -> list[str]:
    return [" ".join(t.get_text().split()) for t in fig.findobj(Text) if t.get_visible()]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ midpoint statuses


@pytest.mark.parametrize(
    ("city", "title", "basis_words", "bases"),
    [
        # Baicheng states no 2022 value: its statuses rest on the 2015-2020 trend
        (
            "baicheng",
            "Baicheng: trend-based assessment (the plan states no 2022 values)",
            "from the 2015–2020 trend",
            {"trend_2015_2020", "baseline_vs_target", "none"},
        ),
        (
            "jiamusi",
            "Jiamusi: stated 2022 values against the straight path",
            "from the stated 2022 value",
            {"stated_2022", "baseline_vs_target"},
        ),
    ],
)
def test_midpoint_chart_says_what_each_status_rests_on(city, title, basis_words, bases):
    saved = figures.midpoint_chart(city, options=DRAW_ONLY)
    drawn = texts(saved.figure)
    assert title in saved.figure.get_suptitle().replace("\n", " ")
    assert any(basis_words in t for t in drawn)
    assert set(saved.data.status_basis) == bases
    trend = saved.data.progress_status.isin(
        ["on_track", "moderately_improving", "stagnating", "declining"]
    )
    assert saved.data[trend].status_basis.isin(["stated_2022", "trend_2015_2020"]).all()


def test_midpoint_sidecar_lists_every_status_with_its_basis(capsys, tmp_path):
    code, _, err = run(capsys, "midpoint", "--cities", "baicheng", "--out-dir", str(tmp_path))
    assert code == 0, err
    side = json.loads((tmp_path / "midpoint_baicheng_bilingual.json").read_text("utf-8"))
    statuses = {
        s["indicator_id"]: (s["progress_status"], s["status_basis"]) for s in side["statuses"]
    }
    assert statuses[PRESCHOOL] == ("on_track", "trend_2015_2020")
    assert statuses["mean_schooling_years_working_age"] == ("no_trend_stated", "none")
    assert side["plotted_data"] == "midpoint_baicheng_bilingual.csv"


def test_midpoint_labels_keep_comparators():
    saved = figures.midpoint_chart("jiamusi", options=DRAW_ONLY)
    assert ">99" in texts(saved.figure)  # the compulsory consolidation rate, ">99" -> ">99"


# ------------------------------------------------------------------ gap and growth


def test_baseline_equal_to_target_is_drawn_and_labelled():
    saved = figures.gap_chart("compulsory_consolidation_rate", options=DRAW_ONLY)
    drawn = texts(saved.figure)
    assert ">99 (基线即目标 baseline = target)" in drawn
    assert "基线即目标 baseline = target" in drawn  # the legend entry of the ring


@pytest.mark.parametrize(
    "indicator", [PRESCHOOL, "compulsory_consolidation_rate", "inclusive_kindergarten_coverage"]
)
def test_percentage_axes_stop_at_100(indicator):
    ax = figures.gap_chart(indicator, options=DRAW_ONLY).figure.axes[0]
    assert ax.get_xlim()[1] <= 100


def test_growth_keeps_zero_rows_marks_carried_baselines_and_conflicts():
    saved = figures.growth_chart("percent", options=DRAW_ONLY)
    drawn = texts(saved.figure)
    zero = saved.data[saved.data.growth_per_year_2020_2025 == 0]
    assert len(zero) >= 3 and "0 pp/yr" in drawn  # e.g. Jiamusi's preschool rate, 90 -> 90
    assert any("latest = 2020 baseline carried to the issue year" in t for t in drawn)
    assert any(t.endswith("†") and "Baicheng" in t for t in drawn)
    # hatched: Baicheng (issued late 2022, the 2020 value carried); Linjiang states no
    # issue date, so its latest value is the 2020 baseline itself, not carried
    hatched = [p for p in saved.figure.axes[0].patches if p.get_hatch()]
    carried = saved.data.latest_basis.str.startswith("baseline carried")
    assert set(saved.data[carried].city_id) == {"baicheng"}
    assert len(hatched) == carried.sum() > 0


def test_theme_heatmaps_have_their_own_titles_and_shares_in_percent():
    density = figures.theme_heatmap_chart("density_per_10k_chars", options=DRAW_ONLY)
    share = figures.theme_heatmap_chart("share_of_paragraphs", options=DRAW_ONLY)
    assert density.figure.get_suptitle() != share.figure.get_suptitle()
    cells = [float(t) for t in texts(share.figure) if t.replace(".", "").isdigit()]
    assert max(cells) > 1  # 22 (%), not 0.22
    assert share.data.share_of_paragraphs.max() < 1  # the data keep the stored share


# ------------------------------------------------------------------ nothing to plot


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["gap", "--cities", "siping,jilin", "--indicators", PRESCHOOL],
            "nothing to plot: none of siping, jilin states a 2020 baseline or a 2025 target "
            f"for {PRESCHOOL}; cities that do: baicheng, linjiang, jiamusi",
        ),
        (
            ["growth", "--cities", "siping,jilin", "--indicators", PRESCHOOL],
            "nothing to plot: no chosen city states both a 2020 baseline and a 2025 target",
        ),
        (
            ["midpoint", "--cities", "jiamusi", "--indicators", "dropout_rate"],
            "nothing to plot: jiamusi states no indicator of dropout_rate",
        ),
        (
            ["midpoint", "--cities", "jiamusi", "--size", "a4-half"],
            "midpoint panels of jiamusi do not fit this size in bilingual (at most 3)",
        ),
        (["growth", "--size", "a4-half"], "growth rows do not fit this size in bilingual"),
        (
            ["ambition", "--size", "a4-half"],
            "ambition chart: 19 rows do not fit a 170 x 120 mm page in bilingual (at most 6)",
        ),
        (
            ["ambition", "--cities", "siping,jilin"],
            "nothing to plot: no chosen city states a 2015 value, or a 2022 value",
        ),
        (
            ["ambition", "--cities", "baicheng", "--size", "100x200mm"],
            "a 100 mm wide page is too narrow for the labels, dots and notes (at least 120 mm)",
        ),
        (  # one column of panels on a narrow page: three fit, not five
            ["vocabulary", "--size", "60x200mm"],
            "vocabulary chart: 5 panels of 12 terms do not fit a 60 x 200 mm page (at most 3)",
        ),
        (
            ["vocabulary", "--size", "170x80mm"],
            "vocabulary chart: 5 panels of 12 terms do not fit a 170 x 80 mm page (at most 3)",
        ),
    ],
)
def test_a_chart_with_nothing_to_plot_or_no_room_is_an_error(capsys, tmp_path, args, message):
    code, out, err = run(capsys, *args, "--out-dir", str(tmp_path))
    assert (code, out) == (2, "")
    assert message in err
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ files a writer uses


def test_export_writes_the_plotted_data_and_editable_svg_deterministically(capsys, tmp_path):
    args = ["gap", "--indicators", PRESCHOOL, "--format", "svg", "--svg-text"]
    outputs = []
    for run_dir in (tmp_path / "a", tmp_path / "b"):
        code, _, err = run(capsys, *args, "--out-dir", str(run_dir))
        assert (code, err) == (0, "")  # no layout warning either
        outputs.append({p.name: p.read_bytes() for p in run_dir.iterdir() if p.suffix != ".json"})
    first, again = outputs
    name = f"gap_{PRESCHOOL}_bilingual"
    assert sorted(first) == [f"{name}.csv", f"{name}.svg"]
    assert first == again  # byte-identical CSV and SVG
    svg = first[f"{name}.svg"].decode("utf-8")
    assert svg.count("<text") > 10 and "学前" in svg  # text, not glyph outlines
    csv = first[f"{name}.csv"].decode("utf-8-sig").splitlines()
    header = csv[0].split(",")
    assert {"baseline_2020", "target_2025", "baseline_span", "target_observation_id"} <= set(header)
    baicheng = dict(
        zip(header, next(r for r in csv if r.startswith("baicheng")).split(","), strict=True)
    )
    assert (baicheng["baseline_2020"], baicheng["target_2025"]) == ("92.2", "95.0")
    file, span = baicheng["baseline_span"].rsplit(":", 1)
    start, end = map(int, span.split("-"))
    assert (paths.RAW_DIR / file).read_text("utf-8")[start:end] == "92.2"


def test_svg_text_is_outlines_by_default(capsys, tmp_path):
    args = ["gap", "--indicators", PRESCHOOL, "--format", "svg", "--out-dir", str(tmp_path)]
    assert run(capsys, *args)[0] == 0
    assert "<text" not in (tmp_path / f"gap_{PRESCHOOL}_bilingual.svg").read_text("utf-8")


# ------------------------------------------------------------------ the published set


def test_an_ad_hoc_call_returns_its_figure_and_never_writes_to_figures(tmp_path, monkeypatch):
    monkeypatch.setattr(figure_files, "ADHOC_DIR", tmp_path / "adhoc")
    before = {p.name: p.stat().st_mtime_ns for p in paths.FIGURES_DIR.iterdir()}
    saved = figures.gap_chart(PRESCHOOL, cities=["baicheng", "jiamusi"])
    assert saved.figure is not None
    assert {f.parent for f in saved.files} == {tmp_path / "adhoc"}
    assert saved.name == f"gap_{PRESCHOOL}"  # a published name, but not in figures/
    with pytest.raises(figures.SelectionError, match="not one of the published figures"):
        figures.gap_chart(PRESCHOOL, paths.FIGURES_DIR, cities=["baicheng"])
    with pytest.raises(figures.SelectionError, match="not one of the published figures"):
        figures.midpoint_chart("baicheng", paths.FIGURES_DIR)
    after = {p.name: p.stat().st_mtime_ns for p in paths.FIGURES_DIR.iterdir()}
    assert after == before


@pytest.mark.parametrize(
    ("kind", "key", "options", "chosen", "published"),
    [
        ("gap", PRESCHOOL, figures.DEFAULT, {}, True),
        ("gap", PRESCHOOL, figures.DEFAULT, {"cities": ["baicheng"]}, False),
        ("gap", PRESCHOOL, figures.ChartOptions(lang="en"), {}, False),
        ("gap", "dropout_rate", figures.DEFAULT, {}, False),
        ("midpoint", "jiamusi", figures.DEFAULT, {}, True),
        ("midpoint", "baicheng", figures.DEFAULT, {}, False),
        ("themes", "share_of_paragraphs", figures.DEFAULT, {"themes": ["preschool"]}, False),
        ("similarity", None, figures.DEFAULT, {}, True),
    ],
)
def test_only_the_declared_calls_are_published(kind, key, options, chosen, published):
    assert figures._is_published(kind, key, options, None, **chosen) is published
