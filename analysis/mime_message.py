"""A plan that came as an e-mail's raw source (an .eml file, "查看邮件源码"): RFC 822
headers, MIME parts split by a boundary, bodies in quoted-printable or base64.

The views read what a mail client shows: the message's and the parts' headers and the
boundary lines go; a quoted-printable body reads decoded ("=E5=AD=A6" is 学, "=3D" is "=",
a soft line break "=" at a line's end joins the two lines, even inside a number:
"47.=⏎3" reads 47.3); a base64 body reads decoded too, each character mapped to the raw
characters its bytes start in. Of a multipart/alternative, the plain-text part is the
message and the others (the same text as HTML) go, as a client shows one of them. The
ledger says that the numbers left out are the message's structure."""

from __future__ import annotations

import base64
import binascii
import re

REASON = "the e-mail's structure (headers, boundaries, encoding, an alternative part)"

_HEADER_LINE = re.compile(r"[A-Za-z][A-Za-z0-9-]{1,40}:[^\n]*\n(?:[ \t][^\n]*\n)*")
_BOUNDARY = re.compile(r"boundary\s*=\s*\"?([^\";\s]+)\"?", re.I)
_CONTENT_TYPE = re.compile(r"^content-type:\s*([\w.+-]+/[\w.+-]+)", re.I | re.M)
_ENCODING = re.compile(r"^content-transfer-encoding:\s*([\w-]+)", re.I | re.M)
_ONE_ESCAPE = re.compile(r"=[0-9A-F]{2}")
_ESCAPE_RUN = re.compile(r"(?:=[0-9A-F]{2}|=[ \t]*\r?\n)+")


def is_mime(work: str) -> bool:
    if work.find("Content-Type:", 0, 20000) < 0 and work.find("content-type:", 0, 20000) < 0:
        return False
    head = _headers_end(work, 0)
    return head > 0 and _CONTENT_TYPE.search(work, 0, head) is not None


def mime_edits(work: str) -> tuple[list[tuple[int, int]], dict[int, str]]:
    """(raw spans the views leave out, {span start: the text it reads as})."""
    spans: list[tuple[int, int]] = []
    replaced: dict[int, str] = {}
    _entity(work, 0, len(work), spans, replaced)
    return sorted(spans), replaced


def _headers_end(work: str, start: int) -> int:
    """The end of the header block opening at `start` (after its empty line), or -1."""
    pos = start
    while True:
        m = _HEADER_LINE.match(work, pos)
        if m is None:
            break
        pos = m.end()
    if pos == start or not (work.startswith("\n", pos) or work.startswith("\r\n", pos)):
        return -1
    return work.index("\n", pos) + 1


def _entity(work, start, end, spans, replaced) -> None:
    """Edits for the entity (message or part) work[start:end]: its headers, then its body."""
    head = _headers_end(work, start)
    if head < 0:
        return
    spans.append((start, head))
    headers = work[start:head]
    kind = _CONTENT_TYPE.search(headers)
    kind = kind.group(1).lower() if kind else "text/plain"
    if kind.startswith("multipart/"):
        boundary = _BOUNDARY.search(headers)
        if boundary:
            _multipart(work, head, end, boundary.group(1), kind, spans, replaced)
        return
    encoding = _ENCODING.search(headers)
    encoding = encoding.group(1).lower() if encoding else ""
    if not kind.startswith("text/"):
        spans.append((head, end))  # an attachment (an image, a file): no text to read
    elif encoding == "quoted-printable":
        _quoted_printable(work, head, end, spans, replaced)
    elif encoding == "base64":
        _base64(work, head, end, spans, replaced)


def _multipart(work, start, end, boundary, kind, spans, replaced) -> None:
    delimiter = re.compile(rf"^--{re.escape(boundary)}(--)?[ \t]*\r?$\n?", re.M)
    marks = list(delimiter.finditer(work, start, end))
    if not marks:
        return
    spans.append((start, marks[0].start()))  # the preamble ("This is a multi-part message")
    parts = []
    for k, m in enumerate(marks):
        spans.append(m.span())
        part_end = marks[k + 1].start() if k + 1 < len(marks) else end
        if m.group(1):  # the closing delimiter
            spans.append((m.end(), end))  # the epilogue
            break
        parts.append((m.end(), part_end))
    kinds = [_part_kind(work, a, b) for a, b in parts]
    keep = range(len(parts))
    if kind == "multipart/alternative" and "text/plain" in kinds:
        keep = [kinds.index("text/plain")]  # a client shows one of the alternatives
    for k, (a, b) in enumerate(parts):
        if k in keep:
            _entity(work, a, b, spans, replaced)
        else:
            spans.append((a, b))


def _part_kind(work: str, start: int, end: int) -> str:
    head = _headers_end(work, start)
    m = _CONTENT_TYPE.search(work, start, head if head > 0 else end)
    return m.group(1).lower() if m else "text/plain"


