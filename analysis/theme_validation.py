"""Validate the theme dictionary against hand labels: sampling and precision/recall/F1."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from analysis import paths
from analysis.sections import Paragraph
from analysis.validation import load_checked


@dataclass(frozen=True)
class SampleDesign:
    seed: int
    per_source: dict[str, int]


def load_sample_design(path: Path = paths.THEME_SAMPLE_DESIGN_YAML) -> SampleDesign:
    """The seed and strata of the labelled sample (data/curated/theme_sample_design.yaml)."""
    data, _ = load_checked(path, "theme_sample_design")
    seed, per_source = data["seed"], data["per_source"]
    return SampleDesign(seed, dict(per_source))


MIN_CHARS = 12  # shorter paragraphs are headings; they carry too little text to label


def paragraph_key(source_id: str, raw_start: int, raw_end: int) -> str:
    return f"{source_id}:{raw_start}-{raw_end}"


def draw_sample(
    paras_by_source: dict[str, list[tuple[Paragraph, int, int]]],
    design: SampleDesign | None = None,
) -> list[dict]:
    """A stratified random sample of paragraphs (with their raw spans), reproducible by seed."""
    design = design or load_sample_design()
    per_source = design.per_source
    rng = random.Random(design.seed)
    rows = []
    for source_id in sorted(per_source):
        pool = [(p, a, b) for p, a, b in paras_by_source[source_id] if len(p.text) >= MIN_CHARS]
        for p, a, b in sorted(rng.sample(pool, per_source[source_id]), key=lambda t: t[0].index):
            rows.append(paragraph_row(source_id, p, a, b))
    return rows


def paragraph_row(source_id: str, p, a: int, b: int) -> dict:
    """A paragraph as a row of a sample or frame, keyed by its raw span [a, b)."""
    return {
        "paragraph_key": paragraph_key(source_id, a, b),
        "source_id": source_id,
        "paragraph_index": p.index,
        "heading": p.heading,
        "text": p.text,
    }


def read_labels(path: Path) -> dict[str, set[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {
            row["paragraph_key"]: {t for t in row["labels"].split("|") if t}
            for row in csv.DictReader(fh)
        }


def evaluate(
    gold: dict[str, set[str]], predicted: dict[str, set[str]], theme_ids: list[str]
) -> list[dict]:
    """Per theme: support, true/false positives, false negatives, precision, recall, F1."""
    rows = []
    for tid in theme_ids:
        tp = sum(1 for k in gold if tid in gold[k] and tid in predicted.get(k, set()))
        fp = sum(1 for k in gold if tid not in gold[k] and tid in predicted.get(k, set()))
        fn = sum(1 for k in gold if tid in gold[k] and tid not in predicted.get(k, set()))
        precision = tp / (tp + fp) if tp + fp else None
        recall = tp / (tp + fn) if tp + fn else None
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision is not None and recall is not None and precision + recall
            else (0.0 if (tp + fp) or (tp + fn) else None)
        )
        rows.append(
            {
                "theme_id": tid,
                "support": tp + fn,
                "predicted": tp + fp,
                "true_positives": tp,
                "false_positives": fp,
                "false_negatives": fn,
                "precision": precision,
                "recall": recall,
                "f1": f1,
            }
        )
    return rows


def read_sample(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["paragraph_key"]: row["text"] for row in csv.DictReader(fh)}


def read_headings(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["paragraph_key"]: row["heading"] for row in csv.DictReader(fh)}


def validation_table(coder, sample_path: Path, labels_path: Path) -> list[dict]:
    """Precision, recall and F1 of the dictionary per theme on the hand-labelled sample."""
    sample = read_sample(sample_path)
    gold = read_labels(labels_path)
    if set(gold) != set(sample):
        raise ValueError(f"{labels_path} does not label exactly the paragraphs of {sample_path}")
    headings = read_headings(sample_path)
    predicted = {key: set(coder.code_text(text, headings[key])) for key, text in sample.items()}
    rows = evaluate(gold, predicted, list(coder.themes))
    for row in rows:
        row["known_weakness"] = coder.themes[row["theme_id"]].known_weakness
    return rows


def read_labels_checked(path: Path, sample_keys: set[str], theme_ids: set[str]) -> dict:
    """A labeller's or the gold file (paragraph_key,labels,note): every paragraph of the
    sample exactly once, only known theme ids; anything else is an InputError at its line."""
    from analysis.errors import InputError

    if not Path(path).is_file():
        raise InputError(path, "the label file is missing")
    labels: dict[str, set[str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"paragraph_key", "labels"} - set(reader.fieldnames or [])
        if missing:
            raise InputError(path, f"the header lacks {', '.join(sorted(missing))}", 1)
        for row in reader:
            line = reader.line_num
            key = row["paragraph_key"]
            if key not in sample_keys:
                raise InputError(path, f"paragraph {key!r} is not in the sample", line)
            if key in labels:
                raise InputError(path, f"paragraph {key!r} is labelled twice", line)
            found = {t.strip() for t in (row["labels"] or "").split("|") if t.strip()}
            unknown = sorted(found - theme_ids)
            if unknown:
                raise InputError(path, f"unknown theme id {unknown[0]!r}", line)
            labels[key] = found
    left = sorted(sample_keys - set(labels))
    if left:
        raise InputError(path, f"{len(left)} paragraphs of the sample are not labelled: {left[0]}")
    return labels


def label_matrix(labels: dict[str, set[str]], keys: list[str], theme_ids: list[str]):
    """paragraphs x themes, True where the paragraph has the theme."""
    import numpy as np

    return np.array(
        [[t in labels.get(k, set()) for t in theme_ids] for k in keys], dtype=bool
    ).reshape(len(keys), len(theme_ids))


def cohen_kappa(a, b) -> float | None:
    """Cohen's kappa of two raters' yes/no decisions on the same items:
    (p_o - p_e) / (1 - p_e), p_o the observed agreement, p_e the agreement expected from
    each rater's own rate of yes. None when p_e is 1 (both always say the same one thing),
    where kappa is undefined."""
    import numpy as np

    a, b = np.asarray(a, dtype=bool), np.asarray(b, dtype=bool)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("kappa needs two equally long, non-empty lists of decisions")
    p_o = float(np.mean(a == b))
    pa, pb = float(np.mean(a)), float(np.mean(b))
    p_e = pa * pb + (1 - pa) * (1 - pb)
    return None if p_e == 1 else (p_o - p_e) / (1 - p_e)


POOLED = "(pooled)"


def agreement_table(a: dict, b: dict, theme_ids: list[str]) -> list[dict]:
    """Per theme, then pooled over every paragraph x theme decision: how many paragraphs
    each labeller gave the theme, on how many they agree, and Cohen's kappa."""
    keys = sorted(a)
    if set(b) != set(keys):
        raise ValueError("the two labellers did not label the same paragraphs")
    ma, mb = label_matrix(a, keys, theme_ids), label_matrix(b, keys, theme_ids)
    rows = []
    for j, tid in enumerate([*theme_ids, POOLED]):
        x, y = (ma[:, j], mb[:, j]) if tid != POOLED else (ma.ravel(), mb.ravel())
        rows.append(
            {
                "theme_id": tid,
                "labeller_a": int(x.sum()),
                "labeller_b": int(y.sum()),
                "both": int((x & y).sum()),
                "agreement": float((x == y).mean()),
                "kappa": cohen_kappa(x, y),
            }
        )
    return rows


