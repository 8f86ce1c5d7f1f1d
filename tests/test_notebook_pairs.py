"""Each notebook is paired with a jupytext percent-format .py file, and the two agree.

The .py files are what a reviewer reads in a diff; `make sync` (jupytext --sync) brings a
pair back in step after either side was edited.
"""

from __future__ import annotations

import json

import jupytext
import pytest

from analysis import paths
from analysis.main_job import KERNEL_NAME

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb"))


def pair_differences(ipynb, script) -> list[str]:
    """Cells (type and source) that differ between a notebook and its paired script."""
    notebook = jupytext.read(ipynb)
    paired = jupytext.read(script)
    left = [(c.cell_type, c.source) for c in notebook.cells]
    right = [(c.cell_type, c.source) for c in paired.cells]
    problems = [
        f"cell {i}: {a[0]} {a[1][:40]!r} != {b[0]} {b[1][:40]!r}"
        for i, (a, b) in enumerate(zip(left, right, strict=False))
        if a != b
    ]
    if len(left) != len(right):
        problems.append(f"{len(left)} cells in {ipynb.name}, {len(right)} in {script.name}")
    return problems


def test_every_notebook_has_a_pair_and_no_pair_is_orphaned():
    scripts = sorted(paths.NOTEBOOKS_DIR.glob("*.py"))
    assert [s.stem for s in scripts] == [n.stem for n in NOTEBOOKS]
    assert len(NOTEBOOKS) == 6


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_pair_is_in_sync(notebook):
    assert pair_differences(notebook, notebook.with_suffix(".py")) == []


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_declares_the_pairing_and_the_project_kernel(notebook):
    metadata = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]
    assert metadata["jupytext"]["formats"] == "ipynb,py:percent"
    assert metadata["kernelspec"]["name"] == KERNEL_NAME


def test_an_edit_to_one_side_is_caught(tmp_path):
    notebook = NOTEBOOKS[2]
    script = tmp_path / notebook.with_suffix(".py").name
    text = notebook.with_suffix(".py").read_text(encoding="utf-8")
    edited = text.replace('figures.gap_chart("preschool_gross_enrollment_rate")', "1 + 1", 1)
    assert edited != text
    script.write_text(edited, encoding="utf-8")
    [problem] = pair_differences(notebook, script)
    assert "gap_chart" in problem
    script.write_text(text + "\n# %%\nprint('extra')\n", encoding="utf-8")
    assert pair_differences(notebook, script)[-1].endswith(f"in {script.name}")
