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

from analysis import figures, findings, report

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
# Written from the database by `analysis.findings.growth_needed()`, so they follow the data.

# %%
findings.growth_needed()
