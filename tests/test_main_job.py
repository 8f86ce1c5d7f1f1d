"""The main job says what it is doing and how far; no kernel transport warning."""

from __future__ import annotations

import nbformat
import pytest

from analysis import main_job, paths, reproduce
from analysis.charts import fonts

WARNING = "without encryption"


def fake_steps(monkeypatch, notebooks=("01_a", "02_b", "03_c")):
    """Every step of the main job replaced by a stand-in that only reports."""
    import analysis.build
    import analysis.data_package
    import analysis.html_report
    import analysis.reproduce

    class Built:
        def summary(self):
            return "built: 5 plans"

    def execute(done, echo):
        for k, name in enumerate(notebooks, start=1):
            echo(f"  notebook {k}/{len(notebooks)}: {name}")
            done.append(paths.NOTEBOOKS_DIR / f"{name}.ipynb")
        return done

    monkeypatch.setattr(analysis.build, "build", lambda _config: Built())
    monkeypatch.setattr(analysis.data_package, "export_data_package", lambda: ["a", "b"])
    monkeypatch.setattr(main_job, "execute_notebooks", execute)
    monkeypatch.setattr(main_job, "prepare_chart_font", lambda echo: echo("font ready"))
    monkeypatch.setattr(analysis.html_report, "build_report", lambda: "build/report/index.html")
    monkeypatch.setattr(
        analysis.reproduce, "write_manifest", lambda: paths.ROOT / "data/curated/manifest.sha256"
    )


def test_the_main_job_numbers_its_steps(monkeypatch):
    fake_steps(monkeypatch)
    lines: list[str] = []
    main_job.run_main_job(echo=lines.append, wait=False)
    assert lines == [
        "[1/5] build: reading the plans in data/raw into the database",
        "built: 5 plans",
        "[2/5] data package: Parquet, datapackage.json, Excel workbook",
        f"  2 files in {paths.CURATED_DIR}",
        "[3/5] notebooks: executing each in place (they write figures/)",
        "font ready",
        "  notebook 1/3: 01_a",
        "  notebook 2/3: 02_b",
        "  notebook 3/3: 03_c",
        "[4/5] report: rendering the notebooks as a static site",
        "  build/report/index.html",
        "[5/5] manifest: SHA-256 of every published output",
        "  data/curated/manifest.sha256",
    ]


def test_the_cli_prints_the_steps_as_they_happen(monkeypatch, capsys):
    from analysis.cli import main

    fake_steps(monkeypatch)
    assert main(["all"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in out if line.startswith("[")] == [
        f"[{k}/5] {step}" for k, step in enumerate(main_job.STEPS, start=1)
    ]
    assert "  notebook 3/3: 03_c" in out


def tiny_notebook(path, code: str) -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": main_job.KERNEL_NAME, "display_name": "x"}
    nbformat.write(nb, path)


def test_notebooks_run_k_of_n_with_an_encrypted_kernel_and_no_warning(tmp_path, capfd):
    """The kernels are real: their stderr is this process's, so capfd sees any warning."""
    tiny_notebook(tmp_path / "01_first.ipynb", "print(1 + 1)")
    tiny_notebook(tmp_path / "02_second.ipynb", "print('二')")
    lines: list[str] = []
    done = main_job.execute_notebooks(tmp_path, echo=lines.append)
    assert lines == ["  notebook 1/2: 01_first", "  notebook 2/2: 02_second"]
    assert [p.name for p in done] == ["01_first.ipynb", "02_second.ipynb"]
    outputs = [nbformat.read(p, as_version=4).cells[0].outputs[0].text for p in done]
    assert outputs == ["2\n", "二\n"]
    captured = capfd.readouterr()
    assert WARNING not in captured.err + captured.out


def test_the_kernel_config_asks_for_encryption():
    assert main_job.kernel_config().KernelManager.transport_encryption == "required"


@pytest.mark.parametrize("cached", [False, True])
def test_the_font_conversion_is_announced_once_and_only_when_it_runs(tmp_path, monkeypatch, cached):
    source = fonts.source_font_path()
    if cached:
        (tmp_path / fonts._cache_name(source)).write_bytes(b"converted before")
    monkeypatch.setattr(fonts, "convert_to_truetype", lambda _src, tmp: tmp.write_bytes(b"ttf"))
    heard: list[str] = []
    first = fonts.chinese_font_path(tmp_path, announce=heard.append)
    again = fonts.chinese_font_path(tmp_path, announce=heard.append)
    assert first == again and first.is_file()
    assert heard == ([] if cached else ["converting the CJK font for charts (once, ~25 s)"])


def test_reproduce_says_its_stages(tmp_path, monkeypatch):
    ran = []
    real_run = reproduce.subprocess.run

    def run(args, **kwargs):  # git really runs; the main job in the copy only is recorded
        if args[0] == "git":
            return real_run(args, **kwargs)
        ran.append(args)

    monkeypatch.setattr(reproduce.subprocess, "run", run)
    monkeypatch.setattr(reproduce, "compare", lambda _root, _manifest: [])
    lines: list[str] = []
    assert reproduce.reproduce(keep=tmp_path / "copy", echo=lines.append) == []
    assert [line.split(":")[0] for line in lines] == [
        "reproduce 1/3",
        "reproduce 2/3",
        "reproduce 3/3",
    ]
    assert ran and ran[0][-2:] == ["analysis", "all"]


def test_the_default_announcement_goes_to_the_terminal_not_to_stdout(tmp_path, monkeypatch, capfd):
    """An export's first chart (no announce given) tells the terminal why it pauses."""
    monkeypatch.setattr(fonts, "convert_to_truetype", lambda _src, tmp: tmp.write_bytes(b"ttf"))
    fonts.chinese_font_path(tmp_path)
    captured = capfd.readouterr()
    assert captured.err == fonts.CONVERTING_MESSAGE + "\n"
    assert captured.out == ""
