"""The HTML report's page shell: style sheet, sidebar, top navigation, Chinese text marked.

Every page is one self-contained file (inline CSS, no script) around a body that
``analysis.html_report`` renders. The style sheet loads the bundled Chinese font
(``analysis.report_font``) with ``@font-face`` and lists it after the Latin families, so
Han characters always come from it and never depend on the reader's fonts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape

from pygments.formatters import HtmlFormatter

from analysis.report_font import FAMILY, font_face_css

# Han characters, CJK punctuation and full-width forms: marked lang="zh-Hans" so that
# browsers pick Simplified Chinese glyphs inside the English pages
CJK_RUN = "[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+"
# tags, comments and raw-text elements are copied unchanged; only text between them is marked
MARKUP_OR_CJK = re.compile(
    r"(<!--.*?-->|<(script|style|textarea|title)\b.*?</\2\s*>|<[^>]*>)|(" + CJK_RUN + ")",
    re.DOTALL | re.IGNORECASE,
)
# the headings nbconvert writes: <h2 id="All-gaps">All gaps<a class="anchor-link" …>¶</a></h2>
HEADING_TAG = re.compile(r'<h([23])\s+id="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
ANCHOR_LINK = re.compile(r'<a class="anchor-link".*?</a>', re.DOTALL)

STYLE = f"""\
body {{ margin: 0; color: #1f2328; background: #fff; line-height: 1.5;
  font-family: system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", "{FAMILY}", sans-serif; }}
header {{ position: sticky; top: 0; z-index: 2; background: #f6f8fa;
  border-bottom: 1px solid #d0d7de; }}
header nav {{ padding: 0.5rem 1rem; display: flex; gap: 1.5rem; flex-wrap: wrap; }}
.layout {{ display: grid; grid-template-columns: 17rem minmax(0, 1fr); gap: 0 1.5rem; }}
nav.sidebar {{ position: sticky; top: 2.6rem; align-self: start; max-height: calc(100vh - 3rem);
  overflow-y: auto; padding: 1rem 0 2rem 1rem; font-size: 0.9rem; }}
nav.sidebar ol {{ padding-left: 1.2rem; margin: 0.2rem 0; }}
nav.sidebar li {{ margin: 0.15rem 0; }}
nav.sidebar a[aria-current] {{ font-weight: 600; color: #1f2328; }}
main {{ max-width: 72rem; min-width: 0; padding: 1rem 1rem 3rem 0; }}
@media (max-width: 50rem) {{
  .layout {{ display: block; }}
  nav.sidebar {{ position: static; max-height: none; border-bottom: 1px solid #d0d7de; }}
  main {{ padding-left: 1rem; }}
}}
a {{ color: #0550ae; }}
code, pre {{ font-family: ui-monospace, "DejaVu Sans Mono", "{FAMILY}", monospace;
  font-size: 0.9em; }}
pre {{ margin: 0; white-space: pre-wrap; }}
table {{ border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }}
th, td {{ border: 1px solid #d0d7de; padding: 0.2rem 0.45rem; vertical-align: top; }}
thead th {{ background: #f6f8fa; }}
td.number {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
td.missing {{ color: #59636e; font-style: italic; }}
.publication-table {{ border: 1px solid #d0d7de; margin: 0.5rem 0; }}
.publication-table table {{ margin: 0; }}
.publication-table thead th {{ position: sticky; top: 0; z-index: 1; min-width: 6rem; }}
/* the first column (the city, indicator or theme) stays in view while scrolling sideways */
.publication-table tbody td:first-child {{ position: sticky; left: 0; background: #fff;
  box-shadow: inset -1px 0 #d0d7de; }}
.publication-table thead th:first-child {{ left: 0; z-index: 2; }}
.publication-table td {{ max-width: 28rem; }}
.publication-table td:not(.number) {{ min-width: 9rem; }}
.undescribed {{ background: #fff8c5; }}
.table-scroll {{ overflow-x: auto; }}
.downloads {{ font-size: 0.85rem; color: #59636e; margin: 0.2rem 0 0; }}
figure.chart {{ margin: 0; }}
.cell {{ margin: 0.75rem 0; }}
.input_area {{ background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 4px;
  padding: 0.4rem 0.6rem; }}
.output_subarea {{ overflow-x: auto; padding: 0.4rem 0; }}
.output_subarea img {{ max-width: 100%; height: auto; }}
.output_stderr, .output_error {{ background: #ffebe9; border-left: 4px solid #cf222e;
  padding: 0.4rem 0.6rem; }}
a.anchor-link {{ visibility: hidden; margin-left: 0.3em; text-decoration: none; }}
h1:hover a.anchor-link, h2:hover a.anchor-link, h3:hover a.anchor-link {{ visibility: visible; }}
ol.notebooks li {{ margin-bottom: 0.6rem; }}
ol.notebooks p {{ margin: 0.1rem 0 0; }}
.source {{ color: #59636e; font-size: 0.9rem; }}
#conflicts tbody {{ border-top: 2px solid #59636e; }}
#conflicts tr.preferred {{ font-weight: 600; }}
"""


@dataclass(frozen=True)
class Entry:
    """One page in the sidebar: its file, title and sections (anchor id, title)."""

    page: str
    title: str
    sections: tuple[tuple[str, str], ...]


def sections(body: str) -> tuple[tuple[str, str], ...]:
    """The h2/h3 headings of a rendered body as (anchor id, plain title)."""
    found = []
    for match in HEADING_TAG.finditer(body):
        title = re.sub(r"<[^>]+>", "", ANCHOR_LINK.sub("", match.group(3)))
        found.append((unescape(match.group(2)), unescape(title).strip()))
    return tuple(found)


def sidebar(entries: list[Entry], current: str) -> str:
    """Every page in reading order; the current one marked and its sections listed."""
    items = []
    for entry in entries:
        mark = ' aria-current="page"' if entry.page == current else ""
        item = f'<li><a href="{escape(entry.page)}"{mark}>{escape(entry.title)}</a>'
        if entry.page == current and entry.sections:
            links = "".join(
                f'<li><a href="#{escape(anchor)}">{escape(title)}</a></li>'
                for anchor, title in entry.sections
            )
            item += f"<ol>{links}</ol>"
        items.append(item + "</li>")
    return '<nav class="sidebar" aria-label="contents"><ol>' + "\n".join(items) + "</ol></nav>\n"


def page(title: str, body: str, navigation: str, side: str, font_url: str) -> str:
    """A complete HTML page (inline style sheet, the bundled font loaded from font_url)."""
    style = (
        font_face_css(font_url)
        + STYLE
        + HtmlFormatter(style="default").get_style_defs(".highlight")
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{style}\n</style>\n</head>\n<body>\n"
        f'{navigation}<div class="layout">\n{mark_chinese(side)}<main>\n{mark_chinese(body)}\n'
        "</main>\n</div>\n</body>\n</html>\n"
    )


def mark_chinese(html: str) -> str:
    """Wrap each run of Chinese text (not markup) in <span lang="zh-Hans">."""

    def replace(match: re.Match) -> str:
        if match.group(1):
            return match.group(1)
        return f'<span lang="zh-Hans">{match.group(3)}</span>'

    return MARKUP_OR_CJK.sub(replace, html)
