"""Key figures printed on a line of their own, each beside a line that says what it is.

A slide deck or a poster exported to text prints its figures big, one a line, and labels
each on the line after ("95%" over "学前三年毛入园率") or, less often, on the line before
("新增学位" over "1.2万个"). Glued into one paragraph, each figure would sit between two
labels; the paragraphs view keeps a line break between pairs instead, so each figure is
read with its own label. A run needs two figures or more, each one line apart; which way
round the pairs go is told by the run's ends: a run that ends on a label is figure-first,
one that ends on a figure and opens on a label is label-first.

A figure's unit may stand on the line under its number ("15.8" over "万人"): one figure.
The same pages print a figure and its label on one line too, one pair a line ("学前三年毛
入园率　90.8% → ≥95%"): two such lines in a row are two records, not a wrapped sentence.
"""

from __future__ import annotations

import itertools
import re

from analysis.text_blocks import line_patterns, line_start_spans

# a quantity alone on its line: a comparator, a number, a short unit or qualifier; no year
_FIGURE = (
    r"(?:[≥≤<>~]|约|不低于|不少于|超过)?[^\S\n]*(?!(?:19|20)\d\d年)\d[\d.,]*[^\S\n]*"
    r"(?:%|‰)?[\u4e00-\u9fff]{0,4}(?:以上|以下|左右|以内|余)?"
)
FIGURE_LINE = re.compile(rf"^{_FIGURE}$", re.MULTILINE)
# ... or a change from one figure to another ("91.6% → 95%以上") under its label
_FIGURE_OR_PAIR = rf"{_FIGURE}(?:[^\S\n]*(?:→|->|⟶)[^\S\n]*{_FIGURE})?"
# a graphic's text layer may print the unit on the line under its number ("15.8" over "万人",
# "95" over "%以上"): the two lines are one figure
_UNIT_LINE = re.compile(
    r"(?:%|‰|个百分点|[万亿千]?(?:人次|个|所|名|人|元|项|家|间|张|年|册|台|套|次)|万|亿)"
    r"(?:以上|以下|左右|以内|余)?"
)
_LABEL_LONGEST = 40
# a label, a space, a value or a change of value ("90.8% → ≥95%", "10.9年→11.5年"), at the end
_VALUE = r"(?:[≥≤<>~]|约)?\d[\d.,]*(?:%|‰)?[\u4e00-\u9fff]{0,2}"
_LABELLED = (
    rf"[^\d\s|:：][^\d|:：\n]{{1,30}}?[^\S\n]+{_VALUE}"
    rf"(?:[^\S\n]*(?:→|->|—>|⟶|—|至)[^\S\n]*{_VALUE})*[^\S\n]*"
)
_LABELLED_LINE = re.compile(_LABELLED)
_VALUE_AT_LINE_END = re.compile(rf"[^\S\n]{_VALUE}[^\S\n]*(?=\n|\Z)")
_NOT_IN_A_LABEL = re.compile(r"[，,。；;]")
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")  # (a note in brackets may hold one)
_VALUE_IN_LINE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|个百分点)")
_TITLE_MARKS = frozenset("▎▍▌▋▊▉【〖『「◤◆◇★☆〔■□●○▶►♦")
# a note in brackets on a line of its own under a label ("(2020年:90.4%)", after NFKC)
_NOTE_LINE = re.compile(r"\([^()\n]{1,30}\)")


# a paragraph that may open on a figure (card_starts): its comparator, if any
_FIGURE_LEAD = r"(?P<lead>(?:[≥≤<>~]|约|不低于|不少于|超过)?[^\S\n]*)(?=\d)"
_FIGURE_LONGEST = 24
_FIGURE_LEAD_ONLY = re.compile(_FIGURE_LEAD)
# a figure and its label on one line, two spaces apart, perhaps after an item's number or
# bullet ("5、 320亿元  “十四五”教育计划投资", "• 95%  学前三年毛入园率"): a card too
_ONE_LINE_CARD = (
    r"(?:\d{1,2}[、.][^\S\n]*|[•·][^\S\n]*)?"
    rf"(?P<figure>{_FIGURE})[^\S\n]{{2,}}(?P<label>[^\d\s][^\n]{{1,{_LABEL_LONGEST - 1}}})(?=\n|\Z)"
)


def _lines_matching(body: str, text: str) -> list[tuple[int, int]]:
    """Spans of the lines of `text` that `body` matches whole."""
    return line_start_spans(rf"(?:{body})(?=\n|\Z)", text, 0, len(text))


