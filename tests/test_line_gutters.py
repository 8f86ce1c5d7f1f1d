"""Line numbers in a draft's margin and e-mail quote marks are blanked before the text is
read (analysis/line_gutters.py); a numbered table or ">99" cells are left alone."""

from __future__ import annotations

from analysis.line_gutters import blank, gutter_spans
from analysis.normalise import clean


def _draft(lines: list[str], first: int = 1, width: int = 3) -> str:
    return "\n".join(f"{n:>{width}}  {line}".rstrip() for n, line in enumerate(lines, first))


PROSE = [
    "关于全县教育发展的若干意见（送审稿）",
    "",
    "一、现状",
    "　　截至2020年，全县共有学校86所，学前三年毛入园率为8",
    "9.5%，比上年提高1.2个百分点，九年义务教育巩固率达到95.",
    "1%。",
    "二、目标",
    "　　到2025年，学前三年毛入园率达到93%以上，新建公办幼儿",
    "园6所，招聘教师不少于400名。",
] * 3


def test_a_drafts_line_numbers_are_found_and_blanked():
    text = _draft(PROSE)
    blanks, digits = gutter_spans(text)
    assert len(digits) == len(PROSE)
    assert [text[a:b] for a, b in digits[:3]] == ["1", "2", "3"]
    out = blank(text, blanks)
    assert len(out) == len(text)
    assert out.splitlines()[3].strip().startswith("截至2020年")


def test_line_numbers_restarting_on_each_page_count_too():
    page = PROSE[:9] * 2  # a page of 18 lines, numbered 1 to 18
    text = _draft(page) + "\n" + _draft(page) + "\n" + _draft(page)
    assert len(gutter_spans(text)[1]) == 54


def test_a_long_numbered_table_is_not_a_margin():
    rows = [f"{n}  指标{n}  %  {80 + n / 10:.1f}  {90 + n / 10:.1f}" for n in range(1, 31)]
    text = "序号  指标  单位  2020年  2025年\n" + "\n".join(rows)
    assert gutter_spans(text) == ([], [])


def test_numbers_cut_by_the_margin_read_whole():
    text = clean(_draft(PROSE)).paragraphs.text
    assert "学前三年毛入园率为89.5%" in text
    assert "巩固率达到95.1%" in text
    assert "新建公办幼儿园6所" in text


def test_quote_marks_of_an_email_are_blanked():
    body = [
        "> 各位同事：",
        "> 　　规划送审稿已修改，请审阅。到2025年，学前三年毛入园率达到",
        "> 94%，普惠性幼儿园覆盖率达到90%。",
        "> > 统计股意见：2020年学前三年毛入园率为88.6%，",
        "> > 普惠性幼儿园覆盖率为84.1%。",
        ">",
        "> 谢谢！",
    ]
    text = "收到，已转发。\n\n" + "\n".join(body)
    blanks, digits = gutter_spans(text)
    assert digits == []
    assert len(blanks) == len(body)
    paragraphs = clean(text).paragraphs.text
    assert "学前三年毛入园率达到94%,普惠性幼儿园覆盖率达到90%。" in paragraphs  # NFKC "，"


def test_comparator_cells_opening_lines_are_not_quote_marks():
    text = "\n".join(["指标", "2020年", "2025年", "巩固率", ">99", ">99", ">99", ">98", ">97"])
    assert gutter_spans(text) == ([], [])


def test_a_margins_numbers_are_ledgered_as_line_numbers(extractor):
    from tests.test_extraction import source

    text = _draft(PROSE)
    result = extractor.extract(source(), clean(text))
    kinds = {r["disposition"] for r in result.ledger if r["quote"] in ("1", "2", "3", "27")}
    assert kinds == {"line_number"}
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]
    found = {(o.indicator_id, o.year, o.value) for o in result.observations}
    assert ("preschool_gross_enrollment_rate", 2020, 89.5) in found
    assert ("compulsory_consolidation_rate", 2020, 95.1) in found
    assert ("new_public_kindergartens", 2025, 6.0) in found
