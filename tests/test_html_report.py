"""The HTML report: a page per notebook, an index, offline, deterministic, sound in a browser.

The browser tests drive Debian's chromium through Playwright (never a downloaded browser).
The lookup is ``CHROMIUM_PATH`` if set, else ``shutil.which("chromium")``, else
``/usr/bin/chromium``; without an executable there they are skipped, and everything else
still runs (``CHROMIUM_PATH=/nonexistent`` shows the skip).
"""

from __future__ import annotations

import base64
import csv
import functools
import inspect
import io
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape, unescape
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import matplotlib
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from PIL import Image
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from analysis import metrics, paths
from analysis.figure_descriptions import published_descriptions
from analysis.html_report import INDEX, build_report
from analysis.report_font import FAMILY, FONT_PATH
from analysis.report_outputs import NO_DESCRIPTION

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb"))
PAGES = [f"{nb.stem}.html" for nb in NOTEBOOKS]
CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_CHROMIUM = (
    "Chromium not found: install Debian's chromium package (apt-get install chromium) "
    "to run the HTML report test in a browser"
)
# What nbconvert's basic template (classic/base.html.j2) emits for an output of type
# error and for a stderr stream.
ERROR_OUTPUTS = ".output_error, .output_stderr"


@pytest.fixture(scope="module")
def database(built) -> Path:
    _, out = built
    return out / "plans.duckdb"


@pytest.fixture(scope="module")
def site(tmp_path_factory, database) -> Path:
    return build_report(tmp_path_factory.mktemp("site") / "report", database=database).parent


# ---------------------------------------------------------------- reading the HTML


