"""Which documents report on a year part-way through the plan (extraction/evaluation.py)."""

from __future__ import annotations

import pytest

from analysis.extraction.evaluation import evaluated_year, occasion_year


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("某县县域教育综合改革监测指数报告（2022年度）", "一、监测说明", 2022),
        ("某市教育现代化监测评价报告（2023年）", "", 2023),
        ("某市“十四五”教育规划实施情况中期评估报告", "截至2023年底，全市…", 2023),
        ("某县2022年教育事业发展统计公报", "", 2022),
        # a final evaluation: "截至2025年底" reaches the period's end; a bare "2025年底"
        # (a deadline) does not, the latest status year before it counts
        (
            "某市“十四五”规划实施情况总结评估报告",
            "截至2025年底，已完成12项。2024年底全面消除大班额。",
            2025,
        ),
        (
            "某市“十四五”规划实施情况中期评估报告",
            "截至2022年底，…力争2025年底前…，2025年底全部完成。",
            2022,
        ),
        # a bare "2024年底" a target is due by is no status year ("目标2024年底达到100%")
        (
            "某县“十四五”规划实施情况中期评估报告",
            "2022年底，标准班额比例（目标2024年底达到100%）为92%；到2024年底前完成。",
            2022,
        ),
        # a 述职报告 reports on the year its title names
        ("某县教育局局长2022年度述职述廉报告", "（2023年1月16日）", 2022),
        # a 督导 office's notice on a year's monitoring (blind46 r6)
        ("关于2023年全市“十四五”教育事业发展主要指标监测情况的通报", "", 2023),
        ("某县教育督导委员会办公室关于2022年度规划监测结果的通报", "", 2022),
        # the registry names the plan, the text's own title line a report on it
        (
            "某县“十四五”教育事业发展规划",
            "规划监测_某县教育局\n“十四五”教育规划指标监测（2023年度）\n发布时间：…",
            2023,
        ),
        ("某县“十四五”教育事业发展规划", "某县教育质量监测体系建设方案（2021—2025年）\n…", None),
        ("某县“十四五”教育事业发展规划", "某县“十四五”教育事业发展规划\n一、2022年…", None),
        # a plan, and a monitoring system that is part of a plan's title
        ("某县“十四五”教育事业发展规划", "2022年全县…", None),
        ("某县教育质量监测体系建设方案（2021—2025年）", "", None),
    ],
)
def test_evaluated_year(title, text, expected):
    assert evaluated_year(title, text, 2021, 2025) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the conference its title names
        ("在全县2022年教育工作会议上的讲话\n\n县人民政府副县长　某某\n\n同志们：\n\n…", 2022),
        ("2023年全市教育工作会议工作报告\n\n…", 2023),
        # a salutation under a date line
        ("在全县教育大会上的讲话\n（2024年3月1日）\n\n同志们：\n\n今年…", 2024),
        ("某某同志在座谈会上的讲话\n2022年2月18日\n\n各位代表：\n\n…", 2022),
        # a date line with no salutation is a plan's printing date, not a speech
        ("某县“十四五”教育事业发展规划\n（2022年1月10日）\n\n一、发展基础\n…", None),
        # a speech at the baseline or outside the period reviews no year of it
        ("在全县2021年教育工作会议上的讲话\n\n同志们：", None),
        ("在全县2027年教育工作会议上的讲话\n\n同志们：", None),
        # a conference named far into the text is no title
        ("一、发展基础\n" + "全县" * 200 + "在2022年教育工作会议上的讲话中指出", None),
    ],
)
def test_occasion_year(text, expected):
    assert occasion_year(text, 2021, 2025) == expected
