"""Traceability diagrams a planner can put in the plan document (``maltrace diagram``).

Views (all read the analysis; none recomputes coverage):

- overview: the followed plans' areas as frames holding their goals (delmål stacked under their
  goal), each following plan as a frame holding the nodes that follow up, one arrow per valid
  ``follows_up`` link, pointing at what is followed up. Goals not followed up stand out.
- plan (``plan=ID``): that plan's relevant goals on the left, its own goals, strategies and
  tiltak on the right (for a plan nobody it follows: its goals and what follows them up).
- goal (``goal=ID``): the goal, its delmål and everything that follows them up, down to tiltak.
- area (``area=ID``): the same for every goal in one satsingsområde.

Plans are laid out left to right by level: a plan that follows none first, then the plans that
follow it, and so on. Every box has the same width, chosen so that the columns fit ``width_cm``
(an A4 text width by default); the drawing is scaled down when they cannot.
"""

from __future__ import annotations

from maltrace.render.diagram.base import (
    DEFAULT_DPI,
    DEFAULT_MAX_PIXELS,
    DEFAULT_WIDTH_CM,
    FORMATS,
    LARGE_VIEW,
    NOT_FOLLOWED_FILL,
    NOT_FOLLOWED_PEN,
    ORPHAN_PEN,
    PAGE_HEIGHT_CM,
    VIEWS,
    Diagram,
    DiagramError,
    View,
)
from maltrace.render.diagram.figures import (
    diagram_blocks,
    diagram_figures,
    figure_picture,
    office_picture,
    overview_is_readable,
)
from maltrace.render.diagram.output import (
    MIN_READABLE_SCALE,
    emf_size,
    is_emf,
    output_format,
    png_size,
    render,
    render_pdf,
    render_png,
    render_svg,
    svg_scale,
    svg_size,
)
from maltrace.render.diagram.split import Part, safe_key, split_parts, write_split
from maltrace.render.diagram.views import build_diagram, count_boxes, write_diagram

__all__ = [
    "DEFAULT_DPI",
    "DEFAULT_MAX_PIXELS",
    "DEFAULT_WIDTH_CM",
    "FORMATS",
    "LARGE_VIEW",
    "MIN_READABLE_SCALE",
    "NOT_FOLLOWED_FILL",
    "NOT_FOLLOWED_PEN",
    "ORPHAN_PEN",
    "PAGE_HEIGHT_CM",
    "VIEWS",
    "Diagram",
    "DiagramError",
    "Part",
    "View",
    "build_diagram",
    "count_boxes",
    "diagram_blocks",
    "diagram_figures",
    "emf_size",
    "figure_picture",
    "is_emf",
    "office_picture",
    "output_format",
    "overview_is_readable",
    "png_size",
    "render",
    "render_pdf",
    "render_png",
    "render_svg",
    "safe_key",
    "split_parts",
    "svg_scale",
    "svg_size",
    "write_diagram",
    "write_split",
]
