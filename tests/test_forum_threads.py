"""A forum thread saved as its BBCode source (bbcode.py) and its posts (forum_posts.py):
the tags are markup, [table] rows read as a table, the opening post is the document and
the replies are no statement of the plan."""

from __future__ import annotations

from analysis.bbcode import bbcode_edits, is_bbcode
from analysis.forum_posts import forum_post_lines
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, CONS, PLACES = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "school_places_added",
)

# my own layout: a phpBB-style thread, "楼" floors, a [th] header row, a list, an
# attachment, a reply quoting the opening post and a reply by the same account later
THREAD = """示例论坛 › 本地新闻
主题：示例区教育规划发布  查看: 1204 | 回复: 3

1楼
示例区教育局
主题 88 | 积分 1530
发表于 2022-1-5 10:20
[size=4][b]一、主要目标[/b][/size]
到2025年，全区新增学位[color=red]4,500个[/color]。
[table]
[tr][th]指标[/th][th]2020年[/th][th]2025年[/th][/tr]
[tr][td]学前三年毛入园率（%）[/td][td]90.5[/td][td]≥94[/td][/tr]
[tr][td]九年义务教育巩固率（%）[/td][td]96.1[/td][td]≥97[/td][/tr]
[/table]
[attach]7731[/attach]

2楼
学区家长
主题 3 | 积分 12
发表于 2022-1-5 11:02
[quote]到2025年，全区新增学位4,500个。[/quote]
我们小区旁边能新增学位600个吗？

3楼
示例区教育局
主题 88 | 积分 1530
发表于 2022-1-5 15:40
回复 2楼：南片将新增学位900个。
"""


def test_a_threads_opening_post_is_read_and_its_replies_are_not(extractor):
    assert is_bbcode(THREAD)
    assert observed(extractor, THREAD) == [
        (CONS, 2020, "=", 96.1, None, "level"),
        (CONS, 2025, ">=", 97.0, None, "level"),
        (PRE, 2020, "=", 90.5, None, "level"),
        (PRE, 2025, ">=", 94.0, None, "level"),
        (PLACES, 2025, "=", 4500.0, None, "cumulative"),
    ]


def test_a_threads_counts_headers_and_replies_are_debris_in_the_ledger(extractor):
    result = extractor.extract(source(), clean(THREAD))
    why = {(r["quote"], r["line"]): r["disposition"] for r in result.ledger}
    assert why[("1204", 2)] == "page_number"  # the thread's counts
    assert why[("1530", 6)] == "page_number"  # the author's info line
    assert why[("600", 22)] == "page_number"  # a reader's reply
    assert why[("900", 28)] == "page_number"  # the account's own later reply
    assert why[("7731", 15)] == "markup"  # an attachment's id
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_posts_by_the_opening_author_right_after_it_continue_the_document():
    text = "1#\n局\n发表于 2022-1-5 10:20\n甲\n2#\n局\n发表于 2022-1-5 10:21\n乙\n3#\n丙君\n发表于 2022-1-5 10:30\n丁\n"
    kept = [text[a:b] for a, b in forum_post_lines(text)]
    assert "甲" not in kept and "乙" not in kept  # the opening post, continued
    assert "丁" in kept and "3#" in kept


def test_a_cells_end_reads_as_a_tab_and_a_rows_end_before_a_line_end_as_nothing():
    spans, replaced = bbcode_edits("[tr][td]a[/td][td]b[/td][/tr]\n[b]c[/b][/quote]")
    texts = sorted(replaced.values())
    # [/tr] before a line end reads as nothing, [/quote] at the text's end as one
    assert texts == ["\t", "\t", "\n"]
    assert len(spans) == 9  # every tag
