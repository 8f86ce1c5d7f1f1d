"""A plan kept as reStructuredText (rst_source.py): adornments, comments, footnotes and
directive options out of the text, a list-table read as one cell per line, a simple table
without its borders, substitutions read as their text, and the markup ledgered."""

from __future__ import annotations

from analysis.normalise import clean
from analysis.rst_source import is_rst
from tests.test_extraction import observed, source

PRE, UPPER, TEACH = (
    "preschool_gross_enrollment_rate",
    "upper_secondary_gross_enrollment_rate",
    "teachers_recruited",
)

# my own wording: a replace:: substitution, a numbered footnote, a target, a list-table
# without a 序号 column, a simple table with a "-----" border under its header
TEXT = """.. 本文件由 docs/plan.rst 生成，第3版

二、主要目标
------------

.. |约| replace:: 约
.. _目标表:

到2025年，高中阶段教育毛入学率达到94.5%\\ [1]_\\ 以上。

.. list-table:: 表1 主要指标
   :header-rows: 1

   * - 指标
     - 2020年
     - 2025年
   * - 学前三年毛入园率（%）
     - 89.2
     - 93

=====  ==============
年份    招聘教师（名）
-----  --------------
2022    |约| 420
2023    450
=====  ==============

.. [1] 全省2020年为91.3%。
"""


def test_rst_text_and_tables_read(extractor):
    assert observed(extractor, TEXT) == [
        (PRE, 2020, "=", 89.2, None, "level"),
        (PRE, 2025, "=", 93.0, None, "level"),
        (TEACH, 2022, "~", 420.0, None, "cumulative"),
        (TEACH, 2023, "=", 450.0, None, "cumulative"),
        (UPPER, 2025, ">=", 94.5, None, "level"),
    ]


def test_comments_and_footnotes_are_markup(extractor):
    result = extractor.extract(source(), clean(TEXT))
    at = {r["char_start"]: r["disposition"] for r in result.ledger}
    assert at[TEXT.index("第3版") + 1] == "markup"  # in a comment
    assert at[TEXT.index("91.3")] == "markup"  # in a footnote
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_one_directive_is_not_enough_to_be_rst():
    assert not is_rst(".. 注：本表数据为快报数\n学前三年毛入园率达到93%。\n")
    assert is_rst(TEXT)
