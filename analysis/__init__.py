"""Indicators from Chinese city education plans, each traceable to a span of its raw text."""
