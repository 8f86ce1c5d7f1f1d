"""An Excel pivot table copied as tab-separated text: group rows over their items set in
by spaces, and a 总计 column after the year columns. A group row sums its items (no
value); the total column sums the years, a value only of an indicator counted over the
period (新增学位), never of a rate or a stock."""

from __future__ import annotations

from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, PLACES, KIDS = (
    "preschool_gross_enrollment_rate",
    "school_places_added",
    "kindergarten_enrollment",
)

# my own wording: two groups, items indented by two spaces, a grand total row
PIVOT = (
    "求和项:值\t列标签\n"
    "行标签\t2021\t2022\t2023\t总计\n"
    "学前教育\t95.1\t97.3\t99.6\t292\n"
    "  学前三年毛入园率\t91.3\t92.1\t93.2\t276.6\n"
    "  在园幼儿（万人）\t3.8\t5.2\t6.4\t15.4\n"
    "学位建设\t1200\t1500\t1800\t4500\n"
    "  新增学位（个）\t1200\t1500\t1800\t4500\n"
    "总计\t1298.9\t1602.3\t1906.2\t4807.4\n"
)


def test_a_pivot_tables_groups_and_total_column(extractor):
    assert observed(extractor, PIVOT) == [
        (KIDS, 2021, "=", 38000.0, None, "level"),
        (KIDS, 2022, "=", 52000.0, None, "level"),
        (KIDS, 2023, "=", 64000.0, None, "level"),
        (PRE, 2021, "=", 91.3, None, "level"),
        (PRE, 2022, "=", 92.1, None, "level"),
        (PRE, 2023, "=", 93.2, None, "level"),
        (PLACES, 2021, "=", 1200.0, None, "cumulative"),
        (PLACES, 2022, "=", 1500.0, None, "cumulative"),
        (PLACES, 2023, "=", 1800.0, None, "cumulative"),
        (PLACES, 2023, "=", 4500.0, None, "cumulative"),  # the total over the years
    ]


def test_a_groups_sums_and_a_rates_total_are_ledgered(extractor):
    result = extractor.extract(source(), clean(PIVOT))
    why = {(r["quote"], r["line"]): r["disposition"] for r in result.ledger}
    assert why[("95.1", 3)] == "part_of_total"  # the group row 学前教育
    assert why[("276.6", 4)] == "no_indicator"  # a rate summed over the years
    assert why[("15.4", 5)] == "no_indicator"  # a stock summed over the years
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]
