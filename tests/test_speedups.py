"""The build's shortcuts give exactly what the plain code gave (issue 8: speed).

Each shortcut replaced simpler code: rows rendered per plan in a worker, a sort key
without a Python call per row, line numbers by binary search, the registry parsed once
per build, sentence breaks by regex, numbers found from their first character, cells
rendered inline, plan hashes taken from the reading check, schemas prechecked by compiled
code. These tests hold each to the plain version (the per-plan stage's own
shortcuts are in test_plan_reading.py).
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from analysis import paths, validation, yamlio
from analysis.build_inputs import build_inputs
from analysis.csv_text import cell_text
from analysis.database import (
    SCHEMAS,
    RenderedRows,
    parse_rows,
    render_plain_objects,
    render_rows,
    write_csv,
)
from analysis.errors import InputError, LineNumbers, line_of
from analysis.extraction.prose_binder import SENTENCE_BREAK
from analysis.extraction.prose_number_kinds import _LINE_OPENING, _LIST_MARK_AFTER
from analysis.extraction.prose_phrases import next_break as _next_break
from analysis.extraction.quantities import _GROUPS, QuantityFinder
from analysis.extraction.table_readers import _BOX_BARS, _split
from analysis.normalise import clean
from analysis.observations import Observation, with_updates
from analysis.rules import load_rules
from analysis.sources import load_sources, read_raw
from analysis.themes import ThemeHit
from analysis.validation import inline_refs, load_checked


def _hit(source_id: str, start: int, theme: str, quote: str = "x") -> dict:
    return {
        "source_id": source_id,
        "theme_id": theme,
        "keyword": quote,
        "paragraph_index": start // 10,
        "heading": "一、发展基础",
        "char_start": start,
        "char_end": start + len(quote),
        "quote": quote,
    }


HITS = [
    _hit("b_city", 40, "equity"),
    _hit("a_city", 7, "quality", '含"引号",逗号'),
    _hit("b_city", 3, "digital"),
    _hit("a_city", 7, "equity"),
    _hit("c_city", 0, "equity", "多行\n引文"),
    _hit("a_city", 2, "teachers"),
]


def test_rows_rendered_per_plan_give_the_file_of_all_rows(tmp_path):
    """Workers render each plan's theme hits; the parent joins them in any order."""
    write_csv(tmp_path / "all.csv", "theme_hits", HITS)
    by_plan: dict[str, list[dict]] = {}
    for row in HITS:
        by_plan.setdefault(row["source_id"], []).append(row)
    rendered = [RenderedRows(sid, render_rows("theme_hits", rows)) for sid, rows in by_plan.items()]
    random.Random(3).shuffle(rendered)
    write_csv(tmp_path / "plans.csv", "theme_hits", rendered)
    assert (tmp_path / "plans.csv").read_bytes() == (tmp_path / "all.csv").read_bytes()
    lines = (tmp_path / "all.csv").read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("a_city,teachers,")  # (source_id, char_start, theme_id)


