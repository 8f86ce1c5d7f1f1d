"""Paste-ready: every chart, in every language, at every size, with no clipped or
overlapping text and no label in the wrong language.

Drawn from the built database at the real selections (as many midpoint panels and growth
rows as the size holds; more is an error, tested in test_chart_honesty), never saved: the
layout is measured on the renderer (analysis.charts.layout).
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from matplotlib.text import Text

from analysis import charts, figures, report
from analysis.ambition_figure import ambition_chart
from analysis.chart_choices import LANGUAGES, SIZE_PRESETS
from analysis.chart_export import parse_size
from analysis.charts.vocabulary import QUOTED, panel_capacity
from analysis.vocabulary import load_settings
from analysis.vocabulary_figure import vocabulary_chart

SIZES = [None, *SIZE_PRESETS]
#: Latin that a Chinese chart may carry: file names and paths (the theme dictionary).
ALLOWED_LATIN_IN_ZH = re.compile(r"[\w./-]+\.(?:yaml|csv|txt)")
#: Units are symbols in a bilingual chart (the axis title names them in both languages).
UNITS = re.compile(r"(?:pp|%|years|hours|times)/yr|%")


def _fitting(ids: list[str], capacity: int | None) -> list[str]:
    return ids if capacity is None else ids[:capacity]


def _midpoint(lang, size):
    # longest names first: the hardest panels to fit
    ids = sorted(
        report.query(
            "SELECT indicator_id FROM indicator_metrics WHERE city_id = 'jiamusi' "
            "AND baseline_2020 IS NOT NULL AND target_2025 IS NOT NULL"
        ).indicator_id,
        key=lambda i: (-len(i), i),
    )
    chosen = _fitting(ids, charts.panel_capacity(parse_size(size), lang))
    return figures.midpoint_chart("jiamusi", indicators=chosen, options=_options(lang, size))


def _growth(lang, size):
    capacity = charts.growth_row_capacity(parse_size(size), lang)
    if capacity is None:
        return figures.growth_chart("percent", options=_options(lang, size))
    ids = sorted(
        report.query(
            "SELECT DISTINCT indicator_id FROM indicator_metrics WHERE city_id = 'baicheng' "
            "AND growth_per_year_2020_2025 IS NOT NULL"
        ).indicator_id
    )
    cities = ["baicheng", "jiamusi"]  # a carried baseline, a stated 2022 value, conflicts
    chosen = ids[: max(1, capacity // len(cities))]
    return figures.growth_chart(
        None, cities=cities, indicators=chosen, options=_options(lang, size)
    )


def _ambition(lang, size):
    capacity = charts.ambition_row_capacity(parse_size(size), lang)
    if capacity is None:
        return ambition_chart(options=_options(lang, size))
    # longest names first, as many as fit (pace and path rows together, an empty panel
    # taking one): both panels drawn, the notes and labels at their longest
    table = report.ambition_consistency()
    drawn = table[table.pace_label.notna() | table.midpoint_position.notna()]
    chosen: list[str] = []
    for indicator in sorted(set(drawn.indicator_id), key=lambda i: (-len(i), i)):
        rows = drawn[drawn.indicator_id.isin([*chosen, indicator])]
        pace, path = rows.pace_label.notna().sum(), rows.midpoint_position.notna().sum()
        if max(pace, 1) + max(path, 1) <= capacity:
            chosen.append(indicator)
    return ambition_chart(indicators=chosen, options=_options(lang, size))


def _vocabulary(lang, size):
    cities = figures.valid_cities()
    capacity = panel_capacity(parse_size(size), load_settings().top_n)
    return vocabulary_chart(cities=_fitting(cities, capacity), options=_options(lang, size))


CHARTS = {
    "ambition": _ambition,
    "vocabulary": _vocabulary,
    "gap": lambda lang, size: figures.gap_chart(
        "preschool_gross_enrollment_rate", options=_options(lang, size)
    ),
    "gap_baseline_is_target": lambda lang, size: figures.gap_chart(
        "compulsory_consolidation_rate", options=_options(lang, size)
    ),
    "gap_not_stated": lambda lang, size: figures.gap_chart(
        "public_kindergarten_enrollment_share",
        cities=["baicheng", "linjiang", "siping", "jilin", "jiamusi"],
        options=_options(lang, size),
    ),
    "growth": _growth,
    "midpoint": _midpoint,
    "themes_density": lambda lang, size: figures.theme_heatmap_chart(
        "density_per_10k_chars", options=_options(lang, size)
    ),
    "themes_share": lambda lang, size: figures.theme_heatmap_chart(
        "share_of_paragraphs", options=_options(lang, size)
    ),
    "similarity": lambda lang, size: figures.theme_similarity_chart(options=_options(lang, size)),
}


def _options(lang, size) -> figures.ChartOptions:
    # formats=(): draw only (the layout is measured on the renderer, at a low dpi)
    return figures.ChartOptions(lang=lang, size=parse_size(size), dpi=50, formats=())


def _texts(fig) -> list[str]:
    """The chart's own words (text quoted from a plan as written is data, not a label)."""
    return [
        t.get_text()
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and t.get_gid() != QUOTED
    ]


def _has_cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(c) in "WF" and c.isalpha() for c in text)


def _latin_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", ALLOWED_LATIN_IN_ZH.sub("", text))


@pytest.mark.filterwarnings("error:constrained_layout not applied")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: s or "default")
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("chart", CHARTS)
def test_every_chart_is_paste_ready(chart, lang, size):
    saved = CHARTS[chart](lang, size)
    assert saved.files == ()  # nothing written
    assert charts.layout_problems(saved.figure) == []
    texts = _texts(saved.figure)
    if lang == "en":
        assert [t for t in texts if _has_cjk(t)] == []
    if lang == "zh":
        assert [t for t in texts if _latin_words(t)] == []
    if lang == "bilingual":
        # a label with words has them in both languages (numbers, units, ids aside)
        one_sided = []
        for t in texts:
            latin = bool(_latin_words(UNITS.sub("", t)))
            if (_has_cjk(t) and not (latin or UNITS.search(t))) or (latin and not _has_cjk(t)):
                one_sided.append(t)
        assert one_sided == []


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        # two labels on the same spot, one label past the right edge, one that fits
        ([("AAAA", 0.5, 0.5), ("BBBB", 0.5, 0.5)], ["overlap: 'AAAA' and 'BBBB'"]),
        ([("far right", 0.99, 0.5)], ["outside the figure: 'far right'"]),
        ([("fits", 0.4, 0.5), ("also fits", 0.4, 0.2)], []),
    ],
)
def test_layout_problems_finds_overlaps_and_clipping(build, expected):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2))
    for text, x, y in build:
        fig.text(x, y, text, fontsize=12)
    assert charts.layout_problems(fig) == expected
