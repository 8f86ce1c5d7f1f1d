"""The blind theme sample: a frame of eligible paragraphs, stratified by plan and by theme
likelihood, and a reproducible draw from it (data/curated/theme_blind_sample_design.yaml).

The stratum of a paragraph is the number of themes the coder finds in it at draw time. The
coder changes afterwards (it is tuned on the old sample), so the frame with every eligible
paragraph's stratum is written to a file and the draw is a function of that file and the
seed alone.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from analysis import paths
from analysis.normalise import clean
from analysis.sections import paragraphs
from analysis.validation import load_checked, refuse

FRAME_FIELDS = ["paragraph_key", "source_id", "paragraph_index", "n_themes", "stratum"]
SAMPLE_FIELDS = ["paragraph_key", "source_id", "heading", "text"]


@dataclass(frozen=True)
class Stratum:
    stratum: str
    min_themes: int
    max_themes: int | None  # None: no upper bound
    weight: int

    def holds(self, n_themes: int) -> bool:
        return n_themes >= self.min_themes and (
            self.max_themes is None or n_themes <= self.max_themes
        )


@dataclass(frozen=True)
class Bootstrap:
    resamples: int
    seed: int
    level: float  # e.g. 0.95 for a 95% interval


@dataclass(frozen=True)
class Targets:
    micro_f1: float
    micro_precision: float
    theme_f1: float
    theme_min_support: int  # themes with fewer gold paragraphs are not held to theme_f1


@dataclass(frozen=True)
class BlindDesign:
    seed: int
    per_source: int
    min_chars: int
    codebook_sha256: str
    strata: tuple[Stratum, ...]
    bootstrap: Bootstrap = Bootstrap(2000, 0, 0.95)
    targets: Targets = Targets(0.85, 0.80, 0.70, 3)

    def stratum_of(self, n_themes: int) -> str:
        return next(s.stratum for s in self.strata if s.holds(n_themes))


def load_blind_design(path: Path = paths.THEME_BLIND_DESIGN_YAML) -> BlindDesign:
    """Read the design; the strata must cover every theme count 0, 1, 2, ... exactly once."""
    path = Path(path)
    data, lines = load_checked(path, "theme_blind_sample_design")
    strata = tuple(
        Stratum(s["stratum"], s["min_themes"], s["max_themes"], s["weight"]) for s in data["strata"]
    )
    expected = 0
    for i, s in enumerate(strata):
        if s.min_themes != expected:
            raise refuse(
                path,
                lines,
                ("strata", i, "min_themes"),
                f"stratum {s.stratum!r} starts at {s.min_themes} themes; the strata must "
                f"cover every count from 0 without gaps or overlaps (expected {expected})",
            )
        if s.max_themes is None:
            if i != len(strata) - 1:
                raise refuse(
                    path, lines, ("strata", i, "max_themes"), "only the last stratum is open-ended"
                )
            break
        if s.max_themes < s.min_themes:
            raise refuse(path, lines, ("strata", i, "max_themes"), "max_themes < min_themes")
        expected = s.max_themes + 1
    else:
        raise refuse(path, lines, ("strata",), "the last stratum needs max_themes: null")
    return BlindDesign(
        data["seed"],
        data["per_source"],
        data["min_chars"],
        data["codebook_sha256"],
        strata,
        Bootstrap(**data["bootstrap"]),
        Targets(**data["targets"]),
    )


def eligible_paragraphs(source_id: str, raw: str, min_chars: int) -> list[dict]:
    """The plan's paragraphs long enough to label, each with its raw span as key."""
    from analysis.theme_validation import paragraph_row

    view = clean(raw).paragraphs
    rows = []
    for p in paragraphs(view, raw):
        if len(p.text) < min_chars:
            continue
        a, b = view.raw_span(p.start, p.end)
        rows.append(paragraph_row(source_id, p, a, b))
    return rows


