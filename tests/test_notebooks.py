"""The notebooks and figures/ as published: reproducible from the database, in step.

nbval (run by `make test` with --nbval) executes every notebook and compares every text
and HTML output. Like nbval's default, it does not compare image/png outputs; these
tests cover them instead: each embedded image must be a committed figure, and every
committed figure must be reproduced byte for byte.
"""

from __future__ import annotations

import base64
import hashlib
import json

import pytest

from analysis import figures, paths

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb"))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_notebooks_are_in_reading_order_and_executed():
    names = [nb.stem for nb in NOTEBOOKS]
    assert names == sorted(names) and len(names) == 6
    for nb in NOTEBOOKS:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        assert code and all(c["execution_count"] for c in code), nb.name
        assert cells[0]["cell_type"] == "markdown" and "What this answers" in "".join(
            cells[0]["source"]
        )
        assert "Findings" in "".join(cells[-1]["source"]) or (
            "## Findings" in "".join(cells[-2]["source"])
            and "findings." in "".join(cells[-1]["source"])
        ), nb.name
        assert not any(o["output_type"] == "error" for c in code for o in c["outputs"]), nb.name


def test_notebooks_never_read_raw_files():
    for nb in NOTEBOOKS:
        sources = "".join(
            "".join(c["source"])
            for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "code"
        )
        assert "data/raw" not in sources and "RAW_DIR" not in sources, nb.name


def test_every_embedded_image_is_a_committed_figure():
    committed = {sha(p.read_bytes()) for p in paths.FIGURES_DIR.glob("*.png")}
    embedded = 0
    for nb in NOTEBOOKS:
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            for out in cell.get("outputs", []):
                png = out.get("data", {}).get("image/png")
                if png:
                    embedded += 1
                    assert sha(base64.b64decode(png)) in committed, nb.name
    assert embedded >= 10


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    saved = figures.all_figures(out)
    return out, saved


def test_every_figure_is_reproduced_byte_identically(regenerated):
    out, saved = regenerated
    fresh = {p.name: sha(p.read_bytes()) for p in out.iterdir()}
    committed = {p.name: sha(p.read_bytes()) for p in paths.FIGURES_DIR.iterdir()}
    assert fresh == committed
    assert {f.suffix for s in saved for f in s.files} == {".png", ".svg", ".pdf"}


COMPUTED_FINDINGS = {  # notebook -> the analysis.findings function that writes its findings
    "01_sources_and_data_quality": "sources_and_quality",
    "02_indicator_coverage": "indicator_coverage",
    "03_gaps_to_target": "gaps_to_target",
    "04_growth_needed": "growth_needed",
    "05_midpoint_progress": "midpoint_progress",
}


@pytest.mark.parametrize(("notebook", "function"), COMPUTED_FINDINGS.items())
def test_findings_are_computed_not_typed(notebook, function):
    """The findings are the Markdown output of an analysis.findings call (which nbval
    compares), and the heading above them types no number."""
    cells = json.loads((paths.NOTEBOOKS_DIR / f"{notebook}.ipynb").read_text("utf-8"))["cells"]
    heading, call = cells[-2], cells[-1]
    assert heading["cell_type"] == "markdown" and "## Findings" in "".join(heading["source"])
    assert not any(ch.isdigit() for ch in "".join(heading["source"]))
    assert "".join(call["source"]).strip() == f"findings.{function}()"
    (output,) = call["outputs"]
    markdown = "".join(output["data"]["text/markdown"])
    assert markdown.startswith("- ") and any(ch.isdigit() for ch in markdown)
