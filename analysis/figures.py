"""Every chart: data from `report`, drawing from `charts`, saved as PNG, SVG and PDF.

The notebooks call these with their defaults (all cities, bilingual, the chart's natural
size, written to figures/); `analysis export` calls the same functions with a selection of
cities, indicators or themes, a language and a size. Each function returns a
:class:`SavedFigure` that names the observations it plots, so a sidecar can cite them;
the source note printed on the chart names the plans and the tables or lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import charts, names, report
from analysis.chart_rows import growth_rows
from analysis.paths import FIGURES_DIR, ROOT
from analysis.published_figures import load_published_figures


@dataclass(frozen=True)
class ChartOptions:
    """How to draw and save: language, size in inches (None: the chart's own), dpi, formats."""

    lang: str = "bilingual"
    size: tuple[float, float] | None = None
    dpi: int = 200
    formats: tuple[str, ...] = ("png", "svg", "pdf")


DEFAULT = ChartOptions()


@dataclass(frozen=True)
class SavedFigure:
    """A chart written to disk; a notebook shows the very PNG that was saved.

    ``observation_ids`` are the observations plotted; ``cities`` and ``themes`` the
    selection of a theme chart (its evidence is the theme hits of those).
    """

    name: str
    files: tuple[Path, ...]
    observation_ids: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    national: bool = False
    size: tuple[float, float] = field(default=(0.0, 0.0))

    def _repr_png_(self):
        png = next(f for f in self.files if f.suffix == ".png")
        return png.read_bytes(), {"width": 720}  # a 200 dpi file, shown at screen size

    def __repr__(self) -> str:
        return "saved: " + ", ".join(_shown(f) for f in self.files)


def _shown(path: Path) -> str:
    """A path relative to the repository when it is inside it (stable notebook output)."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _save(
    fig, name: str, out_dir: Path, options: ChartOptions, observation_ids=(), **selection
) -> SavedFigure:
    files = charts.save_figure(fig, name, formats=options.formats, dpi=options.dpi, out_dir=out_dir)
    ids = tuple(sorted({i for i in observation_ids if isinstance(i, str)}))  # NaN: not stated
    size = (float(fig.get_figwidth()), float(fig.get_figheight()))
    return SavedFigure(name, tuple(files), observation_ids=ids, size=size, **selection)


# ---------------------------------------------------------------------- selections


class SelectionError(ValueError):
    """A selection that cannot be drawn (an unknown name, nothing stated); says what to do."""


def _resolve(kind: str, chosen: str | Sequence[str]) -> list[str]:
    """Ids, names or aliases -> ids of the built database (analysis.names), in the caller's
    order; an unknown or ambiguous name is a SelectionError suggesting the closest ones."""
    try:
        return names.resolve(kind, chosen)
    except names.UnknownName as exc:
        raise SelectionError(str(exc)) from exc


def _one(kind: str, name: str) -> str:
    """The id of a chart drawn for one city or indicator, given its id or a name."""
    ids = _resolve(kind, [name])
    if len(ids) != 1:
        raise SelectionError(f"this chart is drawn for one {kind}; got {name!r}")
    return ids[0]


def valid_cities() -> list[str]:
    return report.city_order()


def valid_indicators() -> list[str]:
    return sorted(report.query("SELECT indicator_id FROM indicators").indicator_id)


def valid_themes() -> list[str]:
    return sorted(report.query("SELECT theme_id FROM themes").theme_id)


def check_cities(cities: str | Sequence[str] | None) -> list[str]:
    return valid_cities() if cities is None else _resolve("city", cities)


def check_indicators(indicators: str | Sequence[str] | None) -> list[str]:
    return valid_indicators() if indicators is None else _resolve("indicator", indicators)


def check_themes(themes: str | Sequence[str] | None) -> list[str]:
    return valid_themes() if themes is None else _resolve("theme", themes)


# ---------------------------------------------------------------------- labels


def city_labels(city_ids, lang: str) -> list[str]:
    """ "Baicheng 白城市" (bilingual, English first), "白城市" or "Baicheng", for each id."""
    names = report.city_names()
    if lang == "bilingual":
        return [f"{names[c][0]} {names[c][1]}" for c in city_ids]
    return [charts.in_language(names[c][1], names[c][0], lang) for c in city_ids]


def _short_cities(city_ids, lang: str) -> list[str]:
    """The city in bar labels: English in bilingual charts (the indicator beside is Chinese)."""
    names = report.city_names()
    return [names[c][1] if lang == "zh" else names[c][0] for c in city_ids]


def _indicator_names(indicator_ids, lang: str) -> list[str]:
    """Indicator names in ``lang``; Chinese in bilingual charts (labels are long)."""
    names = report.indicator_labels().set_index("indicator_id")
    return [
        charts.in_language(
            names.name_zh[i], names.name_en[i], "zh" if lang == "bilingual" else lang
        )
        for i in indicator_ids
    ]


UNIT_LABELS = {
    "percent": ("百分比 %", "%", "% · 百分比"),
    "years": ("年", "years", "years · 年"),
    "persons": ("人", "persons", "persons · 人"),
}
RATE_UNITS = {"percent": ("个百分点/年", "pp/yr", "pp/yr")}


def _unit_label(unit: str, lang: str, table: dict = UNIT_LABELS) -> str:
    if unit not in table:
        return unit if table is UNIT_LABELS else f"{unit}/yr"
    zh, en, both = table[unit]
    return {"zh": zh, "en": en}.get(lang, both)


STATUS_LABELS = {
    "on_track": ("按计划推进", "on track"),
    "moderately_improving": ("有所改善", "moderately improving"),
    "stagnating": ("停滞", "stagnating"),
    "declining": ("倒退", "declining"),
    "already_met": ("已达目标", "already met"),
    "no_trend_stated": ("无趋势数据", "no trend stated"),
    "no_baseline": ("无基线", "no baseline"),
}


def _status_label(status, lang: str) -> str | None:
    if status is None or (isinstance(status, float) and np.isnan(status)):
        return None
    return charts.in_language(*STATUS_LABELS.get(status, (status, status)), lang)


NATIONAL_NOTE = {
    "bilingual": "national: 十四五规划纲要 (2021) & 教育部2020年统计公报",
    "zh": "全国：《十四五规划纲要》（2021）、教育部2020年统计公报",
    "en": "national: 14th Five-Year Plan Outline (2021) & MoE 2020 Statistical Bulletin",
}


def _source_note(observation_ids, national: bool = False, lang: str = "bilingual") -> str:
    """ "Sources: Baicheng plan (专栏 2 l.363); Jiamusi plan (text l.9)" in ``lang``."""
    ids = sorted({i for i in observation_ids if isinstance(i, str)})
    zh = lang == "zh"
    if not ids:
        return "来源：无" if zh else "Sources: none stated"
    df = report.query(
        "SELECT o.city_id, s.city_name_en, s.city_name_zh, o.method, o.table_caption, o.line "
        "FROM observations o JOIN sources s USING (source_id) "
        "WHERE observation_id IN (SELECT unnest(?)) ORDER BY o.city_id, o.line",
        [ids],
    )
    parts = []
    for (_, city_en, city_zh), rows in df.groupby(
        ["city_id", "city_name_en", "city_name_zh"], sort=True
    ):
        where: dict[str, list[str]] = {}
        for r in rows.itertuples():
            where.setdefault(_place(r, lang), [])
            if str(r.line) not in where[_place(r, lang)]:
                where[_place(r, lang)].append(str(r.line))
        if zh:
            places = "；".join(f"{kind} 第{'、'.join(lines)}行" for kind, lines in where.items())
            parts.append(f"{city_zh}规划（{places}）")
        else:
            places = "; ".join(f"{kind} l.{','.join(lines)}" for kind, lines in where.items())
            parts.append(f"{city_en} plan ({places})")
    note = ("来源：" + "；".join(parts)) if zh else ("Sources: " + "; ".join(parts))
    if national:
        note += ("；" if zh else "; ") + NATIONAL_NOTE[lang]
    return note


def _place(row, lang: str) -> str:
    """Where in a plan: 专栏 N, the main-indicator table, or the text."""
    if row.method != "table":
        return "正文" if lang == "zh" else "text"
    if row.table_caption and row.table_caption.startswith("专栏"):
        box = " ".join(row.table_caption.split(" ")[:2])  # "专栏 2"
        return box.replace("专栏", "Box") if lang == "en" else box
    return "主要指标表" if lang == "zh" else "main-indicator table"


# ---------------------------------------------------------------------- charts


def gap_chart(
    indicator_id: str,
    out_dir: Path = FIGURES_DIR,
    *,
    cities: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Baseline-to-target dumbbell of one indicator.

    Without ``cities``: every city that states the indicator. With ``cities``: exactly
    those, in that order; a city that states neither value is drawn as "not stated".
    """
    indicator_id = _one("indicator", indicator_id)
    lang = charts.check_language(options.lang)
    metrics = report.query(
        "SELECT * FROM indicator_metrics WHERE indicator_id = ? ORDER BY city_id", [indicator_id]
    )
    if cities is not None:
        chosen = check_cities(cities)
        metrics = metrics.set_index("city_id").reindex(chosen).reset_index()
    if metrics.empty:
        raise SelectionError(f"no city states {indicator_id}; choose cities to show it as missing")
    frame = pd.DataFrame(
        {
            "city_label": city_labels(metrics.city_id, lang),
            "baseline": metrics.baseline_2020,
            "target": metrics.target_2025,
            "target_comparator": metrics.target_comparator,
            "conflict": metrics.has_conflict.fillna(False).astype(bool),
            "national_baseline": metrics.national_baseline_2020,
            "national_target": metrics.national_target_2025,
        }
    )
    ids = [*metrics.baseline_observation_id, *metrics.target_observation_id]
    national = bool(metrics.national_baseline_2020.notna().any())
    names = report.indicator_labels().set_index("indicator_id").loc[indicator_id]
    titles = {
        "zh": f"{names.name_zh}：2020基线与2025目标",
        "en": f"{names.name_en}: 2020 baseline and 2025 target",
    }
    fig = charts.gap_dumbbell(
        frame,
        title_zh=titles["zh"],
        title_en=titles["en"],
        unit_label=_unit_label(names.unit, lang),
        source_note=_source_note(ids, national=national, lang=lang),
        lang=lang,
        size=options.size,
    )
    return _save(
        fig,
        name or f"gap_{indicator_id}",
        out_dir,
        options,
        observation_ids=ids,
        cities=tuple(metrics.city_id),
        national=national,
    )


def growth_chart(
    unit: str | None = "percent",
    out_dir: Path = FIGURES_DIR,
    *,
    cities: Sequence[str] | None = None,
    indicators: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Growth needed per year, ranked, 2020-2025 against from the latest stated value.

    Without ``indicators``: every indicator of ``unit`` that still needs growth (those
    already at target are listed in the notebook, not drawn). With ``indicators``: every
    chosen city x indicator pair, "not stated" where the plan gives no baseline or target.
    """
    lang = charts.check_language(options.lang)
    names = report.indicator_labels().set_index("indicator_id")
    metrics = report.query("SELECT * FROM indicator_metrics ORDER BY city_id, indicator_id")
    chosen_cities = check_cities(cities) if cities is not None else None
    if indicators is None:
        df = growth_rows(metrics, unit, chosen_cities)  # also what its description reads
    else:
        chosen = check_indicators(indicators)
        pairs = pd.MultiIndex.from_product(
            [chosen_cities or valid_cities(), chosen], names=["city_id", "indicator_id"]
        )
        df = metrics.set_index(["city_id", "indicator_id"]).reindex(pairs).reset_index()
        df["unit"] = df.indicator_id.map(names.unit)
    if df.empty:
        raise SelectionError("no chosen city states a growth to plot; choose indicators")
    frame = pd.DataFrame(
        {
            "label": [
                f"{city} · {indicator}"
                for city, indicator in zip(
                    _short_cities(df.city_id, lang),
                    _indicator_names(df.indicator_id, lang),
                    strict=True,
                )
            ],
            "growth_5y": df.growth_per_year_2020_2025.to_numpy(),
            "growth_from_latest": df.growth_per_year_from_latest.to_numpy(),
            "unit_label": [_unit_label(u, lang, RATE_UNITS) for u in df.unit],
        }
    )
    ids = [*df.baseline_observation_id, *df.target_observation_id, *df.midpoint_observation_id]
    fig = charts.growth_ranked(
        frame,
        title_zh="实现2025目标每年所需增长",
        title_en="Growth needed per year to reach the 2025 target",
        source_note=_source_note(ids, lang=lang),
        lang=lang,
        size=options.size,
    )
    return _save(
        fig,
        name or f"growth_needed_{unit or 'all'}",
        out_dir,
        options,
        observation_ids=ids,
        cities=tuple(dict.fromkeys(df.city_id)),
    )


def midpoint_chart(
    city_id: str,
    out_dir: Path = FIGURES_DIR,
    *,
    indicators: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Stated 2022 values against the straight path from baseline to target (one city).

    Without ``indicators``: every indicator with both a baseline and a target. With
    ``indicators``: exactly those, "not stated" where the plan gives no value.
    """
    city_id = _one("city", city_id)
    lang = charts.check_language(options.lang)
    metrics = report.query(
        "SELECT * FROM indicator_metrics WHERE city_id = ? ORDER BY indicator_id", [city_id]
    )
    if indicators is None:
        df = metrics[metrics.baseline_2020.notna() & metrics.target_2025.notna()]
    else:
        chosen = check_indicators(indicators)
        df = metrics.set_index("indicator_id").reindex(chosen).reset_index()
    if df.empty:
        raise SelectionError(
            f"{city_id} states no indicator with both a 2020 baseline and a 2025 target; "
            "choose indicators to show them as not stated"
        )
    frame = pd.DataFrame(
        {
            "indicator_label": _indicator_names(df.indicator_id, lang),
            "baseline_2020": df.baseline_2020.to_numpy(),
            "implied_2022": df.implied_2022.to_numpy(),
            "stated_2022": df.midpoint_2022.to_numpy(),
            "target_2025": df.target_2025.to_numpy(),
            "status": [_status_label(s, lang) for s in df.progress_status],
        }
    )
    en, zh = report.city_names()[city_id]
    ids = [*df.baseline_observation_id, *df.target_observation_id, *df.midpoint_observation_id]
    fig = charts.midpoint_progress(
        frame,
        title_zh=f"{zh}：2022年中期值与直线路径",
        title_en=f"{en}: 2022 midpoint against the straight path",
        source_note=_source_note(ids, lang=lang),
        lang=lang,
        size=options.size,
    )
    return _save(
        fig,
        name or f"midpoint_{city_id}",
        out_dir,
        options,
        observation_ids=ids,
        cities=(city_id,),
    )


def _theme_label(lang: str) -> pd.Series:
    df = report.query("SELECT theme_id, name_zh, name_en FROM themes")
    labels = [
        charts.in_language(zh, en, lang, separator=" · ")
        for zh, en in zip(df.name_zh, df.name_en, strict=True)
    ]
    return pd.Series(labels, index=df.theme_id.to_numpy())


THEME_NOTE = {
    "bilingual": (
        "Sources: full texts of the five plans, coded paragraph by paragraph with the theme "
        "dictionary (data/curated/theme_codebook.yaml); Jilin City's text is an outline"
    ),
    "zh": (
        "来源：五份规划全文，按主题词典（data/curated/theme_codebook.yaml）逐段编码；"
        "吉林市文本为提纲"
    ),
}
THEME_NOTE["en"] = THEME_NOTE["bilingual"]
VALUE_LABELS = {
    "density_per_10k_chars": ("每万字提及次数", "mentions per 10,000 characters"),
    "share_of_paragraphs": ("段落占比", "share of paragraphs"),
}


def theme_heatmap_chart(
    value: str = "density_per_10k_chars",
    out_dir: Path = FIGURES_DIR,
    *,
    cities: Sequence[str] | None = None,
    themes: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Themes (rows) by cities (columns), coloured by a coverage measure."""
    lang = charts.check_language(options.lang)
    chosen_cities, chosen_themes = check_cities(cities), check_themes(themes)
    matrix = report.theme_matrix(value).reindex(index=chosen_themes, columns=chosen_cities)
    matrix.index = matrix.index.map(_theme_label(lang))
    matrix.columns = city_labels(matrix.columns, lang)
    zh, en = VALUE_LABELS[value]
    fig = charts.theme_heatmap(
        matrix,
        title_zh="政策主题覆盖",
        title_en="Policy-theme coverage",
        source_note=THEME_NOTE[lang],
        value_label=charts.in_language(zh, en, lang, separator=" · "),
        lang=lang,
        size=options.size,
    )
    return _save(
        fig,
        name or f"themes_{value}",
        out_dir,
        options,
        cities=tuple(chosen_cities),
        themes=tuple(chosen_themes),
    )


def theme_similarity_chart(
    out_dir: Path = FIGURES_DIR,
    *,
    cities: Sequence[str] | None = None,
    themes: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Cosine similarity of the cities' theme profiles, clustered (at least two cities)."""
    lang = charts.check_language(options.lang)
    chosen_cities, chosen_themes = check_cities(cities), check_themes(themes)
    if len(chosen_cities) < 2:
        raise SelectionError("a similarity chart needs at least two cities")
    similarity, tree = report.theme_similarity(cities=chosen_cities, themes=chosen_themes)
    similarity.index = similarity.columns = city_labels(similarity.index, lang)
    fig = charts.similarity_heatmap(
        similarity,
        tree,
        title_zh="城市政策主题相似度（余弦）",
        title_en="Cosine similarity of the cities' theme profiles",
        source_note=THEME_NOTE[lang],
        lang=lang,
        size=options.size,
    )
    return _save(
        fig,
        name or "theme_similarity",
        out_dir,
        options,
        cities=tuple(chosen_cities),
        themes=tuple(chosen_themes),
    )


def all_figures(out_dir: Path = FIGURES_DIR) -> list[SavedFigure]:
    """Every figure the notebooks publish (data/curated/published_figures.yaml), in
    notebook order; used to check reproduction."""
    from analysis.ambition_figure import ambition_chart  # it imports this module
    from analysis.vocabulary_figure import vocabulary_chart  # it imports this module too

    published = load_published_figures()
    return [
        *(gap_chart(i, out_dir) for i in published.gap_indicators),
        *(growth_chart(u, out_dir) for u in published.growth_units),
        *(midpoint_chart(c, out_dir) for c in published.midpoint_cities),
        *([ambition_chart(out_dir)] if published.ambition else []),
        *(theme_heatmap_chart(m, out_dir) for m in published.theme_measures),
        *([theme_similarity_chart(out_dir)] if published.theme_similarity else []),
        *([vocabulary_chart(out_dir)] if published.distinctive_vocabulary else []),
    ]
