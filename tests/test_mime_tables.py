"""A web page saved as MHTML or an e-mail's HTML body, encoded (mime_message.decoded_parts,
extraction/mime_tables.py): quoted-printable escapes decoded across soft line breaks, even
inside a character's bytes, and the HTML tables read from the decoded text."""

from __future__ import annotations

import quopri

from analysis.mime_message import decoded_parts
from analysis.normalise import clean
from tests.test_extraction import observed, source

_HTML = (
    "<html><body><h2>\u67d0\u53bf\u6559\u80b2\u4e3b\u8981\u6307\u6807</h2>\n"
    "<p>\u5907\u6ce8\uff1a\u6570\u636e\u6765\u81ea\u5e74\u62a5\u3002</p>\n"
    "<table><tr><td>\u6307\u6807</td><td>2020\u5e74</td><td>2025\u5e74</td></tr>\n"
    "<tr><td>\u4e5d\u5e74\u4e49\u52a1\u6559\u80b2\u5de9\u56fa\u7387\uff08%\uff09</td>"
    "<td>96.35</td><td>\u226597.5</td></tr>\n"
    "<tr><td>\u65b0\u589e\u5b66\u4f4d\uff08\u4e2a\uff09</td><td>1,860</td><td>4,200</td></tr>"
    "</table></body></html>\n"
)


def _mhtml(body: str) -> str:
    # my own layout: a saved page with a part boundary of my own, the HTML encoded by
    # Python's quopri (its soft breaks at 76 characters fall inside escapes and numbers)
    encoded = quopri.encodestring(body.encode("utf-8")).decode("ascii")
    return (
        "From: <Saved by WebKit>\nSubject: page\nMIME-Version: 1.0\n"
        'Content-Type: multipart/related; boundary="==b0undary=="\n\n'
        "--==b0undary==\nContent-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n\n"
        + encoded
        + "\n--==b0undary==\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n"
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB\n--==b0undary==--\n"
    )


def test_quoted_printable_decodes_across_soft_breaks():
    text = _mhtml(_HTML)
    assert "=\n" in text  # the encoder broke lines
    ((decoded, starts, ends),) = decoded_parts(text)
    assert decoded.rstrip("\n") == _HTML.rstrip("\n")
    at = decoded.index("1,860")
    assert text[starts[at] : ends[at + 4]].replace("=\n", "") == "1,860"


def test_a_saved_page_table_reads_from_the_decoded_html(extractor):
    text = _mhtml(_HTML)
    assert observed(extractor, text) == [
        ("compulsory_consolidation_rate", 2020, "=", 96.35, None, "level"),
        ("compulsory_consolidation_rate", 2025, ">=", 97.5, None, "level"),
        ("school_places_added", 2020, "=", 1860.0, None, "cumulative"),
        ("school_places_added", 2025, "=", 4200.0, None, "cumulative"),
    ]
    result = extractor.extract(source(), clean(text))
    assert [r["quote"] for r in result.ledger if r["disposition"] == "unaccounted"] == []


def test_html_block_ends_end_paragraphs():
    # a heading and a paragraph on their own lines are two paragraphs, not one
    paragraphs = clean(_HTML).paragraphs.text.split("\n")
    assert paragraphs[0] == "某县教育主要指标"
    assert paragraphs[1].startswith("备注:")
