"""What a chart request may ask for: the command line's choices, without importing the
plotting stack (so `python -m analysis build` starts fast)."""

#: Text is Chinese, English or both ("bilingual", the default: Chinese first).
LANGUAGES = ("bilingual", "zh", "en")
CHARTS = (
    "gap",
    "growth",
    "midpoint",
    "ambition",
    "theme-heatmap",
    "theme-similarity",
    "vocabulary",
)
MEASURES = {"density": "density_per_10k_chars", "share": "share_of_paragraphs"}
FORMATS = ("png", "svg", "pdf")
MM_PER_INCH = 25.4
#: Width x height in millimetres. A4 is 210 x 297 mm; with 20 mm margins the text block is
#: 170 mm wide, half a page is 120 mm of it. A 16:9 slide as PowerPoint and Keynote make it.
SIZE_PRESETS = {
    "a4-half": (170.0, 120.0),
    "a4-full": (170.0, 240.0),
    "slide-16x9": (254.0, 142.875),
}
