"""The build: raw texts -> observations -> conflicts -> DuckDB and CSV exports.

load (registry, codebook, rules, raw texts, corrections) -> transform (per plan, in worker
processes: clean, extract, correct, resolve conflicts, link the ledger, widen, and render
the rows; here: write each rendered part to its staged CSV export and, by a thread, into
the database as soon as the parts before it are in, see export_stream) -> save (the other
tables, then every export and the database published at once, atomically).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import Counter
from contextlib import closing
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

from analysis import paths
from analysis.build_inputs import build_inputs
from analysis.codebook import AliasMatcher, load_codebook
from analysis.corrections import load_corrections
from analysis.database import RenderedRows, parse_rows, write_csv
from analysis.export_stream import DatabaseThread, TableStream
from analysis.extraction.extract import Extractor
from analysis.observations import Observation
from analysis.plan_reading import CITY_TABLES, PlanReader, city_tables, iter_plans
from analysis.publishing import (
    check_database_path,
    check_output_folder,
    make_durable,
    open_outputs,
    publish,
)
from analysis.reference import load_reference, reference_files
from analysis.rules import load_rules
from analysis.sources import load_sources, read_raw, unregistered_files
from analysis.themes import ThemeCoder, load_themes
from analysis.yamlio import parse_once


@dataclass(frozen=True)
class BuildConfig:
    registry: Path = paths.SOURCES_YAML
    codebook: Path = paths.CODEBOOK_YAML
    rules: Path = paths.EXTRACTION_RULES_YAML
    corrections: Path = paths.CORRECTIONS_YAML
    themes: Path = paths.THEME_CODEBOOK_YAML
    database: Path | None = paths.DATABASE  # None: exports only
    exports_dir: Path = paths.CURATED_DIR
    jobs: int | None = None  # worker processes for the per-plan stage; None: one per core
    wait: bool = True  # another build is using the output folder: wait (or raise Busy)


@dataclass
class BuildResult:
    sources: list[dict]
    indicators: list[dict]
    observations: list[Observation]
    ledger_parts: list[RenderedRows]  # the number ledger, rendered per plan by the workers
    unread_tables: list[dict]
    issues: list[dict]
    city_parts: dict[str, list[RenderedRows]] = field(default_factory=dict)  # CITY_TABLES
    seconds: float = 0.0
    written: list[Path] = field(default_factory=list)
    unregistered: list[Path] = field(default_factory=list)
    ledger_counts: Counter = field(default_factory=Counter)  # (source_id, disposition) -> n

    @cached_property
    def ledger(self) -> list[dict]:
        """The number ledger's rows, read back from the rendered CSV text (as the database
        reads them) only when asked for: the build itself never needs them as dicts."""
        return [row for part in self.ledger_parts for row in parse_rows("number_ledger", part.text)]

    def _city_rows(self, table: str) -> list[dict]:
        parts = sorted(self.city_parts.get(table, []), key=lambda p: p.lead)
        return [row for part in parts for row in parse_rows(table, part.text)]

    # read back from the rendered text as the database reads it (numbers to 12 digits)
    indicator_values = cached_property(lambda self: self._city_rows("indicator_values"))
    metrics = cached_property(lambda self: self._city_rows("indicator_metrics"))
    theme_coverage = cached_property(lambda self: self._city_rows("theme_coverage"))

    def summary(self) -> str:
        obs = Counter(o.city_id for o in self.observations)
        inds: dict[str, set] = {}
        for o in self.observations:
            inds.setdefault(o.city_id, set()).add(o.indicator_id)
        # one pass each: a scan of every observation per conflict (and of every count per
        # source) took 16 s for 500 plans (2,258 conflicts), longer than the build
        by_conflict: dict[str, list[Observation]] = {}
        for o in self.observations:
            if o.conflict_id:
                by_conflict.setdefault(o.conflict_id, []).append(o)
        conflicts = sorted(by_conflict)
        per_source = self.ledger_counts
        numbers: Counter = Counter()
        for (sid, _), n in per_source.items():
            numbers[sid] += n
        unread = Counter(t["source_id"] for t in self.unread_tables)
        lines = [
            f"{'city':<10} {'observations':>12} {'indicators':>10} {'numbers':>8} "
            f"{'no_indicator':>12} {'unaccounted':>11} {'unread tables':>13}  document"
        ]
        for s in self.sources:
            c, sid = s["city_id"], s["source_id"]
            n_numbers = numbers[sid]
            flag = "  (sparse: states almost no numbers)" if s["sparse"] else ""
            lines.append(
                f"{c:<10} {obs[c]:>12} {len(inds.get(c, ())):>10} {n_numbers:>8} "
                f"{per_source[(sid, 'no_indicator')]:>12} {per_source[(sid, 'unaccounted')]:>11} "
                f"{unread[sid]:>13}  {s['document_type']}{flag}"
            )
        lines.append(f"total: {len(self.observations)} observations, {len(conflicts)} conflicts")
        for cid in conflicts:
            vals = sorted(
                {
                    f"{o.value:g} ({o.method}, line {o.line}){' *' if o.preferred else ''}"
                    for o in by_conflict[cid]
                }
            )
            lines.append(f"  conflict {cid}: {'; '.join(vals)}")
        defaulted = sum(
            1 for cid in conflicts if any(o.year_basis == "default" for o in by_conflict[cid])
        )
        if conflicts:
            lines.append(f"{defaulted} of {len(conflicts)} conflicts involve a defaulted year")
        n_unaccounted = sum(n for (_, d), n in self.ledger_counts.items() if d == "unaccounted")
        if n_unaccounted or self.unread_tables:
            lines.append(
                f"{n_unaccounted} numbers unaccounted and {len(self.unread_tables)} tables unread "
                "(see number_ledger.csv and unread_tables.csv)"
            )
        for t in self.unread_tables:
            lines.append(f"  unread table: {t['source_id']} line {t['line']}: {t['problem']}")
        for path in self.unregistered:
            lines.append(
                f"warning: {path} is in data/raw but not registered in sources.yaml "
                "(add it with: python -m analysis add-source)"
            )
        lines.append(f"built in {self.seconds:.2f} s")
        return "\n".join(lines)


def build(config: BuildConfig | None = None) -> BuildResult:
    """Build, holding the output folders to ourselves from start to end (one build at a
    time; readers wait), after repairing whatever a killed run left there."""
    config = config or BuildConfig()
    started = time.perf_counter()
    # refused before anything moves: `--database data` once renamed the whole folder away
    check_output_folder(config.exports_dir)
    folders = [config.exports_dir]
    if config.database is not None:
        check_database_path(config.database, config.exports_dir)
        folders.append(Path(config.database).parent)
    with open_outputs(write=folders, wait=config.wait), parse_once():
        return _build(config, started)


def _build(config: BuildConfig, started: float) -> BuildResult:
    # ---- load: everything is validated before anything is written
    sources = load_sources(config.registry)
    book = load_codebook(config.codebook)
    rules = load_rules(config.rules)
    raws = {s.source_id: read_raw(s) for s in sources}
    by_id = {s.source_id: s for s in sources}
    corrections = load_corrections(config.corrections, by_id, raws, book)
    reference = load_reference(config.registry, book)
    themes = load_themes(config.themes)

    # ---- transform: each plan is read, corrected and its conflicts resolved in a worker,
    # which also renders its city's tables when the city has no other plan
    matcher = AliasMatcher(book)
    reader = PlanReader(
        Extractor(book, matcher, rules), ThemeCoder(themes), config.corrections, reference
    )
    # the staged exports (and the database) are written while the plans are read: a
    # table's part goes out as soon as the parts before it in the table's order are in
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=config.exports_dir))
    database = None
    streams: dict[str, TableStream] = {}
    try:
        if config.database is not None:
            database = DatabaseThread(config.database)
        city_ids = sorted({s.city_id for s in sources})
        for table in (*PLAN_TABLES, *CITY_TABLES):
            leads = [s.source_id for s in sources] if table in PLAN_TABLES else city_ids
            streams[table] = TableStream(table, leads, staging, database)
        result = _transform(config, sources, raws, corrections, book, reference, reader, streams)
        staged = {table: stream.path for table, stream in streams.items()}  # closed, complete
        digests = {stream.path: stream.sha256 for stream in streams.values()}
        tables = _other_tables(config, sources, result, reference, themes, book)
        for name, rows in tables.items():
            staged[name] = staging / f"{name}.csv"
            write_csv(staged[name], name, rows)
        # moved in the order the build has always moved them (the journal's order)
        order = sorted(staged, key=lambda t: EXPORT_ORDER.index(t) if t in EXPORT_ORDER else 99)
        targets = {staged[t]: config.exports_dir / staged[t].name for t in order}
        if database is not None:
            database.start_finishing({t: staged[t] for t in tables})
        # while the database thread loads its last rows and checkpoints: the exports made
        # durable and hashed for the journal (the streamed ones were hashed as written)
        for path in targets:
            digests[path] = make_durable(path, digests.get(path))
        if database is not None:
            targets[finished_database(database)] = Path(config.database)
        # all or none, even if killed: the next start completes or undoes it
        cleanup = [staging, *([database.path] if database else [])]
        publish(targets, config.exports_dir, cleanup=cleanup, durable=digests)
        result.written.extend(targets.values())
    finally:
        for stream in streams.values():
            stream.discard()
        shutil.rmtree(staging, ignore_errors=True)
        if database is not None:
            database.abort()  # published by now, or the build failed: gone either way
    result.seconds = time.perf_counter() - started
    return result


EXPORT_ORDER = (
    "sources",
    "indicators",
    "observations",
    "indicator_values",
    "number_ledger",
    "unread_tables",
    "national_reference",
    "indicator_metrics",
    "themes",
    "theme_coverage",
    "theme_hits",
    "build_inputs",
)
# the tables rendered in parts, one per plan (source_id); the others are CITY_TABLES
PLAN_TABLES = ("number_ledger", "theme_hits")


def finished_database(database: DatabaseThread) -> Path:
    """The database, complete (its thread loads the tables not streamed in from their CSV
    exports, see start_finishing); the returned temporary file is published with the
    exports."""
    return database.finished()


def _transform(config, sources, raws, corrections, book, reference, reader, streams):
    """Read every plan (in worker processes), hand each table part to its stream as it
    comes in, and make the tables of a city with several plans once all are read."""
    issues, unread, ledger_parts = [], [], []
    ledger_counts: Counter = Counter()
    city_parts: dict[str, list[RenderedRows]] = {t: [] for t in CITY_TABLES}
    # a city with several plans (a five-year and an annual plan): its tables are made here,
    # once the last of its plans is read
    plans_left = Counter(s.city_id for s in sources)
    plans_of: dict[str, list] = {}
    by_source: dict[str, list[Observation]] = {}
    # closed on the way out, so that a failure stops the workers at once, not when the
    # traceback (which holds this frame) is let go
    with closing(iter_plans(reader, sources, raws, config.jobs, corrections)) as readings:
        for s, part in zip(sources, readings, strict=True):
            by_source[s.source_id] = part.observations
            ledger_parts.append(part.ledger)  # one RenderedRows per plan
            streams["number_ledger"].add(part.ledger)
            streams["theme_hits"].add(part.theme_hits)  # one RenderedRows per plan
            ledger_counts.update({(s.source_id, d): n for d, n in part.dispositions.items()})
            unread.extend(part.unread_tables)
            issues.extend({"source_id": s.source_id, **i} for i in part.issues)
            mine = part.city_tables
            if mine is None:
                plans_of.setdefault(s.city_id, []).append((s, part))
                plans_left[s.city_id] -= 1
                if plans_left[s.city_id] == 0:
                    mine = _city_of_several_plans(
                        s.city_id, plans_of.pop(s.city_id), by_source, book, reference
                    )
            for table, rendered in (mine or {}).items():
                city_parts[table].append(rendered)
                streams[table].add(rendered)
    # every part is in: closed now, the streams hand the database their last chunks, which
    # it loads while the rest is made here
    for stream in streams.values():
        stream.close()
    # conflicts were resolved per plan in source_id order: so is the list of all of them
    observations = [o for sid in sorted(by_source) for o in by_source[sid]]
    source_rows = [_source_row(s, raws[s.source_id], by_source[s.source_id]) for s in sources]
    indicator_rows = [_indicator_row(ind) for ind in book.values()]
    result = BuildResult(source_rows, indicator_rows, observations, ledger_parts, unread, issues)
    result.ledger_counts, result.city_parts = ledger_counts, city_parts
    result.unregistered = unregistered_files(config.registry)
    return result


def _city_of_several_plans(city_id, plans, by_source, book, reference):
    """CITY_TABLES of a city from its plans ((source, reading) in registry order)."""
    ids = sorted(s.source_id for s, _ in plans)
    return city_tables(
        city_id,
        {s.source_id: s for s, _ in plans},
        [o for sid in ids for o in by_source[sid]],
        [row for _, part in plans for row in part.theme_coverage],
        book,
        reference,
    )


def _other_tables(config, sources, result, reference, themes, book) -> dict[str, list[dict]]:
    """The tables not rendered in parts, as rows."""
    return {
        "sources": result.sources,
        "indicators": result.indicators,
        "unread_tables": result.unread_tables,
        "national_reference": reference,
        "themes": [
            {
                **asdict(t),
                "keywords": "|".join(t.keywords),
                "weak_keywords": "|".join(t.weak_keywords),
            }
            for t in themes.values()
        ],
        "build_inputs": build_inputs(
            {
                "registry": [config.registry],
                "plan": [s.path for s in sources],
                "reference": reference_files(config.registry),
                "codebook": [config.codebook],
                "extraction_rules": [config.rules],
                "corrections": [config.corrections],
                "theme_codebook": [config.themes],
            },
            # read_raw checked every plan's bytes against its registry sha256
            known={s.path: s.meta["sha256"] for s in sources},
        ),
    }


def _source_row(source, raw: str, mine: list[Observation]) -> dict:
    """The registry entry with its counts; `mine`: the source's own observations."""
    meta = dict(source.meta)
    row = {k: meta.get(k) for k in meta}
    row["known_defects"] = "; ".join(meta.get("known_defects") or [])
    row["n_characters"] = len(raw)
    row["n_observations"] = len(mine)
    row["n_indicators"] = len({o.indicator_id for o in mine})
    row["sparse"] = len(mine) < 5
    return row


def _indicator_row(ind) -> dict:
    return {
        "indicator_id": ind.indicator_id,
        "name_zh": ind.name_zh,
        "name_en": ind.name_en,
        "aliases": "|".join(ind.aliases),
        "unit": ind.unit,
        "direction": ind.direction,
        "stage": ind.stage,
        "category": ind.category,
        "comparable": ind.comparable,
        "value_kind": ind.value_kind,
        "alias_position": ind.alias_position,
        "definition": ind.definition,
    }
