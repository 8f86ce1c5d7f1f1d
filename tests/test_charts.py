"""Charts: one style, real Chinese glyphs in PNG/SVG/PDF, reproducible files, honest gaps.

The first run converts the packaged font to TrueType (about 20 s, cached under build/);
every later run takes a few seconds.
"""

from __future__ import annotations

import math
import re
import stat
import sysconfig
import warnings
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
import pypdfium2 as pdfium
import pytest
from fontTools import subset
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.text import Text
from scipy.cluster.hierarchy import linkage as scipy_linkage
from scipy.spatial.distance import squareform

from analysis import charts

# Any warning (above all matplotlib's "Glyph ... missing from font") fails the test.
pytestmark = pytest.mark.filterwarnings("error")

NOTE = (
    "Sources: Baicheng plan 专栏 2; Jiamusi plan main-indicator table; national: 2020 MoE bulletin"
)
CITIES = ["白城 Baicheng", "临江 Linjiang", "四平 Siping", "吉林 Jilin", "佳木斯 Jiamusi"]
FORMATS = ("png", "svg", "pdf")


# ---------------------------------------------------------------------------- frames


def gap_frame() -> pd.DataFrame:
    """Linjiang has no baseline, Siping no target, Jilin neither; two rows conflict."""
    return pd.DataFrame(
        {
            "city_label": CITIES,
            "baseline": [88.6, math.nan, 90.1, math.nan, 84.0],
            "target": [95.0, 92.0, math.nan, math.nan, 91.5],
            "target_comparator": [">=", "~", math.nan, math.nan, "="],
            "conflict": [False, False, True, False, True],
            "national_baseline": 85.2,
            "national_target": 90.0,
        }
    )


def growth_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "label": [
                "Jiamusi · 学前教育毛入园率",
                "Baicheng · 高中阶段毛入学率",
                "Linjiang · 平均受教育年限",
            ],
            "growth_5y": [7.5, 3.2, -0.2],
            "growth_from_latest": [2.1, math.nan, 0.1],
            "unit_label": ["pp", "pp", "年 yrs"],
        }
    )


def midpoint_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indicator_label": ["佳木斯 · 学前教育毛入园率", "白城 · 普惠性幼儿园覆盖率"],
            "baseline_2020": [84.0, 78.0],
            "implied_2022": [86.8, 82.8],
            "stated_2022": [87.2, math.nan],
            "target_2025": [91.0, 90.0],
            "status": ["领先 ahead of path", "2022 未载明 no 2022 value"],
        }
    )


def theme_matrix() -> pd.DataFrame:
    themes = ["学前教育 Preschool", "职业教育 Vocational", "教师队伍 Teachers"]
    values = np.array(
        [
            [2.05, 3.8, 0.58, 3.79, 1.25],
            [1.81, 0.54, math.nan, 0.81, 1.05],
            [3.0, 1.12, 1.94, 3.92, 3.85],
        ]
    )
    return pd.DataFrame(values, index=themes, columns=CITIES)


def similarity_matrix() -> pd.DataFrame:
    vectors = np.array(
        [[3, 1, 0, 2], [0, 2, 3, 1], [3, 1, 1, 2], [1, 3, 3, 0], [2, 1, 0, 3]], float
    )
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return pd.DataFrame(unit @ unit.T, index=CITIES, columns=CITIES)


def similarity_linkage(matrix: pd.DataFrame) -> np.ndarray:
    distance = np.clip(1 - matrix.to_numpy(), 0, None)
    np.fill_diagonal(distance, 0)
    return scipy_linkage(squareform(distance, checks=False), "average")


def vocabulary_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "panel": ["Baicheng 白城市"] * 3 + ["Jilin City 吉林市", "Jiamusi 佳木斯市"],
            "term": ["职业学校", "帮扶", "党建", None, "睡眠"],
            "z": [3.4, 3.3, 3.1, math.nan, 2.6],
            "count": [17, 11, 14, math.nan, 10],
        }
    )


def pace_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "label": ["City A · 毛入学率", "City A · 在校生数", "City B · 巩固率"],
            "value": [2.5, math.nan, -0.5],  # NaN: a reversal; a negative ratio has no log place
            "note": ["2.5 times the past pace", "needs a reversal", "moved away"],
        }
    )


def path_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {"label": ["City C · 普及率", "City C · 达标率"], "value": [-0.2, 0.0],
         "note": ["behind: back-loaded", "on the path"]}
    )  # fmt: skip


