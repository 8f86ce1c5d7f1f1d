"""Values kept in one object under keys that name both the indicator and the year, as a GIS
layer's summary feature or a dashboard's record holds them
(`"学前三年毛入园率_2020": 90.4, "学前三年毛入园率_2025": "≥95", "新增学位_十四五": 6300`,
also "毛入园率（2025年）", "2025年毛入园率", "毛入园率-2025").

The object is pivoted to one grid (indicator | its years, in the order they first
appear), so the one interpreter reads the values: a string value is read as its text
("≥95", "10000左右"), a null is an empty cell. A period key ("_十四五") heads a column as
a bare period does beside years. An object with fewer than three such keys (a township's
"2025年规划学位") is no table: its numbers are left to the other readers.
"""

from __future__ import annotations

import re

from analysis.extraction.grid import Grid, GridCell
from analysis.extraction.js_literals import enclosing_open, literal_at
from analysis.extraction.span_sets import SpanSet
from analysis.extraction.table_readers import clean_cell

_PERIOD = r"十[一二三四五六七八九]五"
_WHEN = rf"(?:19|20)\d\d年?|“?{_PERIOD}”?(?:期间|累计)?"
# the name, a joint, the year (or the year first): the key's text, not its quotes
_NAME_FIRST = re.compile(
    rf"^(?P<name>.*?[\u4e00-\u9fff）)%]) ?[_\-－—·.:：/ ]? ?[（(]?(?P<when>{_WHEN})[)）]?$"
)
_WHEN_FIRST = re.compile(rf"^(?P<when>{_WHEN})[_\-－—·.:：/ ]?(?P<name>[\u4e00-\u9fff].*)$")
# the end of a quoted key: "…":
_KEY_END = re.compile(r"""["']\s*:""")
_MIN_KEYS = 3
_REACH = 20_000  # how far back an object may open before its key
_KEY_YEAR = "the year in a field's key (毛入园率_2025)"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_JOINTS = " _-－—·.:：/（("
_FLAT = ("string", "number", "word")


def read_year_keyed_objects(raw: str, skip: SpanSet) -> list[Grid]:
    """Every object with three or more year-keyed values, one grid each."""
    grids: list[Grid] = []
    done = -1
    for m in _KEY_END.finditer(raw):
        if m.start() < done:
            continue
        quote = raw[m.start()]
        opened = raw.rfind(quote, max(0, m.start() - 80), m.start())
        if opened < 0 or split_key(raw[opened + 1 : m.start()]) is None:
            continue
        opening = enclosing_open(raw, m.start(), max(0, done, m.start() - _REACH))
        if opening is None:
            continue
        node = literal_at(raw, opening)
        if node is None or node.kind != "object":
            continue
        done = node.end
        if skip.overlaps(node.start, node.end):
            continue
        grid = _grid(node)
        if grid is not None:
            grids.append(grid)
    return grids


def split_key(key: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The (start, end) in the key of its indicator name and of its year or period, for a
    key that names both, else None."""
    found = _NAME_FIRST.match(key) or _WHEN_FIRST.match(key)
    if found is None:
        return None
    a, b = found.span("name")
    while a < b and key[a] in _JOINTS:
        a += 1
    while b > a and key[b - 1] in _JOINTS:
        b -= 1
    if len(_HAN.findall(key, a, b)) < 2:
        return None  # "2025年" alone, "年_2020": no indicator's name
    return (a, b), found.span("when")


def _part(key: str, at: tuple[int, int], span: tuple[int, int]) -> GridCell:
    """The key's part `span` as a cell, its raw span exact when the key has no escapes."""
    text = key[span[0] : span[1]]
    if at[1] - at[0] != len(key):  # escapes: the raw offsets differ, the whole key stands
        return GridCell(text, at[0], at[1])
    return GridCell(text, at[0] + span[0], at[0] + span[1])


def _grid(node) -> Grid | None:
    names: dict[str, GridCell] = {}
    whens: dict[str, GridCell] = {}
    values: dict[tuple[str, str], GridCell] = {}
    keyed = []
    for key, (at, value) in node.keys.items():
        parts = split_key(key) if value.kind in _FLAT else None
        if parts is not None:
            keyed.append((key, at, value, parts))
    # one naming scheme holds the values; a key of the other ("2025年规划学位" among
    # "毛入园率_2025") is a property every feature has, no indicator's year
    name_first = sum(1 for *_, parts in keyed if parts[0][0] < parts[1][0])
    scheme = name_first * 2 >= len(keyed)
    labels = []
    for key, at, value, parts in keyed:
        name_cell, when_cell = _part(key, at, parts[0]), _part(key, at, parts[1])
        labels.append(((when_cell.start, when_cell.end), "table_header", _KEY_YEAR))
        if (parts[0][0] < parts[1][0]) != scheme:
            continue
        name, when = name_cell.text, when_cell.text
        names.setdefault(name, name_cell)
        whens.setdefault(when, when_cell)
        if value.kind == "word":  # null, true, false: nothing stated
            values[name, when] = GridCell("", value.start, value.start)
        else:
            values[name, when] = GridCell(clean_cell(value.text), value.start, value.end)
    if len(values) < _MIN_KEYS:
        return None
    rows = [[GridCell("指标", node.start, node.start), *whens.values()]]
    for name, cell in names.items():
        empty = GridCell("", cell.end, cell.end)
        rows.append([cell, *(values.get((name, w), empty) for w in whens)])
    return Grid("year_keyed_object", "", node.start, node.end, rows, labels)
