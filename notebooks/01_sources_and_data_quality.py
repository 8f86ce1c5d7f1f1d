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
# # 1 · Sources and data quality
#
# **What this answers:** what each of the five plan texts is, how complete it is, how many values the build could extract from each, and where a plan contradicts itself.
#
# Everything below is read from `data/curated/plans.duckdb`, built by `python -m analysis build` from the raw texts in `data/raw/`; no notebook reads a raw file. Every value has an `observation_id` that leads to its exact character span in the raw file.

# %%
import pandas as pd

from analysis import figures, findings, report

pd.set_option("display.max_columns", 40)
pd.set_option("display.width", 200)
report.show_tables_for_readers()

# %% [markdown]
# ## The documents
#
# Three are five-year plans (Baicheng, Linjiang, Jiamusi). Siping's text is a **2021 annual work plan**, so its one numeric target is for 2021, not 2025. Jilin City's text is an **outline** whose lines are cut after about 50 characters, so it states no numbers at all. `sparse` marks documents with fewer than five stated values; they stay in every table so that their absence is visible.

# %%
report.sources_overview()

# %% [markdown]
# ## How the values were found
#
# `table` values come from the general table readers (Baicheng's 专栏 1 and 专栏 2, Jiamusi's main-indicator table), `prose` from codebook phrases followed by a value in the same clause, `correction` from the reviewed corrections file (`data/curated/corrections.yaml`), where each entry carries a reason and a verified span.

# %%
report.observations_by_method()

# %%
report.observations_by_role()

# %% [markdown]
# ## Conflicts inside a plan
#
# When a plan states different values for the same indicator and year, every statement is kept. One is marked `preferred` by this rule, in order: a reviewed preference in the corrections file; else the value the plan states most often; else the indicator table's value over prose; else the statement that comes first. The comparisons use the preferred value and show the alternatives beside it (`baseline_alternatives`, `target_alternatives` in `indicator_metrics`).

# %%
report.conflicts()

# %% [markdown]
# ## Reviewed corrections
#
# Values a reviewer changed, each with the reason recorded in `data/curated/corrections.yaml` (the table lists them all; none is typed here). For example, development-review values that describe the "double reduction" policy, which began in 2021, cannot be 2020 values, so they are dated 2022 (the plan's printing year).

# %%
report.corrections_applied()

# %% [markdown]
# ## Findings
#
# Written from the database by `analysis.findings.sources_and_quality()`, so they follow the data.

# %%
findings.sources_and_quality()