def _quoted_printable(work, start, end, spans, replaced) -> None:
    # a run of escapes goes on across soft line breaks: an encoder breaks its lines at 76
    # characters, inside a character's bytes too ("=E6=⏎=A0=87" is 标)
    for run in _ESCAPE_RUN.finditer(work, start, end):
        escapes = [m.start() for m in _ONE_ESCAPE.finditer(work, run.start(), run.end())]
        if not escapes:
            spans.append(run.span())  # soft breaks alone
            continue
        if escapes[0] > run.start():
            spans.append((run.start(), escapes[0]))
        data = bytes(int(work[k + 1 : k + 3], 16) for k in escapes)
        k = 0
        for ch, size in _characters(data):
            a, b = escapes[k], escapes[k + size - 1] + 3
            spans.append((a, b))
            replaced[a] = ch
            k += size
            nxt = escapes[k] if k < len(escapes) else run.end()
            if nxt > b:
                spans.append((b, nxt))  # a soft break between two characters


def decoded_parts(work: str, kind: str = "text/html") -> list[tuple[str, list[int], list[int]]]:
    """The bodies of the message's parts of `kind` in an encoding, decoded: (text, raw start
    and raw end of each of its characters), so a reader of their markup (an HTML table)
    reads what the part says and quotes the raw text it came from."""
    if not is_mime(work):
        return []
    found = []
    for head, end, encoding in _encoded_parts(work, 0, len(work), kind):
        spans: list[tuple[int, int]] = []
        replaced: dict[int, str] = {}
        (_quoted_printable if encoding == "quoted-printable" else _base64)(
            work, head, end, spans, replaced
        )
        found.append(_apply(work, head, end, sorted(spans), replaced))
    return found


def _encoded_parts(work, start, end, kind) -> list[tuple[int, int, str]]:
    """(body start, end, encoding) of every part of `kind` in quoted-printable or base64."""
    head = _headers_end(work, start)
    if head < 0:
        return []
    headers = work[start:head]
    found = _CONTENT_TYPE.search(headers)
    this = found.group(1).lower() if found else "text/plain"
    if this.startswith("multipart/"):
        boundary = _BOUNDARY.search(headers)
        if not boundary:
            return []
        delimiter = re.compile(rf"^--{re.escape(boundary.group(1))}(--)?[ \t]*\r?$\n?", re.M)
        marks = list(delimiter.finditer(work, head, end))
        parts = []
        for k, m in enumerate(marks):
            if m.group(1):
                break
            parts.append((m.end(), marks[k + 1].start() if k + 1 < len(marks) else end))
        kinds = [_part_kind(work, a, b) for a, b in parts]
        if this == "multipart/alternative" and "text/plain" in kinds:
            return []  # a client shows the plain-text alternative (as _multipart reads)
        return [found for a, b in parts for found in _encoded_parts(work, a, b, kind)]
    found = _ENCODING.search(headers)
    encoding = found.group(1).lower() if found else ""
    if this != kind or encoding not in ("quoted-printable", "base64"):
        return []
    return [(head, end, encoding)]


def _apply(work, start, end, spans, replaced) -> tuple[str, list[int], list[int]]:
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = start
    for a, b in spans:
        if a < pos:
            continue
        for k in range(pos, a):
            text.append(work[k])
            starts.append(k)
            ends.append(k + 1)
        if a in replaced:
            for ch in replaced[a]:
                text.append(ch)
                starts.append(a)
                ends.append(b)
        pos = b
    for k in range(pos, end):
        text.append(work[k])
        starts.append(k)
        ends.append(k + 1)
    return "".join(text), starts, ends


def _characters(data: bytes):
    """(character, its byte count) of UTF-8 data; a byte that starts none stands for itself."""
    k = 0
    while k < len(data):
        lead = data[k]
        size = 1 if lead < 0x80 else 2 if lead >> 5 == 6 else 3 if lead >> 4 == 14 else 4
        try:
            yield data[k : k + size].decode("utf-8"), size
            k += size
        except UnicodeDecodeError:
            yield data[k : k + 1].decode("latin-1"), 1
            k += 1


def _base64(work, start, end, spans, replaced) -> None:
    where = [k for k in range(start, end) if not work[k].isspace()]
    try:
        data = base64.b64decode("".join(work[k] for k in where), validate=True)
    except (binascii.Error, ValueError):
        return  # not base64 after all: left as it stands
    # each character reads at the raw character its first byte's first bit is in (8 bits
    # to 6: a later one for every byte) and its span runs to where the next one starts
    starts, byte = [], 0
    for ch, size in _characters(data):
        at = where[(8 * byte) // 6]
        replaced[at] = ch
        starts.append(at)
        byte += size
    if not starts:
        spans.append((start, end))
        return
    if starts[0] > start:
        spans.append((start, starts[0]))
    spans.extend(zip(starts, [*starts[1:], end], strict=True))
