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
from matplotlib.figure import Figure

from analysis import charts, report
from analysis.paths import CHART_EXPORT_DIR, FIGURES_DIR, PUBLISHED_FIGURES_YAML, ROOT
from analysis.published_figures import load_published_figures


@dataclass(frozen=True)
class ChartOptions:
    """How to draw and save: language, size in inches (None: the chart's own), dpi, formats."""

    lang: str = "bilingual"
    size: tuple[float, float] | None = None
    dpi: int = 200
    formats: tuple[str, ...] = ("png", "svg", "pdf")
    #: SVG text as text (editable in Inkscape or Illustrator) instead of glyph outlines.
    svg_text: bool = False


DEFAULT = ChartOptions()
#: Where a chart other than the published set goes when no folder is given (git-ignored).
ADHOC_DIR = CHART_EXPORT_DIR / "adhoc"


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
    #: The drawn figure itself (for a layout check, or to show or save it again).
    figure: Figure | None = field(default=None, repr=False, compare=False)
    #: The numbers drawn, one row per mark, with observation ids and raw spans.
    data: pd.DataFrame | None = field(default=None, repr=False, compare=False)

    def _repr_png_(self):
        png = next(f for f in self.files if f.suffix == ".png")
        return png.read_bytes(), {"width": 720}  # a 200 dpi file, shown at screen size

    def __repr__(self) -> str:
        return "saved: " + ", ".join(_shown(f) for f in self.files)


def _shown(path: Path) -> str:
    """A path relative to the repository when it is inside it (stable notebook output)."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _save(
    fig,
    name: str,
    out_dir: Path | None,
    options: ChartOptions,
    observation_ids=(),
    *,
    published: bool = False,
    data: pd.DataFrame | None = None,
    **selection,
) -> SavedFigure:
    out_dir = _destination(name, out_dir, published)
    files = charts.save_figure(
        fig,
        name,
        formats=options.formats,
        dpi=options.dpi,
        out_dir=out_dir,
        svg_text=options.svg_text,
    )
    ids = tuple(sorted({i for i in observation_ids if isinstance(i, str)}))  # NaN: not stated
    size = (float(fig.get_figwidth()), float(fig.get_figheight()))
    return SavedFigure(
        name, tuple(files), observation_ids=ids, size=size, figure=fig, data=data, **selection
    )


def _destination(name: str, out_dir: Path | None, published: bool) -> Path:
    """figures/ for the published set only; any other chart goes to build/ (or out_dir).

    figures/ is what `analysis reproduce` compares with the manifest, so a notebook's
    ad-hoc call (other cities, language, size or name) must never write there, least of
    all under a published figure's name.
    """
    if out_dir is None:
        return FIGURES_DIR if published else ADHOC_DIR
    if not published and Path(out_dir).resolve() == FIGURES_DIR.resolve():
        raise SelectionError(
            f"{name!r} is not one of the published figures "
            f"({_shown(PUBLISHED_FIGURES_YAML)}); figures/ holds only those: save it "
            f"elsewhere (the default for other choices is {_shown(ADHOC_DIR)})"
        )
    return Path(out_dir)


def _is_published(kind: str, key, options: ChartOptions, name: str | None, **chosen) -> bool:
    """Whether a call draws a figure of the declared published set, exactly as declared."""
    if options != DEFAULT or name is not None or any(v is not None for v in chosen.values()):
        return False
    published = load_published_figures()
    declared = {
        "gap": published.gap_indicators,
        "growth": published.growth_units,
        "midpoint": published.midpoint_cities,
        "themes": published.theme_measures,
        "similarity": (None,) if published.theme_similarity else (),
    }[kind]
    return key in declared


# ---------------------------------------------------------------------- selections


class SelectionError(ValueError):
    """An unknown city, indicator or theme id; the message lists the valid ones."""


def _check_ids(kind: str, chosen: Sequence[str] | None, valid: Sequence[str]) -> list[str]:
    if chosen is None:
        return list(valid)
    unknown = [c for c in chosen if c not in valid]
    if unknown:
        raise SelectionError(
            f"unknown {kind} id(s): {', '.join(unknown)}; valid {kind} ids: {', '.join(valid)}"
        )
    if not chosen:
        raise SelectionError(f"choose at least one {kind}; valid {kind} ids: {', '.join(valid)}")
    return list(dict.fromkeys(chosen))  # keep the caller's order, drop repeats


def valid_cities() -> list[str]:
    return report.city_order()


def valid_indicators() -> list[str]:
    return sorted(report.query("SELECT indicator_id FROM indicators").indicator_id)


def valid_themes() -> list[str]:
    return sorted(report.query("SELECT theme_id FROM themes").theme_id)


def check_cities(cities: Sequence[str] | None) -> list[str]:
    return _check_ids("city", cities, valid_cities())


def check_indicators(indicators: Sequence[str] | None) -> list[str]:
    return _check_ids("indicator", indicators, valid_indicators())


def check_themes(themes: Sequence[str] | None) -> list[str]:
    return _check_ids("theme", themes, valid_themes())


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
    out_dir: Path | None = None,
    *,
    cities: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Baseline-to-target dumbbell of one indicator.

    Without ``cities``: every city that states the indicator. With ``cities``: exactly
    those, in that order; a city that states neither value is drawn as "not stated", but
    a chart on which no chosen city states anything is an error naming what is missing.
    """
    check_indicators([indicator_id])
    lang = charts.check_language(options.lang)
    metrics = report.query(
        "SELECT * FROM indicator_metrics WHERE indicator_id = ? ORDER BY city_id", [indicator_id]
    )
    if cities is not None:
        chosen = check_cities(cities)
        metrics = metrics.set_index("city_id").reindex(chosen).reset_index()
        metrics["indicator_id"] = indicator_id
    if metrics.empty or (metrics.baseline_2020.isna() & metrics.target_2025.isna()).all():
        which = f"none of {', '.join(cities)}" if cities is not None else "no city"
        raise SelectionError(
            f"nothing to plot: {which} states a 2020 baseline or a 2025 target for "
            f"{indicator_id}; cities that do: {', '.join(_stating(indicator_id)) or 'none'}"
        )
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
        ceiling=_ceiling(names.unit),
    )
    data = plotted_data(
        metrics,
        [
            "baseline_comparator",
            "baseline_2020",
            "target_comparator",
            "target_2025",
            "gap",
            "has_conflict",
            "national_baseline_2020",
            "national_target_2025",
        ],
        ["baseline", "target"],
    )
    return _save(
        fig,
        name or f"gap_{indicator_id}",
        out_dir,
        options,
        observation_ids=ids,
        published=_is_published("gap", indicator_id, options, name, cities=cities),
        data=data,
        cities=tuple(metrics.city_id),
        national=national,
    )


