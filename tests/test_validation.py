"""Every kind of bad input is refused with its file and line before anything is written.

One table: (input, mutation, expected message fragment, expected line). Each row edits a
private copy of the inputs that was built once, runs the build (or, for the inputs the build
does not read, their loader) and checks the InputError's file, line and message, and that
the database and the CSV exports are byte-identical to those of the earlier build. The
build rows run through the CLI too: `error: <file>:<line>: <problem>`, exit status 2.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis import paths
from analysis.build import BuildConfig, build
from analysis.cli import main
from analysis.data_package import load_descriptions
from analysis.errors import InputError
from analysis.published_figures import load_published_figures
from analysis.rules import COMPARATORS
from analysis.sources import DOCUMENT_TYPES
from analysis.theme_sampling import load_blind_design
from analysis.theme_validation import load_sample_design
from analysis.vocabulary import load_settings as load_vocabulary_settings
from tests.conftest import copy_inputs

FILES = {  # input -> its place in the workspace
    "registry": "raw/sources.yaml",
    "reference": "raw/reference/national_benchmarks.csv",
    "codebook": "curated/indicator_codebook.yaml",
    "rules": "curated/extraction_rules.yaml",
    "corrections": "curated/corrections.yaml",
    "themes": "curated/theme_codebook.yaml",
    "design": "curated/theme_sample_design.yaml",
    "blind": "curated/theme_blind_sample_design.yaml",
    "vocabulary": "curated/vocabulary.yaml",
    "package": "curated/data_package.yaml",
}
NOT_BUILT = {  # their loaders
    "design": load_sample_design,
    "blind": load_blind_design,
    "vocabulary": load_vocabulary_settings,
    "package": load_descriptions,
}  # their loaders


@dataclass(frozen=True)
class Bad:
    """One bad input: replace `old` (the first after `after`) by `new` in `file`.

    `old=None` replaces the whole file. The expected line is the edit's first line plus
    `line` (an int), or the line of the text `line` (a str) in the edited file.
    """

    id: str
    file: str
    old: str | None
    new: str
    problem: str
    line: int | str = 0
    after: str = ""


SIPING = "source_id: siping_work_plan_2021"
LINJIANG = "source_id: linjiang_fyp_2021_2025"
INCLUSIVE = "indicator_id: inclusive_kindergarten_coverage"
STUDENTS = "indicator_id: kindergarten_enrollment"
CUMULATIVE = "value_kind: cumulative"
QUOTE = "quote: 校外培训机构压减完成率 100%"
DIGITS_309 = "9" * 309
ROW = "2020,baseline,=,85.2,percent"

# fmt: off
ROWS = [
    # ------------------------------------------------------------ sources.yaml
    Bad('period-start-as-text', 'registry', 'period_start: 2021', 'period_start: "2021"', "period_start must be a whole number, not '2021'", after=SIPING),
    Bad('number-for-text', 'registry', 'title_en: Siping 2021 annual', 'title_en: 2021\n    title_x: Siping 2021 annual', 'title_en must be a text, not 2021', after=SIPING),
    Bad('implausible-year', 'registry', 'baseline_year: 2020', 'baseline_year: 20200', 'baseline_year 20200 is out of range', after=SIPING),
    Bad('year-before-1949', 'registry', 'period_start: 2021', 'period_start: 1900', 'period_start 1900 is out of range', after=SIPING),
    Bad('period-reversed', 'registry', 'period_start: 2021', 'period_start: 2026', 'period_end 2025 is before period_start 2026', 1, after=LINJIANG),
    Bad('baseline-after-period', 'registry', 'baseline_year: 2020', 'baseline_year: 2024', 'baseline_year 2024 is after period_end 2021', after=SIPING),
    Bad('empty-registry', 'registry', None, 'sources: []\n', 'sources must not be empty', 'sources: []'),
    Bad('registry-is-a-list', 'registry', None, '- sources\n', 'the file must be a mapping', '- sources'),
    Bad('sources-not-a-list', 'registry', None, 'sources:\n  a: 1\n', 'sources must be a list', 'sources:'),
    Bad('duplicate-city-id', 'registry', 'city_id: siping', 'city_id: linjiang', "duplicate city_id 'linjiang' (first at line", after=SIPING),
    Bad('duplicate-source-id', 'registry', SIPING, LINJIANG, "duplicate source_id 'linjiang_fyp_2021_2025'"),
    Bad('duplicate-file', 'registry', 'file: siping_2021_education_work_plan.txt', 'file: linjiang_14th_fyp_education.txt', "duplicate file 'linjiang_14th_fyp_education.txt'"),
    Bad('path-up-and-out', 'registry', 'file: siping_2021_education_work_plan.txt', 'file: ../../x.txt', "file '../../x.txt' is outside"),
    Bad('absolute-path', 'registry', 'file: siping_2021_education_work_plan.txt', 'file: /etc/hostname', "file '/etc/hostname' is outside"),
    Bad('symlink-out', 'registry', 'file: siping_2021_education_work_plan.txt', 'file: outside_link.txt', "file 'outside_link.txt' is outside"),
    Bad('reference-path-out', 'registry', 'file: reference/national_benchmarks.csv', 'file: ../../curated/corrections.yaml', 'is outside'),
    Bad('unknown-document-type', 'registry', 'document_type: annual_work_plan', 'document_type: white_paper', "unknown document_type 'white_paper'; use one of"),
    Bad('unknown-registry-key', 'registry', 'baseline_year: 2020', 'baseline_year: 2020\n    baseline_yaer: 2020', 'unknown key(s) baseline_yaer', 1, after=SIPING),
    Bad('blank-title', 'registry', 'title_zh: 四平市2021年教育工作要点', 'title_zh: "  "', 'siping_work_plan_2021 has no title_zh', SIPING),
    Bad('sha256-not-hex', 'registry', 'sha256: 5a35', 'sha256: XYZ5a35', 'is not 64 lower-case hex digits'),
    Bad('date-that-is-no-date', 'registry', 'issue_date: null', 'issue_date: 2021-13-01', "'2021-13-01' is not a date", after=SIPING),
    Bad('date-as-text', 'registry', 'issue_date: null', 'issue_date: "2021-13-01"', "issue_date '2021-13-01'", after=SIPING),
    Bad('snake-case-city', 'registry', 'city_id: siping', 'city_id: Si-ping', "city_id 'Si-ping' is not snake_case"),
    # ------------------------------------------------------------ national reference CSV
    Bad('reference-not-a-number', 'reference', ROW, '2020,baseline,=,abc,percent', "value 'abc' is not a number"),
    Bad('reference-309-digits', 'reference', ROW, f'2020,baseline,=,{DIGITS_309},percent', '(309 characters) is not a number'),
    Bad('reference-inf', 'reference', ROW, '2020,baseline,=,inf,percent', "value 'inf' is not a number"),
    Bad('reference-percent-over-100', 'reference', ROW, '2020,baseline,=,185.2,percent', '185.2 is above 100'),
    Bad('reference-year-not-a-year', 'reference', ROW, '20x0,baseline,=,85.2,percent', "year '20x0' is not a year"),
    Bad('reference-year-out-of-range', 'reference', ROW, '2220,baseline,=,85.2,percent', "year '2220' is not a year"),
    Bad('reference-unknown-role', 'reference', ROW, '2020,base,=,85.2,percent', "role 'base' not in"),
    Bad('reference-duplicate-row', 'reference', ROW, f'2020,baseline,=,85.2,percent,x\nchina,preschool_gross_enrollment_rate,学前,{ROW}', 'a second value for preschool_gross_enrollment_rate in 2020', 1),
    Bad('reference-missing-cell', 'reference', ROW, '2020,baseline,=,,percent', 'empty cell(s): value'),
    # ------------------------------------------------------------ indicator codebook
    Bad('unknown-value-kind', 'codebook', CUMULATIVE, 'value_kind: total', "unknown value_kind 'total'"),
    Bad('alias-only-spaces', 'codebook', '[普惠性幼儿园覆盖率]', '[普惠性幼儿园覆盖率, "   "]', "aliases[1] '   ' a phrase needs a character", after=INCLUSIVE),
    Bad('alias-empty', 'codebook', '[普惠性幼儿园覆盖率]', '[普惠性幼儿园覆盖率, ""]', "inclusive_kindergarten_coverage: aliases[1] '' a phrase needs", after=INCLUSIVE),
    Bad('alias-only-quotes', 'codebook', '[普惠性幼儿园覆盖率]', '[普惠性幼儿园覆盖率, “”]', 'a phrase needs a character other than spaces and quote marks', after=INCLUSIVE),
    Bad('aliases-a-string', 'codebook', '[普惠性幼儿园覆盖率]', '普惠性幼儿园覆盖率', "aliases must be a list, not '普惠性幼儿园覆盖率'", after=INCLUSIVE),
    Bad('comparable-as-text', 'codebook', 'comparable: true', 'comparable: "yes"', 'comparable must be true or false', after=INCLUSIVE),
    Bad('unknown-stage', 'codebook', 'stage: preschool', 'stage: kindergarten', "unknown stage 'kindergarten'", after=INCLUSIVE),
    Bad('empty-codebook', 'codebook', None, 'indicators: []\n', 'indicators must not be empty', 'indicators: []'),
    Bad('range-reversed', 'codebook', 'comparable: true', 'comparable: true\n    min_value: 50\n    max_value: 10', 'max_value 10 is below min_value 50', 2, after=INCLUSIVE),
    Bad('name-a-number', 'codebook', 'name_en: Kindergarten enrolment', 'name_en: 2020', 'kindergarten_enrollment: name_en must be a text', after=STUDENTS),
    # ------------------------------------------------------------ extraction rules
    Bad('patterns-a-string', 'rules', '  baseline_heading_patterns:\n', '  baseline_heading_patterns: 现实基础\n  left_over:\n', "baseline_heading_patterns must be a list, not '现实基础'"),
    Bad('legacy-baseline-keywords', 'rules', 'sections:\n', 'sections:\n  baseline_keywords: 现实基础\n', 'unknown key(s) baseline_keywords', 1),
    Bad('broken-regex', 'rules', '    - 回顾\n', '    - 回顾(\n', "'回顾(' is not a valid regular expression (missing ), unterminated subpattern"),
    Bad('regex-matches-empty', 'rules', '    - 回顾\n', '    - "(?:回顾)?"\n', 'matches an empty heading'),
    Bad('fall-not-a-change', 'rules', '  decrease_verbs: [下降, 降低, 减少]\n', '  decrease_verbs: [下降, 降低, 减少, 缩减]\n', "decrease_verbs[3] '缩减' is not one of increase_verbs"),
    Bad('phrases-a-string', 'rules', 'period_end_phrases: [十四五期间, 十四五末,', 'period_end_phrases: 十四五期间\n  x: [十四五末,', 'period_end_phrases must be a list'),
    Bad('empty-phrase', 'rules', 'increase_verbs: [提高,', 'increase_verbs: ["", 提高,', "increase_verbs[0] '' a phrase needs"),
    Bad('unknown-comparator', 'rules', '    约: "~"', '    约: "≈"', "unknown prose.comparator_prefixes.约 '≈'"),
    Bad('unknown-unit', 'rules', '    "%": percent', '    "%": pct', "'pct'"),
    Bad('empty-separators', 'rules', 'range_separators: "~～-—–至"', 'range_separators: ""', 'prose has no range_separators'),
    Bad('midpoint-as-text', 'rules', 'midpoint_year: 2022', 'midpoint_year: "2022"', 'years.midpoint_year must be a whole number'),
    Bad('negative-gap', 'rules', 'max_gap_chars: 14', 'max_gap_chars: -1', 'prose.max_gap_chars -1 is out of range'),
    Bad('float-overflow', 'rules', 'max_gap_chars: 14', 'max_gap_chars: 1.0e+309', 'prose.max_gap_chars inf is not a finite number'),
    Bad('309-digit-integer', 'rules', 'max_gap_chars: 14', f'max_gap_chars: {DIGITS_309}', 'a 309-digit number is not a finite number'),
    # ------------------------------------------------------------ corrections
    Bad('empty-corrections-file', 'corrections', None, '', 'the file must be a mapping, not None'),
    Bad('list-shaped-corrections', 'corrections', None, '- action: add\n', 'the file must be a mapping'),
    Bad('corrections-a-string', 'corrections', None, 'corrections: none\n', 'corrections must be a list'),
    Bad('percent-over-100', 'corrections', 'set: {year: 2022}', 'set: {year: 2022, value: 120}', 'value: 120 is above 100'),
    Bad('negative-value', 'corrections', 'set: {year: 2022}', 'set: {year: 2022, value: -5}', 'value: -5 is negative: only an increase (a fall) may be'),
    Bad('negative-upper', 'corrections', 'set: {year: 2022}', 'set: {year: 2022, value: 1, value_upper: -2}', 'value_upper: -2 is negative'),
    Bad('correction-year-implausible', 'corrections', 'set: {year: 2022}', 'set: {year: 1800}', 'set.year 1800 is out of range'),
    Bad('correction-year-as-text', 'corrections', 'set: {year: 2022}', "set: {year: '2022'}", 'set.year must be a whole number'),
    Bad('unknown-set-comparator', 'corrections', 'set: {year: 2022}', "set: {year: 2022, comparator: '=>'}", "unknown set.comparator '=>'"),
    Bad('unknown-set-field', 'corrections', 'set: {year: 2022}', 'set: {yaer: 2022}', 'unknown key(s) yaer'),
    Bad('char-start-as-text', 'corrections', 'char_start: 1035', "char_start: '1035'", 'char_start must be a whole number'),
    Bad('value-309-digits', 'corrections', 'set: {year: 2022}', f'set: {{year: 2022, value: {DIGITS_309}}}', 'a 309-digit number is not a finite number'),
    Bad('empty-quote', 'corrections', QUOTE, 'quote: ""', 'quote must not be empty'),
    Bad('relabel-without-set', 'corrections', '    set: {year: 2022}\n', '', 'lacks required field(s): set', '- action: relabel'),
    # ------------------------------------------------------------ theme codebook
    Bad('keyword-only-spaces', 'themes', 'keywords: [党的领导,', 'keywords: ["  ", 党的领导,', "party_leadership: keywords[0] '  ' a phrase needs"),
    Bad('keywords-a-string', 'themes', 'keywords: [党的领导, 党的建设, 党建, 党组织, 教育工委, 党风廉政, 从严治党, 党员, 意识形态, 党史学习教育, 党对教育工作]', 'keywords: 党的领导', 'keywords must be a list'),
    Bad('weak-keyword-twice', 'themes', 'weak_keywords: [党委]', 'weak_keywords: [党委, 党建]', "party_leadership: a keyword is listed twice ('党建')"),
    Bad('min-mentions-zero', 'themes', 'min_mentions: 2', 'min_mentions: 0', 'min_mentions 0 is out of range'),
    Bad('duplicate-theme-id', 'themes', 'theme_id: moral_political_education', 'theme_id: party_leadership', "duplicate theme_id 'party_leadership'"),
    Bad('empty-exclude-phrase', 'themes', 'exclude: [', 'exclude: ["", ', "exclude[0] '' a phrase needs"),
    # ------------------------------------------------------------ inputs the build does not read
    Bad('seed-as-text', 'design', 'seed: 20261122', 'seed: "20261122"', 'seed must be a whole number'),
    Bad('blind-weight-zero', 'blind', 'weight: 1', 'weight: 0', 'weight 0 is out of range'),
    Bad('blind-strata-gap', 'blind', 'min_themes: 3', 'min_themes: 4', "stratum 'three_or_more' starts at 4 themes"),
    Bad('blind-open-middle', 'blind', 'max_themes: 2', 'max_themes: null', 'only the last stratum is open-ended'),
    Bad('blind-closed-last', 'blind', 'max_themes: null', 'max_themes: 9', 'the last stratum needs max_themes: null', 'strata:'),
    Bad('vocabulary-alpha-zero', 'vocabulary', 'alpha_0: 1000', 'alpha_0: 0', 'alpha_0: 0 is less than or equal to the minimum of 0'),
    Bad('vocabulary-stop-word-twice', 'vocabulary', 'stop_words: [我们,', 'stop_words: [我们, 我们,', 'stop_words'),
    Bad('stratum-zero', 'design', 'jilin_city_fyp_outline: 20', 'jilin_city_fyp_outline: 0', 'per_source.jilin_city_fyp_outline 0 is out of range'),
    Bad('package-name-with-space', 'package', 'name: city-education-plans', 'name: city education plans', "package.name 'city education plans' is not a Data Package name"),
    Bad('package-misspelt-key', 'package', '  quote_column: >-', '  quote_colum: >-', 'workbook lacks required field(s): quote_column', 'workbook:'),
    Bad('sheet-name-with-colon', 'package', 'sheet: Plans', 'sheet: "Plans: all"', 'is not an Excel sheet name'),
    Bad('sheet-name-too-long', 'package', 'sheet: Plans', 'sheet: Plan documents with their registry entries', 'is not an Excel sheet name'),
    Bad('number-format-empty', 'package', "percent: '0.0#\"%\"'", "percent: ''", 'workbook.number_formats has no percent'),
    Bad('field-description-a-list', 'package', 'description: Name of the raw plain-text file of the plan in data/raw/.', 'description: [Name]', 'sources.file: description must be a text', after='  - name: sources'),
]
# fmt: on


# ---------------------------------------------------------------------------- workspace


def config(root: Path) -> BuildConfig:
    return BuildConfig(
        registry=root / FILES["registry"],
        codebook=root / FILES["codebook"],
        rules=root / FILES["rules"],
        corrections=root / FILES["corrections"],
        themes=root / FILES["themes"],
        database=root / "out" / "plans.duckdb",
        exports_dir=root / "out",
    )


def cli_args(root: Path) -> list[str]:
    c = config(root)
    return ["build", f"--registry={c.registry}", f"--codebook={c.codebook}", f"--rules={c.rules}",
            f"--corrections={c.corrections}", f"--themes={c.themes}", f"--database={c.database}",
            f"--exports-dir={c.exports_dir}"]  # fmt: skip


def outputs(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "out").iterdir())}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The inputs copied from data/ and built once; each test edits a copy of this folder."""
    root = tmp_path_factory.mktemp("built")
    copy_inputs(root)
    # outside data/raw, for the symlink row
    (root / "outside.txt").write_text("not a plan\n", encoding="utf-8")
    (root / "raw" / "outside_link.txt").symlink_to(root / "outside.txt")
    build(config(root))
    return root


