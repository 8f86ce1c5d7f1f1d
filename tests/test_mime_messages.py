"""A plan as an e-mail's raw source (mime_message.py): headers and boundaries out of the
text, quoted-printable and base64 bodies decoded (a soft line break inside a number
joins it), one alternative of a multipart/alternative read, an attachment left out; the
structure and encoding ledgered."""

from __future__ import annotations

import base64

from analysis.mime_message import is_mime
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, CONS = "preschool_gross_enrollment_rate", "compulsory_consolidation_rate"


def _qp(text: str) -> str:
    """Quoted-printable of UTF-8 text, every non-ASCII byte escaped (no soft breaks)."""
    return "".join(
        ch if ord(ch) < 128 and ch != "=" else "".join(f"={b:02X}" for b in ch.encode())
        for ch in text
    )


PLAIN = "到2025年，学前三年毛入园率达到93.5%。"
# my own layout: multipart/mixed holding a multipart/alternative (plain QP with a soft
# break inside 93.5, HTML saying the same) and a base64 text attachment of its own values
B64 = base64.encodebytes("2020年全县九年义务教育巩固率为95.2%。\n".encode()).decode()
TEXT = (
    "From: =?UTF-8?B?5byg5LiJ?= <zs@example.gov.cn>\n"
    "Subject: plan 2023\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/mixed; boundary="AAA"\n'
    "\n"
    "This is a multi-part message in MIME format.\n"
    "--AAA\n"
    'Content-Type: multipart/alternative; boundary="BBB"\n'
    "\n"
    "--BBB\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    f"{_qp(PLAIN).replace('93.5', '93.=' + chr(10) + '5')}\n"
    "--BBB\n"
    "Content-Type: text/html; charset=utf-8\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    f'<p style=3D"x">{_qp(PLAIN)}</p>\n'
    "--BBB--\n"
    "--AAA\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    f"{B64}"
    "--AAA\n"
    "Content-Type: image/png\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\n"
    "--AAA--\n"
)


def test_the_message_reads_as_a_client_shows_it(extractor):
    assert observed(extractor, TEXT) == [
        (CONS, 2020, "=", 95.2, None, "level"),
        (PRE, 2025, "=", 93.5, None, "level"),
    ]


def test_structure_and_encoding_are_ledgered(extractor):
    result = extractor.extract(source(), clean(TEXT))
    assert not [r["quote"] for r in result.ledger if r["disposition"] == "unaccounted"]


def test_a_text_with_a_content_type_line_in_its_body_is_no_message():
    assert not is_mime("关于规划的说明\nContent-Type: text/plain\n学前三年毛入园率达到93%。\n")
    assert is_mime(TEXT)