# name -> (title_zh, title_en, builder); the builder gets both titles and the note.
CHARTS = {
    "gap": ("学前教育毛入园率", "Preschool gross enrolment rate",
            lambda zh, en: charts.gap_dumbbell(gap_frame(), zh, en, "毛入园率 Gross enrolment rate (%)", NOTE)),
    "growth": ("计划增长排序", "Planned growth, ranked",
               lambda zh, en: charts.growth_ranked(growth_frame(), zh, en, NOTE)),
    "midpoint": ("中期进展", "Midpoint progress",
                 lambda zh, en: charts.midpoint_progress(midpoint_frame(), zh, en, NOTE)),
    "ambition": ("雄心与一致性", "Ambition and consistency",
                 lambda zh, en: charts.pace_and_path(pace_frame(), path_frame(), zh, en, NOTE)),
    "theme": ("主题密度", "Theme density",
              lambda zh, en: charts.theme_heatmap(theme_matrix(), zh, en, NOTE, "每万字提及 per 10k chars")),
    "similarity": ("城市相似度", "City similarity",
                   lambda zh, en: charts.similarity_heatmap(similarity_matrix(), similarity_linkage(similarity_matrix()), zh, en, NOTE)),
    "similarity_flat": ("城市相似度", "City similarity",
                        lambda zh, en: charts.similarity_heatmap(similarity_matrix(), None, zh, en, NOTE)),
    "vocabulary": ("各市的特色用词", "Distinctive vocabulary",
                   lambda zh, en: charts.distinctive_terms_panels(vocabulary_frame(), zh, en, NOTE)),
}  # fmt: skip


def build(name: str):
    zh, en, builder = CHARTS[name]
    return builder(zh, en)


def texts(fig) -> list[str]:
    """Every non-empty string drawn on the figure."""
    return [t.get_text() for t in fig.findobj(Text) if t.get_text().strip()]


def advances(font: TTFont) -> dict[int, int]:
    """Code point -> advance width of its glyph (comparable across glyph renumbering)."""
    metrics = font["hmtx"].metrics
    return {code: metrics[name][0] for code, name in font.getBestCmap().items()}


def bounds(font: TTFont, char: str) -> tuple[float, float, float, float]:
    """Bounding box of the outline of ``char``'s glyph, in font units."""
    glyph_set = font.getGlyphSet()
    pen = BoundsPen(glyph_set)
    glyph_set[font.getBestCmap()[ord(char)]].draw(pen)
    return pen.bounds


def squash(text: str) -> str:
    """Remove all whitespace: wrapped notes and PDF line ends must not break a match."""
    return "".join(text.split())


# ---------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def font_path() -> Path:
    return charts.chinese_font_path()


@pytest.fixture(scope="module")
def saved(tmp_path_factory, font_path) -> dict[str, dict[str, Path]]:
    """Every chart saved once in every format (warnings raised as errors while drawing)."""
    out = tmp_path_factory.mktemp("charts")
    result = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in CHARTS:
            paths = charts.save_figure(build(name), name, out_dir=out)
            result[name] = dict(zip(FORMATS, paths, strict=True))
    return result


# ---------------------------------------------------------------------------- the font


def test_font_source_is_a_file_inside_an_installed_python_package():
    source = charts.source_font_path()
    site_packages = {Path(sysconfig.get_paths()[k]).resolve() for k in ("purelib", "platlib")}
    assert any(source.resolve().is_relative_to(p) for p in site_packages), source
    assert (
        source.parent.parent.name == charts.FONT_PACKAGE
        and source.name == "NotoSansCJKsc-Regular.otf"
    )


def test_rendering_font_is_the_truetype_copy_of_the_packaged_font(font_path):
    source = charts.source_font_path()
    assert font_path.parent == charts.FONT_CACHE_DIR
    assert font_path.name == charts.fonts._cache_name(source)  # named by the source's hash
    with TTFont(font_path, lazy=True) as copy, TTFont(source, lazy=True) as original:
        assert copy.sfntVersion == "\x00\x01\x00\x00" and "glyf" in copy and "CFF " not in copy
        # Every character keeps its glyph's advance width; the layout-only glyphs are gone,
        # which keeps the font below the 65,535 glyphs that old FreeType versions reject.
        assert advances(copy) == advances(original)
        assert copy["maxp"].numGlyphs < original["maxp"].numGlyphs


def test_every_title_is_drawn_with_the_packaged_font(font_path):
    fig = build("gap")
    title = fig.get_suptitle()
    (artist,) = [t for t in fig.findobj(Text) if t.get_text() == title]
    assert Path(font_manager.findfont(artist.get_fontproperties())) == font_path


