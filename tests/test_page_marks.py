"""Lines a paginated web page or print leaves between pages: "page N of M" counters and
breadcrumb trails. They cut sentences, words and tables; the cleaned views drop them."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from analysis.page_marks import page_mark_lines

LINES = [
    # (line, is a page mark)
    ("第 3 页 共 12 页", True),
    ("第3页/共12页", True),
    ("共12页　第3页", True),
    ("第３页，共１２页", True),
    ("第 3 頁 共 12 頁", True),  # traditional characters, as the raw text has them
    ("Page 3 of 12", True),
    ("首页 > 信息公开 > 规划计划", True),
    ("当前位置：首页 » 政务公开 » 教育规划", True),
    ("首页＞新闻中心＞通知公告＞正文", True),
    # not marks: a sentence naming pages, a comparison, one arrow, HTML, a table row
    ("本规划共12页，第3页为指标表。", False),
    ("生师比>15且班额>45的学校", False),
    ("学前教育 > 义务教育", False),
    ("<tr><td>学前</td><td>90</td></tr>", False),
    ("第3页", False),
]


@pytest.mark.parametrize(("line", "is_mark"), LINES)
def test_a_page_mark_is_a_whole_line_of_its_own(line, is_mark):
    text = f"正文第一行\n{line}\n正文第二行"
    expected = [(6, 6 + len(line))] if is_mark else []
    assert page_mark_lines(text) == expected


def test_a_sentence_and_a_number_cut_by_a_page_join_again():
    raw = (
        "全市共有幼儿园4\n\n第 2 页 共 5 页\n某县门户网站 > 政务公开 > 文件\n\n"
        "12所，在园幼儿3.1万人。\n"
    )
    text = clean(raw).paragraphs.text
    assert text == "全市共有幼儿园412所,在园幼儿3.1万人。"
