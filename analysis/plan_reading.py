"""The per-plan stage of the build: clean, extract and theme-code each plan, on every core.

Each plan is read on its own (nothing crosses plans until corrections and conflicts), so
a national corpus is split over worker processes; results come back in registry order,
so the outputs are the same byte for byte whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from analysis.database import RenderedRows, render_plain_objects
from analysis.extraction.extract import Extractor
from analysis.normalise import clean
from analysis.observations import SourceExtraction
from analysis.sources import Source
from analysis.themes import ThemeCoder
from analysis.themes import coverage as theme_coverage

# below this many plans a worker pool costs more than it saves (process start, pickling)
PARALLEL_FROM = 24


@dataclass
class PlanReading:
    extraction: SourceExtraction
    theme_coverage: list[dict]
    theme_hits: RenderedRows  # rendered here, in the worker: 500 rows a plan


@dataclass
class PlanReader:
    extractor: Extractor
    coder: ThemeCoder

    def read(self, source: Source, raw: str) -> PlanReading:
        text = clean(raw)
        extraction = self.extractor.extract(source, text)
        paras, hits = self.coder.code(source.source_id, text)
        cover = theme_coverage(source.source_id, source.city_id, paras, hits, self.coder.themes)
        # ThemeHit fields are str and int: rendered straight from the objects
        rows = render_plain_objects("theme_hits", hits)
        return PlanReading(extraction, cover, RenderedRows(source.source_id, rows))


def worker_count(n_plans: int, jobs: int | None = None) -> int:
    """How many processes: `jobs` if given, else one per usable core for a large corpus."""
    if jobs is not None:
        return max(1, jobs)
    if n_plans < PARALLEL_FROM:
        return 1
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def read_plans(
    reader: PlanReader, sources: list[Source], raws: dict[str, str], jobs: int | None = None
) -> list[PlanReading]:
    """One PlanReading per source, in the order of `sources`."""
    workers = min(worker_count(len(sources), jobs), len(sources))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [reader.read(s, raws[s.source_id]) for s in sources]
    global _READER
    _READER = reader  # fork hands the workers the built automaton without pickling it
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            jobs_in = [(s, raws[s.source_id]) for s in sources]
            chunk = max(1, len(jobs_in) // (workers * 8))
            return list(pool.map(_read_one, jobs_in, chunksize=chunk))
    finally:
        _READER = None


_READER: PlanReader | None = None


def _read_one(job: tuple[Source, str]) -> PlanReading:
    source, raw = job
    assert _READER is not None, "worker started without a reader"
    return _READER.read(source, raw)
