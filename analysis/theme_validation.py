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
            rows.append(
                {
                    "paragraph_key": paragraph_key(source_id, a, b),
                    "source_id": source_id,
                    "paragraph_index": p.index,
                    "heading": p.heading,
                    "text": p.text,
                }
            )
    return rows


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