class Scan(HTMLParser):
    """What a page references and links to, and the rows of its conflicts table."""

    def __init__(self, text: str):
        super().__init__()
        self.resources: list[str] = []  # src of any element, href of <link>
        self.links: list[str] = []  # href of <a>
        self.listed: list[str] = []  # href of <a> in the index's list of notebooks
        self._in_list = False
        self.conflict_rows = 0
        self._in_conflicts = False
        self._in_body = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "src" in attrs:
            self.resources.append(attrs["src"])
        if tag == "link" and "href" in attrs:
            self.resources.append(attrs["href"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
            if self._in_list:
                self.listed.append(attrs["href"])
        if tag == "ol" and attrs.get("class") == "notebooks":
            self._in_list = True
        if tag == "table":
            self._in_conflicts = attrs.get("id") == "conflicts"
        self._in_body = self._in_body or (self._in_conflicts and tag == "tbody")
        if self._in_conflicts and self._in_body and tag == "tr":
            self.conflict_rows += 1

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_body = False
        if tag == "table":
            self._in_conflicts = False
        if tag == "ol":
            self._in_list = False


def scan(path: Path) -> Scan:
    return Scan(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- fast checks


def files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def test_every_notebook_has_a_page(site):
    assert sorted(p.name for p in site.glob("*.html")) == sorted([*PAGES, INDEX])
    assert (site / FONT_PATH).read_bytes()[:4] == b"wOF2"


def test_index_links_to_every_page_in_reading_order(site):
    index = scan(site / INDEX)
    assert index.listed == PAGES
    assert {href for href in index.links if not href.startswith("#")} == {
        INDEX,
        *PAGES,
        "index.conflicts.csv",
    }


def test_pages_link_to_the_index_and_their_neighbours(site):
    for i, page in enumerate(PAGES):
        links = scan(site / page).links
        neighbours = PAGES[max(i - 1, 0) : i] + PAGES[i + 1 : i + 2]
        assert INDEX in links and all(n in links for n in neighbours), page


def test_no_page_references_anything_outside_the_site(site):
    for page in site.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        for ref in scan(page).resources:
            assert not re.match(r"(https?:)?//", ref, re.IGNORECASE), (page.name, ref)
            assert ref.startswith("data:image/png;base64,"), (page.name, ref[:80])
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", text), page.name
        # everything else a page names (links, downloads, the font) is a file of the site
        named = [*scan(page).links, *re.findall(r'url\("([^"]+)"\)', text)]
        local = {ref.split("#")[0] for ref in named if not ref.startswith(("#", "data:"))}
        assert all((site / ref).is_file() for ref in local), (page.name, local)


def test_every_chart_says_what_it_shows_and_offers_its_files(site, database):
    descriptions = set(published_descriptions(database).values())
    charts = 0
    for page in PAGES:
        text = (site / page).read_text(encoding="utf-8")
        for figure in re.findall(r'<figure class="chart">.*?</figure>', text, re.DOTALL):
            charts += 1
            alt = re.search(r'alt="([^"]*)"', figure).group(1)
            alt = re.sub(r"</?span[^>]*>", "", unescape(alt))
            assert alt in descriptions and alt != NO_DESCRIPTION, (page, alt[:80])
            links = re.findall(r'<a [^>]*href="(figures/[^"]+)"[^>]*>(PNG|SVG|PDF)<', figure)
            assert [label for _, label in links] == ["PNG", "SVG", "PDF"], (page, links)
        assert "<img" not in re.sub(
            r'<figure class="chart">.*?</figure>', "", text, flags=re.DOTALL
        )
    assert charts == len(descriptions)


def test_every_table_offers_its_csv(site):
    """Each table links to a CSV beside its page with the same headers and every row."""
    for page in PAGES:
        text = re.sub(r"</?span[^>]*>", "", (site / page).read_text(encoding="utf-8"))
        tables = re.findall(
            r'<div class="publication-table".*?</table>\s*</div>\s*<p class="downloads">'
            r'Download this table: <a [^>]*href="([^"]+\.csv)"[^>]*>CSV</a>',
            text,
            re.DOTALL,
        )
        assert tables and len(tables) == text.count('<div class="publication-table"'), page
        for match in re.finditer(r'<div class="publication-table".*?</table>', text, re.DOTALL):
            name = tables.pop(0)
            data = (site / name).read_bytes()
            assert data.startswith(b"\xef\xbb\xbf"), name  # a BOM: Excel reads it as UTF-8
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
            heads = [unescape(h) for h in re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", match.group(0))]
            assert rows[0] == heads, name
            assert len(rows) - 1 == match.group(0).count("<tr>") - 1, name


def test_every_page_has_a_sidebar_of_pages_and_its_sections(site):
    for page in [INDEX, *PAGES]:
        text = (site / page).read_text(encoding="utf-8")
        sidebar = re.search(r'<nav class="sidebar".*?</nav>', text, re.DOTALL).group(0)
        hrefs = re.findall(r'href="([^"#][^"]*)"', sidebar)
        assert hrefs == [INDEX, *PAGES], page
        assert f'href="{page}" aria-current="page"' in sidebar
        anchors = re.findall(r'href="#([^"]+)"', sidebar)
        assert anchors, page
        assert all(f'id="{unescape(a)}"' in text for a in anchors), page


def test_pages_declare_utf8_and_mark_chinese_text(site):
    for page in site.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert text.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
        body = text[text.index("<body>") :]
        # an attribute cannot hold a <span lang>: a chart's alt text quotes Chinese terms
        # (the distinctive vocabulary) as they are, and is checked against its description
        body = re.sub(r'<img [^>]*alt="[^"]*"', "<img", body)
        unmarked = re.sub(r'<span lang="zh-Hans">[^<]*</span>', "", body)
        assert not CJK.search(unmarked), page.name
    assert '<span lang="zh-Hans">学前毛入园率</span>' in (site / INDEX).read_text(encoding="utf-8")


def test_index_lists_every_conflicting_observation(site, db):
    rows = db.execute(
        "SELECT quote FROM observations WHERE conflict_id IS NOT NULL ORDER BY quote"
    ).fetchall()
    assert len(rows) > 0
    assert scan(site / INDEX).conflict_rows == len(rows)
    index = re.sub(r"</?span[^>]*>", "", (site / INDEX).read_text(encoding="utf-8"))
    assert all(f"<td>{escape(quote)}</td>" in index for (quote,) in rows)


def test_the_conflicts_table_offers_every_observation_as_csv(site, db):
    assert 'href="index.conflicts.csv"' in (site / INDEX).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO((site / "index.conflicts.csv").read_text("utf-8-sig"))))
    quotes = db.execute("SELECT quote FROM observations WHERE conflict_id IS NOT NULL").fetchall()
    assert sorted(r["原文 Quote"] for r in rows) == sorted(q for (q,) in quotes)


def test_index_gives_the_metric_definitions_from_the_code(site):
    index = (site / INDEX).read_text(encoding="utf-8")
    formulas = re.findall(r"``(.+?)``", inspect.getdoc(metrics))
    assert "implied_2022 = baseline + (target - baseline) * 2 / 5" in formulas
    assert all(f"<code>{escape(f, quote=False)}</code>" in index for f in formulas)
    assert '<h2 id="definitions">Definitions</h2>' in index and "preferred observation" in index


def test_two_builds_are_byte_identical(tmp_path, database):
    a = build_report(tmp_path / "a", database=database).parent
    b = build_report(tmp_path / "b", database=database).parent
    assert files(a) == files(b)
    assert FONT_PATH in files(a) and any(name.endswith(".csv") for name in files(a))


def test_a_failed_build_leaves_the_previous_report(tmp_path, database):
    out = tmp_path / "report"
    build_report(out, database=database)
    before = files(out)
    broken = tmp_path / "notebooks"
    broken.mkdir()
    (broken / "01_broken.ipynb").write_text("{not json", encoding="utf-8")
    with pytest.raises(nbformat.reader.NotJSONError):
        build_report(out, notebooks_dir=broken, database=database)
    assert files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks", "report"]


def test_a_rebuild_replaces_the_previous_report(tmp_path, database):
    out = tmp_path / "report"
    build_report(out, database=database)
    (out / "stale.html").write_text("from an earlier build", encoding="utf-8")
    build_report(out, database=database)
    assert sorted(p.name for p in out.glob("*.html")) == sorted([*PAGES, INDEX])
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


# ---------------------------------------------------------------- in a browser


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if os.access(candidate, os.X_OK) else None


@pytest.fixture(scope="module")
def driver():
    """One Playwright driver for the module's browsers (a second one cannot start)."""
    if chromium_path() is None:
        pytest.skip(NO_CHROMIUM)
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def browser(driver):
    chromium = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        """Requests are not logged: the browser check reports every failed one itself."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a directory on localhost (over http a missing file is a 404 the check sees)."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def browser_problems(browser, site: Path) -> list[str]:
    """Open the index, follow every notebook link, and describe everything that went wrong."""
    problems: list[str] = []
    with serve(site) as base:
        context = browser.new_context()
        try:
            context.route("**/*", functools.partial(_only_local, base=base, problems=problems))
            page = context.new_page()
            _record_page_errors(page, problems)
            index = urljoin(base, INDEX)
            problems += _check_page(page, index)
            hrefs = page.eval_on_selector_all(
                "ol.notebooks a", "links => links.map(a => a.getAttribute('href'))"
            )
            if not hrefs:
                problems.append("index: no notebook links")
            for href in hrefs:
                problems += _check_page(page, urljoin(index, href))
        finally:
            context.close()
    return problems


def _only_local(route, base: str, problems: list[str]) -> None:
    """Let requests to the local server through; any other request is a problem."""
    if route.request.url.startswith(base):
        route.continue_()
    else:
        problems.append(f"external request: {route.request.url}")
        route.abort()


def _record_page_errors(page, problems: list[str]) -> None:
    def on_console(message):
        if message.type == "error":
            problems.append(f"{page.url}: console error: {message.text}")

    def on_response(response):
        if not response.ok:
            problems.append(f"{response.url}: HTTP {response.status}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: page error: {error}"))
    page.on("requestfailed", lambda r: problems.append(f"{r.url}: failed request: {r.failure}"))
    page.on("response", on_response)


def _check_page(page, url: str) -> list[str]:
    name = url.rsplit("/", 1)[-1]
    try:
        response = page.goto(url, wait_until="load")
    except PlaywrightError as error:
        return [f"{name}: navigation failed: {error}"]
    problems = [] if response and response.ok else [f"{name}: did not load"]
    # the web font loads after "load"; leaving the page before it has loaded aborts the
    # request (net::ERR_ABORTED, seen under load) and hides whether the font is served
    page.evaluate("document.fonts.ready.then(() => document.fonts.size)")
    broken = page.eval_on_selector_all(
        "img", "imgs => imgs.filter(i => !(i.complete && i.naturalWidth > 0)).length"
    )
    problems += [f"{name}: broken image"] * broken
    for text in page.locator(ERROR_OUTPUTS).all_inner_texts():
        problems.append(f"{name}: error cell: {text.strip()[:200]}")
    return problems


def test_the_report_opens_cleanly_in_chromium(browser, site):
    assert browser_problems(browser, site) == []


def crafted_site(tmp_path: Path, database: Path, output) -> Path:
    """A one-notebook report whose only code cell has the given output."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    cell = new_code_cell("crafted()", execution_count=1, outputs=[output])
    notebook = new_notebook(
        cells=[new_markdown_cell("# Crafted\n\n**What this answers:** can the check fail?"), cell]
    )
    nbformat.write(notebook, notebooks / "01_crafted.ipynb")
    return build_report(tmp_path / "report", notebooks_dir=notebooks, database=database).parent


# the PNG signature followed by bytes that are no PNG chunk: valid base64, undecodable image
CORRUPT_PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"not a png chunk" * 8).decode()


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (new_output("error", ename="ValueError", evalue="boom", traceback=["boom"]), "error cell"),
        (new_output("stream", name="stderr", text="a warning\n"), "error cell"),
        (new_output("display_data", data={"image/png": CORRUPT_PNG}), "broken image"),
    ],
    ids=["error-output", "stderr-stream", "corrupt-png"],
)
def test_the_browser_check_reports_a_bad_page(browser, tmp_path, database, output, expected):
    problems = browser_problems(browser, crafted_site(tmp_path, database, output))
    assert len(problems) == 1 and problems[0].startswith(f"01_crafted.html: {expected}"), problems


