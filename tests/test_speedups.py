"""The build's shortcuts give exactly what the plain code gave (issue 8: speed).

Each shortcut replaced simpler code: rows rendered per plan in a worker, a sort key
without a Python call per row, line numbers by binary search, the registry parsed once
per build, sentence breaks by regex. These tests hold each to the plain version.
"""

from __future__ import annotations

import csv
import io
import json
import pickle
import random
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from analysis import paths, yamlio
from analysis.build import BuildConfig, build
from analysis.codebook import AliasMatcher, load_codebook
from analysis.conflicts import group_key, resolve
from analysis.corrections import Correction, apply_corrections, load_corrections
from analysis.database import (
    SCHEMAS,
    RenderedRows,
    _cell,
    parse_rows,
    render_plain_objects,
    render_rows,
    write_csv,
)
from analysis.errors import InputError, LineNumbers, line_of
from analysis.extraction.extract import Extractor
from analysis.extraction.ledger import link
from analysis.extraction.prose_binder import SENTENCE_BREAK
from analysis.extraction.prose_number_kinds import _LINE_OPENING, _LIST_MARK_AFTER
from analysis.extraction.prose_phrases import next_break as _next_break
from analysis.extraction.quantities import QuantityFinder
from analysis.extraction.table_readers import _BOX_BARS, _split
from analysis.indicator_values import indicator_values
from analysis.metrics import indicator_metrics
from analysis.normalise import clean
from analysis.observations import Observation, with_updates
from analysis.plan_reading import PlanReader, read_plans
from analysis.reference import load_reference
from analysis.rules import load_rules
from analysis.sources import load_sources, read_raw
from analysis.themes import ThemeCoder, ThemeHit, load_themes
from analysis.themes import coverage as theme_coverage
from analysis.validation import inline_refs, load_checked
from analysis.yamlio import LineDict


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


# ---------------------------------------------- corrections and conflicts settled per plan


def _five_plans():
    sources = load_sources(paths.SOURCES_YAML)
    book, rules = load_codebook(paths.CODEBOOK_YAML), load_rules(paths.EXTRACTION_RULES_YAML)
    raws = {s.source_id: read_raw(s) for s in sources}
    extractor = Extractor(book, AliasMatcher(book), rules)
    reader = PlanReader(extractor, ThemeCoder(load_themes(paths.THEME_CODEBOOK_YAML)))
    return sources, book, rules, raws, reader


def _correction(action: str, target, line: int, **entry) -> Correction:
    """A reviewed correction of `target` (an Observation or a ledger row) as the file gives it."""
    get = target.get if isinstance(target, dict) else lambda k: getattr(target, k)
    e = LineDict(action=action, source_id=get("source_id"), reason="checked", **entry)
    e.line = line
    sid, a, b, quote = (get(k) for k in ("source_id", "char_start", "char_end", "quote"))
    return Correction(action, sid, "checked", a, b, quote, e)


def test_corrections_and_conflicts_settled_per_plan_equal_settling_all_plans_at_once():
    """Each worker applies its plan's corrections, resolves its conflicts and links its
    ledger; the plain code did all three over every plan at once in the parent."""
    sources, book, rules, raws, reader = _five_plans()
    by_id = {s.source_id: s for s in sources}
    extracted = [reader.extractor.extract(s, clean(raws[s.source_id])) for s in sources]
    obs = [o for e in extracted for o in e.observations]
    conflicted = Counter(group_key(o) for o in obs)
    in_conflict = [o for o in obs if conflicted[group_key(o)] > 1]
    relabel = next(o for o in obs if o.source_id != in_conflict[0].source_id)
    loose = next(r for e in extracted[1:] for r in e.ledger if r["disposition"] != "observation")
    corrections = [
        *load_corrections(paths.CORRECTIONS_YAML, by_id, raws, book),  # the real 'add'
        _correction("reject", obs[-1], 3, observation_id=obs[-1].observation_id),
        _correction("prefer", in_conflict[-1], 5, observation_id=in_conflict[-1].observation_id),
        _correction(
            "relabel", relabel, 7, observation_id=relabel.observation_id, set={"year": 2024}
        ),
        _correction("ignore", loose, 9),
    ]
    applied = apply_corrections(paths.CORRECTIONS_YAML, corrections, obs, by_id, raws, book, rules)
    plain = resolve(applied.observations, applied.preferred)
    plain_ledger = link([r for e in extracted for r in e.ledger], plain, applied.ignored_spans)
    assert {"rejected_by_correction", "ignored_by_correction"} <= {
        r["disposition"] for r in plain_ledger
    }  # every kind of correction touched the ledger

    for jobs in (1, 2):  # in this process, and in forked workers (corrections pickled)
        readings = read_plans(reader, sources, raws, jobs, corrections)
        per_plan = dict(zip(by_id, readings, strict=True))
        assert [o for sid in sorted(per_plan) for o in per_plan[sid].observations] == plain
        rendered = [per_plan[sid].ledger for sid in sorted(per_plan)]
        assert [row for r in rendered for row in parse_rows("number_ledger", r.text)] == [
            row for sid in sorted(by_id) for row in _ordered_ledger(plain_ledger, sid)
        ]
        counts = sum(
            (Counter({(r.ledger.lead, d): n for d, n in r.dispositions.items()}) for r in readings),
            Counter(),
        )
        assert counts == Counter((r["source_id"], r["disposition"]) for r in plain_ledger)


def _ordered_ledger(rows: list[dict], source_id: str) -> list[dict]:
    mine = [r for r in rows if r["source_id"] == source_id]
    return parse_rows("number_ledger", render_rows("number_ledger", mine))


