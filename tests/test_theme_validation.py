"""Agreement between labellers, bootstrap intervals and the targets of the blind sample."""

from __future__ import annotations

import pytest

from analysis.errors import InputError
from analysis.theme_sampling import Targets
from analysis.theme_validation import (
    MICRO,
    POOLED,
    agreement_table,
    bootstrap_table,
    cohen_kappa,
    evaluate,
    read_labels_checked,
    target_check,
)


def _pairs(yy: int, yn: int, ny: int, nn: int) -> tuple[list[bool], list[bool]]:
    a = [True] * (yy + yn) + [False] * (ny + nn)
    b = [True] * yy + [False] * yn + [True] * ny + [False] * nn
    return a, b


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # p_o = 35/50 = 0.7; p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.2/0.5
        ((20, 5, 10, 15), 0.4),
        # p_o = 0.6; p_e = 0.6*0.6 + 0.4*0.4 = 0.52; kappa = 0.08/0.48
        ((4, 2, 2, 2), 0.08 / 0.48),
        ((3, 0, 0, 7), 1.0),  # full agreement
        ((0, 5, 5, 0), -1.0),  # always opposite, balanced
        ((0, 0, 0, 9), None),  # nobody ever says yes: p_e = 1, undefined
    ],
)
def test_cohen_kappa_hand_computed(counts, expected):
    got = cohen_kappa(*_pairs(*counts))
    assert got == pytest.approx(expected) if expected is not None else got is None


def test_cohen_kappa_refuses_unequal_lists():
    with pytest.raises(ValueError):
        cohen_kappa([True], [True, False])


def test_agreement_table_per_theme_and_pooled():
    a = {"p1": {"x"}, "p2": {"x", "y"}, "p3": set(), "p4": {"y"}}
    b = {"p1": {"x"}, "p2": {"x"}, "p3": set(), "p4": {"y"}}
    rows = {r["theme_id"]: r for r in agreement_table(a, b, ["x", "y"])}
    assert (rows["x"]["labeller_a"], rows["x"]["both"], rows["x"]["kappa"]) == (2, 2, 1.0)
    # y: a = [F, T, F, T], b = [F, F, F, T]: p_o 0.75, p_e 0.5*0.25 + 0.5*0.75 = 0.5
    assert rows["y"]["kappa"] == pytest.approx(0.5)
    # pooled over 8 decisions: a has 4 yes, b 3; 7 agree; p_e = .5*.375 + .5*.625 = .5
    assert rows[POOLED]["agreement"] == pytest.approx(7 / 8)
    assert rows[POOLED]["kappa"] == pytest.approx((7 / 8 - 0.5) / 0.5)


GOLD = {f"p{i}": ({"x"} if i < 6 else set()) | ({"y"} if i % 2 else set()) for i in range(12)}
PRED = {
    k: (set(v) - {"y"}) | ({"y"} if k in {"p1", "p3", "p4"} else set()) for k, v in GOLD.items()
}
PRED["p7"] = {"x"}  # a false positive of x


def test_bootstrap_point_estimates_are_the_sample_scores():
    rows = {r["theme_id"]: r for r in bootstrap_table(GOLD, PRED, ["x", "y"], 500, 1, 0.95)}
    plain = {r["theme_id"]: r for r in evaluate(GOLD, PRED, ["x", "y"])}
    for tid in ("x", "y"):
        for name in ("precision", "recall", "f1", "support", "true_positives"):
            assert rows[tid][name] == pytest.approx(plain[tid][name])
        assert rows[tid]["f1_low"] <= rows[tid]["f1"] <= rows[tid]["f1_high"]
    micro = rows[MICRO]
    assert (micro["true_positives"], micro["false_positives"], micro["false_negatives"]) == (
        8,
        2,
        4,
    )
    assert micro["f1"] == pytest.approx(16 / (16 + 2 + 4))
    # x never misses a gold paragraph: recall is 1 in every resample
    assert (rows["x"]["recall_low"], rows["x"]["recall_high"]) == (1.0, 1.0)