# ---------------------------------------------------------------- Chinese, not tofu


# matplotlib's own copy of DejaVu Sans: a Latin font every install of the project has
LATIN_ONLY_FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
GLYPH_SIZE_PX = 40
# the bundled font's request is aborted: what a reader without it would see
FONT_REQUEST = "**/*.woff2"


def fontconfig_without_system_fonts(directory: Path) -> dict[str, str]:
    """Environment for a browser whose fontconfig knows one Latin-only font and nothing
    else, so no Chinese font installed on this machine can stand in for the bundled one."""
    fonts = directory / "fonts"
    fonts.mkdir()
    shutil.copy(LATIN_ONLY_FONT, fonts)
    conf = directory / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{escape(str(fonts))}</dir>"
        f"<cachedir>{escape(str(directory / 'cache'))}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


@pytest.fixture(scope="module")
def bare_browser(driver, tmp_path_factory):
    """Chromium on a machine without any Chinese font (fontconfig isolated)."""
    env = fontconfig_without_system_fonts(tmp_path_factory.mktemp("fontconfig"))
    if shutil.which("fc-list"):  # the isolation itself is checked, where fontconfig can say
        chinese = subprocess.run(
            ["fc-list", ":lang=zh"], env=env, capture_output=True, text=True, check=True
        )
        assert chinese.stdout.strip() == ""
    chromium = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, env=env)
    yield chromium
    chromium.close()


