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
# # 6 · Policy themes
#
# **What this answers:** which policy themes each text covers, how similar the cities' agendas are, which themes only one city raises, and how far the keyword method can be trusted.
#
# **Method.** A dictionary of 30 themes (`data/curated/theme_codebook.yaml`) with Chinese keywords is applied to the normalised text (simplified characters, so 督導 counts as 督导), paragraph by paragraph. *Density* is keyword mentions per 10,000 characters; *share of paragraphs* is the share of a document's paragraphs that mention the theme. Raw counts grow with document length; density and share normalise for it.

# %%
import pandas as pd

from analysis import figures, report

pd.set_option("display.max_columns", 40)
pd.set_option("display.width", 200)
report.show_tables_for_readers()

# %% [markdown]
# ## Coverage, normalised by length
#
# Caveats: Siping's annual plan lists tasks for one year, so it covers fewer long-term themes; Jilin City's outline keeps only the first ~50 characters of each paragraph, so its densities describe headings and opening phrases - they show *which* themes it names, not how much it says about them.

# %%
report.theme_matrix("density_per_10k_chars").round(1)

# %%
figures.theme_heatmap_chart("density_per_10k_chars")

# %%
figures.theme_heatmap_chart("share_of_paragraphs")

# %% [markdown]
# ## How similar are the cities' agendas?
#
# Cosine similarity of the cities' share-of-paragraphs profiles over the 30 themes, and average-linkage hierarchical clustering (scipy) on the cosine distances.

# %%
similarity, tree = report.theme_similarity()
similarity.round(2)

# %%
figures.theme_similarity_chart()

# %% [markdown]
# ## Themes only one city covers

# %%
report.themes_only_one_city_covers()

# %% [markdown]
# ## Validation of the dictionary
#
# 125 paragraphs drawn at random across the five plans (seed and strata in `data/curated/theme_sample_design.yaml`) were labelled by hand from the theme definitions alone, without the keyword list (`tests/data/theme_labels.csv`). Precision, recall and F1 per theme, with the weakness stated for every theme below 0.8 F1. The keywords were refined on this same sample, so these figures are optimistic; labelling a fresh sample (another seed) would give an unbiased estimate.

# %%
report.theme_validation()

# %% [markdown]
# ## Findings
#
# - All five documents cover nearly every theme; the agendas are similar (cosine similarity 0.69-0.94), with Linjiang and Jiamusi closest. Jilin City's outline joins the tree last (close only to Baicheng), largely an artefact of its truncated lines.
# - International exchange is the one theme only Jiamusi covers (exchanges with Russia and Malaysia, online classes with Belt-and-Road partner countries).
# - The keyword method is reliable for institution-like themes (special, ethnic, private education, language work: F1 1.0) and weak where words recur as boilerplate (moral-political education 0.61, physical education 0.67); ice-and-snow could not be validated, as no sampled paragraph was about it.
