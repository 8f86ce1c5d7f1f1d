"""Every figure of the notebooks: data from `report`, drawing from `charts`, saved to figures/.

Each function returns the Figure (so a notebook shows it) after writing PNG, SVG and PDF
under FIGURES_DIR; the source note on the chart names the plans and the tables or lines
the plotted values come from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import charts, report
from analysis.paths import FIGURES_DIR, ROOT


@dataclass(frozen=True)
class SavedFigure:
    """A figure written to figures/; a notebook shows the very PNG that was saved."""

    name: str
    files: tuple[Path, ...]

    def _repr_png_(self):
        png = next(f for f in self.files if f.suffix == ".png")
        return png.read_bytes(), {"width": 720}  # a 200 dpi file, shown at screen size

    def __repr__(self) -> str:
        return "saved: " + ", ".join(_shown(f) for f in self.files)


def _shown(path: Path) -> str:
    """A path relative to the repository when it is inside it (stable notebook output)."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _save(fig, name: str, out_dir: Path) -> SavedFigure:
    return SavedFigure(name, tuple(charts.save_figure(fig, name, out_dir=out_dir)))


UNIT_LABELS = {"percent": "% · 百分比", "years": "years · 年", "persons": "persons · 人"}
NATIONAL_NOTE = "national: 十四五规划纲要 (2021) & 教育部2020年统计公报"


def _source_note(observation_ids: list[str], national: bool = False) -> str:
    """ "Sources: Baicheng plan 专栏 2 (line 363); Jiamusi plan text (line 9); ..." """
    ids = sorted({i for i in observation_ids if isinstance(i, str)})
    if not ids:
        return "Sources: none stated"
    df = report.query(
        "SELECT o.city_id, s.city_name_en, o.method, o.table_caption, o.line FROM observations o "
        "JOIN sources s USING (source_id) WHERE observation_id IN (SELECT unnest(?)) "
        "ORDER BY o.city_id, o.line",
        [ids],
    )
    parts = []
    for city, rows in df.groupby("city_name_en", sort=True):
        where: dict[str, list[str]] = {}
        for r in rows.itertuples():
            if r.method != "table":
                kind = "text"
            elif r.table_caption and r.table_caption.startswith("专栏"):
                kind = " ".join(r.table_caption.split(" ")[:2])
            else:
                kind = "main-indicator table"
            where.setdefault(kind, [])
            if str(r.line) not in where[kind]:
                where[kind].append(str(r.line))
        places = "; ".join(f"{kind} l.{','.join(lines)}" for kind, lines in where.items())
        parts.append(f"{city} plan ({places})")
    note = "Sources: " + "; ".join(parts)
    return note + (f"; {NATIONAL_NOTE}" if national else "")


def gap_chart(indicator_id: str, out_dir: Path = FIGURES_DIR):
    """Baseline-to-target dumbbell of one indicator across the cities that state it."""
    labels = report.city_labels()
    names = report.indicator_labels().set_index("indicator_id").loc[indicator_id]
    metrics = report.query(
        "SELECT * FROM indicator_metrics WHERE indicator_id = ? ORDER BY city_id", [indicator_id]
    )
    frame = pd.DataFrame(
        {
            "city_label": metrics.city_id.map(labels),
            "baseline": metrics.baseline_2020,
            "target": metrics.target_2025,
            "target_comparator": metrics.target_comparator,
            "conflict": metrics.has_conflict.astype(bool),
            "national_baseline": metrics.national_baseline_2020,
            "national_target": metrics.national_target_2025,
        }
    )
    ids = list(metrics.baseline_observation_id) + list(metrics.target_observation_id)
    national = metrics.national_baseline_2020.notna().any()
    fig = charts.gap_dumbbell(
        frame,
        title_zh=f"{names.name_zh}：2020基线与2025目标",
        title_en=f"{names.name_en}: 2020 baseline and 2025 target",
        unit_label=UNIT_LABELS.get(names.unit, names.unit),
        source_note=_source_note(ids, national=bool(national)),
    )
    return _save(fig, f"gap_{indicator_id}", out_dir)


