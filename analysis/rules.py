"""Extraction rules (data/curated/extraction_rules.yaml), validated once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.validation import load_checked, refuse

# Also the enum of comparator in data/schemas/common.schema.json (a test keeps them equal).
COMPARATORS = {"=", ">=", ">", "<=", "<", "~"}


@dataclass(frozen=True)
class Rules:
    period_end_phrases: tuple[str, ...]
    midpoint_year: int
    max_gap_chars: int
    comparator_prefixes: dict[str, str]
    comparator_suffixes: dict[str, str]
    increase_verbs: tuple[str, ...]
    decrease_verbs: tuple[str, ...]  # the increase verbs that state a fall
    cumulative_verbs: tuple[str, ...]
    completion_verbs: tuple[str, ...]
    designation_words: tuple[str, ...]
    stock_words: tuple[str, ...]
    per_unit_markers: tuple[str, ...]
    range_separators: str
    table_unit_cells: dict[str, str]
    table_attribute_cells: dict[str, str]
    # a character -> its OCR look-alikes, both ways round (see ocr_variants)
    ocr_confusables: dict[str, str]
    quantity_units: dict[str, str]
    baseline_heading_patterns: tuple[str, ...]
    annual_phrases: tuple[str, ...]
    same_year_phrases: tuple[str, ...]
    same_period_phrases: tuple[str, ...]
    cumulative_words: tuple[str, ...]
    context_words: tuple[str, ...]
    recognition_words: tuple[str, ...]
    measure_words: tuple[str, ...]
    other_institutions: tuple[str, ...]
    stage_words: tuple[str, ...]
    stage_narrowed: frozenset[str]
    survey_heading_patterns: tuple[str, ...] = ()
    table_comparator_cells: dict[str, str] = field(default_factory=dict)


def load_rules(path: Path) -> Rules:
    """Read the rules (data/schemas/extraction_rules.schema.json: every list a list of
    phrases, every regex compiles, every comparator and unit known)."""
    path = Path(path)
    data, lines = load_checked(path, "extraction_rules")
    for key in ("baseline_heading_patterns", "survey_heading_patterns"):
        _no_empty_match(path, lines, key, data["sections"].get(key, []))
    prose = data["prose"]
    for i, verb in enumerate(prose["decrease_verbs"]):
        # only a verb that makes a value a change can make the change negative
        if verb not in prose["increase_verbs"]:
            raise refuse(
                path,
                lines,
                ("prose", "decrease_verbs", i),
                f"decrease_verbs[{i}] {verb!r} is not one of increase_verbs",
            )
    return _rules(data)


def _no_empty_match(path, lines, key: str, patterns: list[str]) -> None:
    for i, pattern in enumerate(patterns):
        # a pattern that matches nothing at all (a?, .*) matches every heading: every value
        # without a year would become a baseline
        if re.search(pattern, "") is not None:
            raise refuse(
                path,
                lines,
                ("sections", key, i),
                f"{key}[{i}] {pattern!r} matches an empty heading, so it would match every heading",
            )


def _rules(data: dict) -> Rules:
    years, prose, tables = data["years"], data["prose"], data["tables"]
    return Rules(
        period_end_phrases=tuple(years["period_end_phrases"]),
        midpoint_year=years["midpoint_year"],
        max_gap_chars=prose["max_gap_chars"],
        comparator_prefixes=dict(prose["comparator_prefixes"]),
        comparator_suffixes=dict(prose["comparator_suffixes"]),
        increase_verbs=tuple(prose["increase_verbs"]),
        decrease_verbs=tuple(prose["decrease_verbs"]),
        cumulative_verbs=tuple(prose["cumulative_verbs"]),
        completion_verbs=tuple(prose["completion_verbs"]),
        designation_words=tuple(prose["designation_words"]),
        stock_words=tuple(prose["stock_words"]),
        per_unit_markers=tuple(prose["per_unit_markers"]),
        range_separators=prose["range_separators"],
        table_unit_cells=dict(tables["unit_cells"]),
        table_attribute_cells=dict(tables["attribute_cells"]),
        ocr_confusables=_both_ways(tables["ocr_confusables"]),
        quantity_units=dict(prose["quantity_units"]),
        baseline_heading_patterns=tuple(data["sections"]["baseline_heading_patterns"]),
        annual_phrases=tuple(years["annual_phrases"]),
        same_year_phrases=tuple(years["same_year_phrases"]),
        same_period_phrases=tuple(years["same_period_phrases"]),
        cumulative_words=tuple(prose["cumulative_words"]),
        context_words=tuple(prose["context_words"]),
        recognition_words=tuple(prose["recognition_words"]),
        measure_words=tuple(prose["measure_words"]),
        other_institutions=tuple(prose["other_institutions"]),
        stage_words=tuple(prose["stage_words"]),
        stage_narrowed=frozenset(prose["stage_narrowed"]),
        survey_heading_patterns=tuple(data["sections"].get("survey_heading_patterns", [])),
        table_comparator_cells=dict(tables.get("comparator_cells", {})),
    )


def _both_ways(confusables: dict[str, str]) -> dict[str, str]:
    """Each character -> every character it and OCR confuse, whichever was listed first."""
    both: dict[str, list[str]] = {}
    for char, alikes in confusables.items():
        for alike in alikes:
            both.setdefault(char, []).append(alike)
            both.setdefault(alike, []).append(char)
    return {c: "".join(dict.fromkeys(a)) for c, a in both.items()}
