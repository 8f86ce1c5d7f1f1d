"""Letter-spaced lines from justified PDF typesetting are read as words and numbers
(analysis/letter_spacing.py); a text with a line or two of spaced characters is left alone."""

from __future__ import annotations

import pytest

from analysis.letter_spacing import letter_space_spans, letter_spaced
from analysis.normalise import clean
from tests.test_extraction import observed

PRE = "preschool_gross_enrollment_rate"

# my own wording: a prefecture's plan whose title, headings, a review sentence, a target
# sentence and a table set in ASCII runs of spaces are letter-spaced, other lines not
SPACED_PLAN = "\n".join(
    [
        "枫 岭 市 教 育 事 业 发 展 第 十 四 个 五 年 规 划",
        "",
        "第 一 章 　 现 状 与 形 势",
        "　　2020年末，全市共有幼儿园214所。学 前 三 年 毛 入 园 率 为 8 7 . 3 % ，"
        " 九 年 义 务 教 育 巩 固 率 为 9 4 . 8 % 。",
        "",
        "第 二 章 　 发 展 目 标",
        "　　到 2 0 2 5 年 ， 学 前 三 年 毛 入 园 率 不 低 于 9 2 % ，新增公办学位1.2万个；"
        "九年义务教育巩固率达到97%。",
        "",
        "专 栏 1 　 主 要 指 标",
        "指 标          2 0 2 0 年     2 0 2 5 年",
        "普 惠 性 幼 儿 园 覆 盖 率 （ % ）     8 1 . 5     ≥ 9 0",
        "高 中 阶 段 毛 入 学 率 （ % ）     9 0 . 1     9 5 左 右",
    ]
)

SPACED_EXPECTED = [
    (PRE, 2020, "=", 87.3, None, "level"),
    (PRE, 2025, ">=", 92.0, None, "level"),
    ("compulsory_consolidation_rate", 2020, "=", 94.8, None, "level"),
    ("compulsory_consolidation_rate", 2025, "=", 97.0, None, "level"),
    ("inclusive_kindergarten_coverage", 2020, "=", 81.5, None, "level"),
    ("inclusive_kindergarten_coverage", 2025, ">=", 90.0, None, "level"),
    ("kindergarten_count", 2020, "=", 214.0, None, "level"),
    ("school_places_added", 2025, "=", 12000.0, None, "cumulative"),
    ("upper_secondary_gross_enrollment_rate", 2020, "=", 90.1, None, "level"),
    ("upper_secondary_gross_enrollment_rate", 2025, "~", 95.0, None, "level"),
]


def test_a_letter_spaced_plan_reads_as_an_unspaced_one(extractor):
    assert letter_spaced(SPACED_PLAN)
    assert observed(extractor, SPACED_PLAN) == sorted(SPACED_EXPECTED)


def test_the_views_drop_letter_spaces_but_keep_cell_gaps_and_spans():
    c = clean(SPACED_PLAN)
    lines = c.lines.text.split("\n")
    assert lines[0] == "枫岭市教育事业发展第十四个五年规划"
    assert "学前三年毛入园率为87.3%" in c.lines.text
    assert "2020年     2025年" in c.lines.text  # a run of spaces is a cell gap
    at = c.lines.text.index("87.3%")
    i, j = c.lines.raw_span(at, at + len("87.3%"))
    assert SPACED_PLAN[i:j] == "8 7 . 3 %"


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        # one table header with cells a space apart, as in a real plan: not letter-spaced
        ("指 标 单 位 2015 年 2020 年\n学前三年毛入园率 % 85 90\n", False),
        # a letter-spaced title alone, or two: no sign of a letter-spaced text
        ("岚 桥 县 人 民 政 府 文 件\n\n关于印发规划的通知\n", False),
        (
            "岚 桥 县 人 民 政 府 文 件\n序号  指 标 名 称 单位\n到 2 0 2 5 年 ， 新 增 学 位\n",
            False,
        ),
        (
            "某 县 人 民 政 府 文 件\n第 一 章 总 则 与 目 标\n到 2 0 2 5 年 ， 新 增 学 位 8 0 0 个\n",
            True,
        ),
    ],
)
def test_a_text_is_letter_spaced_only_with_three_spaced_lines(text, spaced):
    assert letter_spaced(text) is spaced


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("到 2 0 2 5 年 ， 达 到 9 2 . 5 % 以 上", "到2025年，达到92.5%以上"),
        # a run of spaces, a tab, an ideographic space: a cell gap, kept
        ("在 校 生     2 1 4 0\t2 5 0 0 左 右　人", "在校生     2140\t2500左右　人"),
        # a spaced run running into unspaced text on either side
        (
            "…提高到88.6%。高 中 阶 段 毛 入 学 率 9 0 %，比上年提高",
            "…提高到88.6%。高中阶段毛入学率90%，比上年提高",
        ),
        # two words of two characters each are not one-character tokens
        ("学前 教育 2020 年", "学前 教育 2020年"),
    ],
)
def test_letter_spaces_next_to_one_character_tokens_go(line, kept):
    spans = letter_space_spans(line, 0, len(line))
    out = "".join(ch for i, ch in enumerate(line) if (i, i + 1) not in spans)
    assert out == kept
