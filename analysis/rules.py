"""Extraction rules (data/curated/extraction_rules.yaml), validated once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis.errors import InputError
from analysis.yamlio import load_yaml

COMPARATORS = {"=", ">=", ">", "<=", "<", "~"}


@dataclass(frozen=True)
class Rules:
    period_end_phrases: tuple[str, ...]
    midpoint_year: int
    max_gap_chars: int
    comparator_prefixes: dict[str, str]
    comparator_suffixes: dict[str, str]
    increase_verbs: tuple[str, ...]
    cumulative_verbs: tuple[str, ...]
    per_unit_markers: tuple[str, ...]
    range_separators: str
    table_unit_cells: dict[str, str]
    table_attribute_cells: dict[str, str]
    quantity_units: dict[str, str]
    baseline_heading_patterns: tuple[str, ...]
    annual_phrases: tuple[str, ...]
    cumulative_words: tuple[str, ...]
    context_words: tuple[str, ...]
    recognition_words: tuple[str, ...]


def load_rules(path: Path) -> Rules:
    data = load_yaml(path)
    try:
        prose, tables = data["prose"], data["tables"]
        rules = Rules(
            period_end_phrases=tuple(data["years"]["period_end_phrases"]),
            midpoint_year=int(data["years"]["midpoint_year"]),
            max_gap_chars=int(prose["max_gap_chars"]),
            comparator_prefixes=dict(prose["comparator_prefixes"]),
            comparator_suffixes=dict(prose["comparator_suffixes"]),
            increase_verbs=tuple(prose["increase_verbs"]),
            cumulative_verbs=tuple(prose["cumulative_verbs"]),
            per_unit_markers=tuple(prose["per_unit_markers"]),
            range_separators=str(prose["range_separators"]),
            table_unit_cells=dict(tables["unit_cells"]),
            table_attribute_cells=dict(tables["attribute_cells"]),
            quantity_units=dict(prose["quantity_units"]),
            baseline_heading_patterns=tuple(data["sections"]["baseline_heading_patterns"]),
            annual_phrases=tuple(data["years"]["annual_phrases"]),
            cumulative_words=tuple(prose["cumulative_words"]),
            context_words=tuple(prose["context_words"]),
            recognition_words=tuple(prose["recognition_words"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(path, f"missing or malformed rule: {exc}") from exc
    bad = {
        c
        for c in (*rules.comparator_prefixes.values(), *rules.comparator_suffixes.values())
        if c not in COMPARATORS
    }
    if bad:
        raise InputError(path, f"unknown comparator(s) {sorted(bad)}; use {sorted(COMPARATORS)}")
    return rules
