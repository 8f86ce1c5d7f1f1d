"""The distinctive-vocabulary chart: data from `theme_report`, drawing from `charts`.

Kept beside analysis/figures.py (which it reuses for selections, labels and saving) so that
neither module grows past its size; figures.all_figures includes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from analysis import charts, figures, theme_report
from analysis.chart_rows import vocabulary_rows
from analysis.figure_files import _is_published

VOCABULARY_NOTE = {
    "bilingual": (
        "Sources: full texts of the plans, segmented with jieba; each city against all "
        "others by weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi "
        "& Quinn 2008); bars: z-score, labels: uses in the city; settings in "
        "data/curated/vocabulary.yaml"
    ),
    "zh": (
        "来源：各规划全文，jieba 分词；每市与其余各市比较，加权对数几率（信息性狄利克雷先验，"
        "Monroe、Colaresi、Quinn 2008）；条形为 z 值，数字为该市用词次数"
    ),
}
VOCABULARY_NOTE["en"] = VOCABULARY_NOTE["bilingual"]


def vocabulary_chart(
    out_dir: Path | None = None,
    *,
    cities: Sequence[str] | None = None,
    options: figures.ChartOptions = figures.DEFAULT,
    name: str | None = None,
) -> figures.SavedFigure:
    """One panel per city: the words it uses more than the other cities (z-score)."""
    lang = charts.check_language(options.lang)
    chosen = figures.check_cities(cities)
    table = vocabulary_rows(theme_report.distinctive_vocabulary(), chosen)  # chosen order
    labels = dict(zip(chosen, figures.city_labels(chosen, lang), strict=True))
    frame = table.assign(panel=table.city_id.map(labels))
    fig = charts.distinctive_terms_panels(
        frame[["panel", "term", "z", "count"]],
        title_zh="各市的特色用词",
        title_en="What each city says that the others do not",
        source_note=VOCABULARY_NOTE[lang],
        lang=lang,
        size=options.size,
    )
    return figures._save(
        fig,
        name or "vocabulary_distinctive",
        out_dir,
        options,
        published=_is_published("vocabulary", None, options, name, cities=cities),
        cities=tuple(chosen),
    )