@pytest.mark.parametrize("name", CHARTS)
def test_font_has_a_glyph_for_every_character_drawn(name, font_path):
    with TTFont(font_path, lazy=True) as font:
        cmap = font.getBestCmap()
    drawn = set("".join(texts(build(name)))) - set(" \n")
    assert drawn, "no text drawn"
    assert sorted(c for c in drawn if ord(c) not in cmap) == []


def test_conversion_is_deterministic_and_truetype(tmp_path):
    """Convert a small subset of the packaged font twice: same bytes, same outlines' count."""
    small = tmp_path / "small.otf"
    with TTFont(charts.source_font_path(), recalcTimestamp=False, lazy=True) as font:
        subsetter = subset.Subsetter(
            subset.Options(layout_features=[], notdef_outline=True, name_IDs=["*"])
        )
        subsetter.populate(text="学前教育毛入园率 Preschool ≥95")
        subsetter.subset(font)
        font.save(small)
    first, second = tmp_path / "a.ttf", tmp_path / "b.ttf"
    charts.convert_to_truetype(small, first)
    charts.convert_to_truetype(small, second)
    assert first.read_bytes() == second.read_bytes()
    with TTFont(first) as converted, TTFont(small) as original:
        assert "glyf" in converted and "CFF " not in converted
        assert advances(converted) == advances(original)
        assert converted.getGlyphOrder()[0] == ".notdef"
        for char in "学≥P":  # same outline extent, to within the 1-unit cu2qu tolerance
            assert bounds(converted, char) == pytest.approx(bounds(original, char), abs=2)
        glyph = converted["glyf"][converted.getBestCmap()[ord("学")]]
        assert glyph.numberOfContours > 0
        family = {r.toUnicode() for r in converted["name"].names if r.nameID == 16}
    assert family == {charts.FONT_FAMILY}


# ---------------------------------------------------------------------------- rendering


@pytest.mark.parametrize("name", CHARTS)
def test_chart_renders_with_title_and_source_note_bottom_left(name, saved):
    zh, en, _ = CHARTS[name]
    fig = build(name)
    drawn = texts(fig)
    assert squash(f"{zh} · {en}") in map(squash, drawn)
    assert squash(NOTE) in map(squash, drawn)
    note = next(t for t in fig.findobj(Text) if squash(t.get_text()) == squash(NOTE))
    fig.draw_without_rendering()
    box, width, height = note.get_window_extent(), fig.bbox.width, fig.bbox.height
    assert box.x0 < 0.05 * width and box.y1 < 0.15 * height  # bottom left
    for fmt in FORMATS:
        assert saved[name][fmt].stat().st_size > 5_000


def test_style_is_applied_only_inside_the_context():
    before = dict(mpl.rcParams)
    build("gap")
    with charts.chart_style():
        assert mpl.rcParams["pdf.fonttype"] == 42
        assert mpl.rcParams["font.family"][0] == charts.FONT_FAMILY
    assert dict(mpl.rcParams) == before


def test_series_colours_are_okabe_ito():
    assert set(charts.PALETTE) == set(charts.OKABE_ITO.values())
    fig = build("growth")
    bar_colours = {mpl.colors.to_hex(p.get_facecolor()).upper() for p in fig.axes[0].patches}
    assert bar_colours <= set(charts.OKABE_ITO.values())


# ---------------------------------------------------------------------------- saving


@pytest.mark.parametrize("name", CHARTS)
def test_save_figure_writes_each_format_byte_identically(name, saved, tmp_path):
    """A second, independent build and save gives the bytes of the module fixture's files."""
    again = charts.save_figure(build(name), name, out_dir=tmp_path)
    assert [p.name for p in again] == [f"{name}.png", f"{name}.svg", f"{name}.pdf"]
    for path in again:
        assert path.read_bytes() == saved[name][path.suffix[1:]].read_bytes(), path.name


def test_saved_files_carry_no_dates_or_versions(saved):
    png, svg, pdf = (saved["gap"][fmt].read_bytes() for fmt in FORMATS)
    assert b"Software" not in png and b"matplotlib version" not in png.lower()
    assert b"<dc:date>" not in svg
    assert b"/CreationDate" not in pdf and b"/ModDate" not in pdf
    assert mpl.__version__.encode() not in pdf + svg + png


