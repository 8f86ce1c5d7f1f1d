"""Sections of a roundup about other areas: a news roundup or an overview of several cities'
plans gives each city a section under a title naming it ("芷岭：五年新增学位12万个",
"槿川、桉州：山区市聚焦普惠和师资"), and the plan's own city is one of them.

A title line naming areas (two or three characters each, joined by 、, then a colon) whose
next paragraph names one of them as an area ("芷岭市把学位建设放在首位") opens a section
about those areas; the next title line (a short line with no full stop) closes it. A value in
a section about other areas is theirs, unless its sentence names the plan's own area before
it ("萩浦、沅汐两市均提出…不低于60%"). A section naming the plan's own area is the plan's.
"""

from __future__ import annotations

import re

# a title opening a paragraph (the paragraphs view glues a title line to the text under
# it): a short lead with no punctuation, then a colon ("一图看懂：…", "芷岭：…")
_TITLE_LEAD = re.compile(r"\s*([^，,。；;！？!?：:\n]{2,30})[：:]")
# the title of an area's section: two or three characters a name, joined by 、
_AREA_NAMES = re.compile(r"[\u4e00-\u9fff]{2,3}(?:[、和与及][\u4e00-\u9fff]{2,3})*")
_NAME_SPLIT = re.compile(r"[、和与及]")
_SUFFIXES = "市县区州盟旗镇"
_OWN_SUFFIX = re.compile(f"[{_SUFFIXES}]$")
# any paragraph opening on an area title: one C search decides most plans have none
_ANY_AREA_TITLE = re.compile(
    r"^\s*[\u4e00-\u9fff]{2,3}(?:[、和与及][\u4e00-\u9fff]{2,3})*[：:]", re.MULTILINE
)
_NAME_REACH = 80  # the area named as such soon after its title
_TITLE_LONGEST = 30


def own_stem(own: str) -> str:
    """The plan's own area without its suffix ("萩浦市" -> "萩浦")."""
    return _OWN_SUFFIX.sub("", own) if len(own) > 2 else own


def area_sections(text: str, own: str) -> dict[int, tuple[str, ...]]:
    """Paragraph index (of the paragraphs view `text`) -> the other areas the section
    holding it is about (none for the plan's own sections and for paragraphs outside any
    area's section)."""
    if not own or _ANY_AREA_TITLE.search(text) is None:
        return {}
    stem = own_stem(own)
    out: dict[int, tuple[str, ...]] = {}
    current: tuple[str, ...] = ()
    texts = text.split("\n")
    for i, para in enumerate(texts):
        title = _TITLE_LEAD.match(para)
        if title is not None:
            current = ()  # a title closes the section before
            lead = title.group(1)
            if _AREA_NAMES.fullmatch(lead):
                names = tuple(_NAME_SPLIT.split(lead))
                # the text under the title: glued to it, or the next paragraph
                after = para[title.end() : title.end() + _NAME_REACH]
                if len(para) <= _TITLE_LONGEST and i + 1 < len(texts):
                    after += texts[i + 1][:_NAME_REACH]
                named = any(re.search(f"{re.escape(n)}[{_SUFFIXES}]", after) for n in names)
                if named and stem not in names:
                    current = names
        if current:
            out[i] = current
    return out


def names_own_area(text: str, s_start: int, q_start: int, own: str) -> bool:
    """Whether the sentence names the plan's own area before the value."""
    return text.find(own_stem(own), s_start, q_start) >= 0