def apply(root: Path, bad: Bad) -> int:
    """Make the edit; return the line the error must name."""
    path = root / FILES[bad.file]
    text = path.read_text(encoding="utf-8")
    if bad.old is None:
        text, at = bad.new, 0
    else:
        at = text.index(bad.old, text.index(bad.after))
        text = text[:at] + bad.new + text[at + len(bad.old) :]
    path.write_text(text, encoding="utf-8")
    if bad.file == "reference":  # keep the checksum right: the edit, not the checksum, is bad
        registry = root / FILES["registry"]
        old = hashlib.sha256(paths.REFERENCE_DIR.joinpath(path.name).read_bytes()).hexdigest()
        new = hashlib.sha256(path.read_bytes()).hexdigest()
        registry.write_text(registry.read_text(encoding="utf-8").replace(old, new), "utf-8")
    if isinstance(bad.line, str):
        return text.count("\n", 0, text.index(bad.line)) + 1
    return text.count("\n", 0, at) + 1 + bad.line


@pytest.fixture
def root(built, tmp_path) -> Path:
    shutil.copytree(built, tmp_path / "ws", symlinks=True)
    return tmp_path / "ws"


@pytest.mark.parametrize("bad", ROWS, ids=[b.id for b in ROWS])
def test_bad_input_is_refused_with_file_and_line(root, bad):
    before = outputs(root)
    line = apply(root, bad)
    name = Path(FILES[bad.file]).name
    with pytest.raises(InputError) as info:
        if bad.file in NOT_BUILT:
            NOT_BUILT[bad.file](root / FILES[bad.file])
        else:
            build(config(root))
    err = info.value
    assert (err.path.name, err.line) == (name, line), str(err)
    assert bad.problem in err.problem, str(err)
    assert f"{name}:{line}: " in str(err)
    assert outputs(root) == before