def test_rows_rendered_apart_are_refused_when_two_parts_share_a_lead(tmp_path):
    """Two parts of one city would interleave in the plain order: joining them is wrong."""
    with pytest.raises(ValueError, match="share city_id"):
        write_csv(
            tmp_path / "x.csv", "observations", [RenderedRows("a", ""), RenderedRows("a", "")]
        )


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ((2025, 2020, None, 2022), ["2020", "2022", "2025", ""]),  # None last
        ((2025, 2020, 2021, 2022), ["2020", "2021", "2022", "2025"]),  # the itemgetter path
    ],
)
def test_sort_puts_missing_values_last_with_or_without_a_none(tmp_path, years, expected):
    rows = [{"source_id": "s", "indicator_id": "i", "year": y, "role": "r"} for y in years]
    for r in rows:
        r.update(city_id="c", char_start=0, observation_id=f"o{r['year']}")
    write_csv(tmp_path / "o.csv", "observations", rows)
    body = (tmp_path / "o.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [line.split(",")[4] for line in body] == expected


@pytest.mark.parametrize(
    "text", ["", "a", "\n", "ab\ncd\n\nef", "\n\n\n", "一行\r\n二行\n三"], ids=repr
)
def test_line_numbers_agree_with_line_of(text):
    lines = LineNumbers(text)
    assert [lines.of(i) for i in range(len(text) + 2)] == [
        line_of(text, i) for i in range(len(text) + 2)
    ]


@pytest.mark.parametrize(
    ("text", "pos", "limit", "expected"),
    [
        ("一二。三四", 0, 5, 2),
        ("一二。三四", 3, 5, 5),  # no break before the limit: the limit
        ("一二\n三", 0, 4, 2),
        ("一二；三", 0, 1, 1),  # the break lies past the limit
        ("一二。", 2, 2, 2),  # an empty range
        ("一二。", 2, 1, 2),  # a limit before the start: the start
    ],
)
def test_next_break(text, pos, limit, expected):
    assert _next_break(text, pos, limit, SENTENCE_BREAK) == expected


REGISTRY = """sources:
- source_id: a
  city_id: a
  file: a.txt
  sha256: "{sha}"
"""


def _registry(tmp_path: Path) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(REGISTRY.format(sha="0" * 64), encoding="utf-8")
    return path


def test_parse_once_shares_one_parse_while_the_text_is_unchanged(tmp_path):
    path = _registry(tmp_path)
    with yamlio.parse_once():
        first = yamlio.load_yaml(path)
        assert yamlio.load_yaml(path) is first
        path.write_text(REGISTRY.format(sha="1" * 64), encoding="utf-8")
        changed = yamlio.load_yaml(path)
        assert changed is not first and changed["sources"][0]["sha256"] == "1" * 64
    # outside the block every call parses afresh: nothing is kept between builds
    assert yamlio.load_yaml(path) is not yamlio.load_yaml(path)


def test_parse_once_still_validates_each_schema(tmp_path):
    """A file parsed once is still checked against every schema it is loaded with."""
    path = _registry(tmp_path)
    with yamlio.parse_once():
        yamlio.load_yaml(path)
        with pytest.raises(InputError, match=path.name):
            load_checked(path, "sources")  # the entry lacks required fields


@pytest.mark.parametrize(
    ("text", "line_start", "num_start", "num_end"),
    [
        ("一、\n(3). 加强", 3, 4, 5),  # a list number after an opening bracket
        ("前言\n  12、 内容", 3, 5, 7),  # spaces before, a pause mark after
        ("前言\n第3章", 3, 4, 5),  # text before the number: not a list number
        ("前言\n3", 3, 3, 4),  # nothing after the number
        ("abc 7) x", 0, 4, 5),  # a line with words before the number
    ],
)
def test_list_number_checks_by_position_match_the_checks_on_slices(
    text, line_start, num_start, num_end
):
    """_not_a_value matches at positions in the plan, not on slices (a slice to the end
    of the plan copied the rest of the text for every number it looked at)."""
    assert (_LINE_OPENING.fullmatch(text, line_start, num_start) is None) == (
        re.fullmatch(r"[\s(（]*", text[line_start:num_start]) is None
    )
    assert (_LIST_MARK_AFTER.match(text, num_end) is None) == (
        re.match(r"\s*[.、．)）]", text[num_end:]) is None
    )


def test_schema_refs_inlined_give_the_schema_the_registry_follows():
    """inline_refs: every bare $ref replaced by its target, the rest of the schema kept."""
    documents = {
        "common.schema.json": {
            "$defs": {
                "text": {"type": "string", "pattern": "\\S"},
                "optional_text": {"anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]},
                "tree": {"type": "object", "properties": {"kids": {"$ref": "#/$defs/tree"}}},
            }
        },
        "x.schema.json": {
            "properties": {
                "a": {"$ref": "common.schema.json#/$defs/optional_text"},
                "b": {"$ref": "common.schema.json#/$defs/text", "description": "kept"},
                "c": {"$ref": "other.schema.json#/$defs/missing"},
                "d": {"$ref": "common.schema.json#/$defs/tree"},
            }
        },
    }
    inlined = inline_refs(documents["x.schema.json"], "x.schema.json", documents)["properties"]
    text = {"type": "string", "pattern": "\\S"}
    assert inlined["a"] == {"anyOf": [text, {"type": "null"}]}  # '#' read in common's file
    assert inlined["b"] == documents["x.schema.json"]["properties"]["b"]  # not a bare $ref
    assert inlined["c"] == {"$ref": "other.schema.json#/$defs/missing"}  # left to the registry
    kids = inlined["d"]["properties"]["kids"]
    assert kids == {"$ref": "#/$defs/tree"}  # recursion stops at the second visit


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"source_id": "Bad Id"}, "snake_case"),
        ({"sha256": "xyz"}, "hex"),
        ({"title_note": ""}, "title_note"),
        ({"period_start": 1800}, "period_start"),
        ({"known_defects": [""]}, "known_defects"),
    ],
)
def test_registry_errors_are_the_same_with_refs_inlined(tmp_path, entry, problem):
    """The first error of a bad registry, through the inlined schema and the plain one."""
    from analysis.jsonschema_import import Draft202012Validator
    from analysis.validation import _describe, _validator

    data, _ = yamlio.load_yaml_lines(paths.SOURCES_YAML)
    data["sources"][0].update(entry)
    plain = json.loads(json.dumps(data, default=str))
    fast = _validator("sources")
    slow = Draft202012Validator(
        json.loads((paths.SCHEMAS_DIR / "sources.schema.json").read_text(encoding="utf-8")),
        registry=fast._registry,
        format_checker=fast.format_checker,
    )
    # what the report is made of: message, node, keyword, and the problem as worded
    seen = [
        [
            (e.message, list(e.absolute_path), e.validator, _describe(e, plain))
            for e in v.iter_errors(plain)
        ]
        for v in (fast, slow)
    ]
    assert seen[0] == seen[1] and seen[0]
    with pytest.raises(InputError, match=problem):
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
        load_checked(path, "sources")


