"""Invented plans with gold values (tests/data/plans/<set>/): recall and precision per plan.

Each plan is ``<name>.txt`` with ``<name>.meta.yaml`` (registry fields) and
``<name>.gold.csv`` (indicator_id, year, comparator, value, value_upper, kind, quote).
A gold row and an extracted observation match when indicator, year, comparator, kind
(a range counts as a level) and value (and upper value) agree; matching is one to one.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from analysis import paths
from analysis.codebook import AliasMatcher, load_codebook
from analysis.extraction.extract import Extractor
from analysis.normalise import clean
from analysis.rules import load_rules
from analysis.sources import Source
from analysis.yamlio import load_yaml

PLANS_DIR = paths.ROOT / "tests" / "data" / "plans"


class _Ratios:
    """Recall and precision of a score with `gold`, `extracted` and `matched` counts."""

    gold: int
    extracted: int
    matched: int

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0


@dataclass
class PlanScore(_Ratios):
    name: str
    gold: int
    extracted: int
    matched: int
    missed: list[tuple]
    wrong: list[tuple]
    unaccounted: int
    unread_tables: int


@dataclass(frozen=True)
class SetScore(_Ratios):
    """A set's plans pooled: gold rows, values extracted, and how many of them match."""

    gold: int
    extracted: int
    matched: int


def totals(scores: list[PlanScore]) -> SetScore:
    return SetScore(
        sum(s.gold for s in scores),
        sum(s.extracted for s in scores),
        sum(s.matched for s in scores),
    )


def _key(indicator, year, comparator, value, upper, kind) -> tuple:
    kind = "level" if kind == "range" else kind
    return (
        indicator,
        int(year),
        comparator,
        round(float(value), 6),
        None if upper in (None, "") else round(float(upper), 6),
        kind,
    )


def load_plan(txt: Path) -> tuple[Source, str, list[tuple]]:
    meta = dict(load_yaml(txt.with_suffix(".meta.yaml")))
    raw = txt.read_bytes().decode("utf-8")
    meta.update(file=txt.name, sha256=hashlib.sha256(txt.read_bytes()).hexdigest())
    meta.setdefault("source_id", f"{meta['city_id']}_plan")
    source = Source(meta["source_id"], str(meta["city_id"]), txt, meta)
    with open(txt.with_suffix(".gold.csv"), encoding="utf-8") as fh:
        gold = [
            _key(
                r["indicator_id"],
                r["year"],
                r["comparator"],
                r["value"],
                r["value_upper"],
                r["kind"],
            )
            for r in csv.DictReader(fh)
        ]
    return source, raw, gold


def score_set(name: str, plans_dir: Path = PLANS_DIR) -> list[PlanScore]:
    book = load_codebook(paths.CODEBOOK_YAML)
    rules = load_rules(paths.EXTRACTION_RULES_YAML)
    extractor = Extractor(book, AliasMatcher(book), rules)
    scores = []
    for txt in sorted((plans_dir / name).glob("*.txt")):
        source, raw, gold = load_plan(txt)
        result = extractor.extract(source, clean(raw))
        got = [
            _key(o.indicator_id, o.year, o.comparator, o.value, o.value_upper, o.value_kind)
            for o in result.observations
        ]
        remaining = list(gold)
        matched, wrong = 0, []
        for k in got:
            if k in remaining:
                remaining.remove(k)
                matched += 1
            else:
                wrong.append(k)
        scores.append(
            PlanScore(
                txt.stem,
                len(gold),
                len(got),
                matched,
                remaining,
                wrong,
                sum(1 for r in result.ledger if r["disposition"] == "unaccounted"),
                len(result.unread_tables),
            )
        )
    return scores


def report(name: str, scores: list[PlanScore]) -> str:
    lines = [
        f"{name}: {'plan':<22} {'gold':>5} {'found':>6} {'match':>6} {'recall':>7} "
        f"{'precision':>9} {'unacc.':>6} {'unread':>6}"
    ]
    for s in scores:
        lines.append(
            f"{'':{len(name) + 2}}{s.name:<22} {s.gold:>5} {s.extracted:>6} {s.matched:>6} "
            f"{s.recall:>7.1%} {s.precision:>9.1%} {s.unaccounted:>6} {s.unread_tables:>6}"
        )
    t = totals(scores)
    lines.append(
        f"{'':{len(name) + 2}}{'overall':<22} {t.gold:>5} {t.extracted:>6} {t.matched:>6} "
        f"{t.recall:>7.1%} {t.precision:>9.1%}"
    )
    return "\n".join(lines)


def misses(scores: list[PlanScore]) -> str:
    """Every gold row not found and every extracted value not in the gold, per plan."""
    lines = []
    for s in scores:
        for k in s.missed:
            lines.append(f"{s.name}  missed  {k}")
        for k in s.wrong:
            lines.append(f"{s.name}  wrong   {k}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m analysis.plan_corpus",
        description="Score invented plan sets against their gold CSVs.",
        epilog="example: python -m analysis.plan_corpus blind5 blind6 --misses",
    )
    parser.add_argument("sets", nargs="*", default=["dev"], help="set folder names")
    parser.add_argument(
        "--dir", type=Path, default=PLANS_DIR, help="folder holding the sets (default: %(default)s)"
    )
    parser.add_argument(
        "--misses", action="store_true", help="also list each missed and each wrong value"
    )
    args = parser.parse_args(argv)
    for set_name in args.sets:
        if not (args.dir / set_name).is_dir():
            print(f"error: {args.dir / set_name}: no such plan set")
            return 2
        scores = score_set(set_name, args.dir)
        print(report(set_name, scores))
        if args.misses:
            print(misses(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
