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
# # 2 · Indicator coverage
#
# **What this answers:** which indicators each city states, and which can be compared across how many cities.
#
# The matrix counts stated values (all years and roles) per indicator and city; 0 means the plan does not state it, which is not the same as a value of zero.

# %%
import pandas as pd

from analysis import figures, findings, report

pd.set_option("display.max_columns", 40)
pd.set_option("display.width", 200)
report.show_tables_for_readers()

# %%
report.indicator_city_matrix()

# %% [markdown]
# ## Indicators with a baseline or target in at least two cities
#
# `comparable` is a codebook judgement: the indicator is defined the same way nationally (e.g. gross enrolment rates), so values from different cities can be set side by side. Counts of students depend on city size and are not comparable.

# %%
report.shared_indicators(min_cities=2)

# %% [markdown]
# ## Findings
#
# Written from the database by `analysis.findings.indicator_coverage()`, so they follow the data.

# %%
findings.indicator_coverage()