def test_save_figure_is_atomic_and_leaves_ordinary_files(tmp_path):
    paths = charts.save_figure(build("growth"), "growth", formats=("png",), out_dir=tmp_path)
    assert paths == [tmp_path / "growth.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["growth.png"]  # no temp files left
    assert stat.S_IMODE(paths[0].stat().st_mode) == 0o644
    with pytest.raises(ValueError, match="plain file name"):
        charts.save_figure(build("growth"), "../escape", out_dir=tmp_path)
    with pytest.raises(ValueError, match="unsupported"):
        charts.save_figure(build("growth"), "growth", formats=("jpg",), out_dir=tmp_path)


@pytest.mark.parametrize("name", ["gap", "midpoint", "theme"])
def test_pdf_text_is_extractable_chinese(name, saved):
    zh, en, _ = CHARTS[name]
    page = pdfium.PdfDocument(saved[name]["pdf"])[0]
    text = squash(page.get_textpage().get_text_bounded())
    assert squash(f"{zh} · {en}") in text
    assert squash(NOTE) in text


def test_pdf_title_is_drawn_in_dark_pixels(saved):
    zh, _, _ = CHARTS["gap"]
    page = pdfium.PdfDocument(saved["gap"]["pdf"])[0]
    textpage = page.get_textpage()
    index, count = textpage.search(zh).get_next()
    boxes = [textpage.get_charbox(i) for i in range(index, index + count)]
    left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
    scale = 2
    image = page.render(scale=scale).to_numpy().min(axis=2)  # darkest channel per pixel
    height = image.shape[0]
    title = image[
        int(height - top * scale) : int(height - bottom * scale) + 1,
        int(left * scale) : int(right * scale) + 1,
    ]
    assert title.size and (title < 80).mean() > 0.05  # glyph strokes, not an empty box
    assert (image > 250).mean() > 0.5  # and the page is not just black


def test_svg_draws_the_chinese_title_as_glyph_paths(saved, font_path):
    zh, en, _ = CHARTS["gap"]
    svg = saved["gap"]["svg"].read_text(encoding="utf-8")
    assert f"<!-- {zh} · {en} -->" in svg  # matplotlib keeps the text as a comment
    assert "<text" not in svg  # glyphs are paths: no font needed to view the file
    ids = set(re.findall(r'<path id="NotoSansCJKsc-Regular-([0-9a-f]+)"', svg))
    with TTFont(font_path, lazy=True) as font:
        cmap = font.getBestCmap()
        for char in zh:
            glyph_index = font.getGlyphID(cmap[ord(char)])
            assert {f"{glyph_index:x}", f"{ord(char):x}"} & ids, char


def test_png_is_200_dpi(saved):
    from PIL import Image

    with Image.open(saved["gap"]["png"]) as image:
        assert round(image.info["dpi"][0]) == 200
        assert image.width == round(charts.FIGURE_WIDTH * 200)


# ---------------------------------------------------------------------------- missing values


def _plotted_points(ax) -> list[tuple[float, float]]:
    """Points of lines in data coordinates (reference lines, in axes coordinates, excluded)."""
    lines = [line for line in ax.lines if line.get_transform() == ax.transData]
    return [(float(x), float(y)) for line in lines for x, y in zip(*line.get_data(), strict=True)]


def test_gap_missing_values_are_not_stated_never_zero():
    fig = build("gap")
    ax = fig.axes[0]
    points = _plotted_points(ax)
    assert all(x != 0 for x, _ in points)
    rows = {y: sorted(x for x, yy in points if yy == y) for y in range(len(CITIES))}
    assert rows[1] == [92.0]  # Linjiang: target only
    assert rows[2] == [90.1]  # Siping: baseline only
    assert rows[3] == []  # Jilin: nothing drawn
    drawn = texts(fig)
    assert "基线未载明 baseline not stated" in drawn
    assert "目标未载明 target not stated" in drawn
    assert any("baseline, target not stated" in t for t in drawn)


def test_gap_labels_comparators_conflicts_and_national_lines():
    fig = build("gap")
    drawn = texts(fig)
    assert {"≥95", "≈92", "91.5"} <= set(drawn)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == [
        "白城 Baicheng",
        "临江 Linjiang",
        "四平 Siping †",
        "吉林 Jilin",
        "佳木斯 Jiamusi †",
    ]
    assert charts.CONFLICT_NOTE in drawn
    assert {"全国 National 2020 (85.2)", "全国 National 2025 (90)"} <= set(drawn)
    vertical = {
        line.get_xdata()[0]
        for line in fig.axes[0].lines
        if len(set(line.get_xdata())) == 1 and len(line.get_xdata()) == 2
    }
    assert {85.2, 90.0} <= vertical


def test_growth_missing_latest_is_not_a_zero_bar():
    fig = build("growth")
    ax = fig.axes[0]
    assert len(ax.patches) == 5  # 3 five-year bars + 2 stated "latest" bars, no empty bar
    ranked = [t.get_text() for t in ax.get_yticklabels()]
    assert ranked == [
        "Jiamusi · 学前教育毛入园率",
        "Baicheng · 高中阶段毛入学率",
        "Linjiang · 平均受教育年限",
    ]
    assert any(charts.NOT_STATED in t for t in texts(fig))
    assert "\N{MINUS SIGN}0.2 年 yrs" in texts(fig)


def test_midpoint_missing_stated_value_is_not_stated():
    fig = build("midpoint")
    panel = fig.axes[2]  # axes[0] holds the legend
    assert all(y != 0 for _, y in _plotted_points(panel))
    assert any(charts.NOT_STATED in t.get_text() for t in panel.texts)
    assert len([p for p in _plotted_points(panel) if p[0] == 2022]) == 1  # implied only


def test_ambition_rows_without_a_ratio_are_labelled_not_drawn():
    fig = build("ambition")
    pace, path = fig.axes
    assert [round(x, 6) for x, _ in _plotted_points(pace)] == [2.5]  # no NaN, no log of < 0
    assert {"needs a reversal", "moved away"} <= {t.get_text() for t in pace.texts}
    assert sorted(x for x, _ in _plotted_points(path)) == [-0.2, 0.0]


def test_ambition_empty_panel_says_so():
    empty = pd.DataFrame(columns=["label", "value", "note"])
    fig = charts.pace_and_path(empty, path_frame(), "雄心", "Ambition", NOTE)
    assert any("no city states the values needed" in t for t in texts(fig))
    with pytest.raises(ValueError, match="pace_and_path"):
        charts.pace_and_path(pace_frame().drop(columns="note"), path_frame(), "a", "b", NOTE)


def test_heatmap_missing_cell_says_not_stated():
    fig = build("theme")
    assert charts.NOT_STATED.replace(" ", "\n", 1) in texts(fig)
    annotations = [t.get_text() for t in fig.axes[0].texts]
    assert "0.00" not in annotations


def test_similarity_heatmap_follows_the_dendrogram_order():
    matrix = similarity_matrix()
    fig = build("similarity")
    heatmap = fig.axes[1]
    rows = [t.get_text() for t in heatmap.get_yticklabels()]
    columns = [t.get_text() for t in heatmap.get_xticklabels()]
    assert rows == columns and sorted(rows) == sorted(CITIES)
    from scipy.cluster.hierarchy import leaves_list

    assert rows == [CITIES[i] for i in leaves_list(similarity_linkage(matrix))]


# ---------------------------------------------------------------------------- input checks


def test_vocabulary_panels_in_order_with_a_panel_saying_no_terms():
    fig = build("vocabulary")
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_title(loc="left")]
    assert titles == ["Baicheng 白城市", "Jilin City 吉林市", "Jiamusi 佳木斯市"]
    first = fig.axes[0]
    assert [t.get_text() for t in first.get_yticklabels()] == ["职业学校", "帮扶", "党建"]
    assert "无可比较的词 no terms" in texts(fig)


