"""Benchmark one very large text: the whole build of a single N MB plan, and the text
primitives (normalise.clean + AliasMatcher.find) on their own.

Run from anywhere (it finds the repository from its own path):

    python benchmarks/bench_text.py                  # sizes 5,10,25,50 MB
    python benchmarks/bench_text.py --quick          # sizes 1,2 MB (smoke run)
    python benchmarks/bench_text.py --sizes 5,50
    python benchmarks/bench_text.py --root /tmp/old  # another copy of the repository

A text of N MB (UTF-8) is the five real plans (data/raw/*.txt) joined and repeated until
it reaches N MB. Each size runs in a fresh process, which times `clean(text)` and then
`AliasMatcher.find` on its paragraphs view (what the prose reader searches), with the
codebook data/curated/indicator_codebook.yaml. Peak RSS is the child's own, read with
os.wait4; "RSS added" is the peak minus the RSS once the text is built, i.e. what clean
and find cost on top of holding the text.

The whole build: the text is registered as the only plan of a registry in a temporary
folder and built with `analysis.build.build` (clean, tables, prose, ledger, themes, the
CSV exports and the DuckDB file), in a fresh process per size.

Targets (issue 8: "a single 50 MB text in linear time"): the whole build's time per MB at
the largest size is at most 1.25 x its time per MB at the smallest, and the same for the
RSS it adds; and the same two for clean + find. Also shown: clean + find per real plan
(median of repeats).

Targets are printed as PASS/MISS; the exit status is non-zero only if something crashes.
A JSON report goes to benchmarks/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT_DIR = HERE / "out"
FULL_SIZES = [5, 10, 25, 50]
QUICK_SIZES = [1, 2]
LINEAR_TOLERANCE = 1.25
PLAN_REPEATS = 20
MB = 1_000_000


def build_text(root: Path, megabytes: float) -> str:
    """The five real plans joined, repeated to at least `megabytes` MB of UTF-8."""
    plans = [p.read_text(encoding="utf-8") for p in sorted((root / "data/raw").glob("*.txt"))]
    base = "\n".join(plans) + "\n"
    reps = max(1, -(-int(megabytes * MB) // len(base.encode("utf-8"))))
    return base * reps


def child(root: Path, megabytes: float) -> None:
    """Runs in the measured process: prints one JSON line."""
    sys.path.insert(0, str(root))
    from analysis.codebook import AliasMatcher, load_codebook
    from analysis.normalise import clean

    matcher = AliasMatcher(load_codebook(root / "data/curated/indicator_codebook.yaml"))
    clean("热身 warm-up：“学前三年毛入园率”达到９０％。\n")  # OpenCC's dictionaries load here
    text = build_text(root, megabytes)
    rss_text = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    cleaned = clean(text)
    cleaned_at = time.perf_counter()
    matches = matcher.find(cleaned.paragraphs.text)
    found_at = time.perf_counter()
    result = {
        "megabytes": len(text.encode("utf-8")) / MB,
        "chars": len(text),
        "clean_s": cleaned_at - started,
        "find_s": found_at - cleaned_at,
        "seconds": found_at - started,
        "matches": len(matches),
        "paragraph_chars": len(cleaned.paragraphs.text),
        "rss_with_text_mib": rss_text,
    }
    print(json.dumps(result))


def build_child(root: Path, megabytes: float) -> None:
    """Runs in the measured process: the whole build of the text as the only registered plan;
    prints one JSON line."""
    sys.path.insert(0, str(root))
    sys.path.insert(0, str(HERE))
    import yaml
    from bench_build import registry_entry

    from analysis.build import BuildConfig, build

    with tempfile.TemporaryDirectory(prefix="bench-text-") as tmp:
        folder = Path(tmp)
        data = build_text(root, megabytes).encode("utf-8")
        (folder / "big_0001.txt").write_bytes(data)
        entry = registry_entry("big_0001", 1, hashlib.sha256(data).hexdigest())
        dump = yaml.safe_dump({"sources": [entry]}, allow_unicode=True, sort_keys=False)
        (folder / "sources.yaml").write_text(dump, encoding="utf-8")
        (folder / "corrections.yaml").write_text("corrections: []\n", encoding="utf-8")
        del dump
        rss_text = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        result = build(
            BuildConfig(
                registry=folder / "sources.yaml",
                corrections=folder / "corrections.yaml",
                database=folder / "out" / "big.duckdb",
                exports_dir=folder / "out",
            )
        )
        seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "megabytes": len(data) / MB,
                "build_s": seconds,
                "observations": len(result.observations),
                "rss_with_text_mib": rss_text,
            }
        )
    )


def plans_child(root: Path) -> None:
    """Per real plan: median seconds of clean + find over PLAN_REPEATS runs."""
    sys.path.insert(0, str(root))
    from analysis.codebook import AliasMatcher, load_codebook
    from analysis.normalise import clean

    matcher = AliasMatcher(load_codebook(root / "data/curated/indicator_codebook.yaml"))
    out = {}
    for path in sorted((root / "data/raw").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        samples = []
        for _ in range(PLAN_REPEATS + 1):  # the first run warms up (OpenCC, caches)
            started = time.perf_counter()
            matcher.find(clean(raw).paragraphs.text)
            samples.append(time.perf_counter() - started)
        out[path.stem] = {"chars": len(raw), "median_s": statistics.median(samples[1:])}
    print(json.dumps(out))


def run_child(args: list[str]) -> tuple[dict, float]:
    """The child's JSON output and its own peak RSS (MiB)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log)
        output = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.stdout.close()
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            log.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} exited {code}:\n{log.read().decode()}")
    return json.loads(output.decode().strip().splitlines()[-1]), usage.ru_maxrss / 1024


