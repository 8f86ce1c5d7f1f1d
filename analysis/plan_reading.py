"""The per-plan stage of the build: clean, extract, correct, resolve conflicts and theme-code
each plan, on every core.

Each plan is read on its own: corrections are keyed by source and conflicts are within a
plan, so both are settled here, in the worker, and the ledger is linked and rendered here
too. A national corpus is split over worker processes; results come back in registry
order, so the outputs are the same byte for byte whatever the number of workers.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from analysis import paths
from analysis.conflicts import resolve
from analysis.corrections import Correction, apply_corrections
from analysis.database import RenderedRows, render_plain_objects, render_rows
from analysis.extraction.extract import Extractor
from analysis.extraction.ledger import link
from analysis.indicator_values import indicator_values
from analysis.metrics import indicator_metrics
from analysis.normalise import clean
from analysis.observations import Observation
from analysis.sources import Source
from analysis.themes import ThemeCoder
from analysis.themes import coverage as theme_coverage

# below this many plans a worker pool costs more than it saves (process start, pickling)
PARALLEL_FROM = 24
# plans sent to a worker at a time. Small: the build writes each reading out as it comes
# back, and a batch of len/16 plans (31 of 500) came back all at once at the end, leaving
# 3 MB to load into the database after the last plan and one core idle meanwhile; a
# task's own cost (a queue round trip) is nothing beside reading a plan (~30 ms)
PLANS_PER_TASK = 2


@dataclass
class PlanReading:
    observations: list[Observation]  # corrected, each conflict resolved
    ledger: RenderedRows  # linked to the final observations, rendered here in the worker
    dispositions: Counter  # disposition -> how many ledger rows: for the build summary
    unread_tables: list[dict]
    issues: list[dict]
    theme_coverage: list[dict]
    theme_hits: RenderedRows  # rendered here, in the worker: 500 rows a plan
    # a plan whose city has no other plan: its city's tables, rendered here (see city_tables)
    city_tables: dict[str, RenderedRows] | None = None


@dataclass
class PlanReader:
    extractor: Extractor
    coder: ThemeCoder
    corrections_path: Path = paths.CORRECTIONS_YAML  # named in a failing correction's error
    reference: list[dict] = field(default_factory=list)  # national values, for the metrics

    def read(
        self, source: Source, raw: str, corrections: list[Correction] = (), alone: bool = False
    ) -> PlanReading:
        """One plan read and settled; `corrections`: the reviewed corrections of this source;
        `alone`: no other plan of the registry is of this plan's city."""
        sid = source.source_id
        text = clean(raw)
        extraction = self.extractor.extract(source, text)
        ex = self.extractor
        applied = apply_corrections(
            self.corrections_path,
            list(corrections),
            extraction.observations,
            {sid: source},
            {sid: raw},
            ex.book,
            ex.rules,
        )
        observations = resolve(applied.observations, applied.preferred)
        ledger = link(extraction.ledger, observations, applied.ignored_spans)
        paras, hits = self.coder.code(sid, text)
        cover = theme_coverage(sid, source.city_id, paras, hits, self.coder.themes)
        reading = PlanReading(
            observations,
            RenderedRows(sid, render_rows("number_ledger", ledger)),
            Counter(r["disposition"] for r in ledger),
            extraction.unread_tables,
            extraction.issues,
            cover,
            # ThemeHit fields are str and int: rendered straight from the objects
            RenderedRows(sid, render_plain_objects("theme_hits", hits)),
        )
        if alone:
            reading.city_tables = city_tables(
                source.city_id, {sid: source}, observations, cover, ex.book, self.reference
            )
        return reading


# the tables whose rows are each computed from one city's observations, sorted by city_id
CITY_TABLES = ("observations", "indicator_values", "indicator_metrics", "theme_coverage")


def city_tables(
    city_id: str,
    sources: dict[str, Source],
    observations: list[Observation],
    coverage: list[dict],
    book: dict,
    reference: list[dict],
) -> dict[str, RenderedRows]:
    """CITY_TABLES for one city, from its plans (`sources`), their observations (in
    source_id order, as resolved) and theme coverage rows (in registry order), rendered.

    Every row of these tables is computed from its own city's observations alone, and each
    table is sorted by city_id first: the city's part is the rows the whole build gives
    it, and the parts in city order are the table."""
    wide = indicator_values(observations)
    rows = {
        "observations": [o.as_row() for o in observations],
        "indicator_values": wide,
        "indicator_metrics": indicator_metrics(wide, observations, book, sources, reference),
        "theme_coverage": coverage,
    }
    return {t: RenderedRows(city_id, render_rows(t, rows[t])) for t in CITY_TABLES}


def worker_count(n_plans: int, jobs: int | None = None) -> int:
    """How many processes: `jobs` if given, else one per usable core for a large corpus."""
    if jobs is not None:
        return max(1, jobs)
    if n_plans < PARALLEL_FROM:
        return 1
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def read_plans(
    reader: PlanReader,
    sources: list[Source],
    raws: dict[str, str],
    jobs: int | None = None,
    corrections: list[Correction] = (),
) -> list[PlanReading]:
    """One PlanReading per source, in the order of `sources` (see iter_plans)."""
    return list(iter_plans(reader, sources, raws, jobs, corrections))


def iter_plans(
    reader: PlanReader,
    sources: list[Source],
    raws: dict[str, str],
    jobs: int | None = None,
    corrections: list[Correction] = (),
) -> Iterator[PlanReading]:
    """One PlanReading per source, in the order of `sources`, each as soon as it and those
    before it are read (the build writes them out meanwhile); each worker is sent only its
    plan's corrections (in the file's order), and told whether its city has other plans.

    Every worker process is forked before the first reading is yielded."""
    mine: dict[str, list[Correction]] = {}
    for c in corrections:
        mine.setdefault(c.source_id, []).append(c)
    plans_of = Counter(s.city_id for s in sources)
    jobs_in = [
        (s, raws[s.source_id], mine.get(s.source_id, []), plans_of[s.city_id] == 1) for s in sources
    ]
    workers = min(worker_count(len(sources), jobs), len(sources))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for job in jobs_in:
            yield reader.read(*job)
        return
    global _READER, _JOBS
    # fork hands the workers the built automaton and every plan's job without pickling
    # them: a task is the index of its job (a plan's text, source and corrections were
    # pickled here and unpickled there, for each plan)
    _READER, _JOBS = reader, jobs_in
    # what exists now (codebook, automaton, rules, texts) lives until the pool ends: kept out
    # of the collector's scans, in the workers and here, until then
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_collect_less
        ) as pool:
            # map submits every job at once: a forking pool starts all its workers then
            yield from pool.map(_read_one, range(len(jobs_in)), chunksize=PLANS_PER_TASK)
    finally:
        _READER, _JOBS = None, []
        gc.unfreeze()


_READER: PlanReader | None = None
_JOBS: list[tuple[Source, str, list[Correction], bool]] = []
# a worker allocates ~100,000 short-lived objects a plan and frees them by reference count;
# the collector's young generation, at the default 700, ran ~2 collections a plan for nothing
WORKER_GC_THRESHOLD = (50_000, 20, 20)


def _collect_less() -> None:
    gc.set_threshold(*WORKER_GC_THRESHOLD)


def _read_one(job: int) -> PlanReading:
    assert _READER is not None, "worker started without a reader"
    return _READER.read(*_JOBS[job])
