"""Reviewed corrections (data/curated/corrections.yaml): add, reject, relabel, prefer, ignore."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from analysis.codebook import Indicator
from analysis.errors import InputError, line_of
from analysis.observations import Observation, observation_id, role_for_year, with_updates
from analysis.rules import Rules
from analysis.sources import Source
from analysis.validation import load_checked, refuse
from analysis.yamlio import LineDict

VALUE_KINDS = {"level", "range", "increase", "cumulative"}


@dataclass(frozen=True)
class Correction:
    action: str
    source_id: str
    reason: str
    char_start: int
    char_end: int
    quote: str
    entry: LineDict


@dataclass
class Applied:
    observations: list[Observation]
    ignored_spans: dict[str, list[tuple[int, int]]]
    preferred: dict[str, str]  # observation_id -> reason


def load_corrections(
    path: Path, sources: dict[str, Source], raws: dict[str, str], book: dict[str, Indicator]
) -> list[Correction]:
    """Validate every entry (data/schemas/corrections.schema.json), then against the
    registry, the codebook (ids, plausible values) and the raw texts (the span's quote)."""
    path = Path(path)
    data, lines = load_checked(path, "corrections")
    out = []
    cities = {s.city_id for s in sources.values()}
    for i, e in enumerate(data["corrections"]):
        at = ("corrections", i)
        if e["city_id"] not in cities:
            raise refuse(
                path,
                lines,
                at,
                f"unknown city_id {e['city_id']!r}; known: {sorted(cities)}",
            )
        if e["source_id"] not in sources:
            raise refuse(
                path,
                lines,
                at,
                f"unknown source_id {e['source_id']!r}; known: {sorted(sources)}",
            )
        source = sources[e["source_id"]]
        if source.city_id != e["city_id"]:
            raise refuse(
                path,
                lines,
                at,
                f"source {source.source_id!r} belongs to {source.city_id!r}, not {e['city_id']!r}",
            )
        raw = raws[source.source_id]
        start, end = e["char_start"], e["char_end"]
        if not start < end <= len(raw):
            raise refuse(
                path,
                lines,
                at,
                f"span [{start}, {end}) is not inside {source.path.name}",
            )
        if raw[start:end] != e["quote"]:
            raise refuse(
                path,
                lines,
                at,
                f"span [{start}, {end}) of {source.path.name} (line {line_of(raw, start)}) reads "
                f"{raw[start:end]!r}, not the quote {e['quote']!r}",
            )
        _check_indicator(path, lines, at, e, book)
        out.append(
            Correction(e["action"], e["source_id"], str(e["reason"]), start, end, e["quote"], e)
        )
    return out


def _check_indicator(path: Path, lines, at: tuple, e: dict, book: dict[str, Indicator]) -> None:
    """The indicator named (or relabelled to) exists, and the values are plausible for it."""
    changes = e.get("set") or {}
    for iid in (e.get("indicator_id"), changes.get("indicator_id")):
        if iid is not None and iid not in book:
            raise refuse(path, lines, at, f"unknown indicator_id {iid!r}")
    # the indicator the values belong to: the new one, the one added, or the observation's
    # (its id is city.indicator.year.start)
    observed = (e.get("observation_id") or "").split(".")
    iid = (
        changes.get("indicator_id") or e.get("indicator_id") or observed[min(1, len(observed) - 1)]
    )
    if iid not in book:
        return  # a reject/prefer of an unknown observation is reported when it is applied
    for where, values in ((at, e), ((*at, "set"), changes)):
        # an indicator's range bounds its levels; a change may be negative (a fall)
        change = (values.get("value_kind") or e.get("value_kind")) == "increase"
        for key in ("value", "value_upper"):
            problem = book[iid].out_of_range(values[key]) if key in values else None
            if key in values and values[key] < 0 and not change:
                problem = f"{values[key]:g} is negative: only an increase (a fall) may be"
            elif change:
                problem = None
            if problem:
                raise refuse(path, lines, (*where, key), f"{key}: {problem}")
        if values.get("value_upper", math.inf) < values.get("value", -math.inf):
            raise refuse(path, lines, (*where, "value_upper"), "value_upper is below value")


def apply_corrections(
    path: Path,
    corrections: list[Correction],
    observations: list[Observation],
    sources: dict[str, Source],
    raws: dict[str, str],
    book: dict[str, Indicator],
    rules: Rules,
) -> Applied:
    by_id = {o.observation_id: o for o in observations}
    ignored: dict[str, list[tuple[int, int]]] = {}
    preferred: dict[str, str] = {}
    for c in corrections:
        e = c.entry
        if c.action == "ignore":
            ignored.setdefault(c.source_id, []).append((c.char_start, c.char_end))
            continue
        if c.action == "add":
            source, raw = sources[c.source_id], raws[c.source_id]
            year = int(e["year"])
            obs = Observation(
                observation_id=observation_id(
                    source.city_id, e["indicator_id"], year, c.char_start
                ),
                source_id=c.source_id,
                city_id=source.city_id,
                indicator_id=e["indicator_id"],
                year=year,
                role=role_for_year(year, source, rules.midpoint_year),
                comparator=e.get("comparator", "="),
                value=float(e["value"]),
                value_upper=float(e["value_upper"]) if e.get("value_upper") is not None else None,
                value_kind=e.get("value_kind", "level"),
                unit=book[e["indicator_id"]].unit,
                method="correction",
                char_start=c.char_start,
                char_end=c.char_end,
                quote=c.quote,
                label_start=None,
                label_end=None,
                label_quote=None,
                line=line_of(raw, c.char_start),
                year_basis="correction",
                section=e.get("section", ""),
                note=f"added by correction: {c.reason}",
            )
            if obs.value_kind not in VALUE_KINDS:
                raise InputError(
                    path, f"value_kind {obs.value_kind!r} not in {sorted(VALUE_KINDS)}", e.line
                )
            if obs.observation_id in by_id:
                raise InputError(
                    path, f"added observation {obs.observation_id} already exists", e.line
                )
            by_id[obs.observation_id] = obs
            continue
        oid = e["observation_id"]
        if oid not in by_id:
            raise InputError(path, f"{c.action}: no observation {oid!r} was extracted", e.line)
        target = by_id[oid]
        if (target.char_start, target.char_end) != (c.char_start, c.char_end):
            raise InputError(
                path,
                f"{c.action}: span [{c.char_start}, {c.char_end}) is not the span "
                f"[{target.char_start}, {target.char_end}) of {oid}",
                e.line,
            )
        if c.action == "reject":
            del by_id[oid]
        elif c.action == "prefer":
            preferred[oid] = c.reason
        else:  # relabel
            changes = dict(e["set"])
            if "year" in changes:
                changes["year"] = int(changes["year"])
                changes["role"] = role_for_year(
                    changes["year"], sources[c.source_id], rules.midpoint_year
                )
                changes["year_basis"] = "correction"
            if "indicator_id" in changes:
                changes["unit"] = book[changes["indicator_id"]].unit
            updated = with_updates(target, **changes, note=f"relabelled by correction: {c.reason}")
            updated = with_updates(
                updated,
                observation_id=observation_id(
                    updated.city_id, updated.indicator_id, updated.year, updated.char_start
                ),
            )
            del by_id[oid]
            by_id[updated.observation_id] = updated
    return Applied(list(by_id.values()), ignored, preferred)
