"""Notebook 06's tables on the theme dictionary's validation and on distinctive vocabulary.

Split from analysis/report.py (which keeps the database-backed tables) so that neither
module grows past its size. The validation tables read the hand-labelled samples under
tests/data/ and the blind sample under tests/data/theme_blind/ (each says which label file it
is still waiting for); the vocabulary table reads the registered raw files (checksums
checked, as in the build), because the vocabulary is not stored in the database.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import paths
from analysis.report import city_labels, city_order
from analysis.sources import load_sources


def _theme_coder():
    from analysis.themes import ThemeCoder, load_themes

    return ThemeCoder(load_themes(paths.THEME_CODEBOOK_YAML))


@lru_cache(maxsize=1)
def _distinctive_terms() -> tuple[tuple[dict, ...], tuple[tuple[str, int], ...]]:
    from analysis.sources import read_raw
    from analysis.vocabulary import distinctive_terms, load_settings

    sources = load_sources(paths.SOURCES_YAML)
    texts = {s.source_id: read_raw(s) for s in sources}  # checksums checked, as in the build
    rows, totals = distinctive_terms(sources, texts, load_settings())
    return tuple(rows), tuple(totals.items())


def distinctive_vocabulary(database: Path = paths.DATABASE) -> pd.DataFrame:
    """Per city, the words it uses more than the other cities (weighted log-odds z-score,
    analysis/vocabulary.py), each with its first sentence and that sentence's raw span.
    Read from the registered raw files (checksums checked), not the database: the
    vocabulary is not stored there. A city whose text yields no term has one row saying so."""
    rows, totals = _distinctive_terms()
    df = pd.DataFrame(list(rows))
    names = city_labels(database)
    out = []
    for city in city_order(database):
        mine = df[df.city_id == city] if not df.empty else df
        if mine.empty:
            out.append(pd.DataFrame({"city_id": [city], "tokens": [dict(totals).get(city, 0)]}))
            continue
        out.append(mine.assign(tokens=dict(totals)[city]))
    table = pd.concat(out, ignore_index=True)
    table.insert(1, "city", table.city_id.map(names))
    return table.round({"z": 2, "per_10k_tokens": 1})


def theme_validation() -> pd.DataFrame:
    from analysis.theme_validation import validation_table

    coder = _theme_coder()
    table = pd.DataFrame(validation_table(coder, paths.THEME_SAMPLE_CSV, paths.THEME_LABELS_CSV))
    return table.round(2)


BLIND_FILES = {  # file in tests/data/theme_blind/ -> what it is
    "sample.csv": "the paragraphs to label (drawn before any keyword change)",
    "BRIEF.md": "the labelling brief: theme definitions only",
    "labels_a.csv": "labeller A, blind to the keywords",
    "labels_b.csv": "labeller B, blind to the keywords and to A",
    "gold.csv": "the adjudicated labels, frozen",
}


def theme_blind_files() -> pd.DataFrame:
    """The blind sample's files and whether each is there yet."""
    rows = []
    for name, role in BLIND_FILES.items():
        path = paths.THEME_BLIND_DIR / name
        rows.append({"file": name, "what": role, "present": path.is_file()})
    return pd.DataFrame(rows)


def theme_blind_design() -> pd.DataFrame:
    """Per plan and stratum (themes the coder found at draw time): paragraphs eligible and
    drawn, from the frame file and the sample."""
    from analysis.theme_sampling import load_blind_design, read_frame
    from analysis.theme_validation import read_sample

    frame = pd.DataFrame(read_frame())
    drawn = set(read_sample(paths.THEME_BLIND_DIR / "sample.csv"))
    frame["drawn"] = frame.paragraph_key.isin(drawn)
    order = [s.stratum for s in load_blind_design().strata]
    table = frame.pivot_table(
        index="source_id", columns="stratum", values="drawn", aggfunc=["size", "sum"], fill_value=0
    )
    out = pd.DataFrame(index=table.index)
    for stratum in order:
        eligible = table["size"].get(stratum, pd.Series(0, index=table.index))
        got = table["sum"].get(stratum, pd.Series(0, index=table.index))
        out[stratum] = [f"{int(d)} of {int(e)}" for d, e in zip(got, eligible, strict=True)]
    out["drawn"] = table["sum"].sum(axis=1).astype(int)
    return out