MICRO = "(micro)"


def _scores(tp, fp, fn):
    """Precision, recall and F1 (2tp / (2tp + fp + fn)) elementwise; NaN where undefined."""
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        tp, fp, fn = (np.asarray(v, dtype=float) for v in (tp, fp, fn))
        return tp / (tp + fp), tp / (tp + fn), 2 * tp / (2 * tp + fp + fn)


def bootstrap_table(
    gold: dict,
    predicted: dict,
    theme_ids: list[str],
    resamples: int,
    seed: int,
    level: float,
    weights: dict[str, float] | None = None,
) -> list[dict]:
    """Per theme and micro-averaged over themes: precision, recall, F1 and percentile
    intervals from `resamples` bootstrap resamples of the paragraphs (with replacement,
    numpy's default generator seeded with `seed`). A resample where a score is undefined
    (no gold and no predicted paragraph for the theme) is left out of that score's interval;
    `resamples_used` says how many remained for F1. With `weights` (paragraph key -> how
    many paragraphs of the population it stands for, the inverse of its chance of being
    drawn), every count is a weighted count: estimates for the population the stratified
    sample was drawn from rather than for the sample; the counts in the row are then
    weighted too (rounded)."""
    import numpy as np

    keys = sorted(gold)
    g, p = label_matrix(gold, keys, theme_ids), label_matrix(predicted, keys, theme_ids)
    w = np.array([1.0 if weights is None else weights[k] for k in keys])
    cells = [(g & p) * w[:, None], (~g & p) * w[:, None], (g & ~p) * w[:, None]]  # tp fp fn
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(keys), size=(resamples, len(keys)))
    times = np.stack([np.bincount(d, minlength=len(keys)) for d in draws])  # times drawn
    tp, fp, fn = (times @ c for c in cells)  # resamples x themes
    tp, fp, fn = (np.column_stack([m, m.sum(axis=1)]) for m in (tp, fp, fn))
    boot = _scores(tp, fp, fn)
    totals = [c.sum(axis=0) for c in cells]
    totals = [np.append(t, t.sum()) for t in totals]
    point = _scores(*totals)
    lo, hi = 100 * (1 - level) / 2, 100 * (1 + level) / 2

    def interval(x):
        x = x[~np.isnan(x)]
        return (None, None) if x.size == 0 else tuple(float(v) for v in np.percentile(x, [lo, hi]))

    rows = []
    for j, tid in enumerate([*theme_ids, MICRO]):
        row = {
            "theme_id": tid,
            "support": round(float(totals[0][j] + totals[2][j])),
            "predicted": round(float(totals[0][j] + totals[1][j])),
            "true_positives": round(float(totals[0][j])),
            "false_positives": round(float(totals[1][j])),
            "false_negatives": round(float(totals[2][j])),
        }
        for name, est, sample in zip(("precision", "recall", "f1"), point, boot, strict=True):
            value = float(est[j])
            row[name] = None if np.isnan(value) else value
            row[f"{name}_low"], row[f"{name}_high"] = interval(sample[:, j])
        row["resamples_used"] = int((~np.isnan(boot[2][:, j])).sum())
        rows.append(row)
    return rows


