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
# **What this answers:** whether each indicator was on course in 2022, by the plans' own numbers.
#
# **Method** (modelled on the trend method of the Sustainable Development Report). The straight path from baseline to target implies `implied_2022 = baseline + (target - baseline) * 2/5` (compound for counts). The observed annual rate comes from the stated 2022 value where the plan gives one (Jiamusi), else from the 2015-2020 history where the plan states a 2015 value (Baicheng's 专栏 1). `ratio = observed rate / required rate`: **on track** if ratio >= 1, **moderately improving** if 0.5-1, **stagnating** if 0-0.5, **declining** if below 0; **already met** when the baseline meets the target; **no trend stated** when the plan gives neither a 2022 nor a 2015 value.

# %%
import pandas as pd

from analysis import figures, report

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
# ## Findings
#
# - Jiamusi, the only plan with 2022 values, reports six indicators on track (e.g. fitness pass rate 78 -> 82, exactly on the straight path to 88) and three moderately improving (inclusive kindergartens, Mandarin, schooling years) - its own 2022 figures fall short of the line to its targets.
# - Its quality-high-school quota share is stagnating: 80% in 2020 and 2022 against a target of more than 80%.
# - For Baicheng the 2015-2020 history puts preschool and upper-secondary enrolment on track but secondary-vocational enrolment declining (7,979 -> 7,032) against a target of 7,800. Linjiang states no trend at all.