def test_bootstrap_is_deterministic_and_seeded():
    one = bootstrap_table(GOLD, PRED, ["x", "y"], 300, 7, 0.95)
    assert one == bootstrap_table(GOLD, PRED, ["x", "y"], 300, 7, 0.95)
    assert one != bootstrap_table(GOLD, PRED, ["x", "y"], 300, 8, 0.95)


def test_bootstrap_theme_without_gold_or_prediction_has_no_scores():
    rows = {r["theme_id"]: r for r in bootstrap_table(GOLD, PRED, ["x", "z"], 100, 1, 0.9)}
    assert (rows["z"]["f1"], rows["z"]["f1_low"], rows["z"]["resamples_used"]) == (None, None, 0)


@pytest.mark.parametrize(
    ("content", "problem", "line"),
    [
        ("paragraph_key,labels\np1,x\np9,x\n", "paragraph 'p9' is not in the sample", 3),
        ("paragraph_key,labels\np1,x\np1,y\n", "paragraph 'p1' is labelled twice", 3),
        ("paragraph_key,labels\np1,x|w\np2,\n", "unknown theme id 'w'", 2),
        ("key,labels\np1,x\n", "the header lacks paragraph_key", 1),
        ("paragraph_key,labels,note\np1,x,\n", "1 paragraphs of the sample are not labelled", None),
    ],
)
def test_bad_label_files_are_refused_with_their_line(tmp_path, content, problem, line):
    path = tmp_path / "labels.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_labels_checked(path, {"p1", "p2"}, {"x", "y"})
    assert problem in info.value.problem
    assert info.value.line == line


