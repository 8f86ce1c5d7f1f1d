"""A plan as hOCR (hocr_source.py): words joined as the boxes' gaps say, a wide gap a
table's column break, lines of markup only gone, an indented line a new paragraph; the
boxes' and confidences' numbers ledgered as markup."""

from __future__ import annotations

from analysis.hocr_source import is_hocr
from analysis.normalise import clean
from tests.test_extraction import observed, source


def _line(box, words):
    """An ocr_line with its words: (x0, x1, text) each, 30 pixels high at y=box."""
    inner = "".join(
        f"<span class='ocrx_word' id='w{x0}' title='bbox {x0} {box} {x1} {box + 30}; "
        f"x_wconf 9{len(t) % 10}'>{t}</span>"
        for x0, x1, t in words
    )
    return (
        f"<span class='ocr_line' title='bbox {words[0][0]} {box} {words[-1][1]} {box + 30}; "
        f"baseline 0 -6'>{inner}</span>"
    )


# my own layout: prose split into several words a line (small gaps), a wrap inside a
# name, a four-column table (two value years and an attribute), an ocr_par per paragraph
TEXT = "\n".join(
    [
        "<div class='ocr_page' title='bbox 0 0 1240 1754; ppageno 3'>",
        "<p class='ocr_par'>",
        _line(
            150,
            [
                (180, 420, "“十三五”末，全县学前"),
                (428, 700, "三年毛入园率为88.3%，"),
                (712, 980, "九年义务教育"),
            ],
        ),
        _line(190, [(100, 430, "巩固率为95.4%。")]),
        "</p>",
        _line(
            260,
            [(100, 180, "指标"), (500, 590, "2020年"), (700, 790, "2025年"), (900, 960, "属性")],
        ),
        _line(
            300,
            [
                (100, 330, "学前三年毛入园率"),
                (500, 550, "88.3"),
                (700, 750, "≥93"),
                (900, 990, "预期性"),
            ],
        ),
        _line(
            340,
            [
                (100, 350, "九年义务教育巩固率"),
                (500, 550, "95.4"),
                (700, 740, "97"),
                (900, 990, "约束性"),
            ],
        ),
        "<p class='ocr_par'>",
        _line(400, [(180, 600, "到2025年，九年义务教育巩固率"), (606, 760, "达到97%。")]),
        "</p>",
        "</div>",
    ]
)


def test_hocr_prose_and_table_read(extractor):
    assert observed(extractor, TEXT) == [
        ("compulsory_consolidation_rate", 2020, "=", 95.4, None, "level"),
        ("compulsory_consolidation_rate", 2020, "=", 95.4, None, "level"),
        ("compulsory_consolidation_rate", 2025, "=", 97.0, None, "level"),
        ("compulsory_consolidation_rate", 2025, "=", 97.0, None, "level"),
        ("preschool_gross_enrollment_rate", 2020, "=", 88.3, None, "level"),
        ("preschool_gross_enrollment_rate", 2020, "=", 88.3, None, "level"),
        ("preschool_gross_enrollment_rate", 2025, ">=", 93.0, None, "level"),
    ]


def test_boxes_and_confidences_are_markup(extractor):
    result = extractor.extract(source(), clean(TEXT))
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]
    at = {r["char_start"]: r["disposition"] for r in result.ledger}
    assert at[TEXT.index("1240")] == "markup"
    assert at[TEXT.index("x_wconf") + 8] == "markup"


def test_html_with_other_classes_is_not_hocr():
    assert not is_hocr("<div class='content'><p>学前三年毛入园率达到95%。</p></div>")
    assert is_hocr(TEXT)
