"""What a number in prose is not (analysis/extraction/prose_number_kinds.py): the
shortcuts of _not_a_value held to the plain tests they replace."""

from __future__ import annotations

import re

import pytest

from analysis.normalise import clean
from tests.test_extraction import source


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("2025", True),
        ("０５", True),  # full-width digits are decimal digits (NFKC makes them ASCII anyway)
        ("٣", True),  # any script's decimal digit, as \d
        ("1.5", False),
        ("1,200", False),
        ("²", False),  # a superscript is a digit but not a decimal one, nor \d
        ("一", False),
        ("", False),
    ],
)
def test_a_whole_number_is_decimal_digits_only(digits, expected):
    # _not_a_value's is_int: str.isdecimal for the regex \d+ in full
    assert digits.isdecimal() == expected
    assert (re.fullmatch(r"\d+", digits) is not None) == expected


_SAMPLES = [
    "",
    " ",
    "（",
    "（ ",
    "（\n",
    "〔2021",
    "】 ",
    "[x",
    "年（",
    "( a",
    "月",
    " 日",
    "\u3000月",
    "号",
    "x月",
    ":3",
    " : 5",
    "a:",
    "-1234567",
    "-12345",
    "x-1234567",
    "2.1 扩大",
    "十、",
]


@pytest.mark.parametrize("s", _SAMPLES)
def test_the_screens_by_str_methods_are_the_regexes_they_replace(s):
    # _not_a_value's before_r.endswith / after_l.startswith for anchored one-character classes
    opens = ("〔", "[", "【", "(", "（")
    assert s.rstrip().endswith(opens) == bool(re.search(r"[〔\[【(（]\s*$", s))
    assert s.rstrip().endswith(("〕", "]", "】")) == bool(re.search(r"[〕\]】]\s*$", s))
    assert s.lstrip().startswith(("月", "日")) == bool(re.match(r"\s*[月日]", s))
    # screens that only rule a regex out: it cannot match where the screen fails
    if re.match(r"\s*:\s*\d", s):
        assert ":" in s
    if re.match(r"-\d{6,8}", s):
        assert s.startswith("-")
    if re.match(r"\d", s):
        assert s[:1].isdecimal()


@pytest.mark.parametrize(
    ("text", "quote", "disposition"),
    [
        # a page footer's counters, the thumb read as 赞 (pictographs.py)
        ("标签：#十四五规划 #2023　｜　👁️ 阅读 126　｜　👍 8\n", "126", "page_metadata"),
        ("标签：#十四五规划 #2023　｜　👁️ 阅读 126　｜　👍 8\n", "8", "page_metadata"),
        ("标签：#十四五规划 #2023　｜　👁️ 阅读 126　｜　👍 8\n", "2023", "name_or_slogan"),
        # a comment's thumb count on its author's line, the comment glued under it
        ("精选留言\n\n城东宝妈 ✍️ 👍 58\n城东小学什么时候能建好？\n", "58", "page_metadata"),
        # an e-mail address's digits are its markup
        ("投稿邮箱：ycjyxc@163.com\n", "163", "markup"),
        # a count in a measure word no indicator measures (after Arabic digits)
        ("全文约3200字，预计阅读9分钟\n", "3200", "no_indicator"),
        ("先后召开座谈会36场，收到意见建议412条。\n", "36", "no_indicator"),
        ("共5页\t下一页\n", "5", "no_indicator"),  # a pager's page count
        ("开学前这12件事请注意\n", "12", "no_indicator"),
        # how many indicators a list names
        ("学位建设、公办园占比和标准班额三项指标略有偏差。\n", "三项", "no_indicator"),
        # ... but a programme named in quotes is a name
        ("推进“五项工程”，创响名师名校“金名片”。\n", "五项", "name_or_slogan"),
        # a table's columns named in a note by their year
        ("口径：2022实际为两年累计数，2025目标为五年累计数。\n", "2022", "year"),
        ("口径：2022实际为两年累计数，2025目标为五年累计数。\n", "2025", "year"),
    ],
)
def test_numbers_of_a_shared_documents_notes_and_footer(extractor, text, quote, disposition):
    result = extractor.extract(source(), clean(text))
    assert [r["disposition"] for r in result.ledger if r["quote"].strip() == quote] == [disposition]


def test_a_count_in_prose_after_reading_words_is_still_read(extractor):
    """阅读 before a value that a clause goes on after is no footer counter."""
    text = "到2025年，中小学生课外阅读 达标率达到90%。\n"
    result = extractor.extract(source(), clean(text))
    assert [r["disposition"] for r in result.ledger if r["quote"].startswith("90")] != [
        "page_metadata"
    ]


@pytest.mark.parametrize(
    ("text", "corrected", "restated"),
    [
        ("2023年填报的学前三年毛入园率为95.2%，系重复统计所致，经审计核实为93.6%。\n", 95.2, True),
        ("2023年上报九年义务教育巩固率96.9%，实为96.1%。\n", 96.9, True),
        # a later value of another year in between: no correction of the first
        ("2022年学前三年毛入园率为92.1%，2023年核定为93.0%。\n", 92.1, False),
    ],
)  # fmt: skip
def test_a_value_the_text_corrects_is_ledgered_as_restated(extractor, text, corrected, restated):
    """The value a sentence goes on to correct is no value of the plan. (The corrected
    value is not bound to the first value's indicator yet: see the session note.)"""
    result = extractor.extract(source(), clean(text))
    row = next(r for r in result.ledger if r["quote"] == f"{corrected}%")
    assert (row["disposition"] == "restated_value") == restated
    assert (corrected in [o.value for o in result.observations]) != restated


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # my own wording: a national project code's digit groups, wherever they stand
        ("城西学校改建，项目代码2022-330521-83-01-104422，新增学位600个。", "83-01"),
        ("城西学校改建，项目代码2022-330521-83-01-104422，新增学位600个。", "104422"),
        ("备案号：3301-2023-0417-88，总投资2,400万元。", "0417-88"),
    ],
)
def test_digit_groups_joined_by_hyphens_are_a_code(extractor, text, quote):
    result = extractor.extract(source(), clean(text))
    rows = [r for r in result.ledger if r["quote"] == quote]
    assert [r["disposition"] for r in rows] == ["phone_number"]
