"""A plan kept as LaTeX source (latex_source.py): the preamble, comments and footnotes out
of the text, commands' names gone and their text kept, "\\%" a percent sign, a tabular read
as a table (a header spanning its year columns with \\multicolumn, an empty first cell),
and the numbers left out ledgered as markup."""

from __future__ import annotations

import pytest

from analysis.latex_source import control_spans, is_latex
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, INC, UPPER = (
    "preschool_gross_enrollment_rate",
    "inclusive_kindergarten_coverage",
    "upper_secondary_gross_enrollment_rate",
)

# my own wording: an article class, \hline rules, a three-year \multicolumn header over an
# empty first cell, bold values, comments with figures that are not the plan's
TEXT = r"""\documentclass[11pt]{article}
\usepackage{xeCJK}
\setlength{\parskip}{6pt}
\begin{document}
\section*{二、主要目标}
% 初稿曾写为93\%，征求意见后改为下文数字
到2025年，学前三年毛入园率达到\textbf{94\%}以上\footnote{全省同期目标为92\%。}，
高中阶段教育毛入学率达到~96.5\%。

\begin{center}
\begin{tabular}{|l|c|c|c|}
\hline
指标 & \multicolumn{3}{c|}{目标值} \\
\cline{2-4}
 & 2023年 & 2024年 & 2025年 \\
\hline
普惠性幼儿园覆盖率（\%） & 86 & 88 & \textgreater{}90 \\
\hline
\end{tabular}
\end{center}
\end{document}
"""


def test_latex_prose_and_tabular_read_as_text_and_table(extractor):
    assert observed(extractor, TEXT) == [
        (INC, 2023, "=", 86.0, None, "level"),
        (INC, 2024, "=", 88.0, None, "level"),
        (INC, 2025, ">", 90.0, None, "level"),
        (PRE, 2025, ">=", 94.0, None, "level"),
        (UPPER, 2025, "=", 96.5, None, "level"),
    ]


def test_comments_footnotes_and_layout_numbers_are_markup(extractor):
    result = extractor.extract(source(), clean(TEXT))
    at = {r["char_start"]: r["disposition"] for r in result.ledger}
    assert at[TEXT.index("93")] == "markup"  # in a comment
    assert at[TEXT.index("92")] == "markup"  # in a footnote
    assert at[TEXT.index("11pt")] == "markup"  # the preamble
    assert at[TEXT.index("2-4")] == "markup"  # \cline{2-4}
    assert "unaccounted" not in at.values()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\documentclass{ctexart}", True),
        ("前文\n\\begin{document}\n正文", True),
        ("学前三年毛入园率$\\geq 95\\%$", False),
    ],
)
def test_is_latex(text, expected):
    assert is_latex(text) is expected


def test_a_cut_latex_source_reads_without_error(extractor):
    for text in (
        TEXT[:200],
        TEXT[:-40],
        r"\documentclass{x}\begin{document}\footnote{",
        "\\begin{document}\\multicolumn{2}{",
    ):
        extractor.extract(source(), clean(text))
    assert control_spans("学前三年毛入园率95%") == []
