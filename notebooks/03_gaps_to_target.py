# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (city-education-plans)
#     language: python
#     name: city-education-plans
# ---

# %% [markdown]
# # 3 · Gaps to target
#
# **What this answers:** how far each city's 2020 baseline is from its own 2025 target, and where both sit against the national 2020 value and 2025 target.
#
# **Formula** (in the indicator's unit, percentage points for rates): `gap = target_2025 - baseline_2020`. Status `met` when the baseline already satisfies the target's comparator (a `>= 99` target met by 99; `>99` met by a stated `>99`); `planned_decline` when a plan sets an exact target below its own baseline; `no_baseline` / `no_target` when one is not stated. For lower-is-better indicators the direction flips. National values come from `data/raw/reference/national_benchmarks.csv` (a reference layer, not a city).

# %%
import pandas as pd

from analysis import figures, findings, report

pd.set_option("display.max_columns", 40)
pd.set_option("display.width", 200)
report.show_tables_for_readers()

# %%
report.gaps("preschool_gross_enrollment_rate")

# %%
figures.gap_chart("preschool_gross_enrollment_rate")

# %%
figures.gap_chart("inclusive_kindergarten_coverage")

# %%
figures.gap_chart("public_kindergarten_enrollment_share")

# %%
report.gaps("upper_secondary_gross_enrollment_rate")

# %%
figures.gap_chart("upper_secondary_gross_enrollment_rate")

# %%
figures.gap_chart("compulsory_consolidation_rate")

# %%
figures.gap_chart("mean_schooling_years_working_age")

# %% [markdown]
# ## All gaps
#
# Every city-indicator pair with a level baseline or target; conflicting values are listed beside the preferred one.

# %%
report.gaps()

# %% [markdown]
# ## Findings
#
# Written from the database by `analysis.findings.gaps_to_target()`, so they follow the data.

# %%
findings.gaps_to_target()
