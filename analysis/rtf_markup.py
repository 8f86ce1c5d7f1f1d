"""A plan saved as raw RTF source ("{\\rtf1\\ansi\\ansicpg936 …"), as a word processor writes it.

The views read it as its text: control words ("\\pard", "\\fs32", "\\cellx3600") and the
braces of groups go; the destinations that are not text (the font and colour tables,
"{\\*\\generator …}", pictures) go whole; "\\u8805?" reads as the character it encodes (its
fallback character after it goes too), "\\'cb\\'ce" as its bytes in the document's code page;
"\\par", "\\line" and "\\row" end a line, "\\tab" is a tab and "\\cell" a "|" between the
cells of a table row. A line of control words alone ("\\trowd\\trgaph108\\cellx3600 …")
leaves no empty line. Every other character keeps its raw offset, so a number split by a
formatting group ("9{\\b 0}.6%") reads as one, and the ledger says that the numbers of the
control words are markup.
"""

from __future__ import annotations

import re

from analysis.markup_lines import merged_spans, with_bare_line_ends

REASON = "inside an RTF control word"

_START = re.compile(r"\s*\{\\rtf\d?")
# a control word with its parameter and the one space that ends it, a control symbol, a
# brace, or an escaped character
_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|[{}]")
# destinations that hold no text of the document
_SKIPPED = {
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "xmlnstbl",
    "header",
    "footer",
    "headerl",
    "headerr",
    "footerl",
    "footerr",
}
_BREAKS = {"par": "\n", "line": "\n", "row": "\n", "page": "\n", "sect": "\n"}
_INLINE = {"tab": "\t", "cell": "|", "emdash": "—", "endash": "–", "bullet": "•"}
_INLINE.update(lquote="‘", rquote="’", ldblquote="“", rdblquote="”")
_SYMBOLS = {"~": " ", "_": "-", "\\": "\\", "{": "{", "}": "}"}


def is_rtf(work: str) -> bool:
    return work.startswith("{\\rtf") or _START.match(work[:64]) is not None


def rtf_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as}) of an RTF text."""
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    codepage = _codepage(work)
    skip_depth = 0  # > 0 inside a destination left out whole
    depth = 0
    fallback = 1  # characters after "\uN" that stand in for it (\ucN)
    pending: list[tuple[int, int, int]] = []  # "\'hh" escapes in a row: (start, end, byte)
    for m in _TOKEN.finditer(work):
        if pending and m.start() != pending[-1][1]:
            _flush(pending, codepage, spans, replaced)
        word, param, hexbyte, symbol = m.groups()
        text = m.group()
        if text == "{":
            depth += 1
            nxt = _TOKEN.match(work, m.end())
            if (
                not skip_depth
                and nxt is not None
                and (nxt.group(4) == "*" or (nxt.group(1) or "") in _SKIPPED)
            ):
                skip_depth = depth
                skip_start = m.start()
            elif not skip_depth:
                spans.append(m.span())
            continue
        if text == "}":
            if skip_depth and depth == skip_depth:
                spans.append((skip_start, m.end()))
                skip_depth = 0
            elif not skip_depth:
                spans.append(m.span())
            depth -= 1
            continue
        if skip_depth:
            continue
        if hexbyte is not None:
            pending.append((m.start(), m.end(), int(hexbyte, 16)))
            continue
        if symbol is not None:
            spans.append(m.span())
            if symbol in _SYMBOLS:
                replaced[m.start()] = _SYMBOLS[symbol]
            elif symbol in "\n\r":
                replaced[m.start()] = "\n"
            continue
        end = m.end()
        if word == "uc" and param is not None:
            fallback = int(param)
        elif word == "u" and param is not None:
            end = _after_fallback(work, end, fallback)
            code = int(param) + (65536 if int(param) < 0 else 0)
            replaced[m.start()] = chr(code) if code < 0x110000 else "\ufffd"
        elif word in _BREAKS:
            if not work.startswith("\n", end) and not work.startswith("\n", m.end() - 1):
                replaced[m.start()] = "\n"
        elif word in _INLINE:
            replaced[m.start()] = _INLINE[word]
        spans.append((m.start(), end))
    if pending:
        _flush(pending, codepage, spans, replaced)
    return with_bare_line_ends(work, spans, replaced), replaced


def control_spans(work: str) -> list[tuple[int, int]]:
    """The raw spans of an RTF text's markup (for the ledger), sorted and apart: what the
    views leave out, the escapes ("\\u8805?") with it."""
    if not is_rtf(work):
        return []
    return merged_spans(rtf_edits(work)[0])


def _codepage(work: str) -> str:
    m = re.search(r"\\ansicpg(\d+)", work[:2000])
    name = f"cp{m.group(1)}" if m else "cp1252"
    return "gb18030" if name == "cp936" else name


def _after_fallback(work: str, at: int, count: int) -> int:
    """The end of the `count` characters after "\\uN" that stand in for it."""
    for _ in range(count):
        if work.startswith("\\'", at):
            at += 4
        elif at < len(work) and work[at] not in "\\{}\n":
            at += 1
    return at


def _flush(pending, codepage, spans, replaced) -> None:
    """A run of "\\'hh" escapes: its bytes decoded in the code page, at its first escape."""
    data = bytes(b for _, _, b in pending)
    try:
        text = data.decode(codepage)
    except (UnicodeDecodeError, LookupError):
        text = data.decode("latin-1")
    spans.append((pending[0][0], pending[-1][1]))
    replaced[pending[0][0]] = text
    pending.clear()
