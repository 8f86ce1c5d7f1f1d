"""Values of another area in prose: a county's value in a city's plan, a province's or the
nation's target quoted beside the plan's own (analysis/extraction/other_areas.py). They are
ledgered as other_area, never read as the plan's."""

from __future__ import annotations

import pytest

PRE, UPPER, CONS = (
    "preschool_gross_enrollment_rate",
    "upper_secondary_gross_enrollment_rate",
    "compulsory_consolidation_rate",
)


@pytest.mark.parametrize(
    ("text", "city_zh", "expected", "other"),
    [
        # the nation's target first, then the city's own in the clause after it
        ("到2025年，国家目标为九年义务教育巩固率达到95%，本市确保达到97%以上。", "石河市", [(CONS, 2025, ">=", 97.0, None, "level")], ["95%"]),
        # a provincial standard, a semicolon, then the city's value with its own phrase
        ("按照省定标准，高中阶段毛入学率应达到90%；全市高中阶段毛入学率达到94%。", "石河市", [(UPPER, 2025, "=", 94.0, None, "level")], ["90%"]),
        # a named county's value after the city's, in a review; and two counties at once
        ("“十三五”末，全市学前三年毛入园率为90.2%，其中北岭县仅为84.6%。白沙县、北岭县高中阶段毛入学率分别为93.1%和88.4%。", "石河市", [(PRE, 2020, "=", 90.2, None, "level")], ["84.6%", "88.4%", "93.1%"]),
        # in a county's or district's plan, the whole city (全市) is the level above it
        ("2020年，全县学前三年毛入园率为87.5%，全市为90.4%；2020年全市九年义务教育巩固率平均为96.0%，本县为95.2%。", "柳溪县", [(CONS, 2020, "=", 95.2, None, "level"), (PRE, 2020, "=", 87.5, None, "level")], ["90.4%", "96.0%"]),
        ("到2025年，全区高中阶段毛入学率达到95%，全州达到92%。", "东湖区", [(UPPER, 2025, "=", 95.0, None, "level")], ["92%"]),
        # the province or the nation as the clause's subject, an English gloss in brackets
        ("2020年，全市学前三年毛入园率为90.4%，全省（the province）学前三年毛入园率平均为91.6%。", "石河市", [(PRE, 2020, "=", 90.4, None, "level")], ["91.6%"]),
        ("同期全国九年义务教育巩固率为95.2%。", "柳溪县", [], ["95.2%"]),
        # a street or a town in a district's or county's plan
        ("2021年，全区学前三年毛入园率达到98.6%，滨江街道学前三年毛入园率达到99.5%，居各街道首位。", "榆湾区", [(PRE, 2021, "=", 98.6, None, "level")], ["99.5%"]),
        # a street whose name ends in a character that ends kinds of area (山区, 城区)
        ("城乡差距仍然存在，东山街道学前三年毛入园率仅为80%。", "松岗区", [], ["80%"]),
        # a list of districts, one ending in a character that ends kinds of area (东城区)
        ("区域差距依然明显，澈北区、东城区学前三年毛入园率超过95%，全市为90.2%。", "泓川市", [(PRE, 2025, "=", 90.2, None, "level")], ["95%"]),
        # kinds of area alone are no named areas: the plan's own urban area
        ("城区学前三年毛入园率达到95%。", "泓川市", [(PRE, 2025, "=", 95.0, None, "level")], []),
        # the town that seats the county, named as such
        ("2020年，全县学前三年毛入园率为86.5%，县城所在地凤栖镇学前三年毛入园率已达95.2%。", "苇泽县", [(PRE, 2020, "=", 86.5, None, "level")], ["95.2%"]),
        # some of the plan's own townships or counties: theirs, not the whole area's
        ("目前，除城关镇外，其余乡镇学前三年毛入园率普遍低于85%；全县学前三年毛入园率为88.1%。", "柳溪县", [(PRE, 2025, "=", 88.1, None, "level")], ["85%"]),
        ("部分县（市、区）高中阶段毛入学率不足90%。", "石河市", [], ["90%"]),
        # in a city's plan 全市 is its own
        ("2020年全市学前三年毛入园率为90.4%。", "石河市", [(PRE, 2020, "=", 90.4, None, "level")], []),
        # the plan's own county named in the clause is its own value
        ("到2025年，北岭县学前三年毛入园率达到92%。", "北岭县", [(PRE, 2025, "=", 92.0, None, "level")], []),
        # in a township's plan the county (全县) is above it, and so is the county's plan
        # named as stating its targets, for every clause up to the town's own word
        ("《柳溪县教育发展规划》提出，到2025年，全县学前三年毛入园率达到95%以上，九年义务教育巩固率达到97%；我镇学前三年毛入园率力争达到93%。", "青石镇", [(PRE, 2025, "=", 93.0, None, "level")], ["95%以上", "97%"]),
        ("2020年，全镇学前三年毛入园率为88.6%，低于全县的91.2%。", "青石镇", [(PRE, 2020, "=", 88.6, None, "level")], ["91.2%"]),
        # the province as the subject of a sentence's first clause: its later clauses,
        # naming no area of their own, are the province's too; the plan's own word ends it
        ("到2025年，全省普惠性幼儿园覆盖率达到90%，九年义务教育巩固率稳定在97%以上，高中阶段毛入学率达到95%；我市高中阶段毛入学率达到96%。", "石河市", [(UPPER, 2025, "=", 96.0, None, "level")], ["90%", "95%", "97%以上"]),
        # the best and worst of the plan's own areas, some of them named and counted
        ("九年义务教育巩固率最高的县为98.9%，最低的县为95.6%；城东、江北两个片区学前三年毛入园率仅为81.4%和83.6%。", "石河市", [], ["81.4%", "83.6%", "95.6%", "98.9%"]),
    ],
)  # fmt: skip
def test_another_areas_value_is_ledgered_not_read(read_in_area, text, city_zh, expected, other):
    assert read_in_area(text, city_zh) == (sorted(expected), other)


def test_a_whole_area_after_a_preposition_is_the_plans_own(read_in_area):
    # "在全市中小学校…": the whole city after 在 is no other named area
    _, other = read_in_area("到2025年，在全市中小学校创建15所家庭教育示范校。", "石河市")
    assert other == []


def test_a_county_whose_name_ends_in_a_kind_of_areas_character(read_in_area):
    """ "山区" is a kind of area, "岚山县" a county's name."""
    text = "全市学前三年毛入园率为93.1%，其中岚山县学前三年毛入园率仅为86.2%。"
    assert read_in_area(text, "石河市") == (
        [("preschool_gross_enrollment_rate", 2025, "=", 93.1, None, "level")],
        ["86.2%"],
    )


def test_one_of_the_areas_the_sentence_counted_is_named(read_in_area):
    """ "城区" ends kinds of area, but "其中滨城区" after "5个县（市、区）" is one of them."""
    text = "全市5个县（市、区）均通过国家督导评估，其中滨城区九年义务教育巩固率达到99.1%。"
    assert read_in_area(text, "石河市") == ([], ["99.1%"])
