"""The executed notebooks as a small static HTML site, readable without Jupyter.

``build_report()`` renders every committed notebook in ``notebooks/`` as it is (nothing is
re-executed) into one page each, ``01_sources_and_data_quality.html`` and so on, plus an
``index.html`` with the notebooks in reading order, the metric definitions (taken from the
docstrings of ``analysis/metrics.py``, ``compound_progress.py``, ``plan_ambition.py`` and
``analysis/conflicts.py`` and from the
notebooks' own Formula/Method paragraphs) and every within-plan conflict from the database.

Offline by construction: nbconvert's ``basic`` template emits the notebook body only; the
``lab`` and ``classic`` page shells are what load require.js and MathJax from CDNs, so the
body goes into this project's own page shell (``analysis.report_page``: inline CSS, a
sidebar of pages and sections). The figures are the PNG outputs embedded in the
notebooks, written as data URIs, with their description as alt text and links to the
saved PNG/SVG/PDF copied into ``figures/``; each table links to a CSV beside its page
(``analysis.report_outputs``). Chinese comes from a subset of the packaged font, written
to ``fonts/`` as woff2 (``analysis.report_font``), so it renders on machines without any
Chinese font.

The output is deterministic (no dates, no absolute paths), and it is written into a
temporary directory beside ``out_dir`` that then replaces it, so a failed build leaves
the previous report in place.

``tests/test_html_report.py`` opens the site in Debian's chromium through Playwright
(never a downloaded browser). It finds the browser with ``shutil.which("chromium")``,
else ``/usr/bin/chromium``; the environment variable ``CHROMIUM_PATH`` overrides that
lookup (point it at a path that does not exist to check that the browser tests skip).
"""

from __future__ import annotations

import inspect
import os
import re
import shutil
import sys
import tempfile
import uuid
from dataclasses import dataclass
from html import escape
from pathlib import Path

import nbformat
import pandas as pd
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html_mistune

from analysis import compound_progress, metrics, paths, plan_ambition, report
from analysis import conflicts as conflict_rules
from analysis.figure_descriptions import published_descriptions
from analysis.report_font import FONT_PATH, site_characters, subset_woff2
from analysis.report_outputs import prepare_outputs
from analysis.report_page import Entry, page, sections, sidebar
from analysis.report_tables import (
    COMPARATOR_SIGNS,
    Names,
    load_table_style,
    names_from_database,
    publication_table,
    table_csv,
)

PROJECT_TITLE = "City education plans: a cross-city indicator database"
INDEX = "index.html"
QUESTION = re.compile(r"\*\*What this answers:\*\*\s*(.+)")
HEADING = re.compile(r"^#+\s+(.+?)\s*#*$", re.MULTILINE)
# the paragraphs in a notebook's opening cell that state its formulas or method
METHOD_PARAGRAPH = re.compile(r"^\*\*(Formulas?|Method)\b")
CONFLICT_COLUMNS = [
    "城市 City",
    "指标 Indicator",
    "年份 Year",
    "数值 Value",
    "读取方式 Read from",
    "行 Line",
    "采用 Preferred",
    "采用理由 Why preferred",
    "原文 Quote",
]
INDEX_TITLE = "Overview"
CONFLICTS_CSV = "index.conflicts.csv"  # every column of report.conflicts(), for download
METHOD_WORDS = {"prose": "prose 正文", "table": "table 表格"}


@dataclass(frozen=True)
class Notebook:
    """One notebook to publish: its page name, title, question and method paragraphs."""

    page: str
    title: str
    question: str | None  # HTML, inline
    methods: tuple[str, ...]  # HTML paragraphs
    node: nbformat.NotebookNode


