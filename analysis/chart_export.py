"""Charts for briefings: a chosen chart, selection, language and size, with a provenance sidecar.

The drawing is `figures` (the same functions the notebooks call); this module only turns a
request into calls and writes, beside the chart files, ``<name>.json`` naming every
observation plotted (id, source, raw file, character span, quote), the national reference
rows and theme hits where those are drawn, and the database build (``build_id`` and the
SHA-256 of every input file) the chart came from.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis import charts, figures, paths, report
from analysis.ambition_figure import ambition_chart
from analysis.build_inputs import file_sha256
from analysis.chart_choices import CHARTS, FORMATS, LANGUAGES, MEASURES, MM_PER_INCH, SIZE_PRESETS
from analysis.published_figures import load_published_figures
from analysis.vocabulary_figure import vocabulary_chart

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in)\s*$")
_UNIT_MM = {"mm": 1.0, "cm": 10.0, "in": MM_PER_INCH}


def parse_size(text: str | None) -> tuple[float, float] | None:
    """A preset name or ``WxH`` with a unit (``180x100mm``, ``18x10cm``, ``7x4in``) -> inches."""
    if text is None:
        return None
    if text in SIZE_PRESETS:
        width, height = SIZE_PRESETS[text]
    else:
        match = _SIZE.match(text)
        if not match:
            presets = ", ".join(SIZE_PRESETS)
            raise ValueError(
                f"size {text!r} is neither a preset ({presets}) nor WxH with a unit "
                "(e.g. 180x100mm, 18x10cm, 7x4in)"
            )
        scale = _UNIT_MM[match.group(3)]
        width, height = float(match.group(1)) * scale, float(match.group(2)) * scale
    if not (20 <= width <= 1000 and 20 <= height <= 1000):
        raise ValueError(f"size {text!r} is outside 20-1000 mm on a side")
    return round(width / MM_PER_INCH, 4), round(height / MM_PER_INCH, 4)


@dataclass(frozen=True)
class ChartRequest:
    """What a policy writer asks for; ``None`` selections mean "as the notebooks show it"."""

    chart: str
    cities: tuple[str, ...] | None = None
    indicators: tuple[str, ...] | None = None
    themes: tuple[str, ...] | None = None
    measure: str = "density"
    lang: str = "bilingual"
    formats: tuple[str, ...] = ("pdf",)
    size: str | None = None
    dpi: int = 300
    name: str | None = None
    svg_text: bool = False

    def check(self) -> None:
        if self.chart not in CHARTS:
            raise figures.SelectionError(
                f"unknown chart {self.chart!r}; choose {', '.join(CHARTS)}"
            )
        if self.lang not in LANGUAGES:
            raise figures.SelectionError(
                f"unknown language {self.lang!r}; choose {', '.join(LANGUAGES)}"
            )
        bad = [f for f in self.formats if f not in FORMATS] or ([] if self.formats else ["none"])
        if bad:
            raise figures.SelectionError(
                f"unknown format(s) {', '.join(bad)}; choose {', '.join(FORMATS)}"
            )
        if self.measure not in MEASURES:
            raise figures.SelectionError(
                f"unknown measure {self.measure!r}; choose {', '.join(MEASURES)}"
            )
        if not 50 <= self.dpi <= 1200:
            raise figures.SelectionError(f"dpi {self.dpi} is outside 50-1200")
        wrong = {
            "gap": ("themes",),
            "growth": ("themes",),
            "midpoint": ("themes",),
            "ambition": ("themes",),
            "theme-heatmap": ("indicators",),
            "theme-similarity": ("indicators",),
            "vocabulary": ("indicators", "themes"),
        }[self.chart]
        for option in wrong:
            if getattr(self, option) is not None:
                raise figures.SelectionError(f"the {self.chart} chart takes no {option}")

    def options(self) -> figures.ChartOptions:
        try:
            size = parse_size(self.size)
        except ValueError as exc:
            raise figures.SelectionError(str(exc)) from exc
        return figures.ChartOptions(
            lang=self.lang,
            size=size,
            dpi=self.dpi,
            formats=tuple(self.formats),
            svg_text=self.svg_text,
        )


def export_charts(
    request: ChartRequest, out_dir: Path = paths.CHART_EXPORT_DIR, command: str | None = None
) -> list[tuple[figures.SavedFigure, Path]]:
    """Draw what ``request`` asks for into ``out_dir``; return each chart and its sidecar.

    A gap chart is drawn once per indicator and a midpoint chart once per city; the other
    charts are one figure each. Raises :class:`figures.SelectionError` (listing the valid
    ids) for an unknown city, indicator or theme before anything is drawn.
    """
    request.check()
    options = request.options()
    cities = figures.check_cities(request.cities) if request.cities is not None else None
    indicators = (
        figures.check_indicators(request.indicators) if request.indicators is not None else None
    )
    themes = figures.check_themes(request.themes) if request.themes is not None else None
    # names as typed (白城市, "Jilin City") become ids: file names and the sidecar use ids
    resolved = {"cities": cities, "indicators": indicators, "themes": themes}
    request = dataclasses.replace(
        request, **{k: tuple(v) for k, v in resolved.items() if v is not None}
    )
    out_dir = Path(out_dir)
    calls = _calls(request, cities, indicators, themes)
    saved = [
        call(out_dir=out_dir, options=options, name=_name(request, base, single=len(calls) == 1))
        for call, base in calls
    ]
    return [(s, write_sidecar(s, request, options, command)) for s in saved]


def layout_warnings(saved: figures.SavedFigure) -> list[str]:
    """What a reader would see clipped or overlapping in ``saved`` (empty: paste-ready)."""
    if saved.figure is None:
        return []
    return [f"{saved.name}: {problem}" for problem in charts.layout_problems(saved.figure)]


def _calls(request: ChartRequest, cities, indicators, themes):
    """(function taking out_dir/options/name, default base name) for each chart to draw."""
    chart = request.chart
    if chart == "gap":
        if not indicators:
            raise figures.SelectionError(
                "the gap chart needs --indicators; see: python -m analysis list indicators"
            )
        return [
            (lambda i=i, **kw: figures.gap_chart(i, cities=cities, **kw), f"gap_{i}")
            for i in indicators
        ]
    if chart == "growth":
        unit = None if indicators else "percent"
        return [
            (
                lambda **kw: figures.growth_chart(unit, cities=cities, indicators=indicators, **kw),
                "growth_needed",
            )
        ]
    if chart == "midpoint":
        return [
            (
                lambda c=c, **kw: figures.midpoint_chart(c, indicators=indicators, **kw),
                f"midpoint_{c}",
            )
            for c in (cities or load_published_figures().midpoint_cities)
        ]
    if chart == "ambition":
        return [
            (
                lambda **kw: ambition_chart(cities=cities, indicators=indicators, **kw),
                "ambition_consistency",
            )
        ]
    if chart == "vocabulary":
        return [(lambda **kw: vocabulary_chart(cities=cities, **kw), "vocabulary_distinctive")]
    measure = MEASURES[request.measure]
    if chart == "theme-heatmap":
        return [
            (
                lambda **kw: figures.theme_heatmap_chart(
                    measure, cities=cities, themes=themes, **kw
                ),
                f"themes_{measure}",
            )
        ]
    return [
        (
            lambda **kw: figures.theme_similarity_chart(cities=cities, themes=themes, **kw),
            "theme_similarity",
        )
    ]


def _name(request: ChartRequest, base: str, single: bool) -> str:
    """``gap_<indicator>[_<cities>]_<lang>[_<size>]`` unless the request names the file."""
    if request.name:
        if Path(request.name).name != request.name or not request.name.strip():
            raise figures.SelectionError(f"--name must be a plain file name, got {request.name!r}")
        # several charts from one request (several indicators or cities) need distinct names
        return request.name if single else f"{request.name}_{base}"
    parts = [base]
    if request.cities is not None and request.chart != "midpoint":
        parts.append("-".join(request.cities))
    parts.append(request.lang)
    if request.size in SIZE_PRESETS:
        parts.append(request.size)
    elif request.size:
        parts.append(re.sub(r"[^0-9a-z.]+", "", request.size.lower()))
    return "_".join(parts)


# ---------------------------------------------------------------------- the sidecar


def sidecar(
    saved: figures.SavedFigure,
    request: ChartRequest,
    options: figures.ChartOptions,
    command: str | None = None,
) -> dict:
    """Everything needed to trace the chart back to the raw texts (deterministic)."""
    width, height = saved.size
    doc = {
        "chart": request.chart,
        "name": saved.name,
        "command": command,
        "files": [
            {"file": f.name, "format": f.suffix[1:], "sha256": file_sha256(f)} for f in saved.files
        ],
        "language": options.lang,
        "size": {
            "preset": request.size if request.size in SIZE_PRESETS else None,
            "width_mm": round(width * MM_PER_INCH, 1),
            "height_mm": round(height * MM_PER_INCH, 1),
            "dpi": options.dpi,
        },
        "selection": {
            "cities": list(saved.cities),
            "indicators": list(request.indicators) if request.indicators else None,
            "themes": list(saved.themes) or None,
            "measure": MEASURES[request.measure] if request.chart == "theme-heatmap" else None,
        },
        "database": _database(),
        "plotted_data": f"{saved.name}.csv" if saved.data is not None else None,
        "observations": _observations(saved.observation_ids),
    }
    if saved.data is not None and "progress_status" in saved.data.columns:
        # every status with what it rests on: stated_2022, trend_2015_2020, ... or none
        statuses = saved.data[["indicator_id", "progress_status", "status_basis"]]
        doc["statuses"] = statuses.astype(object).where(statuses.notna(), None).to_dict("records")
    if request.chart == "vocabulary" and saved.data is not None:
        doc["vocabulary_terms"] = _vocabulary_terms(saved.data)
    if saved.national:
        doc["national_reference"] = _national(saved.observation_ids)
    if saved.themes:
        doc["theme_hits"] = _theme_hits(saved.cities, saved.themes)
    return doc


def write_sidecar(
    saved: figures.SavedFigure,
    request: ChartRequest,
    options: figures.ChartOptions,
    command: str | None = None,
) -> Path:
    target = saved.files[0].with_name(f"{saved.name}.json")
    if saved.data is not None:
        write_plotted_data(saved.data, target.with_suffix(".csv"))
    text = json.dumps(sidecar(saved, request, options, command), ensure_ascii=False, indent=2)
    target.write_text(text + "\n", encoding="utf-8")
    return target


def write_plotted_data(data, target: Path) -> None:
    """The numbers the chart draws, as CSV (UTF-8 with BOM, so Excel reads the Chinese).

    Floats in their shortest exact form (``repr``), "\\n" line ends, no index: the same
    bytes on every run.
    """
    frame = data.astype(object).where(data.notna(), None)
    text = frame.to_csv(index=False, lineterminator="\n", float_format=None)
    target.write_bytes(("\ufeff" + text).encode("utf-8"))


def _records(sql: str, params: list) -> list[dict]:
    """Query rows as JSON-ready dicts, a missing value as None (JSON null)."""
    df = report.query(sql, params).astype(object)
    return df.where(df.notna(), None).to_dict(orient="records")


def _database() -> dict:
    inputs = _records(
        "SELECT build_id, kind, path, sha256 FROM build_inputs ORDER BY kind, path", []
    )
    build_ids = sorted({r.pop("build_id") for r in inputs})
    return {
        "path": paths.DATABASE.relative_to(paths.ROOT).as_posix(),
        "build_id": build_ids[0] if len(build_ids) == 1 else build_ids,
        "inputs": inputs,
    }


def _observations(ids: Sequence[str]) -> list[dict]:
    """The plotted observations, and the conflicting values the chart did not plot."""
    return _records(
        "WITH plotted AS (SELECT unnest(?) AS observation_id) "
        "SELECT o.observation_id, o.observation_id IN (SELECT observation_id FROM plotted) "
        "AS plotted, o.city_id, o.source_id, s.file, o.indicator_id, o.year, o.role, "
        "o.comparator, o.value, o.unit, o.method, o.line, o.char_start, o.char_end, o.quote, "
        "o.label_start, o.label_end, o.label_quote, o.conflict_id, o.preferred, "
        "o.preference_reason FROM observations o JOIN sources s USING (source_id) "
        "WHERE o.observation_id IN (SELECT observation_id FROM plotted) OR o.conflict_id IN "
        "(SELECT conflict_id FROM observations WHERE observation_id IN "
        "(SELECT observation_id FROM plotted)) ORDER BY o.observation_id",
        [list(ids)],
    )


def _vocabulary_terms(data) -> list[dict]:
    """Each term drawn with the raw span of the sentence it is first used in, and that
    sentence as it reads in the plan (cleaned of line breaks, as the counting saw it)."""
    columns = ["city_id", "rank", "term", "z", "count", "source_id", "file", "char_start"]
    terms = data[data.term.notna()][[*columns, "char_end", "sentence"]]
    return terms.astype(object).where(terms.notna(), None).to_dict("records")


def _national(ids: Sequence[str]) -> list[dict]:
    return _records(
        "SELECT reference_id, indicator_id, year, role, comparator, value, citation, file, "
        "line, char_start, char_end, quote FROM national_reference WHERE indicator_id IN "
        "(SELECT indicator_id FROM observations WHERE observation_id IN (SELECT unnest(?))) "
        "AND year IN (2020, 2025) ORDER BY indicator_id, year",
        [list(ids)],
    )


def _theme_hits(cities: Sequence[str], themes: Sequence[str]) -> list[dict]:
    return _records(
        "SELECT s.city_id, h.source_id, s.file, h.theme_id, h.keyword, h.paragraph_index, "
        "h.char_start, h.char_end, h.quote FROM theme_hits h JOIN sources s USING (source_id) "
        "WHERE s.city_id IN (SELECT unnest(?)) AND h.theme_id IN (SELECT unnest(?)) "
        "ORDER BY s.city_id, h.char_start, h.theme_id",
        [list(cities), list(themes)],
    )
