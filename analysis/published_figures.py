"""The figures the notebooks publish, declared in data/curated/published_figures.yaml.

Which indicators get a gap chart and whose plan the midpoint chart shows are choices about
the data, so they live in the data folder (checked against the codebook and the registry
on load), never as city or indicator names in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis import paths
from analysis.codebook import load_codebook
from analysis.errors import InputError
from analysis.sources import load_sources
from analysis.validation import line_at, load_checked


@dataclass(frozen=True)
class PublishedFigures:
    gap_indicators: tuple[str, ...]
    growth_units: tuple[str, ...]
    midpoint_cities: tuple[str, ...]
    theme_measures: tuple[str, ...]
    theme_similarity: bool
    ambition: bool = False
    distinctive_vocabulary: bool = False


def load_published_figures(
    path: Path = paths.PUBLISHED_FIGURES_YAML,
    registry: Path = paths.SOURCES_YAML,
    codebook: Path = paths.CODEBOOK_YAML,
) -> PublishedFigures:
    data, lines = load_checked(path, "published_figures")
    known = {
        "gap_indicators": set(load_codebook(codebook)),
        "midpoint_cities": {s.city_id for s in load_sources(registry)},
    }
    for key, valid in known.items():
        for k, value in enumerate(data[key]):
            if value not in valid:
                what = (
                    "an indicator in the codebook"
                    if key == "gap_indicators"
                    else "a registered city"
                )
                line = line_at(lines, (key, k))
                raise InputError(path, f"{key}: {value!r} is not {what}", line)
    return PublishedFigures(
        tuple(data["gap_indicators"]),
        tuple(data["growth_units"]),
        tuple(data["midpoint_cities"]),
        tuple(data["theme_measures"]),
        bool(data["theme_similarity"]),
        bool(data.get("ambition", False)),
        bool(data.get("distinctive_vocabulary", False)),
    )
