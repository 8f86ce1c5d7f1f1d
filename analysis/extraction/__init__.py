"""Extraction: raw text -> document blocks and table grids -> observations and a number ledger.

normalise (analysis.normalise) -> blocks (headings, paragraphs, tables as grids)
-> grid interpreter and prose binder -> observations, with every number in the ledger.
"""