def build_frame(
    paras_by_source: dict[str, list[dict]], coder, design: BlindDesign, exclude: set[str]
) -> list[dict]:
    """Every eligible paragraph not in `exclude` (the old sample) with its theme count and
    stratum, in source then paragraph order."""
    frame = []
    for source_id in sorted(paras_by_source):
        for row in paras_by_source[source_id]:
            if row["paragraph_key"] in exclude:
                continue
            n = len(coder.code_text(row["text"]))
            frame.append(
                {
                    "paragraph_key": row["paragraph_key"],
                    "source_id": source_id,
                    "paragraph_index": row["paragraph_index"],
                    "n_themes": n,
                    "stratum": design.stratum_of(n),
                }
            )
    return frame


def allocate(total: int, weights: list[int], available: list[int]) -> list[int]:
    """Split `total` over strata by weight (largest remainder, ties to the earlier stratum),
    then move what a stratum cannot supply to the others in the same way."""
    take = [0] * len(weights)
    want = min(total, sum(available))
    open_ = [i for i in range(len(weights)) if available[i] > 0]
    while want > sum(take) and open_:
        left = want - sum(take)
        w = sum(weights[i] for i in open_)
        share = {i: left * weights[i] // w for i in open_}
        order = sorted(open_, key=lambda i: (-(left * weights[i] % w), i))
        for i in order[: left - sum(share.values())]:
            share[i] += 1
        for i in open_:
            take[i] = min(available[i], take[i] + share[i])
        open_ = [i for i in open_ if take[i] < available[i]]
    return take


def draw_blind_sample(frame: list[dict], design: BlindDesign) -> tuple[list[str], list[str]]:
    """The drawn paragraph keys (source then paragraph order) and a note for every plan or
    stratum that could not supply its share (never silent)."""
    rng = random.Random(design.seed)
    names = [s.stratum for s in design.strata]
    weights = [s.weight for s in design.strata]
    keys, notes = [], []
    for source_id in sorted({r["source_id"] for r in frame}):
        rows = [r for r in frame if r["source_id"] == source_id]
        pools = [
            sorted((r for r in rows if r["stratum"] == name), key=lambda r: r["paragraph_index"])
            for name in names
        ]
        available = [len(p) for p in pools]
        take = allocate(design.per_source, weights, available)
        ideal = allocate(design.per_source, weights, [design.per_source] * len(names))
        if sum(available) < design.per_source:
            notes.append(
                f"{source_id}: {sum(available)} eligible paragraphs, fewer than "
                f"{design.per_source}; all drawn"
            )
        for name, got, wanted, n in zip(names, take, ideal, available, strict=True):
            if got < wanted:
                notes.append(f"{source_id}: stratum {name} has {n} paragraphs, share {wanted}")
        drawn = [r for pool, k in zip(pools, take, strict=True) for r in rng.sample(pool, k)]
        keys += [r["paragraph_key"] for r in sorted(drawn, key=lambda r: r["paragraph_index"])]
    return keys, notes


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_frame(path: Path = paths.THEME_BLIND_FRAME_CSV) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [
            {**r, "paragraph_index": int(r["paragraph_index"]), "n_themes": int(r["n_themes"])}
            for r in csv.DictReader(fh)
        ]


def labelling_brief(themes: dict, n_paragraphs: int) -> str:
    """The labellers' written brief: the task, the themes with their definitions only (no
    keywords, nothing the coder uses), the rules and the output format."""
    lines = [
        "# Labelling brief: policy themes in paragraphs of city education plans",
        "",
        f"`sample.csv` holds {n_paragraphs} paragraphs from Chinese city education plans of",
        "the 14th Five-Year period (2021-2025), with the section heading each sits under.",
        "For every paragraph, decide which of the policy themes below it addresses.",
        "Work alone: do not discuss the paragraphs or your labels with the other labeller,",
        "and use only this brief, the paragraph and its heading.",
        "",
        "## Themes",
        "",
        "| theme id | 中文 | English | definition |",
        "|---|---|---|---|",
    ]
    for tid, t in themes.items():
        lines.append(f"| `{tid}` | {t.name_zh} | {t.name_en} | {t.definition} |")
    lines += [
        "",
        "## Rules",
        "",
        "1. Give a paragraph every theme it substantively addresses: a measure, target,",
        "   achievement, problem or principle about that theme. A paragraph may have",
        "   several themes, one, or none.",
        "2. A word in passing is not enough: a theme named only as an item in a list whose",
        "   subject is something else, or as boilerplate (a slogan opening a paragraph about",
        "   another subject), does not count.",
        "3. Judge by meaning, not by words: a paragraph can address a theme without naming",
        "   it, and a word that looks like a theme can mean something else.",
        "4. The heading is context: use it to understand what the paragraph is about, but a",
        "   paragraph only gets a theme its own text addresses.",
        "5. Use only the theme ids above. If a paragraph fits none, leave its labels empty;",
        "   if you are unsure, decide, and say why in the note.",
        "",
        "## Output",
        "",
        "A UTF-8 CSV file with a header and one row per paragraph of `sample.csv`, in any",
        "order:",
        "",
        "```",
        "paragraph_key,labels,note",
        "example_plan:100-180,teacher_workforce|funding,pay rises for rural teachers",
        "example_plan:181-240,,general principle; no theme",
        "```",
        "",
        "- `paragraph_key`: copied from `sample.csv`;",
        '- `labels`: theme ids joined by "|", no spaces, empty for none;',
        "- `note`: optional, a short reason for a hard case.",
        "",
    ]
    return "\n".join(lines)


def write_blind_sample(out_dir: Path = paths.THEME_BLIND_DIR) -> list[str]:
    """Draw the blind sample with the design's seed and write the frame, sample.csv and
    BRIEF.md; returns the draw's notes. Refuses unless the codebook is the one the design
    names: the strata come from the coder as it was when the sample was drawn."""
    import hashlib

    from analysis.errors import InputError
    from analysis.sources import load_sources, read_raw
    from analysis.theme_validation import read_sample
    from analysis.themes import ThemeCoder, load_themes

    design = load_blind_design()
    digest = hashlib.sha256(paths.THEME_CODEBOOK_YAML.read_bytes()).hexdigest()
    if digest != design.codebook_sha256:
        raise InputError(
            paths.THEME_BLIND_DESIGN_YAML,
            "codebook_sha256 is not the SHA-256 of the current theme codebook; the frame "
            f"({paths.THEME_BLIND_FRAME_CSV.name}) records the strata of the original draw",
        )
    themes = load_themes(paths.THEME_CODEBOOK_YAML)
    by_source, text_of = {}, {}
    for s in load_sources(paths.SOURCES_YAML):
        by_source[s.source_id] = eligible_paragraphs(s.source_id, read_raw(s), design.min_chars)
        text_of.update({r["paragraph_key"]: r for r in by_source[s.source_id]})
    old = set(read_sample(paths.THEME_SAMPLE_CSV))
    frame = build_frame(by_source, ThemeCoder(themes), design, old)
    keys, notes = draw_blind_sample(frame, design)
    write_csv(paths.THEME_BLIND_FRAME_CSV, FRAME_FIELDS, frame)
    write_csv(out_dir / "sample.csv", SAMPLE_FIELDS, [text_of[k] for k in keys])
    (out_dir / "BRIEF.md").write_text(labelling_brief(themes, len(keys)), encoding="utf-8")
    return notes


if __name__ == "__main__":
    for note in write_blind_sample():
        print(f"note: {note}")


def inclusion_weights(frame: list[dict], drawn: set[str]) -> dict[str, float]:
    """Drawn paragraph key -> the number of frame paragraphs it stands for: eligible over
    drawn in its plan and stratum (the inverse of its chance of being drawn)."""
    eligible: Counter = Counter((r["source_id"], r["stratum"]) for r in frame)
    taken: Counter = Counter(
        (r["source_id"], r["stratum"]) for r in frame if r["paragraph_key"] in drawn
    )
    return {
        r["paragraph_key"]: eligible[r["source_id"], r["stratum"]]
        / taken[r["source_id"], r["stratum"]]
        for r in frame
        if r["paragraph_key"] in drawn
    }
