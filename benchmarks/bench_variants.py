"""Layout variants: recall and precision of every invented plan set under each
value-preserving transformation (analysis.plan_variants), against the original layout.

    python benchmarks/bench_variants.py            # every set
    python benchmarks/bench_variants.py dev blind5

Variants are written to a temporary folder; nothing under data/ or tests/ changes. A drop
means the readers lose values when the same plan is laid out differently.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: the repository root must come first

from analysis.plan_variant_scores import main  # noqa: E402

PLAN_SETS = ["dev", "blind", "blind2", "blind3", "blind4", "blind5", "blind6"]

if __name__ == "__main__":
    print("layout variants (recall and precision against the original layout)")
    raise SystemExit(main(sys.argv[1:] or PLAN_SETS))
