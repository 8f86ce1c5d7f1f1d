"""The number ledger: every number in a plan, and what became of it.

A number is an observation (its ids are linked after corrections) or has a named reason
for not being one; ``unaccounted`` is allowed but counted and reported.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from analysis.errors import LineNumbers
from analysis.foreign_scripts import REASON as TRANSLATION_REASON
from analysis.normalise import IMAGE_LINK, PAGE_DEBRIS
from analysis.script_elements import REASON as SCRIPT_REASON
from analysis.script_elements import code_elements
from analysis.source_formats import markup_spans
from analysis.wiki_markup import EMAIL, FOOTNOTE_REASON, REFERENCE, URL

DISPOSITIONS = {
    "observation": "a value stated for a codebook indicator",
    "table_header": "a year in a table header",
    "year": "a year",
    "date": "part of a date",
    "document_number": "a document number",
    "document_title": "inside a document title",
    "phone_number": "a telephone or code number",
    "section_number": "a section, list, box or row number",
    "ordinal": "an ordinal (第N)",
    "ratio": "part of a ratio",
    "count_of_years": "a count of years",
    "per_unit_norm": "a per-unit norm (每…, 生均…)",
    "context_statistic": "a context statistic (population, GDP ...)",
    "other_area": "another area's value (a county's column, a provincial target)",
    "recognition_count": "a count of awards or recognitions",
    "name_or_slogan": "a number inside a name or slogan",
    "part_of_name": "a numeral inside an indicator phrase",
    "milestone": "a checkpoint inside the year or the period (一季度, 上半年)",
    "restated_value": "a value restated in brackets or replaced by a revision (由X调整为Y)",
    "part_of_total": "a named part of a total stated before it (其中…)",
    "schedule_field": "a project schedule's duration, task link, share done or resource",
    "page_number": "page-number debris",
    "line_number": "a line number printed in a draft's margin",
    "page_metadata": "a web page's metadata (view count)",
    "markup": "inside HTML markup",
    "spreadsheet_residue": "a spreadsheet's error value or formula left as text",
    "struck": "in text a draft marks deleted, or in a reviewer's comment",
    "translation": "in a translation into another script beside the Chinese",
    "question": "in a question put to the speakers, not a statement of the plan",
    "proposal": "a number the author proposes (建议…), not the plan's",
    "no_indicator": "a quantity whose clause names no codebook indicator",
    "unit_mismatch": "a table value whose unit differs from the codebook's",
    "unread_table": "in a table the readers could not read",
    "ignored_by_correction": "ignored by a reviewed correction",
    "rejected_by_correction": "rejected by a reviewed correction",
    "unaccounted": "not accounted for",
}
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")  # str \d: ASCII, full-width and other digits
# (an XML root element declares its namespaces in one tag of a few thousand characters)
_TAG = re.compile(r"<[^<>\n]{1,4000}>")
# a tag opening on a name, over lines ("<table width=596 style='…⏎ width:447pt'>")
_OPEN_TAG = re.compile(r"<[A-Za-z/!?][^<>]{0,4000}>")
_NUMERIC_ENTITY = re.compile(r"&#(?:\d{2,7}|[xX][0-9a-fA-F]{2,6});")


class Ledger:
    def __init__(
        self,
        source_id: str,
        raw: str,
        debris: tuple[tuple[int, int], ...] = (),
        struck: tuple[tuple[int, int, str], ...] = (),
        translated: tuple[tuple[int, int], ...] = (),
        margins: tuple[tuple[int, int], ...] = (),
    ):
        self.source_id, self.raw = source_id, raw
        # raw spans the views left out as tracked-change deletions and comments, and why
        self._struck = sorted(struck)
        self._struck_starts = [a for a, _, _ in self._struck]
        # raw spans of the lines the cleaned views dropped as page debris (CleanText.debris)
        self._debris = sorted(debris)
        self._debris_starts = [a for a, _ in self._debris]
        # raw spans in another script beside the Chinese (foreign_scripts.py)
        self._translated = sorted(translated)
        self._translated_starts = [a for a, _ in self._translated]
        # digits of a draft's line numbers (CleanText.margins)
        self._margins = list(margins)
        self._margin_starts = [a for a, _ in self._margins]
        # a web page's script and style elements (their lines are in `debris` too), but
        # for a script holding text (its code is source markup below)
        self._scripts = code_elements(raw)
        self._script_starts = [a for a, _ in self._scripts]
        # an RTF or LaTeX source's markup: control words, braces, comments, footnotes
        self._source_markup, self._source_reason = markup_spans(raw)
        self._source_starts = [a for a, _ in self._source_markup]
        self.rows: list[dict] = []
        self._covered: list[tuple[int, int]] = []
        # a row per number (~150 a plan), and the extractor's observations: found once
        self.lines = LineNumbers(raw)

    def _add(self, span, disposition, reason, observations=()) -> None:
        start, end = span
        self.rows.append(
            {
                "source_id": self.source_id,
                "char_start": start,
                "char_end": end,
                "line": self.lines.of(start),
                "quote": self.raw[start:end],
                "disposition": disposition,
                "observation_ids": "|".join(o.observation_id for o in observations) or None,
                "reason": reason,
                "_obs_spans": [(o.char_start, o.char_end, o.indicator_id) for o in observations],
            }
        )
        self._covered.append((start, max(end, start + 1)))

    def observed(self, span, observations, how: str) -> None:
        self._add(span, "observation", how, observations)

    def note(self, span, disposition: str, reason: str) -> None:
        if disposition not in DISPOSITIONS:
            raise ValueError(f"unknown ledger disposition {disposition!r}")
        self._add(span, disposition, reason)

    def sweep(self) -> None:
        """Every digit run of the raw text that no reader accounted for gets a row."""
        covered = sorted(self._covered)
        starts = [a for a, _ in covered]
        raw = self.raw
        runs = (
            self._digit_runs()
            if self._source_markup
            else (m.span() for m in _DIGITS.finditer(raw))  # most plans: no source markup
        )
        for a, end in runs:
            k = bisect.bisect_right(starts, a) - 1
            if k >= 0 and covered[k][0] <= a < covered[k][1]:
                continue
            if any(s <= a < e for s, e in covered[max(0, k - 3) : k + 1]):
                continue
            line_start = raw.rfind("\n", 0, a) + 1
            line_end = raw.find("\n", a)
            span = (a, end)
            line = raw[line_start : line_end if line_end >= 0 else len(raw)]
            tag = next(
                (t for t in _TAG.finditer(line) if t.start() <= a - line_start < t.end()), None
            ) or _tag_over_lines(raw, a)
            struck = self._struck_at(a)
            if struck is not None:
                self._add(span, "struck", struck)
            elif _covering(self._margin_starts, self._margins, a) is not None:
                self._add(span, "line_number", DISPOSITIONS["line_number"])
            elif _covering(self._translated_starts, self._translated, a) is not None:
                self._add(span, "translation", TRANSLATION_REASON)
            elif PAGE_DEBRIS.match(unicodedata.normalize("NFKC", line)):
                self._add(span, "page_number", "page-number debris line")
            elif _covering(self._script_starts, self._scripts, a) is not None:
                self._add(span, "markup", SCRIPT_REASON)
            elif _covering(self._source_starts, self._source_markup, a) is not None:
                self._add(span, "markup", self._source_reason)
            elif self._in_debris(a):
                self._add(
                    span,
                    "page_number",
                    "page debris line (a lone page number, a running header, "
                    "a thread's counts or comments, a subtitle cue's number or timing)",
                )
            elif ("<sup" in line or "<ref" in line) and any(
                r.start() <= a - line_start < r.end() for r in REFERENCE.finditer(line)
            ):
                self._add(span, "section_number", FOOTNOTE_REASON)
            elif tag is not None:
                self._add(span, "markup", "inside an HTML tag")
            elif "&#" in line and any(
                e.start() <= a - line_start < e.end() for e in _NUMERIC_ENTITY.finditer(line)
            ):
                self._add(span, "markup", "inside an HTML entity (&#37;)")
            elif "://" in line and any(
                u.start() <= a - line_start < u.end() for u in URL.finditer(line)
            ):
                self._add(span, "markup", "inside a web address")
            elif "@" in line and any(
                e.start() <= a - line_start < e.end() for e in EMAIL.finditer(line)
            ):
                self._add(span, "markup", "inside an e-mail address")
            elif "![" in line and any(
                i.start() <= a - line_start < i.end() for i in IMAGE_LINK.finditer(line)
            ):
                self._add(span, "markup", "inside an image link ![](…)")
            else:
                self._add(span, "unaccounted", "no reader looked at this number")

    def _digit_runs(self):
        """[start, end) of each digit run of the raw text, cut where a source's markup
        starts or ends inside one: "\\u523095.5" is an escape's "5230" and a value's
        "95.5"."""
        markup, starts = self._source_markup, self._source_starts
        for m in _DIGITS.finditer(self.raw):
            a, b = m.span()
            if markup:
                k = max(0, bisect.bisect_right(starts, a) - 1)
                cuts = []
                while k < len(markup) and markup[k][0] < b:
                    cuts.extend(c for c in markup[k] if a < c < b)
                    k += 1
                for c in cuts:
                    yield a, c
                    a = c
            yield a, b

    def _struck_at(self, at: int) -> str | None:
        """Why the number at `at` was left out as a tracked change, or None."""
        k = _covering(self._struck_starts, self._struck, at)
        return None if k is None else self._struck[k][2]

    def _in_debris(self, at: int) -> bool:
        return _covering(self._debris_starts, self._debris, at) is not None


def _covering(starts: list[int], spans: list[tuple], at: int) -> int | None:
    """The index of the span (sorted, not overlapping; `starts` their starts) holding `at`."""
    k = bisect.bisect_right(starts, at) - 1
    return k if k >= 0 and spans[k][0] <= at < spans[k][1] else None


def link(rows: list[dict], observations, ignored: dict[str, list[tuple[int, int]]]) -> list[dict]:
    """Tie ledger rows to the final observations (after corrections and conflicts)."""
    by_span: dict[tuple, list] = {}
    for o in observations:
        by_span.setdefault((o.source_id, o.char_start, o.char_end, o.indicator_id), []).append(o)
    added = [o for o in observations if o.method == "correction"]
    out = []
    for row in rows:
        row = dict(row)
        spans = row.pop("_obs_spans")
        sid, a, b = row["source_id"], row["char_start"], row["char_end"]
        if row["disposition"] == "observation":
            final = [o for s, e, iid in spans for o in by_span.get((sid, s, e, iid), [])]
            if final:
                row["observation_ids"] = "|".join(sorted({o.observation_id for o in final}))
            else:
                row["disposition"], row["observation_ids"] = "rejected_by_correction", None
                row["reason"] = "its observation was rejected by a reviewed correction"
        else:
            hit = [o for o in added if o.source_id == sid and o.char_start <= a and b <= o.char_end]
            if hit:
                row["disposition"] = "observation"
                row["observation_ids"] = "|".join(sorted(o.observation_id for o in hit))
                row["reason"] = "added by a reviewed correction"
            elif any(s <= a and b <= e for s, e in ignored.get(sid, [])):
                row["disposition"], row["reason"] = "ignored_by_correction", "a reviewed correction"
        out.append(row)
    return out


def _tag_over_lines(raw: str, at: int) -> re.Match | None:
    """The tag over several lines that position `at` is inside, or None."""
    lt = raw.rfind("<", max(0, at - 4000), at)
    if lt < 0 or raw.find(">", lt, at) >= 0:
        return None
    m = _OPEN_TAG.match(raw, lt)
    return m if m is not None and m.end() > at else None