@pytest.mark.parametrize(
    "hits",
    [
        HITS,  # quotes, commas and a line break inside cells; ties on char_start
        [{**h, "heading": None} for h in HITS],  # an empty cell
        [{**h, "char_start": None} for h in HITS[:2]] + HITS[2:],  # a sort key None: last
        [],
    ],
)
def test_theme_hits_rendered_from_objects_match_the_rows_rendered_from_dicts(hits):
    plain = render_rows("theme_hits", hits)
    # ThemeHit, a named tuple, is its own row; other objects are read attribute by attribute
    assert render_plain_objects("theme_hits", [ThemeHit(**h) for h in hits]) == plain
    assert render_plain_objects("theme_hits", [SimpleNamespace(**h) for h in hits]) == plain


OBSERVATION = Observation(
    *("baicheng.x.2025.7", "baicheng_fyp", "baicheng", "x"),
    *(2025, "target", ">=", 90.0, None, "level", "percent", "prose", 7, 9, "90%"),
    *(1, 3, "普及率", 12, "sentence", "二、目标"),
)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"conflict_id": "baicheng.x.2025", "preferred": True, "preference_reason": "only"},
        {"value": 91.5, "value_upper": 95.0, "note": "reviewed"},
        {"year": 2024, "role": "milestone", "quote": "91.5%"},
    ],
)
def test_observation_with_updates_equals_dataclasses_replace(changes):
    plain = replace(OBSERVATION, **changes)
    fast = with_updates(OBSERVATION, **changes)
    assert fast == plain and fast is not OBSERVATION
    assert list(fast.as_row().items()) == list(plain.as_row().items())  # order too
    assert OBSERVATION.preferred is False and OBSERVATION.value == 90.0  # original unchanged