def measure(root: Path, sizes: list[float]) -> list[dict]:
    rows = []
    for size in sizes:
        print(f"{size:g} MB ...", flush=True)
        result, peak = run_child(["--child", str(size), "--root", str(root)])
        result["peak_rss_mib"] = peak
        result["rss_added_mib"] = peak - result["rss_with_text_mib"]
        built, peak = run_child(["--build-child", str(size), "--root", str(root)])
        result["build_s"] = built["build_s"]
        result["observations"] = built["observations"]
        result["build_rss_added_mib"] = peak - built["rss_with_text_mib"]
        rows.append(result)
    return rows


def targets(rows: list[dict]) -> list[dict]:
    if len(rows) < 2:
        return []
    small, large = rows[0], rows[-1]
    scale = large["megabytes"] / small["megabytes"]

    def ratio(field: str) -> float:
        return large[field] / max(small[field], 1e-9) / scale

    label = f"{large['megabytes']:.0f} MB vs {small['megabytes']:.0f} MB"
    return [
        _target(f"whole build, linear time: s per MB, {label}", ratio("build_s"), "build()"),
        _target(
            f"whole build, linear memory: RSS added per MB, {label}",
            ratio("build_rss_added_mib"),
            "peak RSS - RSS of text",
        ),
        _target(f"clean + find, linear time: s per MB, {label}", ratio("seconds"), "seconds"),
        _target(
            f"clean + find, linear memory: RSS added per MB, {label}",
            ratio("rss_added_mib"),
            "peak RSS - RSS of text",
        ),
    ]


def _target(name: str, ratio: float, what: str) -> dict:
    return {
        "name": name,
        "what": what,
        "target": f"ratio <= {LINEAR_TOLERANCE:g}",
        "measured": round(ratio, 3),
        "verdict": "PASS" if ratio <= LINEAR_TOLERANCE else "MISS",
    }


def print_report(rows: list[dict], plans: dict, verdicts: list[dict]) -> None:
    columns = ("MB", "Mchars", "build s", "s/MB", "added", "obs", "clean s", "find s")
    columns += ("c+f s/MB", "added")
    print("\n" + " ".join(f"{c:>9}" for c in columns))
    for r in rows:
        cells = (
            f"{r['megabytes']:.1f}",
            f"{r['chars'] / MB:.2f}",
            f"{r['build_s']:.2f}",
            f"{r['build_s'] / r['megabytes']:.3f}",
            f"{r['build_rss_added_mib']:.0f}",
            f"{r['observations']}",
            f"{r['clean_s']:.2f}",
            f"{r['find_s']:.2f}",
            f"{r['seconds'] / r['megabytes']:.3f}",
            f"{r['rss_added_mib']:.0f}",
        )
        print(" ".join(f"{c:>9}" for c in cells))
    if plans:
        print("\nclean + find per real plan (median of", PLAN_REPEATS, "runs):")
        for name, p in plans.items():
            print(f"  {name:<45} {p['chars']:>7} chars {p['median_s'] * 1000:7.2f} ms")
    print()
    for v in verdicts:
        print(f"{v['verdict']:<5} {v['name']}: {v['measured']:.2f} (target {v['target']})")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, FULL_SIZES)),
        help="text sizes in MB, comma-separated (default %(default)s)",
    )
    parser.add_argument(
        "--quick", action="store_true", help=f"smoke run: sizes {','.join(map(str, QUICK_SIZES))}"
    )
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="repository to benchmark (default: this one)"
    )
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--build-child", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--plans-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else [float(s) for s in args.sizes.split(",") if s.strip()]
    if not sizes or min(sizes) <= 0:
        parser.error("--sizes needs positive numbers")
    args.sizes = sorted(set(sizes))
    args.root = args.root.resolve()
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child is not None:
        child(args.root, args.child)
        return 0
    if args.build_child is not None:
        build_child(args.root, args.build_child)
        return 0
    if args.plans_child:
        plans_child(args.root)
        return 0
    print(f"repository: {args.root}")
    plans, _ = run_child(["--plans-child", "--root", str(args.root)])
    rows = measure(args.root, args.sizes)
    verdicts = targets(rows)
    print_report(rows, plans, verdicts)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "root": str(args.root),
        "sizes": args.sizes,
        "rows": rows,
        "plans": plans,
        "targets": verdicts,
    }
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = OUT_DIR / f"bench_text_{stamp}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nreport: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