def _waiting(*names: str) -> pd.DataFrame | None:
    missing = [n for n in names if not (paths.THEME_BLIND_DIR / n).is_file()]
    if not missing:
        return None
    where = paths.THEME_BLIND_DIR
    where = where.relative_to(paths.ROOT) if where.is_relative_to(paths.ROOT) else where
    return pd.DataFrame({"status": [f"not yet labelled: {where}/{n} is missing" for n in missing]})


def _blind_labels(name: str) -> dict:
    from analysis.theme_validation import read_labels_checked, read_sample

    keys = set(read_sample(paths.THEME_BLIND_DIR / "sample.csv"))
    return read_labels_checked(paths.THEME_BLIND_DIR / name, keys, set(_theme_coder().themes))


def theme_labeller_agreement() -> pd.DataFrame:
    """Cohen's kappa between the two blind labellers, per theme and pooled."""
    from analysis.theme_validation import agreement_table

    waiting = _waiting("labels_a.csv", "labels_b.csv")
    if waiting is not None:
        return waiting
    a, b = _blind_labels("labels_a.csv"), _blind_labels("labels_b.csv")
    return pd.DataFrame(agreement_table(a, b, list(_theme_coder().themes))).round(3)


def _bootstrap_frame(gold: dict, sample_path: Path, weights: dict | None = None) -> pd.DataFrame:
    from analysis.theme_sampling import load_blind_design
    from analysis.theme_validation import bootstrap_table, read_headings, read_sample

    coder, boot = _theme_coder(), load_blind_design().bootstrap
    texts, headings = read_sample(sample_path), read_headings(sample_path)
    predicted = {k: set(coder.code_text(texts[k], headings[k])) for k in gold}
    rows = bootstrap_table(
        gold, predicted, list(coder.themes), boot.resamples, boot.seed, boot.level, weights
    )
    return pd.DataFrame(rows).round(2)


def theme_validation_intervals() -> pd.DataFrame:
    """The old (tuning) sample with bootstrap intervals: optimistic, it was tuned on."""
    from analysis.theme_validation import read_labels

    return _bootstrap_frame(read_labels(paths.THEME_LABELS_CSV), paths.THEME_SAMPLE_CSV)


def theme_blind_validation() -> pd.DataFrame:
    """Precision, recall and F1 per theme on the frozen blind gold, with intervals."""
    waiting = _waiting("gold.csv")
    if waiting is not None:
        return waiting
    return _bootstrap_frame(_blind_labels("gold.csv"), paths.THEME_BLIND_DIR / "sample.csv")


def theme_blind_population_estimate() -> pd.DataFrame:
    """Micro precision, recall and F1 weighted back to every eligible paragraph outside the
    tuning sample (each blind paragraph counts eligible/drawn of its plan and stratum):
    what the coder would score on the plans' paragraphs, not on the theme-rich sample."""
    from analysis.theme_sampling import inclusion_weights, read_frame

    waiting = _waiting("gold.csv")
    if waiting is not None:
        return waiting
    gold = _blind_labels("gold.csv")
    weights = inclusion_weights(read_frame(), set(gold))
    table = _bootstrap_frame(gold, paths.THEME_BLIND_DIR / "sample.csv", weights)
    return table[table.theme_id == "(micro)"].assign(theme_id="(micro, weighted)")


def theme_blind_targets() -> pd.DataFrame:
    """The issue's targets on the blind gold: reached or missed."""
    from analysis.theme_sampling import load_blind_design
    from analysis.theme_validation import target_check

    table = theme_blind_validation()
    if "status" in table:
        return table
    rows = target_check(
        table.replace({np.nan: None}).to_dict("records"), load_blind_design().targets
    )
    return pd.DataFrame(rows)