BUILT_ROWS = [b for b in ROWS if b.file not in NOT_BUILT]


@pytest.mark.parametrize("bad", BUILT_ROWS, ids=[b.id for b in BUILT_ROWS])
def test_cli_prints_file_line_problem_and_exits_2(root, bad, capsys):
    before = outputs(root)
    line = apply(root, bad)
    assert main(cli_args(root)) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert re.match(rf"error: .*{re.escape(Path(FILES[bad.file]).name)}:{line}: ", first), first
    assert bad.problem in first
    assert outputs(root) == before


def test_the_table_covers_every_input():
    assert {b.file for b in ROWS} == set(FILES)
    assert len({b.id for b in ROWS}) == len(ROWS) >= 40


def test_vocabularies_in_code_match_the_schemas():
    """cli and add-source offer DOCUMENT_TYPES, quantities use COMPARATORS: same as the schemas."""
    common = json.loads((paths.SCHEMAS_DIR / "common.schema.json").read_text(encoding="utf-8"))
    sources = json.loads((paths.SCHEMAS_DIR / "sources.schema.json").read_text(encoding="utf-8"))
    assert set(common["$defs"]["comparator"]["enum"]) == COMPARATORS
    assert set(sources["$defs"]["source"]["properties"]["document_type"]["enum"]) == DOCUMENT_TYPES


