"""Tesseract's word-level TSV (analysis/tesseract_tsv.py) and OCR look-alikes
(analysis/ocr_lookalikes.py)."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from analysis.ocr_lookalikes import lookalike_edits
from analysis.tesseract_tsv import REASON, is_tesseract_tsv
from tests.test_extraction import source

_HEAD = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)


def _row(level, line, word, left, width, text="", conf=95, top=100):
    return (
        f"{level}\t1\t1\t1\t{line}\t{word}\t{left}\t{top + 40 * line}\t{width}\t30\t{conf}\t{text}"
    )


# a scanned page: a sentence over two lines (a misread 入 and a misread 1), then a table
# line whose cells stand far apart
_PAGE = "\n".join(
    [
        _HEAD,
        _row(1, 0, 0, 0, 1240, conf=-1),
        _row(4, 1, 0, 100, 900, conf=-1),
        _row(5, 1, 1, 100, 160, "到2025年，"),
        _row(5, 1, 2, 262, 64, "学前"),
        _row(5, 1, 3, 328, 64, "三年"),
        _row(5, 1, 4, 394, 64, "毛人", conf=61),
        _row(5, 1, 5, 460, 64, "园率"),
        _row(5, 1, 6, 526, 200, "达到95%以上，"),
        _row(4, 2, 0, 100, 900, conf=-1),
        _row(5, 2, 1, 100, 260, "学生体质健康达标"),
        _row(5, 2, 2, 362, 170, "率达到9l.2%。", conf=48),
        _row(4, 3, 0, 100, 900, conf=-1),
        _row(5, 3, 1, 100, 120, "指标"),
        _row(5, 3, 2, 600, 80, "2020年"),
        _row(5, 3, 3, 800, 80, "2025年"),
        _row(4, 4, 0, 100, 900, conf=-1),
        _row(5, 4, 1, 100, 260, "九年义务教育"),
        _row(5, 4, 2, 362, 100, "巩同率(%)"),
        _row(5, 4, 3, 600, 60, "96.3"),
        _row(5, 4, 4, 800, 60, "≥97"),
    ]
)


def test_a_tsv_reads_as_its_words(extractor):
    assert is_tesseract_tsv(_PAGE)
    result = extractor.extract(source(), clean(_PAGE))
    rows = sorted((o.indicator_id, o.year, o.comparator, o.value) for o in result.observations)
    assert rows == [
        ("compulsory_consolidation_rate", 2020, "=", 96.3),
        ("compulsory_consolidation_rate", 2025, ">=", 97.0),
        ("preschool_gross_enrollment_rate", 2025, ">=", 95.0),
        ("student_physical_fitness_pass_rate", 2025, "=", 91.2),
    ]
    ledger = {(r["quote"], r["disposition"], r["reason"]) for r in result.ledger}
    assert not [q for q, d, _ in ledger if d == "unaccounted"]
    assert ("1240", "markup", REASON) in ledger  # a page's width


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("学前三年毛人园率达到95%", {5: "入"}),
        ("九年义务教育巩同率", {7: "固"}),
        ("达标率9l.2%，1O0所", {4: "1", 10: "0"}),
        # a character that makes no known phrase either way, a letter in a word
        ("全市人口同比增长", {}),
        ("Excel 2016", {}),
    ],
)
def test_lookalikes(text, expected):
    assert lookalike_edits(text) == expected


def test_a_text_that_is_no_tsv():
    assert not is_tesseract_tsv("level 1 所学校\t2020\n")
