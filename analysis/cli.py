"""Command line: a thin wrapper over the library."""

from __future__ import annotations

import argparse
import dataclasses
import os
import shlex
import sys
from pathlib import Path

from analysis import paths
from analysis.chart_choices import CHARTS, LANGUAGES, MEASURES, SIZE_PRESETS
from analysis.cli_help import (
    ADD_SOURCE_EPILOG,
    ALL_EPILOG,
    BUILD_EPILOG,
    EXPORT_DATA_EPILOG,
    EXPORT_EPILOG,
    LIST_EPILOG,
    LOCATE_EPILOG,
    REPORT_EPILOG,
    REPRODUCE_EPILOG,
)
from analysis.names import KINDS
from analysis.sources import DOCUMENT_TYPES


def _name_list(text: str) -> tuple[str, ...]:
    """Ids or names separated by commas (also ，and 、), kept whole: analysis.names splits
    them, knowing the names that hold a separator themselves (名师、名校长人数)."""
    return (text,)


def _lower_list(text: str) -> tuple[str, ...]:
    """Comma-separated choices in any case: "PNG,Svg" -> ("png", "svg")."""
    return tuple(part.strip().lower() for part in text.split(",") if part.strip())


def _command(sub, name: str, *, help: str, description: str, epilog: str):
    """A subcommand whose help ends with its examples, printed as written."""
    return sub.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _no_wait(parser) -> None:
    parser.add_argument(
        "--no-wait",
        action="store_true",
        help="fail at once if another build is using the output folder (default: wait)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Indicators from five city education plans, traceable to their raw text.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = _command(
        sub,
        "build",
        help="build the DuckDB database and the CSV exports from data/raw",
        description="Read every plan in the source registry, extract indicator observations, "
        "flag conflicts, and write the database and sorted CSV exports. A failed build "
        "leaves the previous database and exports untouched.",
        epilog=BUILD_EPILOG,
    )
    b.add_argument("--registry", type=Path, default=paths.SOURCES_YAML, help="sources.yaml")
    b.add_argument("--codebook", type=Path, default=paths.CODEBOOK_YAML)
    b.add_argument("--rules", type=Path, default=paths.EXTRACTION_RULES_YAML)
    b.add_argument("--corrections", type=Path, default=paths.CORRECTIONS_YAML)
    b.add_argument("--themes", type=Path, default=paths.THEME_CODEBOOK_YAML)
    b.add_argument("--database", type=Path, default=paths.DATABASE)
    b.add_argument("--exports-dir", type=Path, default=paths.CURATED_DIR)
    _no_wait(b)
    e = _command(
        sub,
        "export",
        help="draw one chart for a briefing: cities, indicators or themes, language, size",
        description="Draw a chart with the notebooks' plotting code for chosen cities, "
        "indicators or themes, in Chinese, English or both, at a print or slide size, with "
        "its sources printed on it and a provenance sidecar (JSON) beside it. Needs the "
        "database (python -m analysis build).",
        epilog=EXPORT_EPILOG,
    )
    e.add_argument("chart", type=str.lower, choices=CHARTS, help="which chart")
    e.add_argument(
        "--cities",
        type=_name_list,
        help="comma-separated city ids or names: baicheng, 白城, 白城市, Baicheng (default: all)",
    )
    e.add_argument(
        "--indicators",
        type=_name_list,
        help="comma-separated indicator ids, names or codebook aliases (gap: required)",
    )
    e.add_argument(
        "--themes", type=_name_list, help="comma-separated theme ids or names (default: all)"
    )
    e.add_argument(
        "--measure",
        type=str.lower,
        choices=list(MEASURES),
        default="density",
        help="theme-heatmap colour: mentions per 10,000 characters or share of paragraphs",
    )
    e.add_argument(
        "--lang", type=str.lower, choices=LANGUAGES, default="bilingual", help="label language"
    )
    e.add_argument(
        "--format",
        type=_lower_list,
        default=("pdf",),
        help="comma-separated: png, svg, pdf (default: pdf)",
    )
    e.add_argument(
        "--size",
        type=str.lower,
        help=f"preset ({', '.join(SIZE_PRESETS)}) or WxH with a unit: 180x100mm, 18x10cm, 7x4in "
        "(default: the chart's own, 183 mm wide)",
    )
    e.add_argument("--dpi", type=int, default=300, help="PNG resolution (default: 300)")
    e.add_argument("--name", help="file name without extension (default: from the request)")
    e.add_argument(
        "--svg-text",
        action="store_true",
        help="keep SVG text as text, to edit in Inkscape or Illustrator (they then need the "
        "Noto Sans CJK SC font); default: glyph outlines that look the same everywhere",
    )
    e.add_argument("--out-dir", type=Path, default=paths.CHART_EXPORT_DIR)
    job = _command(
        sub,
        "all",
        help="the main job: build, export the data package, execute the notebooks, report",
        description="Build the database from data/raw, write the data package (CSV, Parquet, "
        "datapackage.json, Excel), execute every notebook in place (regenerating figures/), "
        "render the HTML report into build/report and record data/curated/manifest.sha256.",
        epilog=ALL_EPILOG,
    )
    _no_wait(job)
    rep = _command(
        sub,
        "reproduce",
        help="rerun everything from the raw texts in a clean copy and compare with the manifest",
        description="Copy the repository's tracked files to a temporary folder, delete every "
        "published figure and data export there, rerun the main job from the raw texts, and "
        "compare every figure, data export and notebook with data/curated/manifest.sha256. "
        "Exits 1 and lists the files that differ when any do.",
        epilog=REPRODUCE_EPILOG,
    )
    rep.add_argument("--keep", type=Path, help="run in this (new or empty) folder and keep it")
    _command(
        sub,
        "report",
        help="render the executed notebooks as a static HTML site in build/report",
        description="Render the committed, executed notebooks into build/report/ (an index "
        "in reading order with the metric definitions and the conflicts table, one page per "
        "notebook, figures embedded). Works offline; needs the database.",
        epilog=REPORT_EPILOG,
    )
    data = _command(
        sub,
        "export-data",
        help="write the data package: Parquet, datapackage.json and the Excel workbook",
        description="From the built database, write Parquet copies of the curated tables, a "
        "Frictionless Data Package descriptor over the CSV exports and an Excel workbook with "
        "the source quote beside every value, into data/curated/.",
        epilog=EXPORT_DATA_EPILOG,
    )
    data.add_argument("--database", type=Path, default=paths.DATABASE)
    data.add_argument(
        "--out-dir", type=Path, default=paths.CURATED_DIR, help="holds the build's CSV exports"
    )
    _no_wait(data)
    loc = _command(
        sub,
        "locate",
        help="print the raw character spans of a text in a source (for corrections.yaml)",
        description="Find every occurrence of TEXT in the raw file of SOURCE_ID and print "
        "char_start, char_end and line, ready to paste into data/curated/corrections.yaml.",
        epilog=LOCATE_EPILOG,
    )
    loc.add_argument("source_id")
    loc.add_argument("text")
    loc.add_argument("--registry", type=Path, default=paths.SOURCES_YAML)
    _add_source_parser(sub)
    _list_parser(sub)
    return parser


