"""A plan's tables saved as an SQL dump (sql_statements.py, sql_tables.py): each INSERT
becomes a grid headed by the columns' comments, row ids, dates and codes leave the grid,
and the dump's comments and DDL are markup in the ledger."""

from __future__ import annotations

from analysis import sql_statements
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, BUDGET, PLACES = (
    "preschool_gross_enrollment_rate",
    "education_budget_share",
    "school_places_added",
)

# my own wording: a PostgreSQL dump (COMMENT ON COLUMN, a column list in each INSERT, one
# statement a row), a year-as-rows table of additions, escaped quotes and NULL
TEXT = """-- PostgreSQL database dump, pg_dump 14.9
SET client_encoding = 'UTF8';

CREATE TABLE public.jyzb (
    xh serial NOT NULL,
    mc character varying(60),
    v2020 character varying(12),
    v2025 character varying(12),
    gx timestamp without time zone
);
COMMENT ON COLUMN public.jyzb.mc IS '指标';
COMMENT ON COLUMN public.jyzb.v2020 IS '2020年';
COMMENT ON COLUMN public.jyzb.v2025 IS '2025年目标';

INSERT INTO public.jyzb (xh, mc, v2020, v2025, gx) VALUES (1, '学前三年毛入园率（%）', '88.5', '≥93', '2022-05-01 08:00:00');
INSERT INTO public.jyzb (xh, mc, v2020, v2025, gx) VALUES (2, '教育支出占一般公共预算支出比例（%）', '18.7', NULL, '2022-05-01 08:00:00');

CREATE TABLE public.xw (
    nd character varying(8),
    xzxw integer
);
COMMENT ON COLUMN public.xw.nd IS '年度';
COMMENT ON COLUMN public.xw.xzxw IS '新增学位（个）';
INSERT INTO public.xw VALUES ('2021', 3200), ('2022', 3500);
"""


def test_insert_rows_read_as_tables_under_their_comments(extractor):
    assert observed(extractor, TEXT) == [
        (BUDGET, 2020, "=", 18.7, None, "level"),
        (PRE, 2020, "=", 88.5, None, "level"),
        (PRE, 2025, ">=", 93.0, None, "level"),
        (PLACES, 2021, "=", 3200.0, None, "cumulative"),
        (PLACES, 2022, "=", 3500.0, None, "cumulative"),
    ]


def test_row_ids_dates_and_dump_syntax_are_no_values(extractor):
    result = extractor.extract(source(), clean(TEXT))
    at = {r["char_start"]: (r["disposition"], r["reason"]) for r in result.ledger}
    assert at[TEXT.index("14.9")][0] == "markup"  # the dump's comment line
    assert at[TEXT.index("(60)") + 1][0] == "markup"  # a column type in CREATE TABLE
    row_id = TEXT.index("VALUES (1,") + len("VALUES (")
    assert at[row_id] == ("section_number", "a row id of the dump")
    assert at[TEXT.index("2022-05-01")][0] == "date"
    assert not [r for r in result.ledger if r["disposition"] == "unaccounted"]


def test_quoted_fields_keep_their_raw_spans():
    text = "INSERT INTO t VALUES (7,'it''s 95%',NULL,-1.5e2);"
    (insert,) = sql_statements.inserts(text)
    fields = insert.rows[0]
    assert [f.text for f in fields] == ["7", "it's 95%", "", "-1.5e2"]
    assert text[fields[1].start : fields[1].end] == "it''s 95%"
    assert not fields[2].quoted and fields[2].start == fields[2].end  # NULL: no value


def test_plain_text_with_a_semicolon_is_no_dump():
    assert not sql_statements.is_sql("到2025年，学前三年毛入园率达到93%；INSERT 不是语句。")
