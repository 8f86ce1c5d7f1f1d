"""A plan kept as LaTeX source ("\\documentclass{ctexart} … \\begin{document} … \\end{document}").

The views read it as its text: the preamble and "%" comments go (an editor's note is not
the plan); a command's name goes and its argument stays as text ("\\section{发展基础}",
"\\textbf{95\\%}"), but for commands whose arguments are layout or references ("\\label",
"\\vspace{2em}", "\\cmidrule(lr){3-4}", the first two of "\\multirow{2}{*}{…}" and
"\\multicolumn{2}{c}{…}"); a footnote ("\\footnote{…}") and a table note mark
("\\tnote{a}") go whole, as a web page's footnote references do; "\\%" reads "%",
"\\textgreater{}" ">", "~" a space; in a tabular, "&" is a "|" between cells (a
"\\multicolumn{n}" cell adds n - 1 empty ones) and "\\\\" ends the row. A line of markup
alone ("\\toprule", "\\begin{tabular}{clccc}") leaves no empty line. Math ("$\\geq 95$")
is latex_math.py's. The ledger says that the numbers left out are markup.
"""

from __future__ import annotations

import re

from analysis.markup_lines import inside, merged_spans, with_bare_line_ends

REASON = "inside LaTeX markup, a comment or a footnote"

