"""Every path the project uses, in one place (import these, never rebuild them)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
CURATED_DIR = DATA_DIR / "curated"
FIGURES_DIR = ROOT / "figures"
NOTEBOOKS_DIR = ROOT / "notebooks"

SOURCES_YAML = RAW_DIR / "sources.yaml"
CODEBOOK_YAML = CURATED_DIR / "indicator_codebook.yaml"
EXTRACTION_RULES_YAML = CURATED_DIR / "extraction_rules.yaml"
CORRECTIONS_YAML = CURATED_DIR / "corrections.yaml"
THEME_CODEBOOK_YAML = CURATED_DIR / "theme_codebook.yaml"
THEME_LABELS_CSV = ROOT / "tests" / "data" / "theme_labels.csv"
THEME_SAMPLE_CSV = ROOT / "tests" / "data" / "theme_sample.csv"

DATABASE = CURATED_DIR / "plans.duckdb"
# The CSV exports are named after their tables: CURATED_DIR / f"{table}.csv".
