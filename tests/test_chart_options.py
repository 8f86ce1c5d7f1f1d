"""Charts and record arrays in a web page's script (extraction/chart_options.py,
extraction/record_arrays.py, script_elements.py): read as the tables they draw, their
settings and the rest of the script accounted for as markup."""

from __future__ import annotations

import pytest

from analysis.extraction.js_literals import literal_at
from analysis.normalise import clean
from tests.test_extraction import observed, source

PRE, CON, UPPER = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "upper_secondary_gross_enrollment_rate",
)

# my own wording: a county's monitoring page, quoted keys in one chart, a formatter
# function, a horizontal bar chart, a target as a mark point, "-" for a missing year
LINE_CHART = """<div id="c1"></div>
<script type="text/javascript">
// 普及水平（%）
var opt = {
  tooltip: { trigger: 'axis', formatter: function (p) { return p[0].name + '：' + p[0].value + '%'; } },
  grid: { top: 40, left: '8%' },
  xAxis: { type: 'category', boundaryGap: false, data: ['2020年', '2021年', '2022年'] },
  yAxis: { type: 'value', min: 80, max: 100, interval: 5 },
  series: [
    { name: '学前三年毛入园率', type: 'line', smooth: true, data: [88.4, 89.9, '-'],
      markPoint: { data: [{ name: '2025年目标值', value: 93, coord: [2, 93] }] } },
    { name: '九年义务教育巩固率', type: 'line', data: [95.2, { value: 95.6, symbolSize: 8 }, 96.1] }
  ]
};
chart.setOption(opt); window.addEventListener('resize', function () { chart.resize(); }, 250);
</script>
"""

HORIZONTAL = """<script>
chart2.setOption({
  "title": {"text": "高中阶段教育毛入学率", "subtext": "单位：%"},
  "yAxis": {"type": "category", "data": ["2020", "2022", "2025（规划）"]},
  "xAxis": {"type": "value", "max": 100},
  "series": [{"name": "高中阶段教育毛入学率", "type": "bar", "data": [91.3, 92.7, 95]}]
});
</script>
"""

DATASET = """<script>
var cfg = { dataset: { source: [
    ['指标', '2020年', '2023年'],
    ['学前三年毛入园率（%）', 87.1, 90.2],
    ['九年义务教育巩固率（%）', 94.8, 95.9]
  ] }, xAxis: { type: 'category' }, series: [{ type: 'bar' }, { type: 'bar' }] };
</script>
"""

# a KPI strip as an array of objects, one a line and spread over lines
KPI = """<script>
const cards = [
  { label: '在园幼儿（万人）', value: 2.36, year: '2023' },
  {
    label: '学前三年毛入园率（%）',
    value: 90.4,
    year: '2023'
  }
];
</script>
"""

# an API response in plain text with pinyin keys described above it
API = """接口返回字段说明：zbmc 指标名称；nf 年份；sz 数值；dw 单位。
{"code": 200, "msg": "success", "data": {"total": 3, "list": [
  {"zbmc": "学前三年毛入园率", "nf": "2020", "sz": "86.5", "dw": "%"},
  {"zbmc": "学前三年毛入园率", "nf": "2025", "sz": "92", "dw": "%"},
  {"zbmc": "九年义务教育巩固率", "nf": "2020", "sz": "95.0", "dw": "%"}]}}
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            LINE_CHART,
            [
                (CON, 2020, "=", 95.2, None, "level"),
                (CON, 2021, "=", 95.6, None, "level"),
                (CON, 2022, "=", 96.1, None, "level"),
                (PRE, 2020, "=", 88.4, None, "level"),
                (PRE, 2021, "=", 89.9, None, "level"),
                (PRE, 2025, "=", 93.0, None, "level"),
            ],
        ),
        (
            HORIZONTAL,
            [
                (UPPER, 2020, "=", 91.3, None, "level"),
                (UPPER, 2022, "=", 92.7, None, "level"),
                (UPPER, 2025, "=", 95.0, None, "level"),
            ],
        ),
        (
            DATASET,
            [
                (CON, 2020, "=", 94.8, None, "level"),
                (CON, 2023, "=", 95.9, None, "level"),
                (PRE, 2020, "=", 87.1, None, "level"),
                (PRE, 2023, "=", 90.2, None, "level"),
            ],
        ),
        (
            KPI,
            [
                ("kindergarten_enrollment", 2023, "=", 23600.0, None, "level"),
                (PRE, 2023, "=", 90.4, None, "level"),
            ],
        ),
        (
            API,
            [
                (CON, 2020, "=", 95.0, None, "level"),
                (PRE, 2020, "=", 86.5, None, "level"),
                (PRE, 2025, "=", 92.0, None, "level"),
            ],
        ),
    ],
    ids=["line_chart", "horizontal_bars", "dataset", "kpi_objects", "api_response"],
)
def test_a_chart_or_record_array_reads_as_its_table(extractor, text, expected):
    assert observed(extractor, text) == expected


@pytest.mark.parametrize("text", [LINE_CHART, HORIZONTAL, DATASET, KPI])
def test_every_number_of_a_script_is_accounted_for(extractor, text):
    result = extractor.extract(source(), clean(text))
    left = [r["quote"] for r in result.ledger if r["disposition"] == "unaccounted"]
    assert left == []
    settings = {r["quote"].strip() for r in result.ledger if r["disposition"] == "markup"}
    assert not settings & {"88.4", "91.3", "94.8", "2.36"}  # data, not settings


def test_a_charts_settings_are_markup_not_values(extractor):
    result = extractor.extract(source(), clean(LINE_CHART))
    by_quote = {r["quote"].strip(): r["disposition"] for r in result.ledger}
    for setting in ("40", "8", "80", "100", "5", "250"):
        assert by_quote[setting] == "markup"
    assert by_quote["2"] == by_quote["0"] == "markup"  # the mark point's coord, p[0]


def test_a_script_is_no_prose(extractor):
    """Without a chart in it, a script's numbers bind to nothing: "学前三年毛入园率 = 91" in
    code is no statement of the plan."""
    text = "<script>\nvar note = '学前三年毛入园率达到91%';\nvar delay = 3000;\n</script>\n"
    result = extractor.extract(source(), clean(text))
    assert result.observations == []
    assert {r["disposition"] for r in result.ledger} == {"markup"}


def test_a_chart_without_names_or_categories_is_no_table(extractor):
    text = "<script>\nvar o = { series: [{ type: 'gauge', data: [{ value: 92 }] }] };\n</script>\n"
    result = extractor.extract(source(), clean(text))
    assert result.observations == [] and result.unread_tables == []


def test_an_array_of_objects_without_years_is_left_alone(extractor):
    text = "items = [\n  {name: '城区', code: 101},\n  {name: '乡镇', code: 102}\n];\n"
    result = extractor.extract(source(), clean(text))
    assert result.observations == [] and result.unread_tables == []


@pytest.mark.parametrize(
    "text, kind, at",
    [
        ("{a: 1, 'b': [2, null], \"c\": {d: 'x'}}", "object", ["a", "b", "c"]),
        ("[1, 2, ]", "array", None),  # a trailing comma
        ("{f: function (x) { return {y: x}; }, g: 3}", "object", ["f", "g"]),
        ("{a: 1 b: 2}", None, None),  # no comma: no literal
        ("{get a() { return 1; }}", None, None),  # a method
    ],
)
def test_literals_are_read_tolerantly(text, kind, at):
    node = literal_at(text, 0)
    assert (node.kind if node else None) == kind
    if at is not None:
        assert list(node.keys) == at
