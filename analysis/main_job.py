"""The main job, in order: build the database, export the data package, execute every
notebook (which writes figures/), render the HTML report, and record the manifest.

`make all` and `python -m analysis all` run this; `python -m analysis reproduce` runs it in
a clean copy of the repository and compares the results with the committed manifest.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets.config import Config

from analysis import paths
from analysis.progress import say

#: The Jupyter kernel the notebooks name: this environment's Python, registered under a
#: name that says which project it is for.
KERNEL_NAME = "city-education-plans"
KERNEL_DISPLAY_NAME = "Python 3 (city-education-plans)"
NOTEBOOK_TIMEOUT = 600  # seconds per cell; the slowest takes a few seconds


def kernel_config() -> Config:
    """Kernels started with CurveZMQ keys from their manager.

    jupyter_client leaves transport encryption off by default, so every kernel logged
    "Kernel is running over TCP without encryption" (ipykernel/kernelapp.py, init_sockets)
    to the terminal. The kernelspec that register_kernel writes declares
    ``supported_encryption: ["curve"]``; "required" makes the manager give it keys, and
    fails (rather than falls back to plain text) if a kernelspec ever stops declaring it.
    """
    config = Config()
    config.KernelManager.transport_encryption = "required"
    return config


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
    notebooks_dir: Path = paths.NOTEBOOKS_DIR,
    done: list[Path] | None = None,
    echo: Callable[[str], None] = say,
) -> list[Path]:
    """Execute every notebook in place, in reading order, with the project's kernel.

    Cells run with the notebook's folder as working directory, as in JupyterLab. An error
    in a cell stops the job and names the notebook. Says which notebook runs, k of n.
    """
    register_kernel()
    done = [] if done is None else done  # the caller's list tells how far a failure got
    notebooks = sorted(Path(notebooks_dir).glob("*.ipynb"))
    for k, path in enumerate(notebooks, start=1):
        echo(f"  notebook {k}/{len(notebooks)}: {path.stem}")
        nb = nbformat.read(path, as_version=4)
        runner = ExecutePreprocessor(
            timeout=NOTEBOOK_TIMEOUT,
            kernel_name=KERNEL_NAME,
            record_timing=False,
            config=kernel_config(),
        )
        runner.preprocess(nb, {"metadata": {"path": str(path.parent)}})
        nbformat.write(nb, path)
        done.append(path)
    return done


STEPS = ("build", "data package", "notebooks", "report", "manifest")


def run_main_job(echo: Callable[[str], None] = say, wait: bool = True) -> None:
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

    def step(name: str, doing: str) -> None:
        echo(f"[{STEPS.index(name) + 1}/{len(STEPS)}] {doing}")

    with open_outputs(write=[paths.CURATED_DIR], wait=wait):
        try:
            step("build", "build: reading the plans in data/raw into the database")
            echo(build(BuildConfig(wait=wait)).summary())
            published.append("build")
            step("data package", "data package: Parquet, datapackage.json, Excel workbook")
            echo(f"  {len(export_data_package())} files in {paths.CURATED_DIR}")
            published.append("data package")
            step("notebooks", "notebooks: executing each in place (they write figures/)")
            prepare_chart_font(echo)
            execute_notebooks(done=executed, echo=echo)
            published.append("notebooks")
            step("report", "report: rendering the notebooks as a static site")
            echo(f"  {build_report()}")
            published.append("report")
            step("manifest", "manifest: SHA-256 of every published output")
            manifest = write_manifest()
            published.append("manifest")
            echo(f"  {manifest.relative_to(paths.ROOT)}")
        except Exception as exc:
            failed = STEPS[len(published)]
            shown = list(published)
            if failed == "notebooks" and executed:  # each notebook is saved as it finishes
                shown.append(f"{len(executed)} notebooks (executed and saved in place)")
            raise MainJobFailed(failed, shown, list(STEPS[len(published) :]), exc) from exc


def prepare_chart_font(echo: Callable[[str], None] = say) -> None:
    """Convert the charts' Chinese font before the notebooks need it, saying so once.

    Done here rather than inside the first notebook's kernel, so that the ~25 s pause is
    announced in the job's output instead of passing in silence (or landing in a cell).
    """
    from analysis.charts.fonts import chinese_font_path

    chinese_font_path(announce=echo)