def _labelled_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines _LABELLED matches whole, tried on the lines ending in a space and
    a value (found from the space: the search skips the rest at C speed)."""
    spans = []
    for m in _VALUE_AT_LINE_END.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if (not spans or spans[-1][0] != start) and _LABELLED_LINE.fullmatch(text, start, m.end()):
            spans.append((start, m.end()))
    return spans


def _is_label(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (one line) can be a figure's label."""
    line = text[start:end]
    return (
        2 <= len(line) <= _LABEL_LONGEST
        and FIGURE_LINE.fullmatch(line) is None
        and _NOT_IN_A_LABEL.search(line) is None
    )


def _is_run_label(text: str, start: int, end: int) -> bool:
    """A label in a run of figures: not a section's title under a decorative mark ("▎普及
    水平", "【 回眸 】"), nor a line stating a change of its own ("比2015年 ↑ 5.8个百分点")."""
    return (
        _is_label(text, start, end)
        and text[start] not in _TITLE_MARKS
        and _VALUE_IN_LINE.search(_BRACKETED.sub("", text[start:end])) is None
    )


def _line_after(text: str, end: int) -> tuple[int, int] | None:
    """The line after the one ending at `end` (its "\\n" or the text's end)."""
    if end >= len(text):
        return None
    stop = text.find("\n", end + 1)
    return end + 1, stop if stop >= 0 else len(text)


def _line_before(text: str, start: int) -> tuple[int, int] | None:
    if start == 0:
        return None
    return text.rfind("\n", 0, start - 1) + 1, start - 1


def _label_end(text: str, figure_end: int) -> int | None:
    """Where the label under the figure ending at `figure_end` ends: its line, and the
    bracketed note under it if there is one ("（2020年：90.4%）"); None if no label."""
    label = _line_after(text, figure_end)
    if label is None or not _is_run_label(text, *label):
        return None
    note = _line_after(text, label[1])
    if note is not None and _NOTE_LINE.fullmatch(text, *note):
        return note[1]
    return label[1]


def _with_unit_lines(text: str, figures: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The figures' spans, each over the unit line under it if there is one."""
    out = []
    for a, b in figures:
        unit = _line_after(text, b)
        if unit is not None and _UNIT_LINE.fullmatch(text, *unit):
            b = unit[1]
        out.append((a, b))
    return out


def figure_breaks(text: str) -> list[int]:
    """Positions of the "\n"s of `text` (a lines view) to keep as paragraph breaks, sorted."""
    figures = _with_unit_lines(text, _lines_matching(_FIGURE_OR_PAIR, text))
    breaks: list[int] = []
    k = 0
    while k < len(figures):
        run = [figures[k]]
        while k + 1 < len(figures):
            end = _label_end(text, run[-1][1])
            if end is None or end + 1 != figures[k + 1][0]:
                break
            run.append(figures[k + 1])
            k += 1
        k += 1
        if len(run) < 2:
            continue
        last_label_end = _label_end(text, run[-1][1])
        before = _line_before(text, run[0][0])
        if last_label_end is not None:  # figure, label, figure, label
            breaks.extend(a - 1 for a, _ in run if a > 0)
            if last_label_end < len(text):
                breaks.append(last_label_end)
        elif before is not None and _is_run_label(text, *before):  # label, figure, label, figure
            if before[0] > 0:
                breaks.append(before[0] - 1)
            breaks.extend(b for _, b in run if b < len(text))
    labelled = _labelled_lines(text)
    breaks.extend(b for (_, b), (a, _) in itertools.pairwise(labelled) if b + 1 == a)
    return breaks


def card_starts(text: str, offsets, raw: str) -> frozenset[int]:
    """Where a paragraph of the paragraphs view (`text`, raw `offsets`) is a figure over its
    label: it opens with a FIGURE_LINE that was a raw line of its own, and the rest is a
    label. The prose binder reads the label as the figure's name, whatever words stand
    between the figure and the codebook's phrase ("100所" over "新建公办幼儿园")."""
    cards = set()
    first, after = line_patterns(_FIGURE_LEAD)
    m = first.match(text)
    leads = [(0, m.end("lead"))] if m else []
    leads.extend((m.start() + 1, m.end("lead")) for m in after.finditer(text))
    for p, lead in leads:
        end = text.find("\n", p)
        end = len(text) if end < 0 else end
        for i in range(p + 1, min(end, p + _FIGURE_LONGEST)):
            if offsets[i] - offsets[i - 1] > 1 and "\n" in raw[offsets[i - 1] + 1 : offsets[i]]:
                if FIGURE_LINE.fullmatch(text, p, i) and _is_label(text, i, end):
                    # the quantity starts at its comparator or at its number (≥1小时)
                    cards.update((p, lead))
                break
    first, after = line_patterns(_ONE_LINE_CARD)
    opening = first.match(text)
    for m in itertools.chain([opening] if opening else (), after.finditer(text)):
        if _is_label(text, *m.span("label")):
            p = m.start("figure")
            cards.update((p, p + len(_FIGURE_LEAD_ONLY.match(text, p).group())))
    return frozenset(cards)
