"""A notebook's outputs made ready for the HTML report: downloads beside tables and charts,
and alt text that says what each chart shows.

Works on a copy of the executed notebook (nothing is re-run):

* a table output that carries a ``text/csv`` copy (``analysis.report_tables`` adds one to
  every DataFrame a notebook shows) gets a CSV download; the file is written beside the
  page as ``<notebook>.table-<n>.csv`` (UTF-8 with a byte-order mark, so that Excel reads
  the Chinese names);
* a chart output (a PNG whose text says ``saved: figures/<name>.png, ….svg, ….pdf``, as
  ``analysis.figures.SavedFigure`` prints it) becomes a ``<figure>`` with the same PNG,
  its description as alt text and links to the saved PNG, SVG and PDF, copied into the
  site's ``figures/`` folder;
* any other image keeps its place with an alt text that says no description is
  available, and the problem is listed in ``Prepared.problems``.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import nbformat

from analysis import paths

SAVED = re.compile(r"^saved: (.+)$")
NO_DESCRIPTION = "A figure that is not one of the published figures: no description of its data."
FORMAT_NAMES = {".png": "PNG", ".svg": "SVG", ".pdf": "PDF"}


@dataclass
class Prepared:
    """The notebook to render, the files to write beside it, and what could not be done."""

    node: nbformat.NotebookNode
    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def prepare_outputs(
    node: nbformat.NotebookNode,
    page_stem: str,
    descriptions: dict[str, str],
    root: Path = paths.ROOT,
) -> Prepared:
    """A copy of the notebook with download links and alt texts, and the files they name."""
    prepared = Prepared(copy.deepcopy(node))
    tables = 0
    for cell in prepared.node.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/csv" in data:
                tables += 1
                name = f"{page_stem}.table-{tables}.csv"
                prepared.files[name] = ("\ufeff" + data["text/csv"]).encode("utf-8")
                data["text/html"] = data.get("text/html", "") + _table_downloads(name)
            elif "image/png" in data:
                _figure(output, page_stem, descriptions, root, prepared)
    return prepared


def _table_downloads(name: str) -> str:
    return f'\n<p class="downloads">Download this table: <a href="{name}" download>CSV</a></p>'


def _figure(output, page_stem: str, descriptions, root: Path, prepared: Prepared) -> None:
    """Replace a PNG output by a <figure> with alt text and links to the saved files."""
    data = output["data"]
    saved = SAVED.match(str(data.get("text/plain", "")).strip().strip("'\""))
    files = [Path(f.strip()) for f in saved.group(1).split(",")] if saved else []
    name = files[0].stem if files else None
    alt = descriptions.get(name) if name else None
    if alt is None:
        prepared.problems.append(
            f"{page_stem}: a figure without a description ({name or 'not saved'})"
        )
        alt = NO_DESCRIPTION
    links = []
    for file in files:
        source = root / file
        if not source.is_file():
            raise FileNotFoundError(f"{page_stem}: the notebook saved {file}, now missing")
        target = f"figures/{file.name}"
        prepared.files[target] = source.read_bytes()
        label = FORMAT_NAMES.get(file.suffix, file.suffix[1:].upper())
        links.append(f'<a href="{escape(target)}" download>{label}</a>')
    width = output.get("metadata", {}).get("image/png", {}).get("width")
    size = f' width="{int(width)}"' if width else ""
    caption = (
        f'<figcaption class="downloads">Download this chart: {" · ".join(links)}</figcaption>'
        if links
        else ""
    )
    png = str(data.pop("image/png")).replace("\n", "")
    data["text/html"] = (
        f'<figure class="chart"><img src="data:image/png;base64,{png}"{size}'
        f' alt="{escape(alt)}">{caption}</figure>'
    )