def theme_blind_misses() -> pd.DataFrame:
    """Why the themes that miss their F1 target miss: each error on the blind gold."""
    from analysis.theme_validation import error_table

    targets = theme_blind_targets()
    if "status" in targets:
        return targets
    missed = targets[(targets.criterion == "theme F1") & ~targets.met].theme_id.tolist()
    rows = error_table(
        _theme_coder(), paths.THEME_BLIND_DIR / "sample.csv", _blind_labels("gold.csv"), missed
    )
    return pd.DataFrame(rows, columns=["theme_id", "error", "paragraph_key", "why", "text"])


MISS_COLUMNS = [
    "theme_id",
    "f1",
    "false_positives",
    "false_negatives",
    "most_frequent_reason",
    "keywords_in_false_positives",
]


def theme_blind_miss_reasons() -> pd.DataFrame:
    """Per theme that misses its F1 target: its F1, errors by kind, and the most frequent
    reason (from theme_blind_misses); empty when every theme with enough gold meets it."""
    misses = theme_blind_misses()
    if "status" in misses:
        return misses
    if misses.empty:
        return pd.DataFrame(columns=MISS_COLUMNS)
    scores = theme_blind_validation().set_index("theme_id")
    rows = []
    for tid, errors in misses.groupby("theme_id", sort=False):
        reasons = errors.why.str.replace(r"keyword \S+ but", "keyword but", regex=True)
        fired = errors.why.str.extract(r"^keyword (\S+) but")[0].dropna().str.split("/")
        words = pd.Series([w for ws in fired for w in ws], dtype=object).value_counts()
        rows.append(
            {
                "theme_id": tid,
                "f1": scores.at[tid, "f1"],
                "false_positives": int((errors.error == "false positive").sum()),
                "false_negatives": int((errors.error == "false negative").sum()),
                "most_frequent_reason": reasons.value_counts().index[0],
                "keywords_in_false_positives": "/".join(words.index[:3]),
            }
        )
    return pd.DataFrame(rows)


def theme_blind_findings():
    """The blind sample's result in a few computed sentences (IPython Markdown): kappa, micro
    scores with intervals, the targets, and each theme that misses with its main reason."""
    from IPython.display import Markdown

    targets = theme_blind_targets()
    if "status" in targets:
        return Markdown("The blind sample is not labelled yet: " + "; ".join(targets.status))
    agreement = theme_labeller_agreement().set_index("theme_id")
    scores = theme_blind_validation().set_index("theme_id")
    weighted = theme_blind_population_estimate().iloc[0]
    micro = scores.loc["(micro)"]

    def interval(row, name: str) -> str:
        return f"{row[name]:.2f} [{row[f'{name}_low']:.2f}, {row[f'{name}_high']:.2f}]"

    met = targets.set_index(["criterion", "theme_id"]).met
    held = targets[targets.criterion == "theme F1"]
    lines = [
        f"- Labellers: pooled Cohen's kappa {agreement.at['(pooled)', 'kappa']:.3f} over every "
        f"paragraph x theme decision ({len(scores) - 1} themes; per theme in the table above).",
        f"- Coder on the frozen gold ({int(micro.support)} gold labels): micro-F1 "
        f"{interval(micro, 'f1')}, precision {interval(micro, 'precision')}, recall "
        f"{interval(micro, 'recall')}; weighted back to the plans: micro-F1 "
        f"{interval(weighted, 'f1')}, precision {interval(weighted, 'precision')}.",
        f"- Targets: micro-F1 >= 0.85 {'met' if met['micro F1', '(micro)'] else 'missed'}; "
        f"precision >= 0.80 {'met' if met['micro precision', '(micro)'] else 'missed'}; "
        f"{int(held.met.sum())} of {len(held)} themes with enough gold paragraphs reach "
        "F1 0.70.",
    ]
    for r in theme_blind_miss_reasons().itertuples():
        lines.append(
            f"- {r.theme_id}: F1 {r.f1:.2f} ({r.false_positives} false positives, "
            f"{r.false_negatives} false negatives); mostly: {r.most_frequent_reason}"
            + (
                f"; false positives on {r.keywords_in_false_positives}"
                if r.keywords_in_false_positives
                else ""
            )
            + "."
        )
    return Markdown("\n".join(lines))
