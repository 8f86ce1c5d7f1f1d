"""Score the invented plan sets under each layout variant (analysis.plan_variants).

Each variant of a set is written to a temporary folder (its meta and gold files copied
as they are) and scored there with `analysis.plan_corpus.score_set`; nothing is written
under data/ or tests/. The table gives, per set and transformation, recall and precision
and their change against the original layout.

    python -m analysis.plan_variant_scores dev blind5 [--only tables-as-html] [--misses]
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from analysis.plan_corpus import PLANS_DIR, PlanScore, misses, score_set, totals
from analysis.plan_variants import TRANSFORMATIONS, transform
from analysis.yamlio import load_yaml

ORIGINAL = "original"


def write_variant(set_dir: Path, name: str, out_dir: Path) -> Path:
    """The set's plans under transformation `name`, in out_dir/<set>; returns that folder."""
    target = out_dir / set_dir.name
    target.mkdir(parents=True, exist_ok=True)
    for txt in sorted(set_dir.glob("*.txt")):
        title = str(load_yaml(txt.with_suffix(".meta.yaml")).get("title_zh", ""))
        text = txt.read_bytes().decode("utf-8")
        # bytes, not write_text: Windows line ends must reach the reader as written
        (target / txt.name).write_bytes(transform(name, text, title).encode("utf-8"))
        for suffix in (".meta.yaml", ".gold.csv"):
            shutil.copyfile(txt.with_suffix(suffix), target / txt.with_suffix(suffix).name)
    return target


def score_variants(
    set_name: str, names: list[str] | None = None, plans_dir: Path = PLANS_DIR
) -> dict[str, list[PlanScore]]:
    """{ORIGINAL or transformation name: per-plan scores} for one set."""
    results = {ORIGINAL: score_set(set_name, plans_dir)}
    with tempfile.TemporaryDirectory(prefix="plan-variants-") as tmp:
        for name in names or list(TRANSFORMATIONS):
            out_dir = Path(tmp) / name
            write_variant(plans_dir / set_name, name, out_dir)
            results[name] = score_set(set_name, out_dir)
    return results


def table(set_name: str, results: dict[str, list[PlanScore]]) -> str:
    base = totals(results[ORIGINAL])
    lines = [
        f"{set_name}: {'layout':<24} {'recall':>7} {'Δ':>6} {'precision':>9} {'Δ':>6}"
        f" {'unacc.':>6} {'unread':>6}"
    ]
    for name, scores in results.items():
        t = totals(scores)
        lines.append(
            f"{'':{len(set_name) + 2}}{name:<24} {t.recall:>7.1%} "
            f"{(t.recall - base.recall) * 100:>+6.1f} {t.precision:>9.1%} "
            f"{(t.precision - base.precision) * 100:>+6.1f} "
            f"{sum(s.unaccounted for s in scores):>6} {sum(s.unread_tables for s in scores):>6}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m analysis.plan_variant_scores",
        description="Score invented plan sets under value-preserving layout variants.",
        epilog="example: python -m analysis.plan_variant_scores dev blind --only traditional",
    )
    parser.add_argument("sets", nargs="*", default=["dev"], help="set folder names")
    parser.add_argument(
        "--only", action="append", choices=sorted(TRANSFORMATIONS), help="transformation(s)"
    )
    parser.add_argument(
        "--misses",
        action="store_true",
        help="list each value missed or wrong under a variant but not in the original",
    )
    args = parser.parse_args(argv)
    for set_name in args.sets:
        if not (PLANS_DIR / set_name).is_dir():
            print(f"error: {PLANS_DIR / set_name}: no such plan set")
            return 2
        results = score_variants(set_name, args.only)
        print(table(set_name, results))
        if args.misses:
            for name, scores in results.items():
                new = _new_misses(results[ORIGINAL], scores)
                if name != ORIGINAL and new:
                    print(f"--- {set_name} / {name}")
                    print(misses(new))
    return 0


def _new_misses(original: list[PlanScore], variant: list[PlanScore]) -> list[PlanScore]:
    """The variant's scores keeping only misses and wrong values the original lacks."""
    out = []
    for o, v in zip(original, variant, strict=True):
        missed = [k for k in v.missed if k not in o.missed]
        wrong = [k for k in v.wrong if k not in o.wrong]
        out.append(PlanScore(v.name, v.gold, v.extracted, v.matched, missed, wrong, 0, 0))
    return out


if __name__ == "__main__":
    raise SystemExit(main())