def _list_parser(sub) -> None:
    from analysis.name_list import FORMATS

    lst = _command(
        sub,
        "list",
        help="list the city, indicator or theme ids and names that requests may use",
        description="Print every city (Chinese and English name, province, document, period), "
        "indicator (names, unit) or theme (names) a request may name, read from the built "
        "database, or from the registries before the first build.",
        epilog=LIST_EPILOG,
    )
    lst.add_argument("what", type=str.lower, choices=list(KINDS.values()), help="what to list")
    lst.add_argument(
        "--format",
        type=str.lower,
        choices=FORMATS,
        default="table",
        help="table: aligned columns (default); csv: for a spreadsheet",
    )
    lst.add_argument("--database", type=Path, default=paths.DATABASE, help="read when built")
    lst.add_argument(
        "--registry",
        type=Path,
        default=paths.SOURCES_YAML,
        help="sources.yaml, read before a build",
    )
    lst.add_argument(
        "--codebook", type=Path, default=paths.CODEBOOK_YAML, help="read before a build"
    )
    lst.add_argument(
        "--themes", type=Path, default=paths.THEME_CODEBOOK_YAML, help="read before a build"
    )


def _period(text: str) -> tuple[int, int]:
    from analysis.source_entry import parse_period

    try:
        return parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _date(text: str):
    import datetime

    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from exc


