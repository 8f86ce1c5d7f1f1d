"""The cue lines of a subtitle file (SRT, WebVTT): a press conference or a video of a
plan's launch, as a recording's captions leave it.

Each cue is a number on its own line, a timing line ("00:03:12,480 --> 00:03:16,920",
WebVTT's "00:03:12.480 --> 00:03:16.920 align:start") and one or two lines of what was
said. A sentence runs on across cues, often cut inside a number and its unit ("…比2015年
提高5.6" / "14" / "00:01:32,826 --> …" / "个百分点。"). The number and timing lines (and
a WebVTT file's "WEBVTT" header) are dropped from the views as page debris, so that the
spoken lines join into the sentences they were (paragraph_breaks.py) and the ledger still
names their digits. Only texts holding "-->" twice are looked at (str.find at C speed).
"""

from __future__ import annotations

import re

from analysis.text_blocks import lines_holding

_S = r"[^\S\n]*"
_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}"
# a cue's timing, with WebVTT's cue settings after it ("position:10% align:start")
TIMING = re.compile(rf"{_S}{_TIME}{_S}-->{_S}{_TIME}(?:[^\S\n]+[^\n]*)?")
_ARROW = re.compile("-->")
# the cue's number (or a WebVTT cue's identifier of digits) on the line before its timing
_CUE_NUMBER = re.compile(rf"{_S}\d{{1,6}}{_S}")
_HEADER = re.compile(rf"{_S}WEBVTT(?:[^\S\n][^\n]*)?")
MIN_CUES = 2  # one arrow is no subtitle file (a flow chart's "申报 --> 审核")


def subtitle_cue_lines(work: str) -> list[tuple[int, int]]:
    """The [start, end) spans (line ends excluded) of the cue numbers, timings and WebVTT
    header of a subtitle text; none in a text with fewer than MIN_CUES timing lines."""
    first = work.find("-->")
    if first < 0 or work.find("-->", first + 3) < 0:
        return []  # no subtitle file: most plans
    timings = [
        (a, b) for a, b in lines_holding(_ARROW, work, 0, len(work)) if TIMING.fullmatch(work, a, b)
    ]
    if len(timings) < MIN_CUES:
        return []
    spans = list(timings)
    for a, _ in timings:
        if a < 2:
            continue
        prev_end = a - 1  # the "\n" ending the line before
        prev_start = work.rfind("\n", 0, prev_end) + 1
        if _CUE_NUMBER.fullmatch(work, prev_start, prev_end):
            spans.append((prev_start, prev_end))
    header_end = work.find("\n")
    header_end = len(work) if header_end < 0 else header_end
    if _HEADER.fullmatch(work, 0, header_end):
        spans.append((0, header_end))
    return sorted(spans)
