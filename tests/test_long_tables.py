"""Tables in long format, one row per indicator and year, as open-data portals export
them (extraction/long_tables.py): read as the wide tables they pivot to."""

from __future__ import annotations

import pytest

from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, INC, KIDS = (
    "preschool_gross_enrollment_rate",
    "inclusive_kindergarten_coverage",
    "kindergarten_enrollment",
)

# my own wording: a county's data set in three surface forms, fields in another order than
# the portal's, a year with no value, a count in 万人, codes with digits
CSV = (
    "数据说明：目标类数值为规划期末应达到的下限值。\n"
    "序号,年度,指标,计量单位,值,数值类型\n"
    "A-01,2020,学前三年毛入园率,%,88.2,基期\n"
    "A-01,2023,学前三年毛入园率,%,90.5,实际\n"
    "A-01,2025,学前三年毛入园率,%,93,目标\n"
    "A-02,2020,普惠性幼儿园覆盖率,%,80.4,基期\n"
    "A-02,2025,普惠性幼儿园覆盖率,%,88,目标\n"
    "A-03,2020,在园幼儿数,万人,1.26,基期\n"
    "A-03,2023,在园幼儿数,万人,1.19,实际\n"
)
TSV = CSV.replace(",", "\t")
PIPES = (
    "\n".join(
        ["数据说明：目标类数值为规划期末应达到的下限值。"]
        + [
            "| "
            + " | ".join(line.split(","))
            + " |"
            + ("\n|---|---|---|---|---|---|" if k == 0 else "")
            for k, line in enumerate(CSV.splitlines()[1:])
        ]
    )
    + "\n"
)

EXPECTED = [
    (PRE, 2020, "=", 88.2, None, "level"),
    (PRE, 2023, "=", 90.5, None, "level"),
    (PRE, 2025, ">=", 93.0, None, "level"),
    (INC, 2020, "=", 80.4, None, "level"),
    (INC, 2025, ">=", 88.0, None, "level"),
    (KIDS, 2020, "=", 12600.0, None, "level"),
    (KIDS, 2023, "=", 11900.0, None, "level"),
]


@pytest.mark.parametrize("text", [CSV, TSV, PIPES], ids=["csv", "tsv", "pipes"])
def test_a_long_table_reads_as_its_wide_table(extractor, text):
    assert observed(extractor, text) == sorted(EXPECTED)


def test_its_years_and_codes_are_accounted_for(extractor):
    result = extractor.extract(source(), clean(CSV))
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]
    years = [r for r in result.ledger if r["quote"] == "2020"]
    assert {r["disposition"] for r in years} <= {"year", "table_header"} and len(years) == 3


def test_without_a_note_targets_keep_their_cells_comparator(extractor):
    text = CSV.split("\n", 1)[1]  # no note on lower bounds
    assert (PRE, 2025, "=", 93.0, None, "level") in observed(extractor, text)


def test_a_table_with_a_year_column_but_no_value_column_is_not_pivoted(extractor):
    """A table of years as rows ("年份 | 学前三年毛入园率 | …") stays as it is."""
    text = "年份,学前三年毛入园率（%）,普惠性幼儿园覆盖率（%）\n2020,88.2,80.4\n2025,93,88\n"
    assert observed(extractor, text) == [
        (INC, 2020, "=", 80.4, None, "level"),
        (INC, 2025, "=", 88.0, None, "level"),
        (PRE, 2020, "=", 88.2, None, "level"),
        (PRE, 2025, "=", 93.0, None, "level"),
    ]