def build_report(
    out_dir: Path = paths.REPORT_DIR,
    notebooks_dir: Path = paths.NOTEBOOKS_DIR,
    database: Path = paths.DATABASE,
) -> Path:
    """Render the executed notebooks and an index into out_dir; return out_dir / "index.html"."""
    notebooks = read_notebooks(Path(notebooks_dir))
    exporter = HTMLExporter(
        template_name="basic", exclude_input_prompt=True, exclude_output_prompt=True
    )
    descriptions = published_descriptions(Path(database))
    files: dict[str, bytes] = {}
    problems: list[str] = []
    bodies = {}
    for nb in notebooks:
        prepared = prepare_outputs(nb.node, Path(nb.page).stem, descriptions)
        bodies[nb.page] = notebook_body(nb, exporter, prepared.node)
        files.update(prepared.files)
        problems += prepared.problems
    conflicts = report.conflicts(database=Path(database))
    names = names_from_database(Path(database))
    table = publication_table(conflicts, load_table_style(), names)
    files[CONFLICTS_CSV] = ("\ufeff" + table_csv(table)).encode("utf-8")
    index = index_body(notebooks, conflicts, names, problems)
    entries = [Entry(INDEX, INDEX_TITLE, sections(index))] + [
        Entry(nb.page, nb.title, sections(bodies[nb.page])) for nb in notebooks
    ]
    pages = {
        INDEX: page(
            PROJECT_TITLE, index, _navigation(-1, notebooks), sidebar(entries, INDEX), FONT_PATH
        )
    }
    for i, nb in enumerate(notebooks):
        title = f"{nb.title} · {PROJECT_TITLE}"
        side = sidebar(entries, nb.page)
        pages[nb.page] = page(title, bodies[nb.page], _navigation(i, notebooks), side, FONT_PATH)
    files.update({name: text.encode("utf-8") for name, text in pages.items()})
    files[FONT_PATH] = subset_woff2(site_characters(list(pages.values())))
    for problem in problems:
        print(f"report: {problem}", file=sys.stderr)
    _publish(files, Path(out_dir))
    return Path(out_dir) / INDEX


# ---------------------------------------------------------------- reading the notebooks


def read_notebooks(notebooks_dir: Path) -> list[Notebook]:
    """The notebooks in reading order (sorted file names)."""
    sources = sorted(notebooks_dir.glob("*.ipynb"))
    if not sources:
        raise FileNotFoundError(f"no notebooks (*.ipynb) in {notebooks_dir}")
    return [_notebook(path) for path in sources]


def _notebook(path: Path) -> Notebook:
    node = nbformat.read(path, as_version=4)
    opening = next((c.source for c in node.cells if c.cell_type == "markdown"), "")
    heading = HEADING.search(opening)
    question = QUESTION.search(opening)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", opening)]
    return Notebook(
        page=f"{path.stem}.html",
        title=heading.group(1) if heading else path.stem,
        question=_inline_markdown(question.group(1)) if question else None,
        methods=tuple(markdown2html_mistune(p) for p in paragraphs if METHOD_PARAGRAPH.match(p)),
        node=node,
    )


def _inline_markdown(text: str) -> str:
    """Markdown of one line as inline HTML (without the paragraph mistune wraps it in)."""
    rendered = markdown2html_mistune(text).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.DOTALL)


# ---------------------------------------------------------------- pages


def notebook_body(nb: Notebook, exporter: HTMLExporter, node: nbformat.NotebookNode) -> str:
    """The rendered notebook (outputs prepared for the report) and where it comes from."""
    body, _ = exporter.from_notebook_node(node)
    source = (
        f'<p class="source">Rendered from <code>{escape(Path(nb.page).stem)}.ipynb</code>'
        " as committed (executed, not re-run).</p>\n"
    )
    return body + source


def _navigation(position: int, notebooks: list[Notebook]) -> str:
    """Links to the index and to the previous and next notebook (position -1: the index)."""
    links = [f'<a href="{INDEX}">Index</a>']
    if position > 0:
        before = notebooks[position - 1]
        links.append(f'<a href="{before.page}" rel="prev">← {escape(before.title)}</a>')
    if position < len(notebooks) - 1 and position >= 0:
        after = notebooks[position + 1]
        links.append(f'<a href="{after.page}" rel="next">{escape(after.title)} →</a>')
    return '<header><nav aria-label="notebooks">' + "\n".join(links) + "</nav></header>\n"


def index_body(
    notebooks: list[Notebook], conflicts: pd.DataFrame, names: Names, problems: list[str]
) -> str:
    parts = [
        f"<h1>{escape(PROJECT_TITLE)}</h1>",
        f"<p>The {len(notebooks)} notebooks of the project, rendered from their committed,"
        " executed versions (nothing is re-run), with the definitions they rely on and"
        " every conflict found inside a plan.</p>",
        '<h2 id="notebooks">Notebooks, in reading order</h2>',
        _notebook_list(notebooks),
        '<h2 id="definitions">Definitions</h2>',
        _definitions(notebooks),
        '<h2 id="within-plan-conflicts">Within-plan conflicts</h2>',
        _conflicts_table(conflicts, names),
    ]
    if problems:  # said on the page, not only in the build log
        items = "".join(f"<li>{escape(p)}</li>" for p in problems)
        parts += ['<h2 id="not-rendered">What this report could not show</h2>', f"<ul>{items}</ul>"]
    return "\n".join(parts)


