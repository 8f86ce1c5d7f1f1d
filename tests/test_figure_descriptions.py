"""Alt text of the report's charts: what each published figure shows, from its data."""

from __future__ import annotations

import pytest

from analysis.figure_descriptions import published_descriptions
from analysis.published_figures import load_published_figures


@pytest.fixture(scope="module")
def descriptions(built):
    _, out = built
    return published_descriptions(out / "plans.duckdb")


def test_every_published_figure_has_a_description(descriptions):
    published = load_published_figures()
    expected = {
        *(f"gap_{i}" for i in published.gap_indicators),
        *(f"growth_needed_{u}" for u in published.growth_units),
        *(f"midpoint_{c}" for c in published.midpoint_cities),
        *(f"themes_{m}" for m in published.theme_measures),
        "theme_similarity",
        *(["ambition_consistency"] if published.ambition else []),
        *(["vocabulary_distinctive"] if published.distinctive_vocabulary else []),
    }
    assert set(descriptions) == expected


@pytest.mark.parametrize(
    ("figure", "phrases"),
    [
        (
            "gap_preschool_gross_enrollment_rate",
            [
                "Preschool (three-year) gross enrolment rate",
                "Baicheng from 92.2% to 95%",
                "Jiamusi from 90% to 90% (already met)",
                "Not stated by Jilin City, Siping",
                "National: 85.2% in 2020, target 90% for 2025",
            ],
        ),
        ("gap_upper_secondary_gross_enrollment_rate", ["Baicheng from 80.36% to 95%"]),
        ("gap_compulsory_consolidation_rate", ["Jiamusi from 99% to > 99%"]),
        (
            "growth_needed_percent",
            ["Baicheng, Upper secondary gross enrolment rate: 2.93 points a year"],
        ),
        ("midpoint_jiamusi", ["Jiamusi:", "2022 stated 93%, straight path 90%"]),
        (
            "themes_density_per_10k_chars",
            ["30 policy themes by 5 cities", "Jilin City, Vocational education (64.2)"],
        ),
        ("theme_similarity", ["Most alike: Jiamusi and Linjiang (0.92)"]),
        (
            "ambition_consistency",
            [
                "Baicheng, Preschool (three-year) gross enrolment rate: 0.20 times the past pace",
                "Baicheng, Secondary vocational enrolment: the past pace moved away from the "
                "target: needs a reversal",
                "13 values",
                "Jiamusi, Share of new labour-force entrants with higher education: 2022 stated "
                "54.5%, straight path 54.1%, ahead (+0.27 of the planned change)",
                "Jiamusi, Preschool (three-year) gross enrolment rate: 2022 stated 93%, "
                "straight path 90%, already at or beyond the 2025 target",
            ],
        ),
        (
            "vocabulary_distinctive",
            [
                "one per city (5)",
                "Baicheng: 职业学校 3.38 (17 uses), 帮扶 3.27 (11 uses)",
                "Siping: 活动 4.42 (28 uses)",
            ],
        ),
    ],
)
def test_a_description_states_the_values_drawn(descriptions, figure, phrases):
    for phrase in phrases:
        assert phrase in descriptions[figure]


def test_the_growth_description_names_every_bar_the_chart_draws(built, descriptions):
    """Both take their rows from chart_rows.growth_rows: one bar named per row drawn, in
    the drawing order (largest growth first), whatever that function keeps."""
    from analysis.chart_rows import growth_rows
    from analysis.report import query

    _, out = built
    metrics = query(
        "SELECT * FROM indicator_metrics ORDER BY city_id, indicator_id",
        database=out / "plans.duckdb",
    )
    for unit in load_published_figures().growth_units:
        drawn = growth_rows(metrics, unit)
        text = descriptions[f"growth_needed_{unit}"]
        assert f"{len(drawn)} indicators in" in text
        assert text.count(" a year (from the latest value: ") == len(drawn)
