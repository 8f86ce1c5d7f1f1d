"""Layout variants of the invented plans: each transformation keeps every value, and the
readers read the same values from the variant as from the original (a metamorphic test)."""

from __future__ import annotations

import csv
import re
import unicodedata

import pytest

from analysis.normalise import FOOTNOTE_AFTER_NUMBER, to_simplified
from analysis.plan_corpus import PLANS_DIR, totals
from analysis.plan_variant_scores import ORIGINAL, score_variants
from analysis.plan_variants import (
    TRANSFORMATIONS,
    as_cell_lines,
    as_full_width_spaces,
    as_html,
    as_markdown,
    as_tabs,
    full_width,
    half_width,
    insert_debris,
    is_table_row,
    rerender_tables,
    table_rows,
    transform,
    wrap_prose,
)

PIPE_TABLE = (
    "表1\n| 指标 | 2020年 | 2025年 |\n|---|---|---|\n| 毛入园率 | 90 | ≥95 |\n|  | — | 3 |\n后文。"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("| 指标 | 2020年 | 2025年 |", True),
        ("指标\t2020年", True),
        ("指标|2020年", False),  # one pipe: not a table row
        ("毛入园率达到95%。", False),
    ],
)
def test_a_table_row_has_two_pipes_or_a_tab(line, expected):
    assert is_table_row(line) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["| 指标 | 2020年 |  |", "|---|---|---|"], [["指标", "2020年", ""]]),
        (["指标 | 2020年 | 2025年"], [["指标", "2020年", "2025年"]]),
        (["指标\t\t2025年\t"], [["指标", "", "2025年", ""]]),
        # no outer pipes on the table: a row's leading or trailing pipe is an empty cell
        (
            [" 类别 | 指标 | 2020年", "      | 覆盖率 | 90 |"],
            [["类别", "指标", "2020年"], ["", "覆盖率", "90", ""]],
        ),
    ],
)
def test_table_rows(lines, expected):
    assert table_rows(lines) == expected


@pytest.mark.parametrize(
    ("render", "expected"),
    [
        (as_tabs, "表1\n指标\t2020年\t2025年\n毛入园率\t90\t≥95\n\t—\t3\n后文。"),
        (
            as_full_width_spaces,
            "表1\n指标\u3000\u30002020年\u3000\u30002025年\n毛入园率\u3000\u300090\u3000\u3000≥95"
            "\n\u3000\u3000—\u3000\u30003\n后文。",
        ),
        (
            as_markdown,
            "表1\n| 指标 | 2020年 | 2025年 |\n|---|---|---|\n| 毛入园率 | 90 | ≥95 |\n|  | — | 3 |"
            "\n后文。",
        ),
        (
            as_html,
            "表1\n<table>\n<tr><td>指标</td><td>2020年</td><td>2025年</td></tr>\n"
            "<tr><td>毛入园率</td><td>90</td><td>≥95</td></tr>\n"
            "<tr><td>&nbsp;</td><td>—</td><td>3</td></tr>\n</table>\n后文。",
        ),
        (as_cell_lines, "表1\n指标\n2020年\n2025年\n毛入园率\n90\n≥95\n\n—\n3\n后文。"),
    ],
    ids=lambda v: getattr(v, "__name__", "text"),
)
def test_every_table_is_rerendered_and_the_rest_kept(render, expected):
    assert rerender_tables(render)(PIPE_TABLE, "") == expected


def test_rule_lines_inside_a_table_go_with_it_and_the_outer_ones_stay():
    text = "─" * 20 + "\n指标 | 2020年 |\n" + "─" * 20 + "\n覆盖率 | 90 |\n" + "─" * 20 + "\n后文。"
    assert rerender_tables(as_tabs)(text, "") == (
        "─" * 20 + "\n指标\t2020年\n覆盖率\t90\n" + "─" * 20 + "\n后文。"
    )


