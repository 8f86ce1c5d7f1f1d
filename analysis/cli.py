"""Command line: a thin wrapper over the library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis import paths
from analysis.errors import InputError

BUILD_EPILOG = """example:
  python -m analysis build
  python -m analysis build --database /tmp/plans.duckdb --exports-dir /tmp/exports
"""
LOCATE_EPILOG = """example:
  python -m analysis locate jiamusi_fyp_2021_2025 "视频监控系统与属地公安机关联网率"
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Indicators from five city education plans, traceable to their raw text.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser(
        "build",
        help="build the DuckDB database and the CSV exports from data/raw",
        description="Read every plan in the source registry, extract indicator observations, "
        "flag conflicts, and write the database and sorted CSV exports. A failed build "
        "leaves the previous database and exports untouched.",
        epilog=BUILD_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    b.add_argument("--registry", type=Path, default=paths.SOURCES_YAML, help="sources.yaml")
    b.add_argument("--codebook", type=Path, default=paths.CODEBOOK_YAML)
    b.add_argument("--rules", type=Path, default=paths.EXTRACTION_RULES_YAML)
    b.add_argument("--corrections", type=Path, default=paths.CORRECTIONS_YAML)
    b.add_argument("--themes", type=Path, default=paths.THEME_CODEBOOK_YAML)
    b.add_argument("--database", type=Path, default=paths.DATABASE)
    b.add_argument("--exports-dir", type=Path, default=paths.CURATED_DIR)
    loc = sub.add_parser(
        "locate",
        help="print the raw character spans of a text in a source (for corrections.yaml)",
        description="Find every occurrence of TEXT in the raw file of SOURCE_ID and print "
        "char_start, char_end and line, ready to paste into data/curated/corrections.yaml.",
        epilog=LOCATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    loc.add_argument("source_id")
    loc.add_argument("text")
    loc.add_argument("--registry", type=Path, default=paths.SOURCES_YAML)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            from analysis.build import BuildConfig, build

            result = build(
                BuildConfig(
                    registry=args.registry,
                    codebook=args.codebook,
                    rules=args.rules,
                    corrections=args.corrections,
                    themes=args.themes,
                    database=args.database,
                    exports_dir=args.exports_dir,
                )
            )
            print(result.summary())
            return 0
        if args.command == "locate":
            from analysis.locate import locate

            rows = locate(args.registry, args.source_id, args.text)
            if not rows:
                print(f"{args.text!r} does not occur in {args.source_id}", file=sys.stderr)
                return 1
            for start, end, line in rows:
                print(f"char_start: {start}  char_end: {end}  line: {line}")
            return 0
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(
            "nothing was written; the previous database and exports are unchanged", file=sys.stderr
        )
        return 2
    return 1
