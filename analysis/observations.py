"""Turn table cells and prose hits of one source into observations with raw spans."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass, field, replace

from analysis.codebook import AliasMatcher, Indicator
from analysis.errors import line_of
from analysis.normalise import CleanText
from analysis.prose import ProseReader
from analysis.rules import Rules
from analysis.sources import Source
from analysis.tables import Cell, read_tables

ROLES = ("historical", "baseline", "midpoint", "target", "milestone")
TABLE_COMPARATORS = {">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", ">": ">", "<": "<"}
UNIT_SUFFIX = re.compile(r"[(（]\s*(%|年|人|个|所)\s*[)）]$")


@dataclass
class Observation:
    observation_id: str
    source_id: str
    city_id: str
    indicator_id: str
    year: int
    role: str
    comparator: str
    value: float
    value_upper: float | None
    value_kind: str  # level | range | increase | cumulative
    unit: str
    method: str  # table | prose | correction
    char_start: int
    char_end: int
    quote: str
    label_start: int | None
    label_end: int | None
    label_quote: str | None
    line: int
    year_basis: str  # table_header | sentence | period_phrase | section | default | correction
    section: str
    table_caption: str | None = None
    attribute: str | None = None  # 预期性 expected / 约束性 binding
    note: str | None = None
    conflict_id: str | None = None
    preferred: bool = False
    preference_reason: str | None = None

    def as_row(self) -> dict:
        return asdict(self)


@dataclass
class SourceExtraction:
    observations: list[Observation] = field(default_factory=list)
    table_spans: list[tuple[int, int]] = field(default_factory=list)  # raw spans
    issues: list[dict] = field(default_factory=list)  # problems a reviewer should see


def role_for_year(year: int, source: Source, midpoint_year: int) -> str:
    if year < source.baseline_year:
        return "historical"
    if year == source.baseline_year:
        return "baseline"
    if year == source.period_end:
        return "target"
    if year == midpoint_year and source.period_end > midpoint_year:
        return "midpoint"
    return "milestone"


def observation_id(city_id: str, indicator_id: str, year: int, char_start: int) -> str:
    return f"{city_id}.{indicator_id}.{year}.{char_start}"


def extract_source(
    source: Source,
    clean: CleanText,
    book: dict[str, Indicator],
    matcher: AliasMatcher,
    prose_reader: ProseReader,
    rules: Rules,
) -> SourceExtraction:
    result = SourceExtraction()
    raw = clean.raw
    lines = clean.lines

    def make(
        indicator_id,
        year,
        comparator,
        value,
        upper,
        kind,
        unit,
        method,
        span,
        label_span,
        basis,
        section,
        caption=None,
        attribute=None,
    ) -> Observation:
        start, end = span
        label_quote = raw[label_span[0] : label_span[1]] if label_span else None
        return Observation(
            observation_id=observation_id(source.city_id, indicator_id, year, start),
            source_id=source.source_id,
            city_id=source.city_id,
            indicator_id=indicator_id,
            year=year,
            role=role_for_year(year, source, rules.midpoint_year),
            comparator=comparator,
            value=value,
            value_upper=upper,
            value_kind=kind,
            unit=unit,
            method=method,
            char_start=start,
            char_end=end,
            quote=raw[start:end],
            label_start=label_span[0] if label_span else None,
            label_end=label_span[1] if label_span else None,
            label_quote=label_quote,
            line=line_of(raw, start),
            year_basis=basis,
            section=section,
            table_caption=caption,
            attribute=attribute,
        )

    # ---------------------------------------------------------------- tables
    for table in read_tables(lines.text, rules):
        result.table_spans.append(lines.raw_span(table.start, table.end))
        for cell in table.cells:
            result.observations.extend(
                _table_cell(cell, table.default_unit, lines, book, matcher, rules, make, result)
            )

    # ---------------------------------------------------------------- prose
    paras = clean.paragraphs
    excluded = []
    for a, b in result.table_spans:
        # raw table spans onto the paragraphs view (offsets never decrease)
        lo, hi = bisect_left(paras.offsets, a), bisect_left(paras.offsets, b)
        if lo < hi:
            excluded.append((lo, hi))
    hits, skipped = prose_reader.read(paras.text, excluded)
    for hit in hits:
        if hit.year is not None:
            year, basis = hit.year, hit.year_basis
        elif hit.year_basis == "section":
            year, basis = source.baseline_year, "section"
        else:
            year, basis = source.period_end, hit.year_basis
        for iid in hit.indicator_ids:
            result.observations.append(
                make(
                    iid,
                    year,
                    hit.comparator,
                    hit.value,
                    hit.value_upper,
                    hit.value_kind,
                    hit.unit,
                    "prose",
                    paras.raw_span(*hit.quote_span),
                    paras.raw_span(*hit.label_span),
                    basis,
                    hit.section,
                )
            )
    for s in skipped:
        start, end = paras.raw_span(*s.span)
        result.issues.append(
            {
                "source_id": source.source_id,
                "kind": "prose_skipped",
                "char_start": start,
                "char_end": end,
                "line": line_of(raw, start),
                "text": raw[start:end],
                "problem": s.reason,
            }
        )
    return result


def _table_cell(
    cell: Cell, default_unit, lines, book, matcher, rules, make, result
) -> list[Observation]:
    names = [n.strip() for n in cell.name.split("/")]
    if not cell.text:
        return []  # a blank cell states nothing (not zero)
    parts = [(m.group(), m.start()) for m in re.finditer(r"[^/]+", cell.text)]
    if len(parts) != len(names):
        result.issues.append(
            {
                "kind": "table_packed_mismatch",
                "text": cell.text,
                "problem": f"{len(names)} names but {len(parts)} values",
                "char_start": lines.raw_start(cell.span[0]),
            }
        )
        return []
    out = []
    name_offset = 0
    for name, (part, part_at) in zip(names, parts, strict=True):
        name_at = cell.name.find(name, name_offset)
        name_offset = name_at + len(name)
        unit_from_name = None
        m = UNIT_SUFFIX.search(name)
        bare = name
        if m:
            unit_from_name = rules.table_unit_cells.get(m.group(1))
            bare = name[: m.start()].strip()
        ids = matcher.exact(bare) or matcher.exact((cell.category or "") + bare)
        name_span = (
            lines.raw_start(cell.name_span[0] + name_at),
            lines.raw_end(cell.name_span[0] + name_at + len(name)),
        )
        if not ids:
            result.issues.append(
                {
                    "kind": "table_row_unmapped",
                    "text": name,
                    "char_start": name_span[0],
                    "problem": f"table row '{name}' matches no codebook alias",
                }
            )
            continue
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        comparator = "="
        number = stripped
        for sym in sorted(TABLE_COMPARATORS, key=len, reverse=True):
            if stripped.startswith(sym):
                comparator, number = TABLE_COMPARATORS[sym], stripped[len(sym) :].strip()
                break
        v0 = cell.span[0] + part_at + lead
        span = lines.raw_span(v0, v0 + len(stripped))
        unit = rules.table_unit_cells.get(cell.unit_cell or "") or unit_from_name or default_unit
        for iid in ids:
            expected = book[iid].unit
            if unit is not None and unit != expected:
                result.issues.append(
                    {
                        "kind": "table_unit_mismatch",
                        "text": name,
                        "char_start": span[0],
                        "problem": f"unit {unit} in table, {expected} in codebook",
                    }
                )
                continue
            out.append(
                make(
                    iid,
                    cell.year,
                    comparator,
                    float(number),
                    None,
                    "level",
                    expected,
                    "table",
                    span,
                    name_span,
                    "table_header",
                    cell.caption,
                    caption=cell.caption,
                    attribute=cell.attribute,
                )
            )
    return out


def with_updates(obs: Observation, **changes) -> Observation:
    return replace(obs, **changes)
