"""Indicators from Chinese city education plans, each traceable to a span of its raw text."""

from analysis import native_modules, paths

# the per-plan stage's compiled modules, each used only while its source is unchanged
native_modules.install(paths.ROOT, paths.NATIVE_MANIFEST)