def growth_chart(unit: str = "percent", out_dir: Path = FIGURES_DIR):
    """Growth needed per year, ranked, 2020-2025 against from the latest stated value."""
    labels = report.city_labels()
    names = report.indicator_labels().set_index("indicator_id")
    df = report.growth()
    # indicators already at their target need no growth: the table lists them, the chart not
    df = df[(df.unit == unit) & (df.growth_per_year_2020_2025.abs() > 1e-9)]
    metrics = report.query("SELECT * FROM indicator_metrics WHERE unit = ?", [unit])
    metrics = metrics[metrics.indicator_id.isin(df.indicator_id) & metrics.city_id.isin(df.city_id)]
    frame = pd.DataFrame(
        {
            "label": df.city_id.map(lambda c: labels[c].split(" ")[0])
            + " · "
            + df.indicator_id.map(names.name_zh),
            "growth_5y": df.growth_per_year_2020_2025,
            "growth_from_latest": df.growth_per_year_from_latest,
            "unit_label": "pp/yr" if unit == "percent" else f"{unit}/yr",
        }
    )
    plotted = set(zip(df.city_id, df.indicator_id, strict=True))
    metrics = metrics[
        [(c, i) in plotted for c, i in zip(metrics.city_id, metrics.indicator_id, strict=True)]
    ]
    ids = [
        *metrics.baseline_observation_id,
        *metrics.target_observation_id,
        *metrics.midpoint_observation_id,
    ]
    fig = charts.growth_ranked(
        frame,
        title_zh="实现2025目标每年所需增长",
        title_en="Growth needed per year to reach the 2025 target",
        source_note=_source_note(ids),
    )
    return _save(fig, f"growth_needed_{unit}", out_dir)


def midpoint_chart(city_id: str = "jiamusi", out_dir: Path = FIGURES_DIR):
    """Stated 2022 values against the straight path from baseline to target."""
    names = report.indicator_labels().set_index("indicator_id")
    df = report.midpoint_progress()
    df = df[df.city_id == city_id]
    metrics = report.query("SELECT * FROM indicator_metrics WHERE city_id = ?", [city_id])
    frame = pd.DataFrame(
        {
            "indicator_label": df.indicator_id.map(names.name_zh),
            "baseline_2020": df.baseline_2020,
            "implied_2022": df.implied_2022,
            "stated_2022": df.midpoint_2022,
            "target_2025": df.target_2025,
            "status": df.progress_status,
        }
    )
    city = report.city_labels()[city_id]
    ids = (
        list(metrics.baseline_observation_id)
        + list(metrics.target_observation_id)
        + list(metrics.midpoint_observation_id)
    )
    fig = charts.midpoint_progress(
        frame,
        title_zh=f"{city.split(' ')[-1]}：2022年中期值与直线路径",
        title_en=f"{city.split(' ')[0]}: 2022 midpoint against the straight path",
        source_note=_source_note(ids),
    )
    return _save(fig, f"midpoint_{city_id}", out_dir)


def _theme_labels() -> pd.Series:
    df = report.query("SELECT theme_id, name_zh, name_en FROM themes")
    return pd.Series((df.name_zh + " · " + df.name_en).to_numpy(), index=df.theme_id.to_numpy())


THEME_NOTE = (
    "Sources: full texts of the five plans, coded paragraph by paragraph with the theme "
    "dictionary (data/curated/theme_codebook.yaml); Jilin City's text is an outline"
)


def theme_heatmap_chart(value: str = "density_per_10k_chars", out_dir: Path = FIGURES_DIR):
    matrix = report.theme_matrix(value)
    labels = report.city_labels()
    matrix.index = matrix.index.map(_theme_labels())
    matrix.columns = [labels[c] for c in matrix.columns]
    value_label = {
        "density_per_10k_chars": "mentions per 10,000 characters · 每万字提及次数",
        "share_of_paragraphs": "share of paragraphs · 段落占比",
    }[value]
    fig = charts.theme_heatmap(
        matrix,
        title_zh="政策主题覆盖",
        title_en="Policy-theme coverage",
        source_note=THEME_NOTE,
        value_label=value_label,
    )
    return _save(fig, f"themes_{value}", out_dir)


def theme_similarity_chart(out_dir: Path = FIGURES_DIR):
    similarity, tree = report.theme_similarity()
    labels = report.city_labels()
    similarity.index = [labels[c] for c in similarity.index]
    similarity.columns = [labels[c] for c in similarity.columns]
    fig = charts.similarity_heatmap(
        similarity,
        tree,
        title_zh="城市政策主题相似度（余弦）",
        title_en="Cosine similarity of the cities' theme profiles",
        source_note=THEME_NOTE,
    )
    return _save(fig, "theme_similarity", out_dir)


def all_figures(out_dir: Path = FIGURES_DIR) -> list[SavedFigure]:
    """Every figure the notebooks publish, in notebook order (used to check reproduction)."""
    return [
        *(gap_chart(i, out_dir) for i in GAP_INDICATORS),
        growth_chart("percent", out_dir),
        midpoint_chart("jiamusi", out_dir),
        theme_heatmap_chart("density_per_10k_chars", out_dir),
        theme_heatmap_chart("share_of_paragraphs", out_dir),
        theme_similarity_chart(out_dir),
    ]


GAP_INDICATORS = (
    "preschool_gross_enrollment_rate",
    "inclusive_kindergarten_coverage",
    "public_kindergarten_enrollment_share",
    "upper_secondary_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "mean_schooling_years_working_age",
)