def test_observation_with_updates_refuses_an_unknown_field_like_replace():
    with pytest.raises(TypeError):
        replace(OBSERVATION, prefered=True)
    with pytest.raises(TypeError, match="prefered"):
        with_updates(OBSERVATION, prefered=True)


@pytest.mark.parametrize(
    "rows",
    [
        [
            {"source_id": "a", "char_start": 3, "char_end": 5, "line": 1, "quote": '9,"5"\n',
             "disposition": "observation", "observation_ids": "a.x.2025.3|a.y.2025.3",
             "reason": "prose"},
            {"source_id": "a", "char_start": 1, "char_end": 2, "line": 1, "quote": "1",
             "disposition": "unaccounted", "observation_ids": None, "reason": "no reader"},
        ],
        [],
    ],
)  # fmt: skip
def test_ledger_rows_read_back_from_the_rendered_text_are_the_rows(rows):
    """BuildResult.ledger is parsed from the text the workers rendered."""
    expected = sorted(rows, key=lambda r: (r["char_start"], r["char_end"]))
    assert parse_rows("number_ledger", render_rows("number_ledger", rows)) == expected


# ---------------------------------------------- numbers found from their first character


def _plan_texts() -> list[str]:
    files = sorted(Path(paths.RAW_DIR).glob("*.txt")) + sorted(
        Path("tests/data/plans").rglob("*.txt")
    )
    return [clean(f.read_text(encoding="utf-8")).lines.text for f in files]


def _find_plainly(finder: QuantityFinder, text: str, start: int, end: int) -> list:
    """QuantityFinder.find as it was: the full pattern searched from every position."""
    out, pos = [], start
    while pos < end:
        m = finder._re.search(text, pos, end)
        if m is None:
            break
        q = finder._quantity(text, m, m.group(*_GROUPS))
        pos = m.end() if m.end() > m.start() else m.start() + 1
        if q is not None:
            out.append(q)
    return finder._bounded_ranges(text, out)


def test_quantities_found_from_their_first_character_are_the_quantities_searched_for():
    finder = QuantityFinder(load_rules(paths.EXTRACTION_RULES_YAML))
    rng = random.Random(5)
    texts = [*_plan_texts(), "百分之九十五，两千人；九成五、6%以上、8%以下 1,200.5万元 十四五"]
    for text in texts:
        windows = [(0, len(text))] + [
            tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(20)
        ]
        for a, b in windows:
            assert finder.find(text, a, b) == _find_plainly(finder, text, a, b), (a, b)


@pytest.mark.parametrize(
    "line",
    [
        "│ 指标 │ 2020年 │ 2025年 │",
        "┃学前教育┃88┃90┃",
        "║ 名称 ║ 值 ║",
        "学前教育|||",
        "| 指标 | 2020 |",
        "毛入园率\t88\t90",
        "毛入园率   88   90",
        "一句没有表格的话。",
        "",
    ],
)
def test_a_line_is_split_as_its_box_bars_turned_into_pipes_are(line):
    """_split skips str.translate on a line without box bars."""
    assert _split(line) == _split(line.translate(_BOX_BARS))


class _Float(float):
    """A float subclass (numpy's float64 is one): goes through cell_text, not a column's fast path."""


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        False,
        0,
        7,
        -3,
        92.5,
        1e-7,
        123456789012345.0,
        0.1 + 0.2,
        _Float(2 / 3),
        '文本,"x"',
    ],
)
def test_cells_rendered_by_column_are_the_cells_cell_text_gives(value):
    row = {"source_id": "s", "char_start": 1, "char_end": 2, "line": 1, "quote": value,
           "disposition": "d", "observation_ids": None, "reason": value}  # fmt: skip
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(
        [cell_text(row[c]) for c in SCHEMAS["number_ledger"]]
    )
    assert render_rows("number_ledger", [row]) == out.getvalue()


# ---------------------------------------------- plan hashes checked on reading, not re-read