def _stating(indicator_id: str) -> list[str]:
    """The cities that state a baseline or a target of ``indicator_id``, in city order."""
    stated = set(
        report.query(
            "SELECT city_id FROM indicator_metrics WHERE indicator_id = ? "
            "AND (baseline_2020 IS NOT NULL OR target_2025 IS NOT NULL)",
            [indicator_id],
        ).city_id
    )
    return [c for c in valid_cities() if c in stated]


def _ceiling(unit: str) -> float | None:
    """A percentage axis stops at 100 unless a value is above it."""
    return 100.0 if unit == "percent" else None


def plotted_data(metrics: pd.DataFrame, columns: Sequence[str], roles: Sequence[str]):
    """The numbers a chart draws, with each value's observation id and raw span.

    ``roles`` name the ``<role>_observation_id`` columns; each gets a ``<role>_span``
    column, ``file:char_start-char_end`` in data/raw, so a quoted number can be checked.
    """
    frame = metrics[["city_id", "indicator_id", "unit", *columns]].copy()
    id_columns = [f"{role}_observation_id" for role in roles]
    wanted = sorted({i for c in id_columns for i in metrics[c] if isinstance(i, str)})
    spans = report.query(
        "SELECT o.observation_id, s.file || ':' || o.char_start || '-' || o.char_end AS span "
        "FROM observations o JOIN sources s USING (source_id) "
        "WHERE observation_id IN (SELECT unnest(?))",
        [wanted],
    ).set_index("observation_id")["span"]
    for role, column in zip(roles, id_columns, strict=True):
        frame[column] = metrics[column].to_numpy()
        frame[f"{role}_span"] = metrics[column].map(spans).to_numpy()
    return frame.reset_index(drop=True)


