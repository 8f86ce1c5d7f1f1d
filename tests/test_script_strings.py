"""A page source whose article sits in a script's strings (a single-page app): the strings
read as text with their escapes, tables in them read by the HTML reader, the rest of the
script ledgered as markup."""

from __future__ import annotations

import json

import pytest

from analysis.normalise import clean
from analysis.script_strings import read_string
from tests.test_extraction import observation_rows, source

PRE = "preschool_gross_enrollment_rate"
CONS = "compulsory_consolidation_rate"
PLACES = "school_places_added"


def _read(extractor, text):
    result = extractor.extract(source(), clean(text))
    rows = observation_rows(result)
    return rows, result


def _escaped(text: str, slash: bool = False, lt: bool = False) -> str:
    """text as a JSON string's content with every non-ASCII character escaped."""
    out = json.dumps(text, ensure_ascii=True)[1:-1]
    if slash:
        out = out.replace("/", "\\/")
    if lt:
        out = out.replace("<", "\\u003C").replace(">", "\\u003E")
    return out


_ARTICLE = (
    "<h2>一、现状</h2>\n<p>2020年，全市学前三年毛入园率为88.5%，九年义务教育巩固率为95.2%。</p>\n"
    "<p>二、目标</p>\n<p>到2025年，学前三年毛入园率达到92%以上，九年义务教育巩固率达到97%，"
    "五年新增学位1.8万个。</p>"
)
_EXPECTED = [
    (CONS, 2020, "=", 95.2, None, "level"),
    (CONS, 2025, "=", 97.0, None, "level"),
    (PRE, 2020, "=", 88.5, None, "level"),
    (PRE, 2025, ">=", 92.0, None, "level"),
    (PLACES, 2025, "=", 18000.0, None, "cumulative"),
]


def _page(state: str, attrs: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>某市教育局</title></head>\n'
        '<body><div id="root"></div>\n'
        f"<script{attrs}>{state}</script>\n"
        '<script src="/js/main.3f2a91c0.js"></script>\n</body></html>\n'
    )


@pytest.mark.parametrize(
    "state",
    [
        # a Vue app's state, every Chinese character and "/" escaped
        'window.__STATE__={"page":{"id":90211,"hits":5310,"pub":1640995200000,"body":"'
        + _escaped(_ARTICLE, slash=True)
        + '"},"nav":[{"id":3,"name":"\\u901a\\u77e5\\u516c\\u544a"}]};',
        # tags escaped too, as serialize-javascript writes them ("\u003Cp\u003E")
        "window.__NUXT__={data:[{detail:{views:812,content:'"
        + _escaped(_ARTICLE, lt=True)
        + "'}}]};",
    ],
)
def test_an_article_in_a_script_state_reads_as_text(extractor, state):
    rows, result = _read(extractor, _page(state))
    assert rows == _EXPECTED
    dispositions = {r["quote"]: r["disposition"] for r in result.ledger}
    assert "unaccounted" not in dispositions.values()
    # the page's ids, view counts and timestamps are the script's fields
    for field in ("90211", "5310", "1640995200000", "812"):
        if field in state:
            assert dispositions[field] == "markup"


def test_an_unescaped_json_state_reads_as_text(extractor):
    """Next.js writes its state as plain JSON in a script of type application/json."""
    state = json.dumps({"props": {"pageProps": {"post": {"id": 77, "html": _ARTICLE}}}})
    rows, _ = _read(extractor, _page(state, ' id="__NEXT_DATA__" type="application/json"'))
    assert rows == _EXPECTED


def test_a_value_spans_the_escapes_it_was_read_from(extractor):
    """The quote of a value ends after the escape of its last character, and the escape
    right before a number is not a digit of it ("\\u5230" then "92%")."""
    text = _page('var s={"c":"' + _escaped(_ARTICLE) + '"};')
    _, result = _read(extractor, text)
    pre = [o for o in result.observations if o.indicator_id == PRE and o.year == 2025]
    assert [o.quote for o in pre] == [text[pre[0].char_start : pre[0].char_end]]
    assert text[pre[0].char_end - 6 : pre[0].char_end] == "\\u4e0a"  # 以上
    values = [r for r in result.ledger if r["disposition"] == "observation"]
    assert sorted(r["quote"] for r in values if r["quote"].startswith("92")) == [
        "92%\\u4ee5\\u4e0a"
    ]
    escapes = [r for r in result.ledger if r["quote"] in ("5230", "4e0a", "4ee5")]
    assert escapes and all(r["disposition"] == "markup" for r in escapes)


def test_a_table_in_a_script_string_is_read_with_raw_spans(extractor):
    table = (
        "<p>表1 主要指标</p><table><tr><th>指标</th><th>2020年</th><th>2025年</th></tr>"
        "<tr><td>学前三年毛入园率（%）</td><td>88.5</td><td>≥92</td></tr>"
        "<tr><td>九年义务教育巩固率（%）</td><td>95.2</td><td>97</td></tr></table>"
    )
    text = _page('window.__INITIAL_STATE__={"a":{"t":"' + _escaped(table, slash=True) + '"}}')
    rows, result = _read(extractor, text)
    assert rows == [
        (CONS, 2020, "=", 95.2, None, "level"),
        (CONS, 2025, "=", 97.0, None, "level"),
        (PRE, 2020, "=", 88.5, None, "level"),
        (PRE, 2025, ">=", 92.0, None, "level"),
    ]
    ge = next(o for o in result.observations if o.comparator == ">=")
    assert text[ge.char_start : ge.char_end] == "\\u226592"
    assert {o.method for o in result.observations} == {"table"}


def test_a_chart_script_with_short_names_stays_code(extractor):
    """A dashboard's chart options name series in Chinese but hold no article: the script
    is code, its numbers markup (the chart reader reads the chart itself)."""
    text = _page(
        "var opt={title:{text:'入园率'},xAxis:{data:['2019','2020']},"
        "series:[{name:'学前三年毛入园率',type:'line',data:[86.1,88.5]}]};"
        "setInterval(refresh,300000);"
    )
    _, result = _read(extractor, text)
    ledger = {r["quote"]: r["disposition"] for r in result.ledger}
    assert ledger["300000"] == "markup"
    assert "学前三年毛入园率" not in clean(text).paragraphs.text


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("\\u5b66\\u524d", "学前"),
        ("a\\nb\\tc", "a\nb\tc"),
        ('\\"x\\" \\/p \\\\', '"x" /p \\'),
        ("\\x41\\r", "A"),
        ("\\ud83d\\udcda 2025", "\U0001f4da 2025"),  # a surrogate pair is one character
        ("\\ud83d 2025", "\ufffd 2025"),  # half a pair alone: the replacement character
        ("\\udcda\\ud83d", "\ufffd\ufffd"),
    ],
)
def test_a_string_reads_with_its_escapes(content, text):
    raw = f'"{content}"'
    s = read_string(raw, 1, len(raw) - 1)
    assert s.text == text
    assert len(s.starts) == len(s.ends) == len(text)
    assert all(1 <= a < b <= len(raw) - 1 for a, b in zip(s.starts, s.ends, strict=True))