def target_check(table: list[dict], targets) -> list[dict]:
    """Each target of the blind sample: the value reached and whether it holds; one row per
    theme held to the per-theme F1 target (enough gold paragraphs)."""
    micro = next(r for r in table if r["theme_id"] == MICRO)
    rows = [
        {
            "criterion": "micro F1",
            "theme_id": MICRO,
            "required": targets.micro_f1,
            "value": micro["f1"],
        },
        {
            "criterion": "micro precision",
            "theme_id": MICRO,
            "required": targets.micro_precision,
            "value": micro["precision"],
        },
    ]
    for r in table:
        if r["theme_id"] != MICRO and r["support"] >= targets.theme_min_support:
            rows.append(
                {"criterion": "theme F1", "theme_id": r["theme_id"], "required": targets.theme_f1,
                 "value": r["f1"]}
            )  # fmt: skip
    for row in rows:
        row["met"] = row["value"] is not None and row["value"] >= row["required"]
    return rows


def why_wrong(coder, theme_id: str, text: str, heading: str, coded: bool) -> str:
    """Why the coder disagrees with the gold on one paragraph, in a few words: for a false
    positive, the keywords that fired; for a false negative, what was (not) there."""
    from analysis.codebook import strip_ignorable

    theme = coder.themes[theme_id]
    words = [strip_ignorable(w) for _, _, w in coder.matches(theme_id, text)]
    listed = "/".join(dict.fromkeys(words))
    if coded:
        return f"keyword {listed} but not about the theme"
    if not words:
        return "no keyword of the theme"
    if all(w in theme.weak_keywords for w in words) and len(words) >= theme.min_mentions:
        return f"only weak keyword {listed}, out of context"
    return f"{len(words)} mention(s) ({listed}), fewer than min_mentions {theme.min_mentions}"


def error_table(coder, sample_path: Path, gold: dict, theme_ids: list[str]) -> list[dict]:
    """Every false positive and false negative of the chosen themes, with its reason."""
    texts, headings = read_sample(sample_path), read_headings(sample_path)
    rows = []
    for tid in theme_ids:
        for key in sorted(gold):
            coded = tid in coder.code_text(texts[key], headings[key])
            if coded == (tid in gold[key]):
                continue
            rows.append(
                {
                    "theme_id": tid,
                    "error": "false positive" if coded else "false negative",
                    "paragraph_key": key,
                    "why": why_wrong(coder, tid, texts[key], headings[key], coded),
                    "text": texts[key][:80],
                }
            )
    return rows
