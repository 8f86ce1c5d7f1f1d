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
# **What this answers:** which policy themes each text covers, how similar the cities' agendas are, which themes only one city raises, what each city talks about that the others do not, and how far the keyword method can be trusted.
#
# **Method.** A dictionary of 30 themes (`data/curated/theme_codebook.yaml`) with Chinese keywords is applied to the normalised text (simplified characters, so 督導 counts as 督导), paragraph by paragraph. Broad words (农村, 高校, 信息化, 立德树人 ...) are *weak keywords*: they count only beside another keyword of the theme, in the paragraph's lead sentence, or under a heading that names the theme. *Density* is keyword mentions per 10,000 characters; *share of paragraphs* is the share of a document's paragraphs that mention the theme. Raw counts grow with document length; density and share normalise for it.

# %%
import pandas as pd

from analysis import figures, report, theme_report, vocabulary_figure

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
# ## What each city talks about that the others do not
#
# Each plan is segmented into words with jieba (the theme keywords and indicator names added to its dictionary); numbers, punctuation, single characters, the cities' own names and a short list of function and boilerplate words (`data/curated/vocabulary.yaml`) are dropped. Each city's word counts are compared with those of all other cities together by the weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn (2008, "Fightin' Words", *Political Analysis* 16(4): 372-403, section 3.5): the prior shrinks every word towards its corpus-wide rate, so a word needs many uses before it counts as distinctive, and the z-score divides the log-odds difference by its estimated standard deviation. A z above 1.96 is a difference beyond chance at about the 5% level under the model; with thousands of words compared, read the ranking rather than single significance tests. Jilin City's text is an outline (the first ~50 characters of each paragraph), so its counts are small.

# %%
vocabulary_figure.vocabulary_chart()

# %% [markdown]
# The same terms with counts and, for each, the first sentence that uses it and that sentence's span in the raw file (`source_id`, `char_start`-`char_end`), so every term can be read in context.

# %%
vocabulary = theme_report.distinctive_vocabulary()
vocabulary[["city", "rank", "term", "z", "count", "count_elsewhere", "per_10k_tokens", "source_id", "char_start", "char_end", "sentence"]]

# %% [markdown]
# ## Validation of the dictionary
#
# ### The tuning sample (optimistic)
#
# 125 paragraphs drawn at random across the five plans (seed and strata in `data/curated/theme_sample_design.yaml`) were labelled by hand from the theme definitions alone (`tests/data/theme_labels.csv`). The keywords, the weak keywords and the exclusions were refined on this same sample (micro-F1 0.83 and precision 0.78 before the weak-keyword rules, see the commit history), so these figures are optimistic. Intervals: 95% percentile intervals from 2,000 bootstrap resamples of the paragraphs (seed in `data/curated/theme_blind_sample_design.yaml`); `(micro)` pools every paragraph-theme decision.

# %%
theme_report.theme_validation_intervals()

# %% [markdown]
# Themes below 0.8 F1 on the tuning sample state their known weakness in the codebook:

# %%
tuning = theme_report.theme_validation()
tuning.loc[tuning.known_weakness.notna(), ["theme_id", "support", "f1", "known_weakness"]]

# %% [markdown]
# ### The blind sample (the honest estimate)
#
# A fresh sample was drawn with a new seed before any keyword change, from paragraphs not in the tuning sample, stratified by plan (28 paragraphs each, or all a plan has) and by how many themes the coder then found in the paragraph (none, one or two, three or more; weights 1:2:2; design in `data/curated/theme_blind_sample_design.yaml`, every eligible paragraph's stratum in `tests/data/theme_blind_frame.csv`). Two labellers, working independently from the same written brief (`tests/data/theme_blind/BRIEF.md`: the theme definitions, never the keywords), labelled it; their disagreements were resolved into a frozen gold standard, and the coder was never tuned on it. Eligible and drawn paragraphs per plan and stratum:

# %%
theme_report.theme_blind_design()

# %% [markdown]
# The sample over-represents paragraphs rich in themes (that is what gives rare themes enough gold paragraphs), so its scores describe these 135 paragraphs, not a plan's average paragraph. The files and whether each has arrived:

# %%
theme_report.theme_blind_files()

# %% [markdown]
# Agreement between the two labellers: Cohen's kappa per theme and pooled over every paragraph-theme decision (kappa is undefined where neither labeller ever used the theme).

# %%
theme_report.theme_labeller_agreement()

# %% [markdown]
# Precision, recall and F1 of the coder on the frozen gold, with 95% bootstrap intervals:

# %%
theme_report.theme_blind_validation()

# %% [markdown]
# The same micro scores weighted back to the plans: each blind paragraph counts for the eligible paragraphs of its plan and stratum it was drawn from (eligible over drawn), so the estimate describes all 348 eligible paragraphs outside the tuning sample rather than the theme-rich sample.

# %%
theme_report.theme_blind_population_estimate()

# %% [markdown]
# The targets: micro-F1 at least 0.85, micro precision at least 0.80, and F1 at least 0.70 for every theme with three or more gold paragraphs (`targets` in the design file).

# %%
theme_report.theme_blind_targets()

# %% [markdown]
# In short, computed from the tables above and below:

# %%
theme_report.theme_blind_findings()

# %% [markdown]
# Which themes miss and why: for each, its errors by kind and the most frequent reason (a keyword that fired on a paragraph not about the theme; no keyword of the theme in a paragraph about it; only a weak keyword out of context; too few mentions), then every error.

# %%
theme_report.theme_blind_miss_reasons()

# %%
theme_report.theme_blind_misses()

# %% [markdown]
# ## Findings
#
# - All five documents cover nearly every theme; the agendas are similar, with Linjiang and Jiamusi closest (the similarity table above gives the cosines). Jilin City's outline joins the tree last, largely an artefact of its truncated lines.
# - International exchange is the one theme only Jiamusi covers (exchanges with Russia and Malaysia, online classes with Belt-and-Road partner countries).
# - Distinctive vocabulary separates the plans more sharply than the 30 themes do: Jiamusi's words are those of the "double reduction" (作业, 睡眠, 家长), private and ethnic schools; Baicheng's are vocational schools and school partnerships (职业学校, 帮扶, 结对); Siping's annual plan speaks of activities, organising and research (活动, 组织, 课题); Linjiang's of construction projects and supply (新建, 建设项目, 供给); Jilin City's outline of industry, vocational and continuing education.
# - On the tuning sample the weak-keyword rules raised micro-F1 from 0.83 to 0.87 (precision 0.78 to 0.87), but that sample was used for tuning. On the frozen blind sample (two independent labellers, pooled kappa 0.95; both are sessions of the same language model, so their errors may be correlated) the coder reaches micro-F1 0.75 [0.71, 0.80] and precision 0.68 [0.62, 0.74] at recall 0.85: **the targets (micro-F1 0.85, precision 0.80) are missed**, and the gain on the tuning sample did not carry over. Weighting back to the plans' paragraphs changes little (0.76).
# - Seven themes with three or more gold paragraphs stay under F1 0.70 (the computed list above): rural revitalisation, campus safety, exams and admissions, compulsory balance, higher education, digital education and labour education. The reason is mostly precision: their keywords (乡村/农村, 招生/高考, 义务教育学校, 应急, 大学) occur in paragraphs about something else, where the labellers coded the paragraph's subject, not every institution it names. A keyword dictionary cannot see what a paragraph is *about*; the next step would be a paragraph-level rule on the lead sentence or a supervised classifier, validated on a fresh blind sample, since this one may no longer be used for tuning.