_DOCUMENT = re.compile(r"\\documentclass|\\begin\{document\}")
_BEGIN = re.compile(r"\\begin\{document\}")
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_COMMAND = re.compile(r"\\([A-Za-z]+)\*?|\\([\\%&$#_{}~ ,;!])")
# commands whose arguments are no text: all of them dropped, with the command
_LAYOUT = {
    "label", "ref", "eqref", "pageref", "cite", "vspace", "hspace", "cmidrule", "cline",
    "setlength", "renewcommand", "newcommand", "usepackage", "documentclass", "begin", "end",
    "includegraphics", "footnote", "tnote", "bibliographystyle", "bibliography", "input",
    "include", "arraystretch", "setcounter", "addtocounter", "geometry", "pagestyle",
    "thispagestyle", "linespread", "fontsize", "newpage", "clearpage", "maketitle",
}  # fmt: skip
# commands whose leading arguments are layout and whose last is text
_LEADING = {"multirow": 2, "multicolumn": 2, "parbox": 1, "makebox": 1, "raisebox": 1}
_SYMBOLS = {
    "textgreater": ">",
    "textless": "<",
    "geq": "≥",
    "leq": "≤",
    "ge": "≥",
    "le": "≤",
    "textasciitilde": "~",
    "textbullet": "•",
    "ldots": "…",
    "dots": "…",
    "item": "• ",
}
_ESCAPED = {"%": "%", "&": "&", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", "~": "~"}
_BRACE = re.compile(r"(?<!\\)[{}]")
_TABULAR = re.compile(r"\\begin\{(?:tabular[x*]?|longtable|tabu|array)\}")
_TABULAR_END = re.compile(r"\\end\{(?:tabular[x*]?|longtable|tabu|array)\}")


def is_latex(work: str) -> bool:
    return _DOCUMENT.search(work, 0, 20000) is not None


def latex_source_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as}) of a LaTeX text."""
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    begin = _BEGIN.search(work)
    body = begin.end() if begin else 0
    if body:
        spans.append((0, body))  # the preamble: packages, geometry, the title's markup
    spans.extend(m.span() for m in _COMMENT.finditer(work, body))
    commented = merged_spans(spans)
    tables = [
        (m.end(), end.start() if (end := _TABULAR_END.search(work, m.end())) else len(work))
        for m in _TABULAR.finditer(work, body)
    ]
    for m in _COMMAND.finditer(work, body):
        if inside(commented, m.start()):
            continue
        name, symbol = m.group(1), m.group(2)
        if symbol is not None:
            if symbol == "\\":  # a line break; in a tabular the end of a row
                spans.append(m.span())
                if not work.startswith("\n", _skip_spaces(work, m.end())):
                    replaced[m.start()] = "\n"
            elif symbol in _ESCAPED:
                spans.append((m.start(), m.start() + 1))  # the backslash: "\%" reads "%"
            else:
                spans.append(m.span())
                replaced[m.start()] = " "
            continue
        end = m.end()
        if name in _LAYOUT or name in _LEADING:
            args = _arguments(work, end, None if name in _LAYOUT else _LEADING[name])
            if name in _LAYOUT and name in ("begin", "end"):
                args = args[:1]  # "\begin{tabular}{clccc}": the column spec goes below
                if name == "begin" and args:
                    args += _arguments(work, args[-1][1], None)
            drop_to = args[-1][1] if args else end
            spans.append((m.start(), drop_to))
            if name == "multicolumn" and args:
                n = work[args[0][0] + 1 : args[0][1] - 1].strip()
                text = _arguments(work, drop_to, 1)
                if n.isdigit() and text:
                    close = text[0][1] - 1
                    spans.append((text[0][0], text[0][0] + 1))
                    spans.append((close, close + 1))
                    replaced[close] = "|" * (int(n) - 1)
                    continue
            if name in _LEADING:  # the text argument's braces
                text = _arguments(work, drop_to, 1)
                if text:
                    spans.append((text[0][0], text[0][0] + 1))
                    spans.append((text[0][1] - 1, text[0][1]))
            continue
        spans.append((m.start(), end))
        if name in _SYMBOLS:
            replaced[m.start()] = _SYMBOLS[name]
    spans.extend(_braces(work, body, spans))
    for a, b in tables:
        _table_bars(work, a, b, commented, spans, replaced)
    return with_bare_line_ends(work, spans, replaced), replaced


def _table_bars(work, a, b, commented, spans, replaced) -> None:
    """A tabular's rows as "|"-bordered rows: "&" a bar, and a bar opening and closing each
    row ("\\\\"), so that an empty first cell (" & & 2020年 & 2025年 & \\\\") stays a cell."""
    starts = {s for s, _ in spans}
    pos = a
    while pos < b:
        end = work.find("\n", pos, b)
        end = b if end < 0 else end
        line = work[pos:end]
        if ("&" in line or "\\\\" in line) and not inside(
            commented, pos + len(line) - len(line.lstrip())
        ):
            first = pos + len(line) - len(line.lstrip())
            for i in range(first, end):
                if work[i] == "&" and work[i - 1] != "\\" and not inside(commented, i):
                    spans.append((i, i + 1))
                    replaced[i] = "|"
                elif work.startswith("\\\\", i) and i in starts:
                    replaced[i] = "|"
            if first in starts:
                replaced[first] = "|" + replaced.get(first, "")
            else:
                spans.append((first, first))
                replaced[first] = "|"
        pos = end + 1


def control_spans(work: str) -> list[tuple[int, int]]:
    """The raw spans of a LaTeX text's markup, comments and footnotes (for the ledger),
    sorted and apart."""
    if not is_latex(work):
        return []
    return merged_spans(latex_source_edits(work)[0])


def _skip_spaces(work: str, at: int) -> int:
    while at < len(work) and work[at] in " \t":
        at += 1
    return at


def _arguments(work: str, at: int, count: int | None) -> list[tuple[int, int]]:
    """The spans of the bracketed arguments ("{…}", "[…]", "(…)") right after `at`, at most
    `count` braced ones (all of them when None)."""
    args: list[tuple[int, int]] = []
    braced = 0
    while count is None or braced < count:
        i = _skip_spaces(work, at)
        if i >= len(work) or work[i] not in "{[(":
            break
        close = _closing(work, i)
        if close is None:
            break
        args.append((i, close + 1))
        braced += work[i] == "{"
        at = close + 1
    return args


def _closing(work: str, i: int) -> int | None:
    """The index of the bracket closing the one at i (nested ones counted), or None."""
    pair = {"{": "}", "[": "]", "(": ")"}[work[i]]
    opener, depth = work[i], 0
    for j in range(i, min(len(work), i + 4000)):
        ch = work[j]
        if ch == "\\":
            continue
        if ch == opener and work[j - 1] != "\\":
            depth += 1
        elif ch == pair and work[j - 1] != "\\":
            depth -= 1
            if depth == 0:
                return j
        elif ch == "\n" and opener != "{":
            return None
    return None


def _braces(work: str, body: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The grouping braces left in the text ("\\section{…}"'s, "{\\bfseries …}"), outside
    the spans already left out and outside math."""
    taken = merged_spans(spans)
    return [m.span() for m in _BRACE.finditer(work, body) if not inside(taken, m.start())]