def chinese_rendering(browser, site: Path, page_name: str, block_font: bool) -> dict:
    """Screenshots of real Chinese text of a page: the first Chinese table header and
    heading-sized copies of each distinct character of the page's first Chinese runs."""
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            if block_font:
                context.route(FONT_REQUEST, lambda route: route.abort())
            page = context.new_page()
            page.goto(urljoin(base, page_name), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            loaded = page.evaluate("f => document.fonts.check(`16px \"${f}\"`, '城')", FAMILY)
            cell = page.locator('th span[lang="zh-Hans"]').first
            header_shot = cell.screenshot()
            text = "".join(page.locator('main span[lang="zh-Hans"]').all_inner_texts())
            characters = list(dict.fromkeys(ch for ch in text if CJK.match(ch)))[:12]
            page.evaluate(
                """([chars, size]) => {
                    const probe = document.createElement('div');
                    probe.id = 'glyph-probe';
                    probe.lang = 'zh-Hans';
                    for (const ch of chars) {
                        const s = document.createElement('span');
                        s.textContent = ch;
                        s.style.cssText = `display:inline-block;font-size:${size}px;` +
                            'line-height:1.2;padding:2px;background:#fff;color:#000';
                        probe.appendChild(s);
                    }
                    document.querySelector('main').prepend(probe);
                }""",
                [characters, GLYPH_SIZE_PX],
            )
            glyphs = [s.screenshot() for s in page.locator("#glyph-probe span").all()]
        finally:
            context.close()
    return {"loaded": loaded, "header": header_shot, "characters": characters, "glyphs": glyphs}


def pixels(png: bytes) -> bytes:
    with Image.open(io.BytesIO(png)) as image:
        return image.convert("L").tobytes()


def tofu(rendering: dict) -> str | None:
    """Why the Chinese text did not render as glyphs, or None when it did: blank cells, or
    distinct characters drawn as identical bitmaps (the same empty box for each)."""
    bitmaps = [pixels(g) for g in rendering["glyphs"]]
    if len(bitmaps) < 2:
        return "fewer than two Chinese characters on the page"
    blank = [ch for ch, b in zip(rendering["characters"], bitmaps, strict=True) if len(set(b)) == 1]
    if blank:
        return f"nothing drawn for {''.join(blank)}"
    if len(set(bitmaps)) < len(bitmaps):
        return f"{len(bitmaps)} distinct characters drawn as {len(set(bitmaps))} distinct bitmaps"
    return None


@pytest.mark.parametrize("page_name", [INDEX, PAGES[2]], ids=["index", "gaps"])
def test_chinese_renders_with_the_bundled_font_on_a_machine_without_chinese_fonts(
    bare_browser, site, page_name
):
    shown = chinese_rendering(bare_browser, site, page_name, block_font=False)
    without_font = chinese_rendering(bare_browser, site, page_name, block_font=True)
    assert shown["loaded"] and not without_font["loaded"]
    assert tofu(shown) is None, tofu(shown)
    # the check can fail: without the bundled font this machine draws tofu
    assert tofu(without_font) is not None
    assert pixels(shown["header"]) != pixels(without_font["header"])


def test_a_figure_without_a_description_is_said_on_the_index(tmp_path, database):
    image = base64.b64encode(LATIN_ONLY_FONT.read_bytes()[:64]).decode()
    site = crafted_site(tmp_path, database, new_output("display_data", data={"image/png": image}))
    page = (site / "01_crafted.html").read_text(encoding="utf-8")
    assert f'alt="{escape(NO_DESCRIPTION)}"' in page or f"alt='{NO_DESCRIPTION}'" in page
    index = (site / INDEX).read_text(encoding="utf-8")
    assert "What this report could not show" in index
    assert "01_crafted: a figure without a description (not saved)" in index
