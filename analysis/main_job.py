"""The main job, in order: build the database, export the data package, execute every
notebook (which writes figures/), render the HTML report, and record the manifest.

`make all` and `python -m analysis all` run this; `python -m analysis reproduce` runs it in
a clean copy of the repository and compares the results with the committed manifest.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ExecutePreprocessor

from analysis import paths

#: The Jupyter kernel the notebooks name: this environment's Python, registered under a
#: name that says which project it is for.
KERNEL_NAME = "city-education-plans"
KERNEL_DISPLAY_NAME = "Python 3 (city-education-plans)"
NOTEBOOK_TIMEOUT = 600  # seconds per cell; the slowest takes a few seconds


def register_kernel(prefix: str = sys.prefix) -> None:
    """Register this interpreter as the project's kernel (idempotent, inside ``prefix``)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "ipykernel",
            "install",
            "--prefix",
            prefix,
            "--name",
            KERNEL_NAME,
            "--display-name",
            KERNEL_DISPLAY_NAME,
        ],
        check=True,
        capture_output=True,
    )


def execute_notebooks(
    notebooks_dir: Path = paths.NOTEBOOKS_DIR, done: list[Path] | None = None
) -> list[Path]:
    """Execute every notebook in place, in reading order, with the project's kernel.

    Cells run with the notebook's folder as working directory, as in JupyterLab. An error
    in a cell stops the job and names the notebook.
    """
    register_kernel()
    done = [] if done is None else done  # the caller's list tells how far a failure got
    for path in sorted(Path(notebooks_dir).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        runner = ExecutePreprocessor(
            timeout=NOTEBOOK_TIMEOUT, kernel_name=KERNEL_NAME, record_timing=False
        )
        runner.preprocess(nb, {"metadata": {"path": str(path.parent)}})
        nbformat.write(nb, path)
        done.append(path)
    return done


STEPS = ("build", "data package", "notebooks", "report", "manifest")


def run_main_job(echo=print, wait: bool = True) -> None:
    """Every step of the main job, in this process and this repository.

    The output folder is held for the whole job, so no other build slips in between the
    build and the data package. A failure raises MainJobFailed naming the steps that had
    already published.
    """
    from analysis.build import BuildConfig, build
    from analysis.data_package import export_data_package
    from analysis.failures import MainJobFailed
    from analysis.html_report import build_report
    from analysis.publishing import open_outputs
    from analysis.reproduce import write_manifest

    published: list[str] = []
    executed: list[Path] = []
    with open_outputs(write=[paths.CURATED_DIR], wait=wait):
        try:
            echo(build(BuildConfig(wait=wait)).summary())
            published.append("build")
            echo(f"data package: {len(export_data_package())} files in {paths.CURATED_DIR}")
            published.append("data package")
            for path in execute_notebooks(done=executed):
                echo(f"executed {path.relative_to(paths.ROOT)}")
            published.append("notebooks")
            echo(f"report: {build_report()}")
            published.append("report")
            manifest = write_manifest()
            published.append("manifest")
            echo(f"manifest: {manifest.relative_to(paths.ROOT)}")
        except Exception as exc:
            failed = STEPS[len(published)]
            shown = list(published)
            if failed == "notebooks" and executed:  # each notebook is saved as it finishes
                shown.append(f"{len(executed)} notebooks (executed and saved in place)")
            raise MainJobFailed(failed, shown, list(STEPS[len(published) :]), exc) from exc