def test_windows_line_ends_are_kept_when_tables_are_rerendered():
    text = PIPE_TABLE.replace("\n", "\r\n")
    assert rerender_tables(as_tabs)(text, "") == (
        "表1\r\n指标\t2020年\t2025年\r\n毛入园率\t90\t≥95\r\n\t—\t3\r\n后文。"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("达到95.5%（2020年）", "达到９５．５％（２０２０年）"),
        ("<td>90</td>&nbsp;", "<td>９０</td>&nbsp;"),  # markup stays ASCII
        ("## 1. 目标\n**表1**", "## １． 目标\n**表１**"),
        ("|---|---|\n| 90 | 5 |", "|---|---|\n| ９０ | ５ |"),
    ],
)
def test_full_width_changes_digits_and_punctuation_outside_markup(text, expected):
    assert full_width(text, "") == expected


def test_half_width_undoes_full_width():
    text = "（一）达到９５％以上，<td>　</td>"
    assert half_width(text, "") == "(一)达到95%以上,<td> </td>"


def test_debris_goes_between_lines_at_the_same_points_every_time():
    text = "\n".join(f"第{k}行。" for k in range(60))
    debris = insert_debris(lambda page, title: f"— {page} —")
    once, again = debris(text, ""), debris(text, "")
    assert once == again
    added = [x for x in once.split("\n") if x.startswith("—")]
    assert len(added) >= 2
    assert [x for x in once.split("\n") if not x.startswith("—")] == text.split("\n")


@pytest.mark.parametrize(
    "row",
    [
        "| " + " | ".join(["乙" * 12] * 4) + " |",
        "学前三年毛入园率/普惠性幼儿园覆盖率/公办园在园幼儿占比（%） |",  # a cell per line
        "\t".join(["乙" * 12] * 4),
        "学前三年毛入园率（%）      91.2      95.0      预期性      约束性",
        '5,普通高中在校生,"9,120","10,500",预期性,备注备注备注备注',
    ],
)
def test_prose_is_wrapped_and_table_lines_never(row):
    prose = "甲" * 70
    out = wrap_prose(30)(prose + "\n" + row, "")
    assert out.split("\n") == ["甲" * 30, "甲" * 30, "甲" * 10, row]


# ---------------------------------------------------------------- on the invented plans

NUMBER = re.compile(r"\d+(?:\.\d+)?")


_JSON_ESCAPE = re.compile(r"\\u[0-9a-fA-F]{4}")
# a quoted-printable escape ("=A11,126": the byte A1, then 1,126) or soft line break
_QP_ESCAPE = re.compile(r"=[0-9A-F]{2}|=\n")


def _numbers(text: str) -> set[str]:
    """The numbers of a text as the readers see it (NFKC, simplified), line wraps joined
    or not, footnote marks ("93①") dropped, a comma before three digits read both as a
    thousands separator and as a separator of cells ("85,100" in a CSV row is 85 and 100)."""
    seen = to_simplified(unicodedata.normalize("NFKC", FOOTNOTE_AFTER_NUMBER.sub("", text)))
    joined = re.sub(r"\s+", "", seen)
    # one space between digits is a thousands separator ("48 000左右"); removing all white
    # space would glue it to the cell before it once cells are apart by a tab ("46,52048000")
    grouped = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "", seen)
    # letter-spaced PDF text ("6 3 . 5　7 8"): one ASCII space between digits and points
    # goes (before NFKC, which makes the ideographic space between cells one too)
    spaced = to_simplified(unicodedata.normalize("NFKC", re.sub(r"(?<=[\d.]) (?=[\d.])", "", text)))
    # a JSON string's escapes ("\u523095.5%": 到95.5%) are no digits of the value after them
    escaped = _JSON_ESCAPE.sub(" ", seen)
    quoted_printable = _QP_ESCAPE.sub(" ", seen)
    readings = (
        t2
        for t in (seen, joined, grouped, spaced, escaped, quoted_printable)
        for t2 in (t, re.sub(r"(?<=\d),(?=\d{3})", "", t))
    )
    return {n for t in readings for n in NUMBER.findall(t)}


