"""The words a chart draws, in Chinese, English or both: city, indicator, unit, status and
theme labels, and the source note naming the plans and the tables or lines a value is from.

Kept apart from `figures` (which queries and draws) so each stays one job; every label
comes from the database (names) or the fixed tables here, never typed per city.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import charts, report
from analysis.unit_names import UNIT_LABELS


def city_labels(city_ids, lang: str) -> list[str]:
    """ "Baicheng 白城市" (bilingual, English first), "白城市" or "Baicheng", for each id."""
    names = report.city_names()
    if lang == "bilingual":
        return [f"{names[c][0]} {names[c][1]}" for c in city_ids]
    return [charts.in_language(names[c][1], names[c][0], lang) for c in city_ids]


def _short_cities(city_ids, lang: str) -> list[str]:
    """The city in bar labels: English in bilingual charts (the indicator beside is Chinese)."""
    names = report.city_names()
    return [names[c][1] if lang == "zh" else names[c][0] for c in city_ids]


def _indicator_names(indicator_ids, lang: str) -> list[str]:
    """Indicator names in ``lang``; Chinese in bilingual charts (labels are long)."""
    names = report.indicator_labels().set_index("indicator_id")
    return [
        charts.in_language(
            names.name_zh[i], names.name_en[i], "zh" if lang == "bilingual" else lang
        )
        for i in indicator_ids
    ]


#: Growth per year, by the unit of the indicator (linear growth): Chinese, English, both.
RATE_UNITS = {
    "percent": ("个百分点/年", "pp/yr", "pp/yr"),
    "years": ("年/年", "years/yr", "years/yr"),
    "hours": ("小时/年", "hours/yr", "hours/yr"),
    "times": ("倍/年", "times/yr", "times/yr"),
}
#: Compound growth (counts, persons) is a percentage per year, whatever the unit.
COMPOUND_RATE = ("%/年", "%/yr", "%/yr")


def rate_label(unit: str, growth_kind: str, lang: str) -> str:
    """The unit of a growth-per-year value: "pp/yr", "%/yr" (compound), "years/yr"..."""
    zh, en, both = (
        COMPOUND_RATE
        if growth_kind == "compound"
        else RATE_UNITS.get(unit, (f"{unit}/年", f"{unit}/yr", f"{unit}/yr"))
    )
    return {"zh": zh, "en": en}.get(lang, both)


def _unit_label(unit: str, lang: str, table: dict = UNIT_LABELS) -> str:
    if unit not in table:
        return unit if table is UNIT_LABELS else f"{unit}/yr"
    zh, en, both = table[unit]
    return {"zh": zh, "en": en}.get(lang, both)


STATUS_LABELS = {
    "on_track": ("按计划推进", "on track"),
    "moderately_improving": ("有所改善", "moderately improving"),
    "stagnating": ("停滞", "stagnating"),
    "declining": ("倒退", "declining"),
    "already_met": ("已达目标", "already met"),
    "no_trend_stated": ("无趋势数据", "no trend stated"),
    "no_baseline": ("无基线", "no baseline"),
}


def _status_label(status, lang: str) -> str | None:
    if status is None or (isinstance(status, float) and np.isnan(status)):
        return None
    return charts.in_language(*STATUS_LABELS.get(status, (status, status)), lang)


NATIONAL_NOTE = {
    "bilingual": "national: 十四五规划纲要 (2021) & 教育部2020年统计公报",
    "zh": "全国：《十四五规划纲要》（2021）、教育部2020年统计公报",
    "en": "national: 14th Five-Year Plan Outline (2021) & MoE 2020 Statistical Bulletin",
}


def _source_note(observation_ids, national: bool = False, lang: str = "bilingual") -> str:
    """ "Sources: Baicheng plan (专栏 2 l.363); Jiamusi plan (text l.9)" in ``lang``.

    Bilingual: the Chinese note over the English one (a bilingual chart has every label in
    both languages); the English half keeps the plans' own box names (专栏 2).
    """
    if lang == "bilingual":
        zh = _source_note_in(observation_ids, national, "zh")
        return f"{zh}\n{_source_note_in(observation_ids, national, 'bilingual')}"
    return _source_note_in(observation_ids, national, lang)


def _source_note_in(observation_ids, national: bool, lang: str) -> str:
    ids = sorted({i for i in observation_ids if isinstance(i, str)})
    zh = lang == "zh"
    if not ids:
        return "来源：无" if zh else "Sources: none stated"
    df = report.query(
        "SELECT o.city_id, s.city_name_en, s.city_name_zh, o.method, o.table_caption, o.line "
        "FROM observations o JOIN sources s USING (source_id) "
        "WHERE observation_id IN (SELECT unnest(?)) ORDER BY o.city_id, o.line",
        [ids],
    )
    parts = []
    for (_, city_en, city_zh), rows in df.groupby(
        ["city_id", "city_name_en", "city_name_zh"], sort=True
    ):
        where: dict[str, list[str]] = {}
        for r in rows.itertuples():
            where.setdefault(_place(r, lang), [])
            if str(r.line) not in where[_place(r, lang)]:
                where[_place(r, lang)].append(str(r.line))
        if zh:
            places = "；".join(f"{kind} 第{'、'.join(lines)}行" for kind, lines in where.items())
            parts.append(f"{city_zh}规划（{places}）")
        else:
            places = "; ".join(f"{kind} l.{','.join(lines)}" for kind, lines in where.items())
            parts.append(f"{city_en} plan ({places})")
    note = ("来源：" + "；".join(parts)) if zh else ("Sources: " + "; ".join(parts))
    if national:
        note += ("；" if zh else "; ") + NATIONAL_NOTE[lang]
    return note


def _place(row, lang: str) -> str:
    """Where in a plan: 专栏 N, the main-indicator table, or the text."""
    if row.method != "table":
        return "正文" if lang == "zh" else "text"
    if row.table_caption and row.table_caption.startswith("专栏"):
        box = " ".join(row.table_caption.split(" ")[:2])  # "专栏 2"
        return box.replace("专栏", "Box") if lang == "en" else box
    return "主要指标表" if lang == "zh" else "main-indicator table"


def _growth_labels(city_ids, indicator_ids, lang: str) -> list[str]:
    """ "City · indicator" per row; bilingual: the Chinese line over the English one."""
    city = report.city_names()
    names = report.indicator_labels().set_index("indicator_id")
    labels = []
    for c, i in zip(city_ids, indicator_ids, strict=True):
        zh = f"{city[c][1]} · {names.name_zh[i]}"
        en = f"{city[c][0]} · {names.name_en[i]}"
        labels.append(charts.in_language(zh, en, lang, separator="\n"))
    return labels


STATUS_BASIS_LABELS = {
    "stated_2022": ("据2022年载明值", "from the stated 2022 value"),
    "trend_2015_2020": ("据2015—2020年趋势", "from the 2015–2020 trend"),
    "baseline_vs_target": ("据2020年基线", "from the 2020 baseline"),
}


def _status_with_basis(status, basis, lang: str) -> str | None:
    """ "on track (from the 2015-2020 trend)": a status never appears without its basis."""
    words = _status_label(status, lang)
    if words is None or basis not in STATUS_BASIS_LABELS:
        return words
    zh_status, en_status = STATUS_LABELS.get(status, (status, status))
    zh_basis, en_basis = STATUS_BASIS_LABELS[basis]
    return charts.in_language(
        f"{zh_status}（{zh_basis}）", f"{en_status} ({en_basis})", lang, separator="\n"
    )


def _theme_label(lang: str) -> pd.Series:
    df = report.query("SELECT theme_id, name_zh, name_en FROM themes")
    labels = [
        charts.in_language(zh, en, lang, separator=" · ")
        for zh, en in zip(df.name_zh, df.name_en, strict=True)
    ]
    return pd.Series(labels, index=df.theme_id.to_numpy())


def theme_note(city_ids, lang: str) -> str:
    """The theme charts' source note, from the registry of the cities drawn: how many plan
    texts were coded, and which of them are outlines (document_type), never a fixed list."""
    df = report.query(
        "SELECT city_name_zh, city_name_en, document_type FROM sources "
        "WHERE city_id IN (SELECT unnest(?)) ORDER BY list_position(?, city_id)",
        [list(city_ids), list(city_ids)],
    )
    outlines = df[df.document_type == "outline"]
    zh = f"来源：{len(df)}份规划全文，按主题词典（data/curated/theme_codebook.yaml）逐段编码" + (
        f"；{'、'.join(outlines.city_name_zh)}文本为提纲" if len(outlines) else ""
    )
    en = (
        f"Sources: full texts of {len(df)} plans, coded paragraph by paragraph with the theme "
        "dictionary (data/curated/theme_codebook.yaml)"
    )
    if len(outlines) == 1:
        en += f"; {outlines.city_name_en.iloc[0]}'s text is an outline"
    elif len(outlines) > 1:
        en += f"; the texts of {', '.join(outlines.city_name_en)} are outlines"
    return {"bilingual": f"{zh} {en}", "zh": zh, "en": en}[lang]


#: measure -> (Chinese, English, shown as a percentage): the colour bar's label and the
#: title's subject, so the two theme heatmaps never share a title.
VALUE_LABELS = {
    "density_per_10k_chars": ("每万字提及次数", "mentions per 10,000 characters", False),
    "share_of_paragraphs": ("提及主题的段落占比（%）", "share of paragraphs (%)", True),
}


def _column_labels(city_ids, lang: str) -> list[str]:
    """Heatmap column labels: bilingual on two lines, so each fits its cell unrotated."""
    names = report.city_names()
    if lang == "bilingual":
        return [f"{names[c][0]}\n{names[c][1]}" for c in city_ids]
    return city_labels(city_ids, lang)
