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
# # 4 · Growth needed per year
#
# **What this answers:** how fast each indicator must move each year to reach its 2025 target, over the whole plan period and from the latest value the plan states.
#
# **Formulas.** Rates and years, linear: `(target_2025 - start) / (2025 - start_year)` in units per year. Counts and persons, compound: `((target_2025 / start) ** (1 / (2025 - start_year)) - 1) * 100` in % per year. The five-year figure starts from the 2020 baseline. The *from latest* figure starts from the stated 2022 midpoint where the plan gives one (Jiamusi), else from the baseline carried to the plan's issue year (Baicheng was printed in November 2022, so three years remained), else from 2020 (Linjiang states no issue date).

# %%
import pandas as pd

from analysis import figures, report

pd.set_option("display.max_columns", 40)
pd.set_option("display.width", 200)
report.show_tables_for_readers()

# %%
report.growth()

# %%
figures.growth_chart("percent")

# %% [markdown]
# ## Findings
#
# - Baicheng's upper-secondary gross enrolment needs the fastest rise, 2.9 points a year over five years, or 4.9 a year from the plan's issue in late 2022 - because its plan was issued with three years left and no progress recorded since 2020.
# - Jiamusi's student fitness pass rate needs 2 points a year, exactly what its own 2022 value implies; most of its other rates need well under one point a year.
# - Negative *from latest* values (Jiamusi preschool enrolment and public-kindergarten share) mean the 2025 target is below the stated 2022 value: the plan expects these to fall back.