def test_good_label_file_is_read(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("paragraph_key,labels,note\np2,,none\np1,y|x,\n", encoding="utf-8")
    assert read_labels_checked(path, {"p1", "p2"}, {"x", "y"}) == {"p1": {"x", "y"}, "p2": set()}


def test_target_check_names_every_theme_with_enough_support():
    table = [
        {"theme_id": "x", "support": 5, "f1": 0.9, "precision": 0.9},
        {"theme_id": "y", "support": 3, "f1": 0.5, "precision": 0.4},
        {"theme_id": "z", "support": 2, "f1": 0.0, "precision": 0.0},  # too few to judge
        {"theme_id": MICRO, "support": 10, "f1": 0.86, "precision": 0.79},
    ]
    got = [
        (r["criterion"], r["theme_id"], r["met"])
        for r in target_check(table, Targets(0.85, 0.8, 0.7, 3))
    ]
    assert got == [
        ("micro F1", MICRO, True),
        ("micro precision", MICRO, False),
        ("theme F1", "x", True),
        ("theme F1", "y", False),
    ]


@pytest.fixture()
def stand_in_blind_dir(tmp_path, monkeypatch):
    """The report's blind-sample path on the OLD sample (never the blind one): sample and
    gold are the old sample and its labels; labeller B drops one label of every fifth row."""
    import csv
    import shutil

    from analysis import paths

    shutil.copy(paths.THEME_SAMPLE_CSV, tmp_path / "sample.csv")
    shutil.copy(paths.THEME_LABELS_CSV, tmp_path / "gold.csv")
    shutil.copy(paths.THEME_LABELS_CSV, tmp_path / "labels_a.csv")
    with open(paths.THEME_LABELS_CSV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for i, row in enumerate(rows):
        if i % 5 == 0 and row["labels"]:
            row["labels"] = "|".join(row["labels"].split("|")[1:])
    with open(tmp_path / "labels_b.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["paragraph_key", "labels", "note"])
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setattr(paths, "THEME_BLIND_DIR", tmp_path)
    return tmp_path


def test_report_tables_once_labels_arrive(stand_in_blind_dir, monkeypatch):
    from analysis import theme_report

    agreement = theme_report.theme_labeller_agreement().set_index("theme_id")
    assert 0.5 < agreement.at[POOLED, "kappa"] < 1.0
    scores = theme_report.theme_blind_validation().set_index("theme_id")
    assert {"f1", "f1_low", "f1_high", "precision_low"} <= set(scores.columns)
    assert scores.at[MICRO, "f1_low"] <= scores.at[MICRO, "f1"] <= scores.at[MICRO, "f1_high"]
    targets = theme_report.theme_blind_targets()
    missed = set(targets[(targets.criterion == "theme F1") & ~targets.met].theme_id)
    reasons = theme_report.theme_blind_miss_reasons()
    assert set(reasons.theme_id) == missed
    assert theme_report.theme_blind_misses().theme_id.isin(missed).all()
    from analysis import theme_sampling
    from analysis.theme_validation import read_sample

    keys = read_sample(stand_in_blind_dir / "sample.csv")
    frame = [{"paragraph_key": k, "source_id": "s", "stratum": "t"} for k in keys]
    monkeypatch.setattr(theme_sampling, "read_frame", lambda: frame)  # the stand-in's frame
    findings = theme_report.theme_blind_findings().data
    assert "pooled Cohen's kappa" in findings and "Targets:" in findings
    assert all(f"- {tid}: F1" in findings for tid in missed)


def test_report_says_what_it_waits_for(tmp_path, monkeypatch):
    from analysis import paths, theme_report

    monkeypatch.setattr(paths, "THEME_BLIND_DIR", tmp_path)
    assert "labels_a.csv is missing" in theme_report.theme_labeller_agreement().status[0]
    assert "gold.csv is missing" in theme_report.theme_blind_miss_reasons().status[0]


def test_weighted_bootstrap_counts_each_paragraph_by_its_weight():
    gold = {"a": {"x"}, "b": {"x"}, "c": set()}
    predicted = {"a": {"x"}, "b": set(), "c": {"x"}}  # one hit, one miss, one false alarm
    plain = {r["theme_id"]: r for r in bootstrap_table(gold, predicted, ["x"], 200, 3, 0.9)}
    assert plain["x"]["precision"] == pytest.approx(0.5)
    ones = bootstrap_table(gold, predicted, ["x"], 200, 3, 0.9, {"a": 1, "b": 1, "c": 1})
    assert ones == bootstrap_table(gold, predicted, ["x"], 200, 3, 0.9)
    # the false alarm stands for 3 paragraphs: precision 1 / (1 + 3), recall unchanged
    heavy = {r["theme_id"]: r for r in bootstrap_table(gold, predicted, ["x"], 200, 3, 0.9,
                                                        {"a": 1, "b": 1, "c": 3})}  # fmt: skip
    assert heavy["x"]["precision"] == pytest.approx(0.25)
    assert heavy["x"]["recall"] == pytest.approx(0.5)
    assert heavy["x"]["false_positives"] == 3


def test_inclusion_weights_are_eligible_over_drawn_per_plan_and_stratum():
    from analysis.theme_sampling import inclusion_weights

    frame = [
        {"paragraph_key": k, "source_id": s, "stratum": t}
        for k, s, t in [("a1", "A", "few"), ("a2", "A", "few"), ("a3", "A", "few"),
                        ("a4", "A", "many"), ("b1", "B", "few")]
    ]  # fmt: skip
    weights = inclusion_weights(frame, {"a1", "a4", "b1"})
    assert weights == {"a1": 3.0, "a4": 1.0, "b1": 1.0}
    assert sum(weights.values()) == len(frame)


def test_report_population_estimate_on_the_stand_in(stand_in_blind_dir, monkeypatch):
    """Every stand-in paragraph in one stratum of weight 2: the same ratios as unweighted."""
    from analysis import theme_report, theme_sampling
    from analysis.theme_validation import read_sample

    keys = list(read_sample(stand_in_blind_dir / "sample.csv"))
    frame = [{"paragraph_key": k, "source_id": "s", "stratum": "t"} for k in keys]
    frame += [
        {"paragraph_key": f"x{i}", "source_id": "s", "stratum": "t"} for i in range(len(keys))
    ]
    monkeypatch.setattr(theme_sampling, "read_frame", lambda: frame)
    weighted = theme_report.theme_blind_population_estimate().iloc[0]
    plain = theme_report.theme_blind_validation().set_index("theme_id").loc[MICRO]
    assert weighted.f1 == pytest.approx(plain.f1) and weighted.support == 2 * plain.support
