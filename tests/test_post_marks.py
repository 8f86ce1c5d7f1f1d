"""A social-media thread read as the account's posts (analysis/post_marks.py and the
readers around it): counters, post times, the account's name and readers' comments are
debris; a post cut before its value goes on in the next one; 家底/成绩单 open a review."""

from __future__ import annotations

from analysis.normalise import clean
from analysis.post_marks import post_mark_lines
from tests.test_extraction import observed, source

THREAD = """云川教育 V
22-03-02 10:15 来自 微博 weibo.com
【1/4】#云川县教育规划# 先看家底：2020年全县有各级各类学校92所，在园幼儿6,800人，义务教育在校生3.1万人。
转发 12 ｜ 评论 4 ｜ 赞 60

云川教育 V
22-03-02 10:17 来自 微博 weibo.com
【2/4】#云川县教育规划# “十三五”成绩单：学前三年毛入园率达到88.2%，普惠性幼儿园覆盖率（未完，见下条）
转发 8 ｜ 评论 2 ｜ 赞 41

云川教育 V
22-03-02 10:20 来自 微博 weibo.com
【3/4】（接上条）达到81.5%。
转发 6 ｜ 评论 1 ｜ 赞 35

云川教育 V
22-03-02 10:22 来自 微博 weibo.com
【4/4】2025年主要目标来了！学前三年毛入园率达到94%，新增学位4,500个。
转发 30 ｜ 评论 9 ｜ 赞 120

评论（共9条）
河畔小桔：新增学位4,500个够不够啊 03-02 10:40 赞 5
└ 云川教育 V 回复 @河畔小桔：城区再新增学位1,200个。 03-02 11:02 赞 3
"""


def test_a_threads_counters_times_names_and_comments_are_debris():
    spans = post_mark_lines(THREAD)
    lines = {THREAD[a:b] for a, b in spans}
    assert "云川教育 V" in lines
    assert "22-03-02 10:15 来自 微博 weibo.com" in lines
    assert "转发 12 ｜ 评论 4 ｜ 赞 60" in lines
    assert "河畔小桔：新增学位4,500个够不够啊 03-02 10:40 赞 5" in lines
    assert not any(line.startswith("【") for line in lines)


def test_a_plan_without_a_thread_has_no_post_marks():
    text = "到2025年，学前三年毛入园率达到94%。来自农村的学生占比为38%。\n阅读推广活动每年2次。"
    assert post_mark_lines(text) == []


def test_each_post_is_its_own_paragraph():
    paragraphs = clean(THREAD).paragraphs.text.split("\n")
    assert [p[:5] for p in paragraphs if p.startswith("【")] == [
        "【1/4】",
        "【2/4】",
        "【3/4】",
        "【4/4】",
    ]


def test_a_thread_is_read_as_its_posts(extractor):
    assert observed(extractor, THREAD) == [
        ("compulsory_enrollment", 2020, "=", 31000.0, None, "level"),
        ("inclusive_kindergarten_coverage", 2020, "=", 81.5, None, "level"),
        ("kindergarten_enrollment", 2020, "=", 6800.0, None, "level"),
        ("preschool_gross_enrollment_rate", 2020, "=", 88.2, None, "level"),
        ("preschool_gross_enrollment_rate", 2025, "=", 94.0, None, "level"),
        ("school_count", 2020, "=", 92.0, None, "level"),
        ("school_places_added", 2025, "=", 4500.0, None, "cumulative"),
    ]
    result = extractor.extract(source(), clean(THREAD))
    posts = [r["quote"] for r in result.ledger if r["reason"].startswith("a post's number")]
    assert posts == ["1", "4", "2", "4", "3", "4", "4", "4"]
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]