def test_every_schema_is_valid_and_used():
    from jsonschema import Draft202012Validator

    # published_figures has its own test below (it is read by the figures, not the build);
    # name_matching is read by analysis/names.py (tests/test_names.py);
    # report_tables is tested in tests/test_report_tables.py (read by the report's tables)
    used = {"common", "sources", "published_figures", "name_matching", "report_tables"}
    used |= {Path(f).stem for f in FILES.values() if f.endswith(".yaml")}
    for schema in paths.SCHEMAS_DIR.glob("*.schema.json"):
        Draft202012Validator.check_schema(json.loads(schema.read_text(encoding="utf-8")))
        assert schema.name.removesuffix(".schema.json") in used


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "midpoint_cities:\n  - atlantis\n",
            "midpoint_cities: 'atlantis' is not a registered city",
        ),
        (
            "gap_indicators:\n  - happiness\n",
            "gap_indicators: 'happiness' is not an indicator in the codebook",
        ),
        ("theme_similarity: maybe\n", "theme_similarity"),
    ],
)
def test_published_figures_name_only_known_cities_and_indicators(tmp_path, text, expected):
    base = paths.PUBLISHED_FIGURES_YAML.read_text(encoding="utf-8")
    key = text.split(":", 1)[0]
    kept = [b for b in base.split("\n") if b]
    # drop the key's old block, then append the mutated one
    out, skipping = [], False
    for line in kept:
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and line.startswith(("  ", "#")):
            continue
        skipping = False
        out.append(line)
    path = tmp_path / "published_figures.yaml"
    path.write_text("\n".join(out) + "\n" + text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_published_figures(path)
    assert err.value.path == path and err.value.line is not None
    assert expected in err.value.problem
