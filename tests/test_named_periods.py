import pytest

from analysis.extraction.named_periods import period_end


@pytest.mark.parametrize(
    ("ordinal", "end"), [("一", 2010), ("二", 2015), ("三", 2020), ("四", 2025), ("五", 2030)]
)
def test_the_last_year_of_a_numbered_plan(ordinal, end):
    assert period_end(ordinal) == end
