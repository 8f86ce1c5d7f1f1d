"""Glyph codes a PDF's text extraction printed for characters without Unicode
("(cid:3021)"): read from their neighbours, ledgered as markup (analysis/pdf_glyphs.py)."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from analysis.pdf_glyphs import REASON, decipher, glyph_edits, has_glyph_codes
from tests.test_extraction import observation_rows, source

HIGH = "upper_secondary_gross_enrollment_rate"
BACH = "compulsory_teacher_bachelor_share"
SCHOOLS = "school_count"

# pdfminer's output of a page whose body font has no Unicode for 学 (cid:3021) and
# whose bold font none for 年 (cid:88) and % (cid:5); lines broken at the box width
_PAGE = (
    "一、发展基础\n\n"
    "2020年末，全县共有各级各类(cid:3021)校42所。高中阶段教育毛入(cid:3021)\n"
    "率为91.5%，义务教育专任教师本科以上(cid:3021)历比例为\n"
    "63.2%，比2015年提高9个百分点，普惠性幼儿园覆盖率达到85%以上。\n\n"
    "二、发展目标\n\n"
    "到2025(cid:88)，高中阶段教育毛入学率达到95(cid:5)以上，义务\n"
    "教育专任教师本科以上(cid:3021)历比例达到75(cid:5)。\n"
)


def test_a_page_with_glyph_codes_reads_as_text(extractor):
    result = extractor.extract(source(), clean(_PAGE))
    rows = observation_rows(result)
    assert rows == [
        (BACH, 2020, "=", 9.0, None, "increase"),
        (BACH, 2020, "=", 63.2, None, "level"),
        (BACH, 2025, "=", 75.0, None, "level"),
        ("inclusive_kindergarten_coverage", 2020, ">=", 85.0, None, "level"),
        (SCHOOLS, 2020, "=", 42.0, None, "level"),
        (HIGH, 2020, "=", 91.5, None, "level"),
        (HIGH, 2025, ">=", 95.0, None, "level"),
    ]
    ledger = {(r["quote"], r["disposition"], r["reason"]) for r in result.ledger}
    assert not [q for q, d, _ in ledger if d == "unaccounted"]
    # the glyph numbers are the codes' markup, never values or years; a 年 or a % read
    # from a code is part of its year or value
    assert ("3021", "markup", REASON) in ledger
    assert ("2025(cid:88)", "year", "a year") in ledger
    assert ("75(cid:5)", "observation", "prose") in ledger


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the codebook's phrases and the text's own words read a glyph
        ("学前三年毛入(cid:1968)率达到90%，在(cid:1968)幼儿1.2万人", {"1968": "园"}),
        # after a year, what follows years elsewhere in the text; after a value, what
        # follows values ("2022年，", "92%以上")
        ("2022年，…到2025(cid:9)，…达到92%以上，…达到95(cid:7)以上", {"9": "年", "7": "%"}),
        # a code with no telling neighbours is read as nothing
        ("(cid:12)(cid:13)", {}),
    ],
)
def test_decipher(text, expected):
    lexicon = "学前三年毛入园率\n在园幼儿"
    assert decipher(text, lexicon) == expected


def test_unknown_codes_leave_the_views():
    spans, chars = glyph_edits("见表(cid:40123)(cid:40124)。")
    assert spans == [(2, 13), (13, 24)]
    assert chars == {2: "", 13: ""}
    assert clean("见表(cid:40123)(cid:40124)。").paragraphs.text == "见表。"


def test_a_text_without_codes_is_no_pdf_extraction():
    assert not has_glyph_codes("cid:12 是一个字段名")
    assert has_glyph_codes("毛入(cid:1968)率")