# a subtitle cue's number and timing lines inside a quote cut across two cues (blind40 k1:
# "12⏎⏎229⏎00:03:12,480 --> 00:03:16,920⏎万个"): no digits of the value
_CUE_LINES = re.compile(
    r"(?m)^\d+[ \t]*$|^\d\d:\d\d:\d\d[,.]\d{3}\s*-->\s*\d\d:\d\d:\d\d[,.]\d{3}[ \t]*$"
)


def _gold_numbers(txt) -> set[str]:
    with open(txt.with_suffix(".gold.csv"), encoding="utf-8") as fh:
        quotes = [r["quote"] for r in csv.DictReader(fh)]
    quotes = [_CUE_LINES.sub("", q) if "\n" in q else q for q in quotes]
    return set().union(*(_numbers(q) for q in quotes))


# blind38 h4 spaces letters with ASCII spaces and its cells with ideographic ones
# ("6 3 . 5　7 8"): once every space is the same width, a cell "7 8" cannot be told from
# the letter-spaced digits of the cell before, in this check as in the readers
SAME_WIDTH_SPACES = {("full-width", "h4_qichuan"), ("half-width", "h4_qichuan")}


@pytest.mark.parametrize("name", sorted(TRANSFORMATIONS))
def test_every_gold_quote_number_survives_the_transformation(name):
    lost = {}
    for txt in sorted(PLANS_DIR.glob("*/*.txt")):
        if (name, txt.stem) in SAME_WIDTH_SPACES:
            continue
        text = txt.read_text("utf-8")
        missing = _gold_numbers(txt) - _numbers(transform(name, text, "规划"))
        if missing:
            lost[txt.stem] = sorted(missing)
    assert lost == {}


# Known losses on dev, measured (recall against the original 99.1%); fixing one makes its
# test pass, which strict xfail reports, so the entry must then go.
KNOWN_LOSSES: dict[str, str] = {}


@pytest.fixture(scope="module")
def dev_scores():
    return score_variants("dev")


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_LOSSES[n]))
        if n in KNOWN_LOSSES
        else n
        for n in sorted(TRANSFORMATIONS)
    ],
)
def test_dev_recall_holds_within_one_point_under_each_layout(dev_scores, name):
    original, variant = totals(dev_scores[ORIGINAL]), totals(dev_scores[name])
    assert variant.recall >= original.recall - 0.01, (
        f"{name}: recall {variant.recall:.1%} against {original.recall:.1%}"
    )


# Layouts that lost values on a blind set and no longer do (measured: each variant reads
# the set as its original layout does); a loss coming back fails here.
NO_LOSS = [
    ("blind2", "debris-lone-number"),  # page numbers among column blocks and "…|" cells
    ("blind5", "tables-as-fw-spaces"),  # a header's second line under the years only
    ("blind6", "tables-as-cell-lines"),  # a total column (合计) after the years
    ("blind6", "debris-lone-number"),  # a page number inside a row of percentages
    ("blind9", "tables-as-cell-lines"),  # a total column (合计) after the years
    ("blind10", "debris-lone-number"),  # a page number between two header cells
]


@pytest.mark.parametrize(("set_name", "name"), NO_LOSS)
def test_blind_sets_read_the_same_under_layouts_that_once_lost_values(set_name, name):
    scores = score_variants(set_name, [name])
    original, variant = totals(scores[ORIGINAL]), totals(scores[name])
    assert variant.recall >= original.recall and variant.precision >= original.precision, (
        f"{set_name} {name}: recall {variant.recall:.1%} against {original.recall:.1%},"
        f" precision {variant.precision:.1%} against {original.precision:.1%}"
    )
