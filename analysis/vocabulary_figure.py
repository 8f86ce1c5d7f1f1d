"""The distinctive-vocabulary chart: data from `theme_report`, drawing from `charts`.

Kept beside analysis/figures.py (which it reuses for selections, labels and saving) so that
neither module grows past its size; figures.all_figures includes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis import charts, figures, report, theme_report
from analysis.chart_rows import vocabulary_rows
from analysis.charts.vocabulary import TooManyPanelsError
from analysis.figure_files import _is_published

_NOTE_ZH = (
    "来源：各规划全文，分词后每市与其余各市比较，加权对数几率（信息性狄利克雷先验）；"
    "条形为 z 值，数字为该市用词次数；方法与文献见 data/curated/vocabulary.yaml"
)
_NOTE_EN = (
    "Sources: full texts of the plans, segmented with jieba; each city against all "
    "others by weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi "
    "& Quinn 2008); bars: z-score, labels: uses in the city; terms as written in the "
    "plans (Chinese); settings in data/curated/vocabulary.yaml"
)
VOCABULARY_NOTE = {"zh": _NOTE_ZH, "en": _NOTE_EN, "bilingual": f"{_NOTE_ZH}\n{_NOTE_EN}"}
#: The chart's CSV: each term drawn, with the sentence of its first use and that span.
PLOTTED_COLUMNS = [
    "city_id", "rank", "term", "z", "count", "count_elsewhere", "per_10k_tokens",
    "tokens", "source_id", "file", "char_start", "char_end", "span", "sentence",
]  # fmt: skip


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
    try:
        fig = charts.distinctive_terms_panels(
            frame[["panel", "term", "z", "count"]],
            title_zh="各市的特色用词",
            title_en="What each city says that the others do not",
            source_note=VOCABULARY_NOTE[lang],
            lang=lang,
            size=options.size,
        )
    except TooManyPanelsError as exc:
        raise figures.SelectionError(
            f"vocabulary chart: {exc}: choose fewer --cities or a larger --size"
        ) from exc
    return figures._save(
        fig,
        name or "vocabulary_distinctive",
        out_dir,
        options,
        published=_is_published("vocabulary", None, options, name, cities=cities),
        data=_plotted(frame),
        cities=tuple(chosen),
    )


def _plotted(frame: pd.DataFrame) -> pd.DataFrame:
    """Each term drawn, its z and count, and the raw span of the sentence it is first
    used in (``file:char_start-char_end`` in data/raw), so a quoted word can be checked."""
    files = report.query("SELECT source_id, file FROM sources")
    table = frame.merge(files, on="source_id", how="left")
    span = table.file + ":" + table.char_start.astype("Int64").astype(str) + "-"
    table["span"] = (span + table.char_end.astype("Int64").astype(str)).where(table.file.notna())
    return table.reindex(columns=PLOTTED_COLUMNS).reset_index(drop=True)
