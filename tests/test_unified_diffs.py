"""A plan shown as a unified diff between two drafts (unified_diff.py): removed lines are
struck, "+" and context lines are the plan's, headers and hunk ranges are markup."""

from __future__ import annotations

from analysis.normalise import clean
from analysis.unified_diff import diff_parts, is_diff
from tests.test_extraction import observed, source

PRE, CONS = "preschool_gross_enrollment_rate", "compulsory_consolidation_rate"

# my own wording: a git diff with its index line, a pipe table whose row was changed, and
# a prose line replaced
TEXT = """diff --git a/plan.md b/plan.md
index 3f2a9c1..8be0d47 100644
--- a/plan.md
+++ b/plan.md
@@ -3,6 +3,6 @@ 二、主要目标
 | 指标 | 2020年 | 2025年 |
 |---|---|---|
-| 学前三年毛入园率（%） | 87.1 | 92 |
+| 学前三年毛入园率（%） | 87.4 | 93 |
 | 九年义务教育巩固率（%） | 95.6 | 96.5 |
-到2025年，九年义务教育巩固率达到96%。
+到2025年，九年义务教育巩固率达到96.5%。
"""


def test_removed_lines_are_not_read(extractor):
    assert observed(extractor, TEXT) == [
        (CONS, 2020, "=", 95.6, None, "level"),
        (CONS, 2025, "=", 96.5, None, "level"),
        (CONS, 2025, "=", 96.5, None, "level"),
        (PRE, 2020, "=", 87.4, None, "level"),
        (PRE, 2025, "=", 93.0, None, "level"),
    ]


def test_removed_numbers_are_struck_and_ranges_markup(extractor):
    result = extractor.extract(source(), clean(TEXT))
    at = {r["char_start"]: r["disposition"] for r in result.ledger}
    assert at[TEXT.index("87.1")] == "struck"
    assert at[TEXT.index("96%")] == "struck"
    assert at[TEXT.index("-3,6") + 1] == "markup"  # the hunk's range
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_a_removed_line_goes_with_its_line_end():
    removed, markers, headers = diff_parts(TEXT)
    first = TEXT.index("-| 学前")
    assert (first, TEXT.index("+| 学前")) in removed
    assert (TEXT.index("+| 学前"), TEXT.index("+| 学前") + 1) in markers
    assert len(headers) == 5  # diff --git, index, ---, +++, @@


def test_a_dash_list_is_no_diff():
    assert not is_diff("- 学前三年毛入园率达到93%\n- 巩固率达到96.5%\n")
