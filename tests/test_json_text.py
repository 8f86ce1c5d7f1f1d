"""A plan kept as JSON data whose string fields hold the article (analysis/json_text.py):
the strings are read with their escapes, the rest is markup, a page fetched twice is
read once, and a table kept as JSON objects is no article."""

from __future__ import annotations

import json

from analysis.json_text import REASON, is_json_text
from analysis.normalise import clean
from tests.test_extraction import observed, source

ARTICLE = (
    "第二部分　主要目标\n到2025年，学前三年毛入园率达到95.5%，"
    "九年义务教育巩固率达到97%以上，“十四五”期间新增学位2.4万个。"
)
# my own layout: one JSON document (not JSON Lines), an array of pages with nested
# metadata, escaped as ensure_ascii writes it; the second page a repeat of the first
DOC = json.dumps(
    {
        "crawl": {"id": 20230815, "agent": "spider/2.1"},
        "pages": [
            {"n": 1, "html_len": 58213, "body": ARTICLE},
            {"n": 2, "html_len": 58213, "body": ARTICLE},
        ],
    },
    ensure_ascii=True,
    indent=1,
)


def test_a_json_document_reads_as_its_article(extractor):
    assert is_json_text(DOC)
    assert observed(extractor, DOC) == [
        ("compulsory_consolidation_rate", 2025, ">=", 97.0, None, "level"),
        ("preschool_gross_enrollment_rate", 2025, "=", 95.5, None, "level"),
        ("school_places_added", 2025, "=", 24000.0, None, "cumulative"),
    ]
    result = extractor.extract(source(), clean(DOC))
    ledger = {(r["quote"], r["disposition"], r["reason"]) for r in result.ledger}
    assert not [q for q, d, _ in ledger if d == "unaccounted"]
    assert ("58213", "markup", REASON) in ledger
    # the observation's raw span is the escaped text as it stands in the file
    spans = sorted(DOC[o.char_start : o.char_end] for o in result.observations)
    assert spans[1].endswith("\\u8fbe\\u523095.5%")  # 达到95.5%
    assert spans[2].endswith("2.4\\u4e07\\u4e2a")  # 2.4万个


def test_json_with_no_article_is_not_read_as_one():
    # a table kept as one JSON object a line (json_lines.py reads it)
    rows = '{"指标":"学前三年毛入园率","2025年":"≥95"}\n{"指标":"巩固率","2025年":"97"}\n'
    assert not is_json_text(rows)
    assert not is_json_text("到2025年，" + ARTICLE)  # text that does not open as JSON
