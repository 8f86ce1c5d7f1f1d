"""Is a chart paste-ready? Text that leaves the figure or overlaps other text, measured.

Measured on the renderer after a draw (window extents in pixels), not guessed from
character counts: Chinese and Latin glyph widths differ too much for that. Used by the
layout test (every chart, language and size) and by `analysis export`, which prints what
it finds as a warning.
"""

from __future__ import annotations

from itertools import combinations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

#: Pixels of slack: anti-aliasing and rounding, never a visible clip or overlap.
_TOLERANCE = 1.0


def layout_problems(fig: Figure) -> list[str]:
    """Every visible text outside the figure, and every pair of texts that overlap."""
    if not hasattr(fig.canvas, "get_renderer"):  # a pyplot-free figure has a bare canvas
        FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    page = fig.bbox
    boxes = [(text, _shrunk(text.get_window_extent(renderer))) for text in _drawn_texts(fig)]
    problems = []
    for text, box in boxes:
        if (
            box.x0 < page.x0 - _TOLERANCE
            or box.y0 < page.y0 - _TOLERANCE
            or box.x1 > page.x1 + _TOLERANCE
            or box.y1 > page.y1 + _TOLERANCE
        ):
            problems.append(f"outside the figure: {_shown(text)}")
    for (a, box_a), (b, box_b) in combinations(boxes, 2):
        if box_a.overlaps(box_b):
            problems.append(f"overlap: {_shown(a)} and {_shown(b)}")
    return problems


def _drawn_texts(fig: Figure) -> list[Text]:
    """Visible, non-empty texts, less the tick labels outside the view (never drawn)."""
    hidden = {id(label) for ax in fig.axes for label in _undrawn_tick_labels(ax)}
    return [
        text
        for text in fig.findobj(Text)
        if text.get_visible() and text.get_text().strip() and id(text) not in hidden
    ]


def _undrawn_tick_labels(ax) -> list[Text]:
    """Labels of ticks that matplotlib keeps but does not draw: outside the view limits."""
    labels = []
    for axis in (ax.xaxis, ax.yaxis):
        low, high = sorted(axis.get_view_interval())
        slack = (high - low) * 1e-9
        for tick in (*axis.get_major_ticks(), *axis.get_minor_ticks()):
            if not low - slack <= tick.get_loc() <= high + slack:
                labels += [tick.label1, tick.label2]
    return labels


def _shrunk(box: Bbox) -> Bbox:
    """The box less the tolerance on every side (touching boxes do not overlap)."""
    return Bbox.from_extents(
        box.x0 + _TOLERANCE, box.y0 + _TOLERANCE, box.x1 - _TOLERANCE, box.y1 - _TOLERANCE
    )


def _shown(text: Text) -> str:
    return repr(" ".join(text.get_text().split())[:60])
