"""HTML kept entity-escaped inside XML (a feed's item body): its escaped tags are markup,
its tables are read, an entity escaped twice reads as its character (escaped_html.py)."""

from __future__ import annotations

from analysis.escaped_html import escaped_html_edits, is_escaped_html, unescaped
from analysis.normalise import clean
from tests.test_extraction import observed

PRE, CONS, BUDGET = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "education_budget_share",
)

# my own layout: an Atom feed, the body as escaped HTML with a table and &amp;ge;
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>示例县教育局</title><updated>2022-04-06T09:00:00+08:00</updated>
<entry><id>tag:jyj.example.gov.cn,2022:10086</id>
<title>规划主要指标一览</title>
<content type="html">&lt;p&gt;到2025年，教育支出占一般公共预算支出比例不低于18%。&lt;/p&gt;&lt;table class=&quot;zb&quot;&gt;&lt;tr&gt;&lt;th&gt;指标&lt;/th&gt;&lt;th&gt;2020年&lt;/th&gt;&lt;th&gt;2025年&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;学前三年毛入园率（%）&lt;/td&gt;&lt;td&gt;89.2&lt;/td&gt;&lt;td&gt;&amp;ge;93&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;九年义务教育巩固率（%）&lt;/td&gt;&lt;td&gt;95.4&lt;/td&gt;&lt;td&gt;&amp;gt;96&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</content>
</entry>
</feed>
"""


def test_a_feeds_escaped_body_is_read_as_html(extractor):
    assert is_escaped_html(ATOM)
    assert observed(extractor, ATOM) == [
        (CONS, 2020, "=", 95.4, None, "level"),
        (CONS, 2025, ">", 96.0, None, "level"),
        (BUDGET, 2025, ">=", 18.0, None, "level"),
        (PRE, 2020, "=", 89.2, None, "level"),
        (PRE, 2025, ">=", 93.0, None, "level"),
    ]


def test_the_escaped_tags_leave_the_views():
    views = clean(ATOM).paragraphs.text
    assert "&lt;" not in views and "<" not in views
    assert "学前三年毛入园率(%)\t89.2\t≥93" in views


def test_escapes_keep_their_raw_spans():
    text = "a&lt;b&gt;c&amp;d"
    read = unescaped(text)
    assert read.text == "a<b>c&d"
    assert read.raw_span(1, 2) == (1, 5)  # "<" is "&lt;"
    assert read.raw_span(6, 7) == (16, 17)  # "d"


def test_one_escaped_less_than_in_a_sentence_is_no_html():
    assert not is_escaped_html("比例 &lt; 5%，&lt;p&gt;一处&lt;/p&gt;")
    spans, replaced = escaped_html_edits("&lt;p&gt;x&amp;nbsp;y&lt;/p&gt;")
    assert sorted(replaced.values()) == ["\n", "\n", " "]
    assert len(spans) == 3
