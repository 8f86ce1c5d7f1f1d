"""The notebooks' findings follow the data: each number is read from the database."""

from __future__ import annotations

import pytest

from analysis import findings, report


@pytest.mark.parametrize(
    ("value", "unit", "as_amount", "as_change"),
    [
        (80.36, "percent", "80.36%", "80.36 points"),
        (1.0, "percent", "1%", "1 point"),
        (2.928, "percent", "2.93%", "2.93 points"),
        (10.86, "years", "10.86 years", "10.86 years"),
        (44_300_000, "yuan", "44,300,000 yuan", "44,300,000 yuan"),
    ],
)
def test_numbers_read_as_people_write_them(value, unit, as_amount, as_change):
    assert findings.amount(value, unit) == as_amount
    assert findings.change(value, unit) == as_change


@pytest.mark.parametrize(
    ("function", "expected"),
    [
        # the counts of plans and values, from the sources and observations tables
        (findings.sources_and_quality, "3 of the 5 texts state numbers"),
        (findings.sources_and_quality, "Siping (annual work plan) states 1 value (for 2021)"),
        (findings.sources_and_quality, "9 within-plan conflicts in 3 plans"),
        (
            findings.sources_and_quality,
            "Baicheng's upper secondary gross enrolment rate for 2020: 80.36% (table, line "
            "183, preferred) against 95% (table, line 369), 14.64 points apart",
        ),
        (findings.indicator_coverage, "3 indicators have a baseline or target in all 3 plans"),
        (findings.indicator_coverage, "Shared by Baicheng and Jiamusi only"),
        (findings.indicator_coverage, "57 of the 66 indicators found are stated by a single"),
        (findings.gaps_to_target, "Linjiang 90% → 95% (+5 points)"),
        (
            findings.gaps_to_target,
            "Jiamusi 90% → 90% (already met; +1.8 points from its other 2020 value, 88.2%",
        ),
        (findings.gaps_to_target, "Baicheng aims below it (11.1 years)"),
        (findings.gaps_to_target, "Jiamusi 99% → >99% (already met)"),
        (findings.growth_needed, "or 4.88 points a year from the plan's issue in 2022"),
        (findings.growth_needed, "Jiamusi's preschool (three-year) gross enrolment rate (93% in"),
        # what each status rests on, counted from indicator_metrics.progress_status
        (
            findings.midpoint_progress,
            "Baicheng (from its 2015-2020 trend): 3 on track, 1 declining",
        ),
        (findings.midpoint_progress, "Linjiang (no 2022 or 2015 value stated): 1 already met"),
        (findings.midpoint_progress, "Jiamusi (from its stated 2022 values): 6 on track, 3 moder"),
        (
            findings.midpoint_progress,
            "is stagnating: 80% in 2020 and 80% in 2022, where the path to >80% in 2025 passes 80%",
        ),
        (
            findings.midpoint_progress,
            "Baicheng's secondary vocational enrolment is declining: 7979 persons in 2015 and "
            "7032 persons in 2020, against a target of 7800 persons in 2025",
        ),
        (findings.midpoint_progress, "Linjiang's preschool (three-year) gross enrolment rate (the"),
    ],
)
def test_findings_state_the_database_values(function, expected):
    assert expected in function().data


def test_a_changed_target_changes_the_finding(monkeypatch):
    original = report.gaps

    def moved(indicator_id=None):
        table = original(indicator_id).copy()
        at = (table.city_id == "linjiang") & (
            table.indicator_id == "preschool_gross_enrollment_rate"
        )
        table.loc[at, "target_2025"] = 97.0
        table.loc[at, "gap"] = 7.0
        return table

    monkeypatch.setattr(report, "gaps", moved)
    text = findings.gaps_to_target().data
    assert "Linjiang 90% → 97% (+7 points)" in text
    assert "(+5 points)" not in text


def test_no_conflicts_is_said_not_dropped(monkeypatch):
    empty = report.conflicts().iloc[0:0]
    monkeypatch.setattr(report, "conflicts", lambda: empty)
    text = findings.sources_and_quality().data
    assert "No plan states two different values for the same indicator and year." in text
    assert "within-plan conflicts" not in text


def test_a_planned_fall_is_named_only_when_the_data_show_one(monkeypatch):
    original = report.growth

    def falling():
        table = original().copy()
        table["growth_per_year_from_latest"] = table["growth_per_year_from_latest"].abs()
        return table

    assert "expects a fall back" in findings.growth_needed().data
    monkeypatch.setattr(report, "growth", falling)
    assert "fall back" not in findings.growth_needed().data


def test_a_changed_2022_value_changes_the_midpoint_finding(monkeypatch):
    """A stated 2022 value that reaches the path turns a shortfall into an on-track count."""
    original = report.midpoint_progress
    before = findings.midpoint_progress().data
    assert "3 moderately improving" in before and "88% in 2022" in before

    def reached():
        table = original().copy()
        at = (table.city_id == "jiamusi") & (
            table.indicator_id == "inclusive_kindergarten_coverage"
        )
        table.loc[at, ["midpoint_2022", "progress_status"]] = [88.4, "on_track"]
        return table

    monkeypatch.setattr(report, "midpoint_progress", reached)
    after = findings.midpoint_progress().data
    assert "7 on track, 2 moderately improving" in after
    assert "88% in 2022" not in after


def test_no_shortfall_and_no_missing_trend_are_not_invented(monkeypatch):
    original = report.midpoint_progress

    def all_on_track():
        table = original().copy()
        table["progress_status"] = "on_track"
        return table

    monkeypatch.setattr(report, "midpoint_progress", all_on_track)
    text = findings.midpoint_progress().data
    assert "Jiamusi (from its stated 2022 values): 13 on track." in text
    assert "is declining" not in text and "No trend stated" not in text


def test_no_baseline_and_target_is_said_not_dropped(monkeypatch):
    empty = report.midpoint_progress().iloc[0:0]
    monkeypatch.setattr(report, "midpoint_progress", lambda: empty)
    assert findings.midpoint_progress().data == "- No plan states both a baseline and a target."
