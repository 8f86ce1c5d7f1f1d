"""Every path the project uses, in one place (import these, never rebuild them)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
CURATED_DIR = DATA_DIR / "curated"
FIGURES_DIR = ROOT / "figures"
NOTEBOOKS_DIR = ROOT / "notebooks"
REPORT_DIR = ROOT / "build" / "report"

SOURCES_YAML = RAW_DIR / "sources.yaml"
REFERENCE_DIR = RAW_DIR / "reference"  # national reference files (`references:` in sources.yaml)
CODEBOOK_YAML = CURATED_DIR / "indicator_codebook.yaml"
EXTRACTION_RULES_YAML = CURATED_DIR / "extraction_rules.yaml"
CORRECTIONS_YAML = CURATED_DIR / "corrections.yaml"
THEME_CODEBOOK_YAML = CURATED_DIR / "theme_codebook.yaml"
THEME_SAMPLE_DESIGN_YAML = CURATED_DIR / "theme_sample_design.yaml"  # seed and strata
PUBLISHED_FIGURES_YAML = CURATED_DIR / "published_figures.yaml"  # the notebooks' figures
REPORT_TABLES_YAML = CURATED_DIR / "report_tables.yaml"  # how the notebooks' tables read
DATA_PACKAGE_YAML = CURATED_DIR / "data_package.yaml"  # descriptions and units of the export
NAME_MATCHING_YAML = CURATED_DIR / "name_matching.yaml"  # how typed names are matched to ids
THEME_LABELS_CSV = ROOT / "tests" / "data" / "theme_labels.csv"
THEME_SAMPLE_CSV = ROOT / "tests" / "data" / "theme_sample.csv"
# The blind sample (drawn after the old one, never used for tuning) and its labels
VOCABULARY_YAML = CURATED_DIR / "vocabulary.yaml"  # distinctive-vocabulary settings
THEME_BLIND_DESIGN_YAML = CURATED_DIR / "theme_blind_sample_design.yaml"
THEME_BLIND_DIR = ROOT / "tests" / "data" / "theme_blind"  # sample, brief, labels, gold
THEME_BLIND_FRAME_CSV = ROOT / "tests" / "data" / "theme_blind_frame.csv"  # strata at draw

DATABASE = CURATED_DIR / "plans.duckdb"
# The CSV exports are named after their tables: CURATED_DIR / f"{table}.csv".
# `analysis export` writes briefing charts here unless told otherwise (git-ignored).
CHART_EXPORT_DIR = ROOT / "build" / "charts"
# jieba's prefix-dictionary cache (it would otherwise write to the system's temp folder)
JIEBA_CACHE_DIR = ROOT / "build" / "jieba"

# The data package (analysis/data_package.py), written beside the CSV exports.
DATAPACKAGE_JSON = CURATED_DIR / "datapackage.json"
PARQUET_DIR = CURATED_DIR / "parquet"
WORKBOOK_XLSX = CURATED_DIR / "city_education_plans.xlsx"

# JSON Schemas of the YAML inputs (analysis/validation.py), one per input file.
SCHEMAS_DIR = DATA_DIR / "schemas"

# the per-plan stage's modules compiled by Cython (analysis/native_build.py), and what each
# was compiled from; analysis/native_modules.py loads one only while its source is unchanged
NATIVE_DIR = ROOT / "build" / "native"
NATIVE_MANIFEST = NATIVE_DIR / "manifest.json"
