"""Building a view of an analysis as a diagram, and writing it to a file.

The rules for which views go together live here, once: the command line and the web app ask
for a view by its options and get a ``Diagram`` or a ``DiagramError``.
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
    VIEWS,
    WIDTH_RANGE_CM,
    Diagram,
    DiagramError,
    Selection,
    View,
    closest,
)
from maltrace.render.diagram.compose import box_ids, compose
from maltrace.render.diagram.framework import framework_diagram
from maltrace.render.diagram.ladder import ladder_diagram
from maltrace.render.diagram.output import (
    file_bytes,
    output_format,
)
from maltrace.render.diagram.overview import select_overview
from maltrace.render.diagram.plan import select_plan
from maltrace.render.diagram.thread import select_thread


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