def _add_source_parser(sub) -> None:
    a = _command(
        sub,
        "add-source",
        help="register a new plan text: copy it into data/raw, add it to sources.yaml, build",
        description="Copy FILE (UTF-8) into data/raw byte for byte, infer its title, period, "
        "issue date, document type and province from the text, append a validated entry "
        "to data/raw/sources.yaml (comments and layout kept; a failure leaves it untouched) "
        "and run the build. Options given here win over what the text states.",
        epilog=ADD_SOURCE_EPILOG,
    )
    a.add_argument("file", type=Path, help="the plan text (UTF-8)")
    a.add_argument("--city-id", required=True, help="snake_case id, e.g. tonghua")
    a.add_argument("--city-zh", required=True, help="Chinese name, e.g. 通化市")
    a.add_argument("--city-en", required=True, help="English name, e.g. Tonghua")
    a.add_argument("--province-zh", help="default: the province the text names most often")
    a.add_argument("--province-en", help="default: the English name of --province-zh")
    a.add_argument(
        "--admin-level",
        help="default: prefecture-level city (county-level city with --parent-city-zh)",
    )
    a.add_argument("--parent-city-zh", help="for a county-level city, e.g. 白山市")
    a.add_argument("--parent-city-en", help="e.g. Baishan")
    a.add_argument(
        "--document-type",
        choices=sorted(DOCUMENT_TYPES),
        help="default: from the text (outline only when given here)",
    )
    a.add_argument("--period", type=_period, help="2021-2025 or 2022 (default: from the text)")
    a.add_argument("--issue-date", type=_date, help="YYYY-MM-DD (default: from the text)")
    a.add_argument("--baseline-year", type=int, help="default: the year before the period")
    a.add_argument(
        "--source-id", help="default: <city_id>_fyp_<start>_<end> or <city_id>_work_plan_<year>"
    )
    a.add_argument("--title-zh", help="default: the title line(s) of the text")
    a.add_argument("--title-en", help="default: composed from --city-en and the period")
    a.add_argument("--no-build", action="store_true", help="register only; do not build")
    a.add_argument(
        "--registry",
        type=Path,
        default=paths.SOURCES_YAML,
        help="sources.yaml; the plan is copied into its folder",
    )
    a.add_argument("--database", type=Path, default=paths.DATABASE, help="where to build")
    a.add_argument("--exports-dir", type=Path, default=paths.CURATED_DIR, help="CSV exports")


UNCHANGED = "nothing was written; the previous database and exports are unchanged"
# What a failure of each command leaves as it was (publishing is all or none).
LEFT_UNCHANGED = {
    "build": UNCHANGED,
    "export-data": "nothing was written; the previous data package is unchanged",
    "add-source": None,  # _add_source says what was registered
    "report": "the previous report is unchanged",
    "reproduce": "nothing in the repository was changed",
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args, argv)
    except Exception as exc:  # every failure reaches the user as a line, never a traceback
        from analysis.failures import report

        database = getattr(args, "database", None)
        return report(exc, unchanged=LEFT_UNCHANGED.get(args.command), database=database)