def _notebook_list(notebooks: list[Notebook]) -> str:
    items = []
    for nb in notebooks:
        question = f"\n<p>{nb.question}</p>" if nb.question else ""
        items.append(f'<li><a href="{nb.page}">{escape(nb.title)}</a>{question}</li>')
    return '<ol class="notebooks">\n' + "\n".join(items) + "\n</ol>"


def _definitions(notebooks: list[Notebook]) -> str:
    """The formulas as the code states them, then as each notebook explains them."""
    parts = [
        "<h3>Comparison metrics</h3>",
        _docstring(metrics),
        "<h3>The second progress method (Eurostat / Open SDG)</h3>",
        _docstring(compound_progress),
        "<h3>Ambition and consistency</h3>",
        _docstring(plan_ambition),
        "<h3>Conflicts and the preferred value</h3>",
        _docstring(conflict_rules),
    ]
    for nb in notebooks:
        if nb.methods:
            parts.append(f'<h3>As <a href="{nb.page}">{escape(nb.title)}</a> states it</h3>')
            parts.extend(nb.methods)
    return "\n".join(parts)


def _docstring(module) -> str:
    source = f'<p class="source">From the docstring of <code>{module.__name__}</code>.</p>'
    return markdown2html_mistune(inspect.cleandoc(module.__doc__)) + source


def _conflicts_table(conflicts: pd.DataFrame, names: Names) -> str:
    """One row per conflicting observation, one table body per conflict."""
    groups = [
        _conflict_rows(group, names) for _, group in conflicts.groupby("conflict_id", sort=False)
    ]
    head = "".join(f"<th>{name}</th>" for name in CONFLICT_COLUMNS)
    intro = (
        f"<p>{len(conflicts)} observations in {len(groups)} conflicts: the same plan states"
        " different values for one indicator and year. The preferred value (bold) is the one"
        " the comparisons use; the rule is under Definitions.</p>"
    )
    download = (
        '<p class="downloads">Download this table (with the conflict ids and comparators):'
        f' <a href="{CONFLICTS_CSV}" download>CSV</a></p>'
    )
    return (
        f'{intro}\n<div class="table-scroll">\n<table id="conflicts">\n'
        f"<thead><tr>{head}</tr></thead>\n" + "\n".join(groups) + f"\n</table>\n</div>\n{download}"
    )


def _conflict_rows(group: pd.DataFrame, names: Names) -> str:
    rows = []
    for o in group.itertuples():
        cells = [
            _cell(names.cities.get(o.city_id, o.city_id)),
            _cell(names.indicators.get(o.indicator_id, o.indicator_id)),
            _cell(o.year, number=True),
            _cell(f"{COMPARATOR_SIGNS[o.comparator]}{o.value:g}", number=True),
            _cell(METHOD_WORDS.get(o.method, o.method)),
            _cell(o.line, number=True),
            _cell("yes 是" if o.preferred else "no 否"),
            _cell(o.preference_reason),
            _cell(o.quote),
        ]
        css = ' class="preferred"' if o.preferred else ""
        rows.append(f"<tr{css}>" + "".join(cells) + "</tr>")
    return "<tbody>\n" + "\n".join(rows) + "\n</tbody>"


def _cell(value, number: bool = False) -> str:
    text = "" if value is None or pd.isna(value) else str(value)
    css = ' class="number"' if number else ""
    return f"<td{css}>{escape(text)}</td>"


# ---------------------------------------------------------------- writing


def _publish(files: dict[str, bytes], out_dir: Path) -> None:
    """Write the site into a temporary directory beside out_dir, then swap it in."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        staging.chmod(0o755)  # mkdtemp makes it private; the report is for reading
        for name, data in sorted(files.items()):
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(data)
        _swap(staging, out_dir)
    finally:
        # after a successful swap staging no longer exists; after a failure it is debris
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, out_dir: Path) -> None:
    """Replace out_dir by staging; if that fails, the previous out_dir is put back."""
    previous = out_dir.with_name(f".{out_dir.name}.old-{uuid.uuid4().hex}")
    had_previous = out_dir.exists()
    if had_previous:
        os.replace(out_dir, previous)
    try:
        os.replace(staging, out_dir)
    except OSError:
        if had_previous:
            os.replace(previous, out_dir)
        raise
    if had_previous:
        shutil.rmtree(previous)