def test_build_inputs_with_the_checked_plan_hashes_are_the_rows_of_hashing_every_file():
    sources = load_sources(paths.SOURCES_YAML)
    for s in sources:
        read_raw(s)  # what the build does first: each plan's bytes checked against sha256
    files = {"registry": [paths.SOURCES_YAML], "plan": [s.path for s in sources]}
    known = {s.path: s.meta["sha256"] for s in sources}
    assert build_inputs(files, known=known) == build_inputs(files)
    # a known hash is what is written: the bytes the build read, not the file's bytes now
    first = sources[0].path
    assert build_inputs(files, known={first: "0" * 64})[1]["sha256"] == "0" * 64


# ---------------------------------------------- schemas prechecked by compiled code

SCHEMA_INPUTS = [
    (paths.SOURCES_YAML, "sources"),
    (paths.CODEBOOK_YAML, "indicator_codebook"),
    (paths.EXTRACTION_RULES_YAML, "extraction_rules"),
    (paths.CORRECTIONS_YAML, "corrections"),
    (paths.THEME_CODEBOOK_YAML, "theme_codebook"),
    (paths.THEME_SAMPLE_DESIGN_YAML, "theme_sample_design"),
    (paths.PUBLISHED_FIGURES_YAML, "published_figures"),
    (paths.REPORT_TABLES_YAML, "report_tables"),
    (paths.DATA_PACKAGE_YAML, "data_package"),
    (paths.NAME_MATCHING_YAML, "name_matching"),
    (paths.VOCABULARY_YAML, "vocabulary"),
    (paths.THEME_BLIND_DESIGN_YAML, "theme_blind_sample_design"),
]
# what a wrong entry may hold: other types, blanks, a date that is no date, a bad regex
ODD_VALUES = [
    None,
    True,
    False,
    0,
    1,
    -1,
    1.0,
    2.5,
    1e9,
    "",
    " ",
    "x",
    "2021-02-30",
    "([",
    "2021-01-01",
    [],
    ["x"],
    [1],
    {},
    {"x": 1},
]


def _nodes(value, at=()):
    yield at
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _nodes(v, (*at, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _nodes(v, (*at, i))


def _mutated(plain, at, change):
    """A deep copy of `plain` with the node at `at` replaced, dropped (change "drop") or
    given an unknown key (change "extra")."""
    copy = json.loads(json.dumps(plain))
    if not at:
        return change if change not in ("drop", "extra") else copy
    parent = copy
    for key in at[:-1]:
        parent = parent[key]
    if change == "drop":
        del parent[at[-1]]
    elif change == "extra":
        if isinstance(parent[at[-1]], dict):
            parent[at[-1]]["unknown_key"] = 1
    else:
        parent[at[-1]] = change
    return copy


@pytest.mark.parametrize(("path", "schema"), SCHEMA_INPUTS, ids=[s for _, s in SCHEMA_INPUTS])
def test_the_precheck_passes_only_what_jsonschema_passes(path, schema):
    data, _ = yamlio.load_yaml_lines(path)
    plain = validation._plain(data)
    assert validation.passes_precheck(schema, plain)  # the shortcut is taken on the real file
    rng = random.Random(schema)
    nodes = list(_nodes(plain))
    refused = 0
    for at in rng.sample(nodes, min(len(nodes), 60)):
        for change in ["drop", "extra", *rng.sample(ODD_VALUES, 4)]:
            if change == "drop" and not at:
                continue
            wrong = _mutated(plain, at, change)
            if validation.passes_precheck(schema, wrong):
                assert not list(validation._validator(schema).iter_errors(wrong)), (at, change)
            else:
                refused += 1
    assert refused  # the mutations reached the schema's rules


@pytest.mark.parametrize(
    ("value", "nodes"),
    [(None, 1), ([], 1), ("x", 1), ({"a": [1, 2]}, 4), ({"a": {"b": 1}, "c": [[]]}, 5)],
)
def test_node_count_counts_every_mapping_list_and_scalar(value, nodes):
    assert validation.node_count(value) == nodes
