"""The executed notebooks as a small static HTML site, readable without Jupyter.

``build_report()`` renders every committed notebook in ``notebooks/`` as it is (nothing is
re-executed) into one page each, ``01_sources_and_data_quality.html`` and so on, plus an
``index.html`` with the notebooks in reading order, the metric definitions (taken from the
docstrings of ``analysis/metrics.py``, ``compound_progress.py``, ``plan_ambition.py`` and
``analysis/conflicts.py`` and from the
notebooks' own Formula/Method paragraphs) and every within-plan conflict from the database.

Offline by construction: nbconvert's ``basic`` template emits the notebook body only; the
``lab`` and ``classic`` page shells are what load require.js and MathJax from CDNs, so the
body goes into this module's own page shell with inline CSS. The figures are the PNG
outputs embedded in the notebooks, written as data URIs. Nothing else is referenced.

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
import tempfile
import uuid
from dataclasses import dataclass
from html import escape
from pathlib import Path

import nbformat
import pandas as pd
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html_mistune
from pygments.formatters import HtmlFormatter

from analysis import compound_progress, metrics, paths, plan_ambition, report
from analysis import conflicts as conflict_rules

PROJECT_TITLE = "City education plans: a cross-city indicator database"
INDEX = "index.html"
QUESTION = re.compile(r"\*\*What this answers:\*\*\s*(.+)")
HEADING = re.compile(r"^#+\s+(.+?)\s*#*$", re.MULTILINE)
# the paragraphs in a notebook's opening cell that state its formulas or method
METHOD_PARAGRAPH = re.compile(r"^\*\*(Formulas?|Method)\b")
# Han characters, CJK punctuation and full-width forms: marked lang="zh-Hans" so that
# browsers pick Simplified Chinese glyphs inside the English pages
CJK_RUN = "[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+"
# tags, comments and raw-text elements are copied unchanged; only text between them is marked
MARKUP_OR_CJK = re.compile(
    r"(<!--.*?-->|<(script|style|textarea|title)\b.*?</\2\s*>|<[^>]*>)|(" + CJK_RUN + ")",
    re.DOTALL | re.IGNORECASE,
)
CONFLICT_COLUMNS = [
    "city",
    "indicator",
    "year",
    "value",
    "method",
    "line",
    "preferred",
    "preference reason",
    "quote",
]

STYLE = """\
body { margin: 0; color: #1f2328; background: #fff; line-height: 1.5;
  font-family: system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC",
    "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
header { position: sticky; top: 0; z-index: 1; background: #f6f8fa;
  border-bottom: 1px solid #d0d7de; }
nav { max-width: 72rem; margin: 0 auto; padding: 0.5rem 1rem; display: flex; gap: 1.5rem;
  flex-wrap: wrap; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
a { color: #0550ae; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK SC",
  monospace; font-size: 0.9em; }
pre { margin: 0; white-space: pre-wrap; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.45rem; vertical-align: top; }
thead th { background: #f6f8fa; }
.cell { margin: 0.75rem 0; }
.input_area { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 4px;
  padding: 0.4rem 0.6rem; }
.output_subarea { overflow-x: auto; padding: 0.4rem 0; }
.output_subarea img { max-width: 100%; height: auto; }
.output_stderr, .output_error { background: #ffebe9; border-left: 4px solid #cf222e;
  padding: 0.4rem 0.6rem; }
a.anchor-link { visibility: hidden; margin-left: 0.3em; text-decoration: none; }
h1:hover a.anchor-link, h2:hover a.anchor-link, h3:hover a.anchor-link { visibility: visible; }
ol.notebooks li { margin-bottom: 0.6rem; }
ol.notebooks p { margin: 0.1rem 0 0; }
.source { color: #59636e; font-size: 0.9rem; }
#conflicts tbody { border-top: 2px solid #59636e; }
#conflicts tr.preferred { font-weight: 600; }
#conflicts td.number { text-align: right; }
"""


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
    files = {nb.page: notebook_page(i, notebooks, exporter) for i, nb in enumerate(notebooks)}
    files[INDEX] = index_page(notebooks, report.conflicts(database=Path(database)))
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


def notebook_page(position: int, notebooks: list[Notebook], exporter: HTMLExporter) -> str:
    """The page of notebooks[position], linked to the index and to its neighbours."""
    nb = notebooks[position]
    body, _ = exporter.from_notebook_node(nb.node)
    source = (
        f'<p class="source">Rendered from <code>{escape(Path(nb.page).stem)}.ipynb</code>'
        " as committed (executed, not re-run).</p>\n"
    )
    return _page(f"{nb.title} · {PROJECT_TITLE}", body + source, _navigation(position, notebooks))


def _navigation(position: int, notebooks: list[Notebook]) -> str:
    links = [f'<a href="{INDEX}">Index</a>']
    if position > 0:
        before = notebooks[position - 1]
        links.append(f'<a href="{before.page}" rel="prev">← {escape(before.title)}</a>')
    if position < len(notebooks) - 1:
        after = notebooks[position + 1]
        links.append(f'<a href="{after.page}" rel="next">{escape(after.title)} →</a>')
    return '<header><nav aria-label="notebooks">' + "\n".join(links) + "</nav></header>\n"


def index_page(notebooks: list[Notebook], conflicts: pd.DataFrame) -> str:
    body = "\n".join(
        [
            f"<h1>{escape(PROJECT_TITLE)}</h1>",
            f"<p>The {len(notebooks)} notebooks of the project, rendered from their committed,"
            " executed versions (nothing is re-run), with the definitions they rely on and"
            " every conflict found inside a plan.</p>",
            "<h2>Notebooks, in reading order</h2>",
            _notebook_list(notebooks),
            "<h2>Definitions</h2>",
            _definitions(notebooks),
            "<h2>Within-plan conflicts</h2>",
            _conflicts_table(conflicts),
        ]
    )
    return _page(PROJECT_TITLE, body)


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


def _conflicts_table(conflicts: pd.DataFrame) -> str:
    """One row per conflicting observation, one table body per conflict."""
    groups = [_conflict_rows(group) for _, group in conflicts.groupby("conflict_id", sort=False)]
    head = "".join(f"<th>{name}</th>" for name in CONFLICT_COLUMNS)
    intro = (
        f"<p>{len(conflicts)} observations in {len(groups)} conflicts: the same plan states"
        " different values for one indicator and year. The preferred value (bold) is the one"
        " the comparisons use; the rule is under Definitions.</p>"
    )
    return (
        f'{intro}\n<table id="conflicts">\n<thead><tr>{head}</tr></thead>\n'
        + "\n".join(groups)
        + "\n</table>"
    )


def _conflict_rows(group: pd.DataFrame) -> str:
    rows = []
    for o in group.itertuples():
        comparator = "" if o.comparator == "=" else f"{o.comparator} "
        cells = [
            _cell(o.city_id),
            _cell(o.indicator_id),
            _cell(o.year, number=True),
            _cell(f"{comparator}{o.value:g}", number=True),
            _cell(o.method),
            _cell(o.line, number=True),
            _cell("yes" if o.preferred else "no"),
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


def _page(title: str, body: str, navigation: str = "") -> str:
    style = STYLE + HtmlFormatter(style="default").get_style_defs(".highlight") + "\n"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{style}</style>\n</head>\n<body>\n"
        f"{navigation}<main>\n{mark_chinese(body)}\n</main>\n</body>\n</html>\n"
    )


def mark_chinese(html: str) -> str:
    """Wrap each run of Chinese text (not markup) in <span lang="zh-Hans">."""

    def replace(match: re.Match) -> str:
        if match.group(1):
            return match.group(1)
        return f'<span lang="zh-Hans">{match.group(3)}</span>'

    return MARKUP_OR_CJK.sub(replace, html)


# ---------------------------------------------------------------- writing


def _publish(files: dict[str, str], out_dir: Path) -> None:
    """Write the site into a temporary directory beside out_dir, then swap it in."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        staging.chmod(0o755)  # mkdtemp makes it private; the report is for reading
        for name, text in sorted(files.items()):
            (staging / name).write_bytes(text.encode("utf-8"))
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
