"""Press conferences as subtitles and transcripts: subtitle cue lines
(analysis/subtitle_cues.py), a reporter's questions (extraction/speaker_turns.py), a
spoken review opener (review_openers.py) and years said relative to the time of speaking
(去年, 截至10月底: prose_years.py)."""

from __future__ import annotations

import pytest

from analysis.extraction.extract import Extractor
from analysis.normalise import clean
from analysis.subtitle_cues import subtitle_cue_lines
from tests.test_extraction import observed, source

PRE, CONS, PLACES = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "school_places_added",
)

# my own wording: a county's launch of its plan as captions, a number cut from its unit by
# a cue, a review said aloud, then the targets; a reporter restates a target in a question
SUBTITLES = """1
00:00:01,200 --> 00:00:05,800
【主持人】欢迎各位参加今天的发布会。

2
00:00:05,900 --> 00:00:11,300
【县教育局局长】我先回顾一下“十三五”。
截至去年底，全县学前三年毛入园率

3
00:00:11,400 --> 00:00:15,000
为88.4%，义务教育巩固率96.1

4
00:00:15,100 --> 00:00:19,700
%。下面介绍主要目标。到2025年，
学前三年毛入园率达到93%以上，

5
00:00:19,800 --> 00:00:24,100
五年新增学位6,000个。

6
00:00:24,200 --> 00:00:29,000
【县融媒体中心记者】您刚才说新增学位6,000个，
请问城区占多少？

7
00:00:29,100 --> 00:00:33,500
【县教育局局长】城区约占一半。
"""

SUBTITLES_EXPECTED = [
    (CONS, 2020, "=", 96.1, None, "level"),
    (PRE, 2020, "=", 88.4, None, "level"),
    (PRE, 2025, ">=", 93.0, None, "level"),
    (PLACES, 2025, "=", 6000.0, None, "cumulative"),
]


def test_subtitles_read_as_the_sentences_spoken(extractor):
    assert observed(extractor, SUBTITLES) == SUBTITLES_EXPECTED


def test_cue_numbers_and_timings_are_ledgered_not_read(extractor):
    result = extractor.extract(source(), clean(SUBTITLES))
    by_quote = {}
    for row in result.ledger:
        by_quote.setdefault(row["quote"], set()).add(row["disposition"])
    assert by_quote["00"] == {"page_number"}  # a timing's digits
    assert by_quote["6,000个"] == {"observation", "question"}  # stated, then asked about
    assert by_quote["01,200"] == {"page_number"} and by_quote["7"] == {"page_number"}
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_webvtt_cues_and_header_are_dropped_from_the_views():
    text = (
        "WEBVTT\n\n1\n00:01.000 --> 00:04.000 align:start\n到2025年，学前三年毛入园率\n\n"
        "2\n00:04.100 --> 00:07.000\n达到95%。\n"
    )
    cleaned = clean(text)
    assert cleaned.paragraphs.text == "到2025年,学前三年毛入园率达到95%。"
    assert len(subtitle_cue_lines(text)) == 5


@pytest.mark.parametrize(
    "text",
    [
        # one arrow is a flow chart's step, not a subtitle file
        "审批流程：申报 --> 审核 --> 公示\n1\n到2025年学前三年毛入园率达到95%。\n",
        # a timing-like line without its arrow pair
        "00:00:01,200 --> 00:00:05,800\n1\n学前三年毛入园率95%。\n",
    ],
)
def test_a_text_with_fewer_than_two_cues_keeps_its_lines(text):
    assert subtitle_cue_lines(text) == []


def test_a_reporters_question_restating_a_target_binds_nothing(extractor):
    text = (
        "记者：规划提出新增学位6,000个，资金从哪里来？\n"
        "答：我们将确保学前三年毛入园率达到93%以上。\n"
        "【日报记者】有人说九年义务教育巩固率要到99%，是这样吗？\n"
        "【局长】巩固率的目标是97%。\n"
    )
    assert observed(extractor, text) == [
        (CONS, 2025, "=", 97.0, None, "level"),
        (PRE, 2025, ">=", 93.0, None, "level"),
    ]


@pytest.mark.parametrize(
    ("text", "kw", "expected"),
    [
        # in a plan for a period, 去年 is its baseline, wherever the sentence points
        ("到2025年，学前三年毛入园率由去年的88%提高到95%。\n", {}, [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level")]),
        ("去年全县九年义务教育巩固率为96.5%。\n", {}, [(CONS, 2020, "=", 96.5, None, "level")]),
        # an annual plan's 去年 is its baseline (an evaluation's, the year it reviews)
        ("去年全县九年义务教育巩固率为96.5%。\n", {"document_type": "annual_work_plan", "start": 2023, "end": 2023, "baseline": 2022}, [(CONS, 2022, "=", 96.5, None, "level")]),
        # a month with no year, in a plan for a period: the year it was written (its first)
        ("截至10月底，学前三年毛入园率已达到90.2%，年底前达到91%。\n", {}, [(PRE, 2021, "=", 90.2, None, "level"), (PRE, 2021, "=", 91.0, None, "level")]),
        # 去年 in a clause with its own value dates that value only
        ("互联网接入率去年底已达100%，学前三年毛入园率从去年的88%提高到95%。\n", {}, [(PRE, 2020, "=", 88.0, None, "level"), (PRE, 2025, "=", 95.0, None, "level"), ("school_internet_access_rate", 2020, "=", 100.0, None, "level")]),
        # 比去年 compares: no year of its own
        ("到2025年，学前三年毛入园率比去年提高5个百分点。\n", {}, [(PRE, 2025, "=", 5.0, None, "increase")]),
    ],
)  # fmt: skip
def test_years_said_relative_to_the_time_of_speaking(extractor, text, kw, expected):
    assert observed(extractor, text, **kw) == sorted(expected)


def test_a_spoken_review_opener_dates_the_paragraphs_after_it(extractor: Extractor):
    text = (
        "首先回顾“十三五”。全县共有幼儿园46所；\n学前三年毛入园率达到88%。\n"
        "下面介绍主要目标。学前三年毛入园率达到95%。\n"
    )
    assert observed(extractor, text) == [
        ("kindergarten_count", 2020, "=", 46.0, None, "level"),
        (PRE, 2020, "=", 88.0, None, "level"),
        (PRE, 2025, "=", 95.0, None, "level"),
    ]
