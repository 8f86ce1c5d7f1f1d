"""The HTML report's font: a woff2 subset of the packaged CJK font, same bytes every time."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from analysis.report_font import FAMILY, font_face_css, site_characters, subset_woff2


@pytest.fixture(scope="module")
def subset() -> bytes:
    return subset_woff2(site_characters(["<p>白城市 学前教育 Baicheng 92.2%</p>"]))


def test_the_subset_is_woff2_and_maps_exactly_the_page_characters(subset):
    assert subset[:4] == b"wOF2"
    font = TTFont(io.BytesIO(subset))
    mapped = set(font.getBestCmap())
    wanted = set(map(ord, site_characters(["<p>白城市 学前教育 Baicheng 92.2%</p>"])))
    assert wanted <= mapped
    assert ord("佳") not in mapped  # a character the pages do not use is left out
    assert len(subset) < 40_000  # a few dozen glyphs, not the 16 MB source


def test_the_same_characters_give_the_same_bytes(subset):
    assert subset_woff2(site_characters(["<p>白城市 学前教育 Baicheng 92.2%</p>"])) == subset


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["白城 a", "a 市"], " a城市白"),  # code point order
        (["tab\there\n"], "abehrt"),  # control characters are not drawn
        ([], ""),
    ],
)
def test_site_characters_are_every_drawn_character_once_sorted(texts, expected):
    assert site_characters(texts) == expected


def test_the_css_loads_the_subset_under_its_own_family():
    css = font_face_css("fonts/x.woff2")
    assert css.startswith("@font-face {") and f'font-family: "{FAMILY}"' in css
    assert 'src: url("fonts/x.woff2") format("woff2")' in css
