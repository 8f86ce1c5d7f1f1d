"""The blind theme sample: stratum allocation, the draw and its reproducibility."""

from __future__ import annotations

import csv

import pytest

from analysis import paths
from analysis.sources import load_sources
from analysis.theme_sampling import (
    BlindDesign,
    Stratum,
    allocate,
    draw_blind_sample,
    eligible_paragraphs,
    labelling_brief,
    load_blind_design,
    read_frame,
)
from analysis.theme_validation import read_sample
from analysis.themes import load_themes

BLIND_SAMPLE = paths.THEME_BLIND_DIR / "sample.csv"


@pytest.mark.parametrize(
    ("total", "weights", "available", "expected"),
    [
        (28, [1, 2, 2], [99, 99, 99], [6, 11, 11]),  # 5.6, 11.2, 11.2: remainder to the first
        (28, [1, 2, 2], [3, 99, 7], [3, 18, 7]),  # short strata give their share away
        (28, [1, 2, 2], [7, 37, 0], [7, 21, 0]),  # an empty stratum
        (28, [1, 2, 2], [3, 13, 7], [3, 13, 7]),  # fewer than asked: everything
        (5, [1, 1], [10, 10], [3, 2]),  # ties go to the earlier stratum
        (0, [1, 2], [5, 5], [0, 0]),
    ],
)
def test_allocation(total, weights, available, expected):
    assert allocate(total, weights, available) == expected


def _frame(source_id: str, strata: list[str]) -> list[dict]:
    return [
        {"paragraph_key": f"{source_id}:{i}", "source_id": source_id, "paragraph_index": i,
         "n_themes": 0, "stratum": s}
        for i, s in enumerate(strata)
    ]  # fmt: skip


TINY = BlindDesign(
    seed=7,
    per_source=4,
    min_chars=1,
    codebook_sha256="0" * 64,
    strata=(Stratum("none", 0, 0, 1), Stratum("some", 1, None, 1)),
)


def test_draw_takes_each_strata_share_and_reports_shortfalls():
    frame = _frame("a", ["none"] * 5 + ["some"] * 5) + _frame("b", ["none"] * 1 + ["some"] * 2)
    keys, notes = draw_blind_sample(frame, TINY)
    by = {r["paragraph_key"]: r for r in frame}
    assert (
        sorted(by[k]["stratum"] for k in keys if k.startswith("a:")) == ["none"] * 2 + ["some"] * 2
    )
    assert [k for k in keys if k.startswith("b:")] == ["b:0", "b:1", "b:2"]
    assert notes == [
        "b: 3 eligible paragraphs, fewer than 4; all drawn",
        "b: stratum none has 1 paragraphs, share 2",
    ]
    assert draw_blind_sample(frame, TINY) == (keys, notes)  # same seed, same draw


def test_blind_sample_is_reproducible_from_frame_and_seed():
    design = load_blind_design()
    keys, _ = draw_blind_sample(read_frame(), design)
    assert keys == list(read_sample(BLIND_SAMPLE))
    assert 120 <= len(keys) <= 150


def test_frame_is_every_eligible_paragraph_outside_the_old_sample(raw_texts):
    design = load_blind_design()
    old = set(read_sample(paths.THEME_SAMPLE_CSV))
    eligible = [
        r["paragraph_key"]
        for s in sorted(load_sources(paths.SOURCES_YAML), key=lambda s: s.source_id)
        for r in eligible_paragraphs(s.source_id, raw_texts[s.source_id], design.min_chars)
    ]
    frame = read_frame()
    assert [r["paragraph_key"] for r in frame] == [k for k in eligible if k not in old]
    assert all(r["stratum"] == design.stratum_of(r["n_themes"]) for r in frame)
    # every registered plan is in the sample, none of its paragraphs was in the old one
    blind = read_sample(BLIND_SAMPLE)
    assert {k.split(":")[0] for k in blind} == {
        s.source_id for s in load_sources(paths.SOURCES_YAML)
    }
    assert not set(blind) & old


def test_sample_text_is_the_paragraph_text(raw_texts):
    design = load_blind_design()
    rows = {
        r["paragraph_key"]: r
        for s in load_sources(paths.SOURCES_YAML)
        for r in eligible_paragraphs(s.source_id, raw_texts[s.source_id], design.min_chars)
    }
    with open(BLIND_SAMPLE, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            assert (row["heading"], row["text"]) == (
                rows[row["paragraph_key"]]["heading"],
                rows[row["paragraph_key"]]["text"],
            )


def test_brief_gives_definitions_and_no_keywords():
    themes = load_themes(paths.THEME_CODEBOOK_YAML)
    brief = (paths.THEME_BLIND_DIR / "BRIEF.md").read_text(encoding="utf-8")
    assert brief == labelling_brief(themes, len(read_sample(BLIND_SAMPLE)))
    for t in themes.values():
        assert f"`{t.theme_id}`" in brief and t.definition in brief
    assert "keyword" not in brief.lower()
