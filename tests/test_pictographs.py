"""Emoji in a WeChat or web article: what the views make of them (analysis/pictographs.py)."""

import unicodedata

import pytest

from analysis.normalise import clean

CASES = [
    # a pictograph opening a line is its bullet; its spaces go with it
    ("🎒 义务教育在校生8.1万人", "• 义务教育在校生8.1万人"),
    ("  ✅✅ 巩固率97%", "• 巩固率97%"),
    # joined and toned emoji are one pictograph ("👩‍🏫", "👍🏽")
    ("👩\u200d🏫 专任教师5,120人", "• 专任教师5,120人"),
    ("👍🏽赞", "• 赞"),
    # a keycap digit numbers an item; 🔟 is ten
    ("3️⃣ 学前教育", "3、 学前教育"),
    ("4\u20e3高中教育", "4、高中教育"),
    ("🔟 投入保障", "10、投入保障"),
    # decoration mid-line goes, with one of the spaces around it
    ("达标率 ⬆️ 95%", "达标率 95%"),
    ("老师更优秀💪💪", "老师更优秀"),
    ("入学率97%🎉，巩固率", "入学率97%,巩固率"),
    # arrows between two values stay (the emoji style mark goes)
    ("入园率：88% ➡️ 93%", "入园率:88% ➡ 93%"),
    ("覆盖率84.2%➝≥90%", "覆盖率84.2%➝≥90%"),
    # a line of emoji alone is dropped
    ("第一段\n👇👇👇\n第二段", "第一段\n第二段"),
    # what is not an emoji stays: circled and dingbat numbers, check marks, bullets
    ("❶ 学前教育 ✓ ■ ① ⑴", "❶ 学前教育 ✓ ■ 1 (1)"),
    ("★ 重点任务", "• 重点任务"),
]


@pytest.mark.parametrize(("raw", "lines"), CASES)
def test_emoji_in_the_views(raw, lines):
    view = clean(raw).lines
    assert view.text == lines


@pytest.mark.parametrize(("raw", "lines"), CASES)
def test_every_kept_character_maps_to_itself(raw, lines):
    """A character the views keep sits on its raw character (NFKC aside); the ones made
    up for an emoji ("•", a keycap's "、", 🔟's "10、") sit on that emoji."""
    view = clean(raw).lines
    for ch, offset in zip(view.text, view.offsets, strict=True):
        source = raw[offset]
        if ch in unicodedata.normalize("NFKC", source):  # ⑴ is "(1)" after NFKC
            continue
        assert ch in "• 、10\n" and (
            source == "\n" or unicodedata.category(source) in ("So", "Me", "Mn", "Cf")
        ), (ch, source)