def _run(args: argparse.Namespace, argv: list[str] | None) -> int:
    from analysis.publishing import open_outputs

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
                wait=not args.no_wait,
            )
        )
        print(result.summary())
        return 0
    if args.command == "export":
        with open_outputs(read=[paths.CURATED_DIR]):  # never a half-published set
            return _export(args, argv)
    if args.command == "all":
        from analysis.main_job import run_main_job

        run_main_job(wait=not args.no_wait)
        return 0
    if args.command == "reproduce":
        return _reproduce(args)
    if args.command == "report":
        from analysis.html_report import build_report

        with open_outputs(read=[paths.CURATED_DIR]):
            print(build_report())
        return 0
    if args.command == "export-data":
        from analysis.data_package import export_data_package

        exported = export_data_package(args.database, args.out_dir, wait=not args.no_wait)
        for path in exported:
            print(path)
        return 0
    if args.command == "add-source":
        return _add_source(args)
    if args.command == "list":
        return _list(args)
    if args.command == "locate":
        from analysis.locate import locate

        rows = locate(args.registry, args.source_id, args.text)
        if not rows:
            print(f"{args.text!r} does not occur in {args.source_id}", file=sys.stderr)
            return 1
        for start, end, line in rows:
            print(f"char_start: {start}  char_end: {end}  line: {line}")
        return 0
    return 1


def _add_source(args: argparse.Namespace) -> int:
    from analysis.add_source import BuildAfterAddFailed, build_after_add, register_source
    from analysis.build import BuildConfig
    from analysis.publishing import check_database_path, check_output_folder
    from analysis.source_entry import NewSource

    # refused before the plan is registered, not after
    check_output_folder(args.exports_dir)
    check_database_path(args.database, args.exports_dir)
    request = NewSource(**{f.name: getattr(args, f.name) for f in dataclasses.fields(NewSource)})
    added = register_source(args.file, request, args.registry)
    print(added.report())
    if args.no_build:
        print("not built (--no-build); run: python -m analysis build")
        return 0
    config = BuildConfig(database=args.database, exports_dir=args.exports_dir)
    try:
        result = build_after_add(added, config)
    except BuildAfterAddFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(exc.advice(), file=sys.stderr)
        return 2
    except Exception as exc:  # a failure to write: the registration stays, say so
        from analysis.failures import report

        code = report(exc, database=args.database)
        print(
            f"the plan was registered ({added.source_id!r}); run: python -m analysis build",
            file=sys.stderr,
        )
        return code
    print(result.summary())
    return 0


def _list(args: argparse.Namespace) -> int:
    from analysis.name_list import listing

    text, note = listing(
        args.what, args.format, args.database, args.registry, args.codebook, args.themes
    )
    try:
        sys.stdout.write(text)
        # a table is for reading: the note follows it; CSV stays pure for the program reading it
        print(note, file=sys.stdout if args.format == "table" else sys.stderr)
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader stopped early (`list indicators | head`), which is no error; stdout goes
        # to devnull so that the interpreter's last flush does not report it either
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _export(args: argparse.Namespace, argv: list[str] | None) -> int:
    from analysis.chart_export import ChartRequest, export_charts, layout_warnings
    from analysis.figures import SelectionError

    request = ChartRequest(
        chart=args.chart,
        cities=args.cities,
        indicators=args.indicators,
        themes=args.themes,
        measure=args.measure,
        lang=args.lang,
        formats=args.format,
        size=args.size,
        dpi=args.dpi,
        name=args.name,
        svg_text=args.svg_text,
    )
    words = sys.argv[1:] if argv is None else argv
    command = "python -m analysis " + " ".join(shlex.quote(w) for w in words)
    try:
        written = export_charts(request, args.out_dir, command=command)
    except (SelectionError, FileNotFoundError) as exc:  # a bad id, or no database built yet
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for saved, side in written:
        data = side.with_suffix(".csv")
        for path in (*saved.files, side, *([data] if data.is_file() else [])):
            print(path)
        for problem in layout_warnings(saved):
            print(f"warning: {problem}", file=sys.stderr)
    return 0


def _reproduce(args: argparse.Namespace) -> int:
    import subprocess

    from analysis.reproduce import reproduce

    try:
        results = reproduce(keep=args.keep)
    except subprocess.CalledProcessError as exc:
        print(
            f"error: the main job failed in the clean copy (exit {exc.returncode}); "
            "its output is above",
            file=sys.stderr,
        )
        return 1
    for result in results:
        print(result.line())
    failed = [r for r in results if not r.ok]
    for result in failed:
        for kind in ("differing", "missing", "unexpected"):
            for name in getattr(result, kind):
                print(f"  {kind}: {name}", file=sys.stderr)
    return 1 if failed else 0
