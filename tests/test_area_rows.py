"""A table with one row per township or county and a row for the whole area ("合计",
"全县", the plan's own name): only the whole area's row is read; every number in the other
rows is ledgered as another area's (analysis/extraction/area_rows.py)."""

from __future__ import annotations

import pytest

from analysis import paths

PRE, KG, ENR, PUB, PLACES = (
    "preschool_gross_enrollment_rate",
    "kindergarten_count",
    "kindergarten_enrollment",
    "new_public_kindergartens",
    "school_places_added",
)


@pytest.mark.parametrize(
    ("text", "city_zh", "expected", "others"),
    [
        # pipes; the whole county's row named 全县 comes first; the caption gives the year;
        # a column named by the period holds totals over it
        ("表5　2020年各乡镇学前教育基本情况\n\n| 乡（镇） | 幼儿园（所） | 学前三年毛入园率（%） | “十四五”新增学位（个） |\n|---|---|---|---|\n| 全县 | 88 | 90.5 | 3300 |\n| 河口镇 | 21 | 93.1 | 900 |\n| 白沙乡 | 9 | 86.0 | 300 |\n| 青石镇 | 12 | 88.2 | 450 |\n", "柳溪县", [(KG, 2020, "=", 88.0, None, "level"), (PRE, 2020, "=", 90.5, None, "level"), (PLACES, 2025, "=", 3300.0, None, "cumulative")], ["21", "93.1", "900", "9", "86.0", "300", "12", "88.2", "450"]),
        # tabs; counties of a city and the city by its name last; no year in the caption:
        # the baseline
        ("县（市、区）\t在园幼儿数（人）\t学前三年毛入园率（%）\n东湖区\t9120\t95.2\n南山县\t6400\t88.0\n北岭县\t5210\t86.4\n青河市\t20730\t90.1\n", "青河市", [(ENR, 2020, "=", 20730.0, None, "level"), (PRE, 2020, "=", 90.1, None, "level")], ["9120", "95.2", "6400", "88.0", "5210", "86.4"]),
        # CSV with quoted cells and no year in its header; the city's row (全市) last
        ('表4　2020年各县区高中阶段教育情况\n县（区）,"普通高中在校生（人）","高中阶段毛入学率（%）"\n北岭县,"6,120","91.4"\n南川县,"5,840","89.9"\n西河区,"7,005","95.0"\n全市,"18,965","92.1"\n', "青河市", [("general_high_school_enrollment", 2020, "=", 18965.0, None, "level"), ("upper_secondary_gross_enrollment_rate", 2020, "=", 92.1, None, "level")], ["5,840", "6,120", "7,005", "89.9", "91.4", "95.0"]),
    ],
)  # fmt: skip
def test_only_the_whole_areas_row_is_read(read_in_area, text, city_zh, expected, others):
    rows, other = read_in_area(text, city_zh)
    assert rows == sorted(expected)
    assert other == sorted(others)


def test_a_table_of_areas_without_a_row_for_the_whole_is_read_as_other_areas(read_in_area):
    """No 合计/全县 row: no row is the plan's own; a township's new places are not the
    county's period total (every number is another area's)."""
    text = (
        "乡镇\t幼儿园数（所）\t新增学位（个）\n河口镇\t21\t900\n白沙乡\t9\t300\n青石镇\t12\t450\n"
    )
    rows, other = read_in_area(text, "柳溪县")
    assert rows == []
    assert other == sorted(["21", "900", "9", "300", "12", "450"])


def test_a_ranking_of_counties_gives_the_citys_values_and_targets(extractor):
    """blind46 r6: a 督导 notice ranks the counties; each indicator has a rank column
    (位次), a row of targets closes the table, and the note spells out the short column
    names. The city's row states the year the notice reports on; the ranks and the
    counties' values are ledgered, never read as the city's."""
    from analysis.normalise import clean
    from analysis.sources import Source

    text = (
        "一、监测结果\n表2　各县区监测结果\n"
        "县区\t入园率\t位次\t巩固率\t位次\n"
        "东溪县\t91.5\t2\t97.0\t1\n南岭县\t93.0\t1\t96.1\t3\n西坪区\t88.4\t3\t96.8\t2\n"
        "全市\t91.2\t—\t96.7\t—\n目标值\t95\t—\t≥97\t—\n"
        "注：入园率即学前三年毛入园率；巩固率指九年义务教育巩固率。\n"
    )
    meta = {
        "document_type": "five_year_plan",
        "period_start": 2021,
        "period_end": 2025,
        "baseline_year": 2020,
        "city_name_zh": "青河市",
        "title_zh": "关于2022年全市教育规划主要指标监测情况的通报",
    }
    result = extractor.extract(Source("t_plan", "t", paths.ROOT / "t.txt", meta), clean(text))
    found = sorted(
        (o.indicator_id, o.year, o.comparator, o.value, o.value_kind) for o in result.observations
    )
    assert found == [
        ("compulsory_consolidation_rate", 2022, "=", 96.7, "level"),
        ("compulsory_consolidation_rate", 2025, ">=", 97.0, "level"),
        (PRE, 2022, "=", 91.2, "level"),
        (PRE, 2025, "=", 95.0, "level"),
    ]
    by_quote = {}
    for r in result.ledger:
        by_quote.setdefault(r["disposition"], []).append(r["quote"])
    assert sorted(by_quote["other_area"]) == ["88.4", "91.5", "93.0", "96.1", "96.8", "97.0"]
    ranks = [r["quote"] for r in result.ledger if r["reason"] == "a rank (排名)"]
    assert sorted(ranks) == ["1", "1", "2", "2", "3", "3"]
    assert "unaccounted" not in by_quote
