"""The per-plan stage gives what the whole-build code gave (issue 8: speed).

Corrections, conflicts, ledger linking and the city tables moved from the parent into the
workers, one plan each; these tests hold each to the code that did it over every plan at
once, in this process and in forked workers. Theme coding's shortcuts (one automaton pass
for all themes, raw spans inline, characters counted by str.split) are held to the
per-theme regexes and the per-paragraph coding.
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import random
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

from analysis import paths
from analysis.build import BuildConfig, build
from analysis.codebook import AliasMatcher, load_codebook, strip_ignorable
from analysis.conflicts import group_key, resolve
from analysis.corrections import Correction, apply_corrections, load_corrections
from analysis.database import parse_rows, render_rows, write_csv
from analysis.errors import InputError
from analysis.extraction.extract import Extractor
from analysis.extraction.ledger import link
from analysis.indicator_values import indicator_values
from analysis.metrics import indicator_metrics
from analysis.normalise import clean
from analysis.observations import Observation
from analysis.plan_reading import (
    WORKER_GC_THRESHOLD,
    PlanReader,
    _collect_less,
    iter_plans,
    read_plans,
)
from analysis.reference import load_reference
from analysis.rules import load_rules
from analysis.sections import paragraphs
from analysis.sources import load_sources, read_raw
from analysis.theme_search import ThemeSearch
from analysis.themes import Theme, ThemeCoder, ThemeHit, load_themes, non_space_characters
from analysis.themes import coverage as theme_coverage
from analysis.yamlio import LineDict

OBSERVATION = Observation(
    *("baicheng.x.2025.7", "baicheng_fyp", "baicheng", "x"),
    *(2025, "target", ">=", 90.0, None, "level", "percent", "prose", 7, 9, "90%"),
    *(1, 3, "普及率", 12, "sentence", "二、目标"),
)

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


def test_the_worker_pool_leaves_the_collector_as_it_found_it():
    """iter_plans freezes what exists before it forks (the workers never scan the codebook
    and automaton) and unfreezes it when the pool ends; the parent's thresholds are not
    touched, the workers' are WORKER_GC_THRESHOLD."""
    sources, _, _, raws, reader = _five_plans()
    threshold = gc.get_threshold()
    readings = iter_plans(reader, sources, raws, 2)
    first = next(readings)
    assert gc.get_freeze_count() > 0  # the pool is running
    assert len([first, *readings]) == len(sources)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == threshold
    with ProcessPoolExecutor(1, multiprocessing.get_context("fork"), _collect_less) as pool:
        assert pool.submit(gc.get_threshold).result() == WORKER_GC_THRESHOLD


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


# ---------------------------------------------- theme coding: keywords found in one automaton pass


def _regex_search(coder: ThemeCoder, text: str) -> tuple[dict, dict]:
    """Every theme searched as it was: its exclusion regex, then its keyword regex."""
    exclusions = {
        tid: [m.span() for m in coder._exclude[tid].finditer(text)] if tid in coder._exclude else []
        for tid in coder._regex
    }
    return {tid: coder.matches(tid, text) for tid in coder._regex}, exclusions


def _theme(tid: str, keywords, exclude=(), weak=()) -> Theme:
    return Theme(tid, tid, tid, "", tuple(keywords), tuple(exclude), 1, None, tuple(weak))


# keywords overlapping, nested and shared between themes; exclusions that mask the longest
# keyword at a start but not a shorter one, listed shortest first, chained
CRAFTED = {
    "a": _theme("a", ["教育", "教育局", "育局长"], exclude=["大学区", "学区"]),
    "b": _theme("b", ["学区", "大学", "区"], exclude=["大学区"], weak=["学"]),
    "c": _theme("c", ["教育局长", "局"], exclude=["局长", "教育局长办"]),
    # two exclusions at one start: the first listed wins, not the longest
    "d": _theme("d", ["内有", "区内"], exclude=["学区", "学区内有"]),
}


@pytest.mark.parametrize(
    "text",
    [
        "教育局长办公室在大学区，学区内有大学。",
        "教 育“局”长，大 学 区；学\t区",
        "大学区大学区学区区区局局长教育局长办",
        "“教育”局长 ",
        "𠀀大学区🎓学区内有𝄞大学，教🎓育局长",  # characters beyond the basic plane count one
        "",
        "无关的文字",
    ],
)
def test_crafted_theme_keywords_found_in_one_pass_are_the_regex_matches(text):
    coder = ThemeCoder(CRAFTED)
    assert coder._search.find(text) == _regex_search(coder, text)


@pytest.mark.parametrize(
    ("keywords", "excludes"),
    [({}, {}), ({"a": ("", "教育")}, {}), ({"a": ("教育",)}, {"a": ("",)})],
)
def test_a_theme_search_without_phrases_or_with_an_empty_one_is_not_used(keywords, excludes):
    assert not ThemeSearch(keywords, excludes).usable


def test_theme_keywords_found_in_one_pass_are_the_regex_matches_in_every_plan():
    coder = ThemeCoder(load_themes(paths.THEME_CODEBOOK_YAML))
    rng = random.Random(8)
    files = sorted(Path(paths.RAW_DIR).glob("*.txt")) + sorted(
        Path("tests/data/plans").rglob("*.txt")
    )
    for f in files:
        text = clean(f.read_text(encoding="utf-8")).paragraphs.text
        # quote marks and spaces strewn inside keywords: the stripped-text mapping
        strewn = "".join(c + (rng.choice("“ ”\t'") if rng.random() < 0.05 else "") for c in text)
        for t in (text, strewn):
            assert coder._search.find(t) == _regex_search(coder, t), f.name


# ---------------------------------------------- characters counted without whitespace

_EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def test_str_split_drops_exactly_the_characters_re_s_matches():
    assert [c for c in _EVERY_CHARACTER if not c.split()] == re.findall(r"\s", _EVERY_CHARACTER)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "教育",
        " 教 育\n",
        "\u3000一、\t发展\r\n基础\x1c\x85\u2028\u00a0。",
        "\n\n",
        _EVERY_CHARACTER,
    ],
)
def test_non_space_characters_counts_what_the_regex_substitution_left(text):
    assert non_space_characters(text) == len(re.sub(r"\s", "", text))


def _hits_paragraph_by_paragraph(coder: ThemeCoder, source_id: str, text) -> list[ThemeHit]:
    """ThemeCoder.code as the plain code: every paragraph coded on its own (30 regexes)."""
    view, hits = text.paragraphs, []
    for p in paragraphs(view, text.raw):
        for tid, found in sorted(coder.code_text(p.text, p.heading).items()):
            for start, end, word in found:
                a, b = view.raw_span(p.start + start, p.start + end)
                hits.append(
                    ThemeHit(
                        source_id,
                        tid,
                        strip_ignorable(word),
                        p.index,
                        p.heading,
                        a,
                        b,
                        text.raw[a:b],
                    )
                )
    return hits


def test_theme_hits_of_a_whole_plan_are_the_hits_of_coding_each_paragraph_alone():
    coder = ThemeCoder(load_themes(paths.THEME_CODEBOOK_YAML))
    files = sorted(Path(paths.RAW_DIR).glob("*.txt")) + sorted(
        Path("tests/data/plans").rglob("*.txt")
    )
    for f in files:
        text = clean(f.read_text(encoding="utf-8"))
        assert coder.code(f.stem, text)[1] == _hits_paragraph_by_paragraph(coder, f.stem, text)
