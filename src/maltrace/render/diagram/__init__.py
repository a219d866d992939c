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

import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from maltrace.analysis import Analysis
from maltrace.i18n import Lang
from maltrace.load import ProtectedFileError, write_atomic
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
    WIDTH_RANGE_CM,
    Diagram,
    DiagramError,
    Selection,
    View,
    closest,
)
from maltrace.render.diagram.compose import box_ids, compose
from maltrace.render.diagram.figures import (
    diagram_blocks,
    diagram_figures,
    figure_picture,
    office_picture,
    overview_is_readable,
)
from maltrace.render.diagram.framework import framework_diagram
from maltrace.render.diagram.ladder import ladder_diagram
from maltrace.render.diagram.output import (
    MIN_READABLE_SCALE,
    emf_size,
    file_bytes,
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
from maltrace.render.diagram.overview import select_overview
from maltrace.render.diagram.plan import select_plan
from maltrace.render.diagram.split import Part, safe_key, split_parts, write_split
from maltrace.render.diagram.thread import select_thread

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
    "diagram_blocks",
    "diagram_dot",
    "diagram_figures",
    "diagram_pdf",
    "diagram_png",
    "diagram_svg",
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


def build_diagram(
    analysis: Analysis,
    *,
    view: View = "overview",
    plan: str | None = None,
    goal: str | None = None,
    area: str | None = None,
    lang: Lang | None = None,
    width_cm: float = DEFAULT_WIDTH_CM,
    notes: Mapping[str, Sequence[str]] | None = None,
    framework: str | None = None,
) -> Diagram:
    """The diagram for one view of ``analysis``. Raises ``DiagramError`` for an unknown id.

    ``notes``: extra lines of words to show in a node's box (already in ``lang``), e.g. what
    changed since a revision or a tiltak's status; they never replace the title. In the
    overview, a node with a note is drawn even when nothing else would bring it in."""
    lang = lang or analysis.lang
    low, high = WIDTH_RANGE_CM
    if not (low <= width_cm <= high) or math.isnan(width_cm):
        raise DiagramError("bad_width", low=f"{low:g}", high=f"{high:g}")
    if framework is not None:
        if goal is not None or area is not None:
            raise DiagramError("one_view")
        return framework_view(analysis, framework, plan, lang, width_cm)
    chosen, key = resolve_view(view, plan, goal, area)
    selection = select(analysis, chosen, key, lang)
    if notes:
        selection.notes.update((k, tuple(v)) for k, v in notes.items())
        if chosen == "overview":
            # A node with something to say (what changed, a link to repair) is drawn, even when
            # no valid link brings it into the overview.
            nodes = analysis.graph.nodes
            selection.ids.update(k for k in notes if k in nodes)
    return compose(analysis, selection, chosen, lang, width_cm)


def count_boxes(
    analysis: Analysis,
    *,
    view: View = "overview",
    plan: str | None = None,
    lang: Lang | None = None,
) -> int:
    """How many boxes ``build_diagram`` would draw for the view, without drawing it (for a
    view too big to draw on a page, that is most of the work saved)."""
    chosen, key = resolve_view(view, plan, None, None)
    return len(box_ids(analysis, select(analysis, chosen, key, lang or analysis.lang)))


def diagram_dot(
    analysis: Analysis,
    *,
    view: View = "overview",
    plan: str | None = None,
    goal: str | None = None,
    area: str | None = None,
    lang: Lang | None = None,
    width_cm: float = DEFAULT_WIDTH_CM,
) -> str:
    """The diagram as DOT source (deterministic: the same plans give the same bytes)."""
    return build_diagram(
        analysis, view=view, plan=plan, goal=goal, area=area, lang=lang, width_cm=width_cm
    ).dot


def diagram_svg(
    analysis: Analysis,
    *,
    view: View = "overview",
    plan: str | None = None,
    goal: str | None = None,
    area: str | None = None,
    lang: Lang | None = None,
    width_cm: float = DEFAULT_WIDTH_CM,
    dot_program: str | os.PathLike[str] | None = None,
) -> str:
    """The diagram as SVG text starting at ``<svg`` (no XML declaration), to embed in HTML."""
    diagram = build_diagram(
        analysis, view=view, plan=plan, goal=goal, area=area, lang=lang, width_cm=width_cm
    )
    return render_svg(diagram, dot_program=dot_program)


def diagram_png(
    analysis: Analysis,
    *,
    view: View = "overview",
    plan: str | None = None,
    goal: str | None = None,
    area: str | None = None,
    lang: Lang | None = None,
    width_cm: float = DEFAULT_WIDTH_CM,
    dot_program: str | os.PathLike[str] | None = None,
    dpi: int = DEFAULT_DPI,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> bytes:
    """The diagram as PNG bytes at ``dpi`` (200: sharp in print at the chosen width), with the
    resolution lowered so that the picture has at most ``max_pixels`` pixels."""
    diagram = build_diagram(
        analysis, view=view, plan=plan, goal=goal, area=area, lang=lang, width_cm=width_cm
    )
    return render_png(diagram, dot_program=dot_program, dpi=dpi, max_pixels=max_pixels)


def diagram_pdf(
    analysis: Analysis,
    *,
    view: View = "overview",
    plan: str | None = None,
    goal: str | None = None,
    area: str | None = None,
    lang: Lang | None = None,
    width_cm: float = DEFAULT_WIDTH_CM,
    dot_program: str | os.PathLike[str] | None = None,
) -> bytes:
    """The diagram as a one-page vector PDF with the font embedded."""
    diagram = build_diagram(
        analysis, view=view, plan=plan, goal=goal, area=area, lang=lang, width_cm=width_cm
    )
    return render_pdf(diagram, dot_program=dot_program)


def write_diagram(
    analysis: Analysis,
    path: str | os.PathLike[str],
    *,
    view: View = "overview",
    plan: str | None = None,
    goal: str | None = None,
    area: str | None = None,
    lang: Lang | None = None,
    width_cm: float = DEFAULT_WIDTH_CM,
    dot_program: str | os.PathLike[str] | None = None,
    dpi: int = DEFAULT_DPI,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    notes: Mapping[str, Sequence[str]] | None = None,
    framework: str | None = None,
) -> Diagram:
    """Write the diagram to ``path`` whole (temp file and rename), in the format its suffix
    names: .svg, .png, .pdf or .dot. Never writes over a plan file that was read.
    ``notes``: as for ``build_diagram``."""
    fmt = output_format(path)
    diagram = build_diagram(
        analysis,
        view=view,
        plan=plan,
        goal=goal,
        area=area,
        lang=lang,
        width_cm=width_cm,
        notes=notes,
        framework=framework,
    )
    protect = [Path(p) for p in analysis.protected_files]
    if any(Path(path).resolve() == p.resolve() for p in protect):
        raise DiagramError("protected", path=str(path))
    diagram, data = file_bytes(
        diagram, fmt, width_cm=width_cm, dot_program=dot_program, dpi=dpi, max_pixels=max_pixels
    )
    try:
        write_atomic(path, data, protect=protect)
    except ProtectedFileError as exc:  # pragma: no cover - checked above; kept for safety
        raise DiagramError("protected", path=str(exc.path)) from None
    return diagram


def resolve_view(
    view: str, plan: str | None, goal: str | None, area: str | None
) -> tuple[View, str | None]:
    given = [(name, value) for name, value in (("plan", plan), ("goal", goal), ("area", area))]
    named = [(name, value) for name, value in given if value is not None]
    if len(named) > 1:
        raise DiagramError("one_view")
    if view not in VIEWS:
        raise DiagramError("view_needs_id", view=view)
    if view == "overview":
        if named:
            name, value = named[0]
            return as_view(name), value
        return "overview", None
    if not named or named[0][0] != view:
        raise DiagramError("view_needs_id", view=view)
    return as_view(view), named[0][1]


def as_view(name: str) -> View:
    for v in VIEWS:
        if v == name:
            return v
    raise DiagramError("view_needs_id", view=name)  # pragma: no cover


def select(analysis: Analysis, view: View, key: str | None, lang: Lang) -> Selection:
    if view == "overview":
        return select_overview(analysis, lang)
    assert key is not None
    if view == "plan":
        return select_plan(analysis, key, lang)
    return select_thread(analysis, view, key, lang)


def framework_view(
    analysis: Analysis, framework: str, plan: str | None, lang: Lang, width_cm: float
) -> Diagram:
    """A framework in use (``--framework``): its items and what addresses each; a ladder
    (``ordered: true``) as a staircase. With ``plan``, only that plan's nodes count."""
    from maltrace.analysis.frameworks import plan_view

    frameworks = analysis.frameworks
    if plan is not None:
        if plan not in analysis.plan_files:
            known = list(analysis.plan_files)
            raise DiagramError(
                "unknown_plan", closest(plan, known), id=plan, known=", ".join(known)
            )
        frameworks = plan_view(frameworks, plan)
    match = {k.casefold(): k for k in frameworks}.get(framework.casefold())
    if match is None:
        in_use = ", ".join(frameworks) or "–"
        raise DiagramError(
            "unknown_framework", closest(framework, list(frameworks)), id=framework, known=in_use
        )
    fc = frameworks[match]
    if fc.framework.ordered:
        return ladder_diagram(analysis, fc, lang, width_cm, plan)
    return framework_diagram(analysis, fc, lang, width_cm, plan)
