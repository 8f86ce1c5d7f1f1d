"""A 分别 list whose later item carries a short modifier of its own, plain or quoted
("、城区普惠性幼儿园覆盖率", "、“1+X”证书通过率"): still an item of the list, so each value
goes to its own name (prose_lists._chain_ending_before), as 均 lists already did."""

from __future__ import annotations

import pytest

from tests.test_extraction import observed

LISTS = [
    ("学前三年毛入园率、城区普惠性幼儿园覆盖率分别达到92%和85%。",
     [("preschool_gross_enrollment_rate", 2025, "=", 92.0, None, "level"), ("inclusive_kindergarten_coverage", 2025, "=", 85.0, None, "level")]),
    ("九年义务教育巩固率、“1+X”证书通过率分别为97%、80%以上。",
     [("compulsory_consolidation_rate", 2025, "=", 97.0, None, "level"), ("vocational_certificate_pass_rate", 2025, ">=", 80.0, None, "level")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_a_modified_item_stays_in_its_list(extractor, text, expected):
    assert observed(extractor, text) == sorted(expected)
