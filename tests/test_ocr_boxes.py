"""An OCR engine's result listing (one text box a line, PaddleOCR style): boxes read in
reading order, rows of a table rebuilt from their positions, the listing's markup
ledgered."""

from __future__ import annotations

from analysis.normalise import clean
from analysis.ocr_boxes import box_segments, is_ocr_listing
from tests.test_extraction import observation_rows, source

PRE = "preschool_gross_enrollment_rate"
CONS = "compulsory_consolidation_rate"
HIGH = "upper_secondary_gross_enrollment_rate"
BUDGET = "education_budget_share"


def _box(x0, y0, x1, y1, text, conf=0.97, quote="'"):
    return (
        f"[[[{x0:.1f}, {y0:.1f}], [{x1:.1f}, {y0:.1f}], [{x1:.1f}, {y1:.1f}], "
        f"[{x0:.1f}, {y1:.1f}]], ({quote}{text}{quote}, {conf:.4f})]"
    )


# A scanned page of a plan: two printed lines of prose, then a table whose boxes the
# engine lists by their top edge, so a cell set a little higher comes before its row's
# name; one name wraps around its values; a page-number box at the foot.
_PAGE = "\n".join(
    [
        "----- page_12.jpg -----",
        "[2023/11/02 09:14:55] ppocr DEBUG: dt_boxes num : 17, elapsed : 0.2871",
        _box(90, 80, 700, 100, "到2025年，全县学前三年毛入园率达到93%以上，九年义务教育巩"),
        _box(60, 110, 520, 130, "固率稳定在97%以上，高中阶段教育毛入学率达到94%。"),
        _box(200, 160, 460, 180, "表3 主要指标", 0.9512),
        _box(70, 200, 110, 220, "指标"),
        _box(420, 200, 470, 220, "2020年"),
        _box(560, 200, 610, 220, "2025年"),
        _box(575, 232, 600, 252, "≥93"),
        _box(70, 240, 250, 260, "学前三年毛入园率（%）"),
        _box(430, 240, 460, 260, "89.6", 0.6120),
        _box(70, 280, 240, 300, "九年义务教育巩固率（%）"),
        _box(430, 280, 460, 300, "96.2"),
        _box(575, 280, 600, 300, "≥97"),
        _box(70, 315, 250, 335, "教育支出占一般公共预算"),
        _box(430, 327, 460, 347, "18.7"),
        _box(575, 327, 600, 347, "≥18"),
        _box(70, 339, 160, 359, "支出比例（%）"),
        _box(380, 1100, 410, 1120, "- 12 -", 0.5521),
    ]
)


def test_a_listing_reads_as_prose_and_a_table(extractor):
    result = extractor.extract(source(), clean(_PAGE))
    rows = observation_rows(result)
    assert rows == [
        (CONS, 2020, "=", 96.2, None, "level"),
        (CONS, 2025, ">=", 97.0, None, "level"),
        (CONS, 2025, ">=", 97.0, None, "level"),
        (BUDGET, 2020, "=", 18.7, None, "level"),
        (BUDGET, 2025, ">=", 18.0, None, "level"),
        (PRE, 2020, "=", 89.6, None, "level"),
        (PRE, 2025, ">=", 93.0, None, "level"),
        (PRE, 2025, ">=", 93.0, None, "level"),
        (HIGH, 2025, "=", 94.0, None, "level"),
    ]
    ledger = {(r["quote"], r["disposition"]) for r in result.ledger}
    assert not [q for q, d in ledger if d == "unaccounted"]
    # corners, confidences, the log line and the page-number box are the listing's markup
    for quote in ("1100.0", "0.6120", "2023", "17", "12"):
        assert (quote, "markup") in ledger


def test_rows_are_rebuilt_from_the_boxes_positions():
    text = clean(_PAGE).lines.text
    assert "学前三年毛入园率(%)\t89.6\t≥93" in text
    assert "教育支出占一般公共预算支出比例(%)\t18.7\t≥18" in text
    assert "-12-" not in text.replace(" ", "") and "1100" not in text


def test_quotes_and_escapes_of_the_listing():
    lines = [
        _box(60, 40 * k, 600, 40 * k + 20, f"第{k}行，“双师型”教师占比", quote='"')
        for k in range(5)
    ]
    lines.append(_box(60, 300, 600, 320, "学校\\'s 2025年目标"))
    text = "\n".join(lines)
    assert is_ocr_listing(text)
    view = clean(text).lines.text
    assert "学校's 2025年目标" in view
    assert view.count("“双师型”教师占比") == 5


def test_a_few_point_lists_are_no_listing():
    """Four box lines (a code sample, a label file's excerpt) leave the text as it is."""
    text = "\n".join(_box(10, 30 * k, 90, 30 * k + 20, f"第{k}项") for k in range(4))
    assert not is_ocr_listing(text)
    assert box_segments(text) == []
    assert "[[[" in clean(text).lines.text


def test_a_listing_of_page_numbers_alone_reads_nothing():
    text = "\n".join(_box(300, 40 * k, 340, 40 * k + 20, f"— {k} —") for k in range(6))
    assert is_ocr_listing(text)
    assert clean(text).lines.text == ""