def growth_chart(
    unit: str | None = "percent",
    out_dir: Path | None = None,
    *,
    cities: Sequence[str] | None = None,
    indicators: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Growth needed per year, ranked, 2020-2025 against from the latest stated value.

    Without ``indicators``: every indicator of ``unit`` with a baseline and a target (a
    target already reached shows a zero bar). With ``indicators``: every chosen city x
    indicator pair, "not stated" where the plan gives no baseline or target. A "from the
    latest" bar whose latest value is the 2020 baseline carried to the plan's issue year
    is hatched and says so; a city whose sources conflict gets a dagger.
    """
    lang = charts.check_language(options.lang)
    names = report.indicator_labels().set_index("indicator_id")
    metrics = report.query("SELECT * FROM indicator_metrics ORDER BY city_id, indicator_id")
    chosen_cities = check_cities(cities) if cities is not None else None
    if indicators is None:
        df = metrics[metrics.growth_per_year_2020_2025.notna()]
        if unit is not None:
            df = df[df.unit == unit]
        if chosen_cities is not None:
            df = df[df.city_id.isin(chosen_cities)]
        df = df.sort_values(
            ["growth_kind", "growth_per_year_2020_2025"], ascending=[True, False], kind="stable"
        )
    else:
        chosen = check_indicators(indicators)
        pairs = pd.MultiIndex.from_product(
            [chosen_cities or valid_cities(), chosen], names=["city_id", "indicator_id"]
        )
        df = metrics.set_index(["city_id", "indicator_id"]).reindex(pairs).reset_index()
        df["unit"] = df.indicator_id.map(names.unit)
    if df.empty or df.growth_per_year_2020_2025.isna().all():
        raise SelectionError(
            "nothing to plot: no chosen city states both a 2020 baseline and a 2025 target"
            + (f" for {', '.join(indicators)}" if indicators else f" in unit {unit}")
        )
    capacity = charts.growth_row_capacity(options.size, lang)
    if capacity is not None and len(df) > capacity:
        raise SelectionError(
            f"{len(df)} growth rows do not fit this size in {lang} (at most {capacity}): "
            "choose fewer --cities or --indicators, or a larger --size"
        )
    frame = pd.DataFrame(
        {
            "label": _growth_labels(df.city_id, df.indicator_id, lang),
            "growth_5y": df.growth_per_year_2020_2025.to_numpy(),
            "growth_from_latest": df.growth_per_year_from_latest.to_numpy(),
            "unit_label": [_unit_label(u, lang, RATE_UNITS) for u in df.unit],
            "conflict": df.has_conflict.fillna(False).astype(bool).to_numpy(),
            "latest_carried": df.latest_basis.fillna("").str.startswith("baseline").to_numpy(),
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
    data = plotted_data(
        df,
        [
            "growth_kind",
            "baseline_2020",
            "target_comparator",
            "target_2025",
            "growth_per_year_2020_2025",
            "latest_year",
            "latest_value",
            "latest_basis",
            "growth_per_year_from_latest",
            "has_conflict",
        ],
        ["baseline", "midpoint", "target"],
    )
    return _save(
        fig,
        name or f"growth_needed_{unit or 'all'}",
        out_dir,
        options,
        observation_ids=ids,
        published=_is_published(
            "growth", unit, options, name, cities=cities, indicators=indicators
        ),
        data=data,
        cities=tuple(dict.fromkeys(df.city_id)),
    )


def _growth_labels(city_ids, indicator_ids, lang: str) -> list[str]:
    """ "City · indicator" per row; bilingual: the Chinese line over the English one."""
    city = report.city_names()
    names = report.indicator_labels().set_index("indicator_id")
    labels = []
    for c, i in zip(city_ids, indicator_ids, strict=True):
        zh = f"{city[c][1]} · {names.name_zh[i]}"
        en = f"{city[c][0]} · {names.name_en[i]}"
        labels.append(charts.in_language(zh, en, lang, separator="\n"))
    return labels


def midpoint_chart(
    city_id: str,
    out_dir: Path | None = None,
    *,
    indicators: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Stated 2022 values against the straight path from baseline to target (one city).

    Without ``indicators``: every indicator with both a baseline and a target. With
    ``indicators``: exactly those, "not stated" where the plan gives no value. Each status
    says what it rests on (the stated 2022 value, the 2015-2020 trend, or nothing); a
    city that states no 2022 value gets a chart titled as a trend-based assessment.
    """
    check_cities([city_id])
    lang = charts.check_language(options.lang)
    metrics = report.query(
        "SELECT m.*, v.midpoint_comparator FROM indicator_metrics m "
        "LEFT JOIN indicator_values v USING (city_id, indicator_id) "
        "WHERE m.city_id = ? ORDER BY m.indicator_id",
        [city_id],
    )
    if indicators is None:
        df = metrics[metrics.baseline_2020.notna() & metrics.target_2025.notna()]
    else:
        chosen = check_indicators(indicators)
        df = metrics.set_index("indicator_id").reindex(chosen).reset_index()
        df["city_id"] = city_id
        df["unit"] = df.indicator_id.map(report.indicator_labels().set_index("indicator_id").unit)
    values = ["baseline_2020", "midpoint_2022", "target_2025"]
    if df.empty or df[values].isna().all().all():
        asked = f" of {', '.join(indicators)}" if indicators else ""
        raise SelectionError(
            f"nothing to plot: {city_id} states no indicator{asked} with both a 2020 baseline "
            "and a 2025 target; choose indicators it states to show the others as not stated"
        )
    capacity = charts.panel_capacity(options.size, lang)
    if capacity is not None and len(df) > capacity:
        raise SelectionError(
            f"{len(df)} midpoint panels of {city_id} do not fit this size in {lang} (at most "
            f"{capacity}): choose up to {capacity} with --indicators "
            f"({', '.join(df.indicator_id)}) or a larger --size"
        )
    frame = pd.DataFrame(
        {
            "indicator_label": [
                charts.in_language(zh, en, lang, separator="\n")
                for zh, en in zip(
                    _indicator_names(df.indicator_id, "zh"),
                    _indicator_names(df.indicator_id, "en"),
                    strict=True,
                )
            ],
            "baseline_2020": df.baseline_2020.to_numpy(),
            "implied_2022": df.implied_2022.to_numpy(),
            "stated_2022": df.midpoint_2022.to_numpy(),
            "target_2025": df.target_2025.to_numpy(),
            "status": [
                _status_with_basis(s, b, lang)
                for s, b in zip(df.progress_status, df.status_basis, strict=True)
            ],
            "baseline_comparator": df.baseline_comparator.to_numpy(),
            "stated_comparator": df.midpoint_comparator.to_numpy(),
            "target_comparator": df.target_comparator.to_numpy(),
            "ceiling": [_ceiling(u) for u in df.unit],
        }
    )
    en, zh = report.city_names()[city_id]
    if df.midpoint_2022.notna().any():
        title_zh, title_en = (
            f"{zh}：2022年载明值与直线路径",
            f"{en}: stated 2022 values against the straight path",
        )
    else:  # no 2022 value: every status rests on the 2015-2020 trend, or on nothing
        title_zh, title_en = (
            f"{zh}：基于2015—2020年趋势的评估（未载明2022年数值）",
            f"{en}: trend-based assessment (the plan states no 2022 values)",
        )
    ids = [*df.baseline_observation_id, *df.target_observation_id, *df.midpoint_observation_id]
    fig = charts.midpoint_progress(
        frame,
        title_zh=title_zh,
        title_en=title_en,
        source_note=_source_note(ids, lang=lang),
        lang=lang,
        size=options.size,
    )
    data = plotted_data(
        df,
        [
            "baseline_comparator",
            "baseline_2020",
            "implied_2022",
            "midpoint_comparator",
            "midpoint_2022",
            "target_comparator",
            "target_2025",
            "observed_rate",
            "growth_per_year_2020_2025",
            "progress_status",
            "status_basis",
        ],
        ["baseline", "midpoint", "target"],
    )
    return _save(
        fig,
        name or f"midpoint_{city_id}",
        out_dir,
        options,
        observation_ids=ids,
        published=_is_published("midpoint", city_id, options, name, indicators=indicators),
        data=data,
        cities=(city_id,),
    )


STATUS_BASIS_LABELS = {
    "stated_2022": ("据2022年载明值", "from the stated 2022 value"),
    "trend_2015_2020": ("据2015—2020年趋势", "from the 2015–2020 trend"),
    "baseline_vs_target": ("据2020年基线", "from the 2020 baseline"),
}


def _status_with_basis(status, basis, lang: str) -> str | None:
    """ "on track (from the 2015-2020 trend)": a status never appears without its basis."""
    words = _status_label(status, lang)
    if words is None or basis not in STATUS_BASIS_LABELS:
        return words
    zh_status, en_status = STATUS_LABELS.get(status, (status, status))
    zh_basis, en_basis = STATUS_BASIS_LABELS[basis]
    return charts.in_language(
        f"{zh_status}（{zh_basis}）", f"{en_status} ({en_basis})", lang, separator="\n"
    )


def _theme_label(lang: str) -> pd.Series:
    df = report.query("SELECT theme_id, name_zh, name_en FROM themes")
    labels = [
        charts.in_language(zh, en, lang, separator=" · ")
        for zh, en in zip(df.name_zh, df.name_en, strict=True)
    ]
    return pd.Series(labels, index=df.theme_id.to_numpy())


_THEME_NOTE_ZH = (
    "来源：五份规划全文，按主题词典（data/curated/theme_codebook.yaml）逐段编码；吉林市文本为提纲"
)
_THEME_NOTE_EN = (
    "Sources: full texts of the five plans, coded paragraph by paragraph with the theme "
    "dictionary (data/curated/theme_codebook.yaml); Jilin City's text is an outline"
)
THEME_NOTE = {
    "bilingual": f"{_THEME_NOTE_ZH} {_THEME_NOTE_EN}",
    "zh": _THEME_NOTE_ZH,
    "en": _THEME_NOTE_EN,
}
#: measure -> (Chinese, English, shown as a percentage): the colour bar's label and the
#: title's subject, so the two theme heatmaps never share a title.
VALUE_LABELS = {
    "density_per_10k_chars": ("每万字提及次数", "mentions per 10,000 characters", False),
    "share_of_paragraphs": ("提及主题的段落占比（%）", "share of paragraphs (%)", True),
}


def _column_labels(city_ids, lang: str) -> list[str]:
    """Heatmap column labels: bilingual on two lines, so each fits its cell unrotated."""
    names = report.city_names()
    if lang == "bilingual":
        return [f"{names[c][0]}\n{names[c][1]}" for c in city_ids]
    return city_labels(city_ids, lang)


def theme_heatmap_chart(
    value: str = "density_per_10k_chars",
    out_dir: Path | None = None,
    *,
    cities: Sequence[str] | None = None,
    themes: Sequence[str] | None = None,
    options: ChartOptions = DEFAULT,
    name: str | None = None,
) -> SavedFigure:
    """Themes (rows) by cities (columns), coloured by a coverage measure.

    The title names the measure; a share is drawn as a percentage (1-22 %, not 0.01-0.22).
    """
    lang = charts.check_language(options.lang)
    chosen_cities, chosen_themes = check_cities(cities), check_themes(themes)
    zh, en, percent = VALUE_LABELS[value]
    raw = report.theme_matrix(value).reindex(index=chosen_themes, columns=chosen_cities)
    matrix = raw * 100 if percent else raw.copy()
    matrix.index = matrix.index.map(_theme_label(lang))
    matrix.columns = _column_labels(matrix.columns, lang)
    fig = charts.theme_heatmap(
        matrix,
        title_zh=f"政策主题覆盖：{zh}",
        title_en=f"Policy-theme coverage: {en}",
        source_note=THEME_NOTE[lang],
        value_label=charts.in_language(zh, en, lang, separator=" · "),
        value_format=".0f" if percent else ".2f",
        lang=lang,
        size=options.size,
    )
    data = report.query(
        "SELECT theme_id, city_id, source_id, mentions, paragraphs_hit, n_paragraphs, "
        "n_characters, share_of_paragraphs, density_per_10k_chars FROM theme_coverage "
        "WHERE city_id IN (SELECT unnest(?)) AND theme_id IN (SELECT unnest(?)) "
        "ORDER BY theme_id, city_id",
        [chosen_cities, chosen_themes],
    )
    return _save(
        fig,
        name or f"themes_{value}",
        out_dir,
        options,
        published=_is_published("themes", value, options, name, cities=cities, themes=themes),
        data=data,
        cities=tuple(chosen_cities),
        themes=tuple(chosen_themes),
    )


def theme_similarity_chart(
    out_dir: Path | None = None,
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
    data = similarity.rename_axis(index="city_id", columns=None).reset_index()
    similarity.index = city_labels(similarity.index, lang)
    similarity.columns = _column_labels(similarity.columns, lang)
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
        published=_is_published("similarity", None, options, name, cities=cities, themes=themes),
        data=data,
        cities=tuple(chosen_cities),
        themes=tuple(chosen_themes),
    )


def all_figures(out_dir: Path = FIGURES_DIR) -> list[SavedFigure]:
    """Every figure the notebooks publish (data/curated/published_figures.yaml), in
    notebook order; used to check reproduction."""
    published = load_published_figures()
    return [
        *(gap_chart(i, out_dir) for i in published.gap_indicators),
        *(growth_chart(u, out_dir) for u in published.growth_units),
        *(midpoint_chart(c, out_dir) for c in published.midpoint_cities),
        *(theme_heatmap_chart(m, out_dir) for m in published.theme_measures),
        *([theme_similarity_chart(out_dir)] if published.theme_similarity else []),
    ]