def test_a_failing_correction_in_a_worker_is_the_input_error_with_its_line():
    sources, _, _, raws, reader = _five_plans()
    s = sources[1]
    ghost = Observation(**{**OBSERVATION.as_row(), "source_id": s.source_id, "quote": "x"})
    bad = _correction("reject", ghost, 11, observation_id="nowhere.x.2025.1")
    with pytest.raises(InputError, match=r"no observation 'nowhere\.x\.2025\.1'") as caught:
        read_plans(reader, sources, raws, 2, [bad])
    assert (caught.value.path, caught.value.line) == (paths.CORRECTIONS_YAML, 11)


@pytest.mark.parametrize(
    ("path", "problem", "line"),
    [("data/curated/corrections.yaml", "reject: no observation", 11), ("x.yaml", "bad", None)],
)
def test_input_error_survives_pickling_from_a_worker(path, problem, line):
    error = pickle.loads(pickle.dumps(InputError(path, problem, line)))
    assert (error.path, error.problem, error.line, str(error)) == (
        Path(path),
        problem,
        line,
        str(InputError(path, problem, line)),
    )


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
        q = finder._quantity(text, m)
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


# ---------------------------------------------- a city's tables rendered in its worker


def _sharing_a_city(registry: Path) -> list:
    """The registry's sources, the annual plan moved to the city of a five-year plan (the
    registry refuses two plans of one city today; the build does not depend on that)."""
    moved = {"siping": "linjiang"}
    return [
        replace(
            s,
            city_id=moved.get(s.city_id, s.city_id),
            meta={**s.meta, "city_id": moved.get(s.city_id, s.city_id)},
        )
        for s in load_sources(registry)
    ]


@pytest.mark.parametrize("shared", [False, True])
def test_city_tables_joined_from_parts_are_the_tables_of_all_observations(
    tmp_path, monkeypatch, shared
):
    """Observations, indicator_values, indicator_metrics and theme_coverage are made and
    rendered per city (in the worker when the city has one plan); the plain code made each
    from every observation at once. `shared`: two plans of one city (a five-year plan and
    an annual plan), whose tables the parent makes."""
    registry = paths.SOURCES_YAML
    if shared:
        monkeypatch.setattr("analysis.build.load_sources", _sharing_a_city)
    sources = _sharing_a_city(registry) if shared else load_sources(registry)
    assert len({s.city_id for s in sources}) == len(sources) - shared
    out = tmp_path / "out"
    result = build(BuildConfig(database=None, exports_dir=out, jobs=2))
    book = load_codebook(paths.CODEBOOK_YAML)
    reference = load_reference(registry, book)
    wide = indicator_values(result.observations)
    coder = ThemeCoder(load_themes(paths.THEME_CODEBOOK_YAML))
    coverage = []
    for s in sources:
        paras, hits = coder.code(s.source_id, clean(read_raw(s)))
        coverage += theme_coverage(s.source_id, s.city_id, paras, hits, coder.themes)
    plain = {
        "observations": [o.as_row() for o in result.observations],
        "indicator_values": wide,
        "indicator_metrics": indicator_metrics(
            wide, result.observations, book, {s.source_id: s for s in sources}, reference
        ),
        "theme_coverage": coverage,
    }
    # with `shared`, linjiang's rows come from both its plans
    assert len({o.source_id for o in result.observations if o.city_id == "linjiang"}) == 1 + shared
    for table, rows in plain.items():
        write_csv(tmp_path / f"{table}.csv", table, rows)
        assert (out / f"{table}.csv").read_bytes() == (tmp_path / f"{table}.csv").read_bytes()
    assert result.theme_coverage == parse_rows(
        "theme_coverage", render_rows("theme_coverage", coverage)
    )


def test_build_summary_groups_conflicts_as_a_scan_per_conflict_does(built):
    """The summary's conflict lines and per-plan number counts, against the plain scans."""
    result, _ = built
    obs = result.observations
    conflicts = sorted({o.conflict_id for o in obs if o.conflict_id})
    assert conflicts  # the five plans have conflicts to list
    plain = [
        f"  conflict {cid}: "
        + "; ".join(
            sorted(
                {
                    f"{o.value:g} ({o.method}, line {o.line}){' *' if o.preferred else ''}"
                    for o in obs
                    if o.conflict_id == cid
                }
            )
        )
        for cid in conflicts
    ]
    defaulted = sum(
        1
        for cid in conflicts
        if any(o.conflict_id == cid and o.year_basis == "default" for o in obs)
    )
    lines = result.summary().splitlines()
    assert [line for line in lines if line.startswith("  conflict ")] == plain
    assert f"{defaulted} of {len(conflicts)} conflicts involve a defaulted year" in lines
    for s in result.sources:
        n = sum(v for (sid, _), v in result.ledger_counts.items() if sid == s["source_id"])
        row = next(line for line in lines if line.startswith(f"{s['city_id']:<10} "))
        assert row.split()[3] == str(n)


class _Float(float):
    """A float subclass (numpy's float64 is one): goes through _cell, not the inline path."""


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
def test_cells_rendered_inline_are_the_cells_cell_gives(value):
    row = {"source_id": "s", "char_start": 1, "char_end": 2, "line": 1, "quote": value,
           "disposition": "d", "observation_ids": None, "reason": value}  # fmt: skip
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([_cell(row[c]) for c in SCHEMAS["number_ledger"]])
    assert render_rows("number_ledger", [row]) == out.getvalue()
