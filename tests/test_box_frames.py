"""Text boxed in a one-column frame of box-drawing characters (a 专栏 drawn ┌─┐ │…│ └─┘,
╔═╗ ║…║ ╚═╝): the frame is dropped from the views, so the text wrapped inside it reads as
prose again, words and numbers cut at the frame's edge joined."""

from __future__ import annotations

import pytest

from analysis.box_frames import frame_spans
from analysis.normalise import clean
from tests.test_extraction import observed

_DOUBLE = (
    "╔══════════════════╗\n"
    "║专栏1　学前教育扩容工程　　║\n"
    "╠══════════════════╣\n"
    "║1、新建公办幼儿园1║\n"
    "║2所，新增学位3,600个。　　║\n"
    "║2、培训幼儿园教师2,000人║\n"
    "║次。　　　　　　　　　　　║\n"
    "╚══════════════════╝\n"
)
# a table drawn with the same characters keeps its frame: it has inner bars and junctions
_TABLE = "┌──┬──┐\n│指标│2025年│\n├──┼──┤\n│学前三年毛入园率│95│\n└──┴──┘\n"


def test_the_frame_goes_and_the_wrapped_text_joins():
    assert clean(_DOUBLE).paragraphs.text == (
        "专栏1  学前教育扩容工程\n1、新建公办幼儿园12所,新增学位3,600个。\n2、培训幼儿园教师2,000人次。"
    )


def test_a_table_keeps_its_frame():
    assert frame_spans(_TABLE, 0, len(_TABLE)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_DOUBLE, [("new_public_kindergartens", 2025, "=", 12.0, None, "cumulative"), ("school_places_added", 2025, "=", 3600.0, None, "cumulative"), ("teacher_training_person_times", 2025, "=", 2000.0, None, "cumulative")]),
        (_TABLE, [("preschool_gross_enrollment_rate", 2025, "=", 95.0, None, "level")]),
    ],
)  # fmt: skip
def test_boxed_values_are_read(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