def test_bad_frames_are_rejected_with_the_chart_name():
    with pytest.raises(ValueError, match=r"gap_dumbbell.*target"):
        charts.gap_dumbbell(gap_frame().drop(columns="target"), "a", "b", "c", NOTE)
    with pytest.raises(ValueError, match="square"):
        charts.similarity_heatmap(theme_matrix(), None, "a", "b", NOTE)
    with pytest.raises(ValueError, match="linkage"):
        charts.similarity_heatmap(similarity_matrix(), np.zeros((2, 4)), "a", "b", NOTE)


def test_number_and_comparator_formatting():
    assert charts.format_comparator(">=", 95.0) == "≥95"
    assert charts.format_comparator("~", 92.5) == "≈92.5"
    assert charts.format_comparator("=", 87.25) == "87.25"
    assert charts.format_comparator(math.nan, 90.0) == "90"
    assert charts.format_number(-0.2) == "\N{MINUS SIGN}0.2"
    assert charts.format_number(12000) == "12,000"


def test_wrap_counts_chinese_characters_as_double_width():
    wrapped = charts.wrap_text("Sources: 教育部2020年全国教育事业发展统计公报 and more", 20)
    assert all(charts.style._display_width(line) <= 20 for line in wrapped.splitlines())
    assert squash(wrapped) == squash("Sources: 教育部2020年全国教育事业发展统计公报 and more")
