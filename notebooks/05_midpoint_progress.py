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
# # 5 · Progress at the 2022 midpoint
#
# **What this answers:** whether each indicator was on course in 2022, by the plans' own numbers; whether a second, published progress method agrees; and whether the plans' own numbers are ambitious and consistent.
#
# **Method** (modelled on the trend method of the Sustainable Development Report). The straight path from baseline to target implies `implied_2022 = baseline + (target - baseline) * 2/5` (compound for counts). The observed annual rate comes from the stated 2022 value where the plan gives one (Jiamusi), else from the 2015-2020 history where the plan states a 2015 value (Baicheng's 专栏 1). `ratio = observed rate / required rate`: **on track** if ratio >= 1, **moderately improving** if 0.5-1, **stagnating** if 0-0.5, **declining** if below 0; **already met** when the baseline meets the target; **no trend stated** when the plan gives neither a 2022 nor a 2015 value.
#
# **Method, second progress status** (Eurostat's SDG monitoring, as implemented by Open SDG). Eurostat (2021), *Sustainable development in the European Union: Monitoring report on progress towards the SDGs in an EU context*; thresholds and edge cases as published by Open SDG, "Progress Measurement Methodology for the Sustainable Development Goals" (`https://open-sdg.readthedocs.io/en/latest/progress-methodology/`, which cites Eurostat 2021) and its code (open-sdg/sdg-build, `sdg/ProgressMeasure.py`). Compound growth from the earliest stated level (2015, else 2020) to the latest (2020 or 2022): `ratio = observed CAGR / |required CAGR to the 2025 target|` (sign turned for lower-is-better): **substantial progress** if ratio >= 0.95, **moderate** 0.6-0.95, **limited** 0-0.6, **deterioration** below 0; **target achieved** once the latest value is at or beyond the target (Open SDG compares with >= and ignores a strict ">"); without a target the observed growth against 1.5 % and 0.5 % a year. A base or target of 0 is replaced by 0.001; values of opposite signs cannot be assessed. Formulas: `analysis/compound_progress.py`.

# %%
import pandas as pd

from analysis import ambition_figure, figures, findings, report

pd.set_option("display.max_columns", 40)
pd.set_option("display.width", 200)
report.show_tables_for_readers()

# %%
report.midpoint_progress()

# %%
figures.midpoint_chart("jiamusi")

# %%
report.status_counts()

# %% [markdown]
# ## Two progress methods side by side
#
# Both statuses for every city and indicator that either method can assess. `linear_ratio` is the Sustainable Development Report's observed over required annual change (thresholds 1, 0.5, 0); `cagr_ratio` is Eurostat's observed over required compound growth (thresholds 0.95, 0.6, 0). The two ratios are close for rates that change little; the thresholds differ.

# %%
report.progress_methods()

# %% [markdown]
# How the two statuses cross (counts of city-indicator pairs). The methods are put on one scale to flag disagreements: on course (on track, already met, target achieved, substantial progress), moderate, insufficient (stagnating, limited progress), away (declining, deterioration).

# %%
report.method_agreement()

# %% [markdown]
# Every pair where both methods assess the indicator and they disagree (`methods_disagree` in `indicator_metrics`), with the reason computed from the two ratios:

# %%
report.method_disagreements()

# %% [markdown]
# Pairs only one method can assess: the compound method also rates a trend without a target.

# %%
report.assessed_by_one_method()

# %%
report.progress_methods_findings()

# %% [markdown]
# ## Ambition and consistency of the plans' own numbers
#
# **Method** (`analysis/plan_ambition.py`). *Pace*, where a plan states a 2015 value, a 2020 baseline and a 2025 target: the pace the target requires over 2020-2025 against the pace achieved over 2015-2020 (units a year for rates, compound percent a year for counts; `pace_ratio = required / past`, "about the past pace" within 10 %). *Midpoint*, where a plan states a 2022 value: on the straight path 2020->2025 when within half a unit of the last digit the plan states (88 may be 87.5-88.5), else ahead or behind (behind: a back-loaded plan), or already at or beyond the 2025 target. *Target direction*: whether the target improves on the baseline, holds it, or lies below it for a higher-is-better indicator.

# %%
report.ambition_consistency()

# %% [markdown]
# Targets per city by whether they improve on the baseline:

# %%
report.target_directions()

# %% [markdown]
# The chart: above, the required pace as a multiple of the past pace (log scale; 1 = the past pace); below, each stated 2022 value's distance from the straight path as a share of the planned 2020-2025 change (0 = on the path). Rows whose ratio means nothing are labelled without a dot.

# %%
ambition_figure.ambition_chart()

# %%
report.ambition_findings()

# %% [markdown]
# ## Findings
#
# Written from the database by `analysis.findings.midpoint_progress()`, so they follow the data: what each city's midpoint status rests on, the indicators short of the path to their target with the values the plan states, and those with no trend stated.

# %%
findings.midpoint_progress()
