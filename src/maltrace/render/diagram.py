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

import dataclasses
import difflib
import itertools
import math
import os
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from maltrace.analysis import Analysis, Link, focus_plan
from maltrace.graph import CONTAINS
from maltrace.i18n import Lang, format_date, format_percent, t
from maltrace.load import Kind, ProtectedFileError, write_atomic
from maltrace.render import _dot
from maltrace.render._graphviz import RenderError, find_program, run, svg_to_pdf

View = Literal["overview", "plan", "goal", "area"]
VIEWS: tuple[View, ...] = ("overview", "plan", "goal", "area")
# Output format by file suffix.
FORMATS: dict[str, str] = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}

DEFAULT_WIDTH_CM = 16.0
WIDTH_RANGE_CM = (4.0, 200.0)
DEFAULT_DPI = 200
# 16 million pixels: an A4 page at 300 dpi is 8.7 million; more is no longer a picture to read.
DEFAULT_MAX_PIXELS = 16_000_000
# More boxes than this will not read on paper; say so and suggest a part.
LARGE_VIEW = 150
# Up to this many boxes, a first-column plan is drawn as one node, which keeps its areas and
# goals in the plan's order. Edges into the ports of a larger node make the layout slow (30 s
# for 500 goals), so a larger plan is drawn one node per group, in the order the layout finds.
PLAN_NODE_MAX = 200

# Geometry, in points.
FONT_SIZE = 9.0
FRAME_FONT_SIZE = 9.5
HEADING_SIZE = 13.0
INFO_SIZE = 9.0
LEGEND_SIZE = 8.5
RANKSEP = 30.0
NODESEP = 6.0
PAD = 4.0
FRAME_MARGIN = 6.0  # plan frame
AREA_MARGIN = 5.0
WRAPPER_MARGIN = 2.0
MIN_TEXT_EM = 12.0
MAX_TEXT_EM = 28.0

NOT_FOLLOWED_FILL = "#f9d4d4"
NOT_FOLLOWED_PEN = "#a40000"
MEASURE_FILL = "#ececec"
GROUP_FILL = "#f3f3f3"
MARKER = "× "


class DiagramError(ValueError):
    """A diagram cannot be made as asked (unknown id, bad format, the drawing program failed).
    ``message(lang)`` is the planner's message; ``code`` names it."""

    def __init__(self, code: str, suggestion: str | None = None, **params: Any) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.suggestion = suggestion
        self.params = params

    def message(self, lang: Lang) -> str:
        text = t(f"diagram.error.{self.code}", lang, **self.params)
        if self.suggestion:
            text += " " + t("word.did_you_mean", lang, suggestion=self.suggestion)
        return text


@dataclass(frozen=True)
class Diagram:
    """A diagram as DOT, with what it shows (for tests, the CLI and the HTML report)."""

    dot: str
    view: View
    lang: Lang
    title: str
    boxes: tuple[str, ...]
    links: tuple[tuple[str, str], ...]
    not_followed_up: tuple[str, ...]
    warnings: tuple[str, ...]


# -- public functions ----------------------------------------------------------------------------


def build_diagram(
    analysis: Analysis,
    *,
    view: View = "overview",
    plan: str | None = None,
    goal: str | None = None,
    area: str | None = None,
    lang: Lang | None = None,
    width_cm: float = DEFAULT_WIDTH_CM,
) -> Diagram:
    """The diagram for one view of ``analysis``. Raises ``DiagramError`` for an unknown id."""
    lang = lang or analysis.lang
    low, high = WIDTH_RANGE_CM
    if not (low <= width_cm <= high) or math.isnan(width_cm):
        raise DiagramError("bad_width", low=f"{low:g}", high=f"{high:g}")
    chosen, key = _resolve_view(view, plan, goal, area)
    selection = _select(analysis, chosen, key, lang)
    return _compose(analysis, selection, chosen, lang, width_cm)


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
) -> Diagram:
    """Write the diagram to ``path`` whole (temp file and rename), in the format its suffix
    names: .svg, .png, .pdf or .dot. Never writes over a plan file that was read."""
    fmt = output_format(path)
    diagram = build_diagram(
        analysis, view=view, plan=plan, goal=goal, area=area, lang=lang, width_cm=width_cm
    )
    protect = [Path(p) for p in analysis.plan_files.values()]
    if any(Path(path).resolve() == p.resolve() for p in protect):
        raise DiagramError("protected", path=str(path))
    if fmt == "dot":
        data = diagram.dot.encode("utf-8")
    else:
        # Lay out once; PNG needs a second run at the resolution the first one allows.
        svg = render_svg(diagram, dot_program=dot_program)
        diagram = _with_scale_warning(diagram, svg, width_cm)
        if fmt == "svg":
            data = (_XML_DECLARATION + svg).encode("utf-8")
        elif fmt == "png":
            data = render_png(
                diagram, dot_program=dot_program, dpi=dpi, max_pixels=max_pixels, svg=svg
            )
        else:
            data = svg_to_pdf(svg.encode("utf-8"), title=diagram.title)
    try:
        write_atomic(path, data, protect=protect)
    except ProtectedFileError as exc:  # pragma: no cover - checked above; kept for safety
        raise DiagramError("protected", path=str(exc.path)) from None
    return diagram


_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
# Boxes are set in 9 pt; scaled below this, the text is under 6.75 pt and hard to read on paper.
MIN_READABLE_SCALE = 0.75
_SVG_SCALE = re.compile(r'<g id="graph0" class="graph" transform="scale\(([\d.]+)')


def svg_scale(svg: str) -> float:
    """How much the layout program scaled the drawing down to fit the width (1.0: not at all)."""
    match = _SVG_SCALE.search(svg)
    return float(match.group(1)) if match else 1.0


def _with_scale_warning(diagram: Diagram, svg: str, width_cm: float) -> Diagram:
    scale = svg_scale(svg)
    if scale >= MIN_READABLE_SCALE or diagram.warnings:
        return diagram
    text = t(
        "diagram.scaled",
        diagram.lang,
        percent=format_percent(scale, diagram.lang),
        width=f"{width_cm:g}",
    )
    return dataclasses.replace(diagram, warnings=(*diagram.warnings, text))


def output_format(path: str | os.PathLike[str]) -> str:
    """``svg``, ``png``, ``pdf`` or ``dot`` from a file name; ``DiagramError`` otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise DiagramError("bad_format", suffix=suffix or Path(path).name)
    return FORMATS[suffix]


def render(
    diagram: Diagram,
    fmt: str,
    *,
    dot_program: str | os.PathLike[str] | None = None,
    dpi: int = DEFAULT_DPI,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> bytes:
    """``diagram`` in ``fmt`` (svg, png, pdf or dot) as the bytes of a file."""
    if fmt == "dot":
        return diagram.dot.encode("utf-8")
    if fmt == "svg":
        return (_XML_DECLARATION + render_svg(diagram, dot_program=dot_program)).encode("utf-8")
    if fmt == "png":
        return render_png(diagram, dot_program=dot_program, dpi=dpi, max_pixels=max_pixels)
    if fmt == "pdf":
        return render_pdf(diagram, dot_program=dot_program)
    raise DiagramError("bad_format", suffix=fmt)


# Graphviz writes "Helvetica,sans-Serif"; a viewer without Helvetica then may take a wider sans
# (DejaVu) and overflow the boxes. Name the metric-compatible families before the generic one.
_SVG_FONTS = (
    'font-family="Helvetica,sans-Serif"',
    'font-family="Helvetica,Arial,Arimo,&apos;Liberation Sans&apos;,sans-serif"',
)


def render_svg(diagram: Diagram, *, dot_program: str | os.PathLike[str] | None = None) -> str:
    raw = _run(diagram.dot, "svg", dot_program)
    text = raw.decode("utf-8").replace(*_SVG_FONTS)
    start = text.find("<svg")
    return text[start:] if start >= 0 else text


def render_png(
    diagram: Diagram,
    *,
    dot_program: str | os.PathLike[str] | None = None,
    dpi: int = DEFAULT_DPI,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    svg: str | None = None,
) -> bytes:
    """PNG of ``diagram``; ``svg`` (its layout, if already made) gives the size in points."""
    if svg is None:
        svg = render_svg(diagram, dot_program=dot_program)
    width_pt, height_pt = svg_size(svg)
    use_dpi = float(max(dpi, 1))
    pixels = (width_pt / 72 * use_dpi) * (height_pt / 72 * use_dpi)
    if pixels > max_pixels > 0:
        use_dpi = use_dpi * math.sqrt(max_pixels / pixels)
    # Round down, so that rounding never lifts the picture over the cap.
    use_dpi = max(math.floor(use_dpi * 100) / 100, 1.0)
    return _run(diagram.dot, "png", dot_program, f"-Gdpi={use_dpi:g}")


def render_pdf(diagram: Diagram, *, dot_program: str | os.PathLike[str] | None = None) -> bytes:
    svg = _run(diagram.dot, "svg", dot_program)
    return svg_to_pdf(svg, title=diagram.title)


_SVG_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


def svg_size(svg: str) -> tuple[float, float]:
    """Width and height of a Graphviz SVG, in points."""
    match = _SVG_SIZE.search(svg)
    if match is None:  # pragma: no cover - Graphviz always writes both
        return (0.0, 0.0)
    return float(match.group(1)), float(match.group(2))


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels of PNG ``data``."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _run(dot: str, fmt: str, dot_program: str | os.PathLike[str] | None, *args: str) -> bytes:
    try:
        return run(find_program(dot_program), dot, fmt, *args)
    except RenderError as exc:
        raise DiagramError(exc.code, **exc.params) from None


# -- choosing what to show -----------------------------------------------------------------------


@dataclass
class _Selection:
    ids: set[str]
    statuses: dict[str, bool]
    links: list[Link]
    heading: str
    info: list[str]
    # Said in the picture when there is nothing to draw.
    empty_text: str | None = None


def _resolve_view(
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
            return _as_view(name), value
        return "overview", None
    if not named or named[0][0] != view:
        raise DiagramError("view_needs_id", view=view)
    return _as_view(view), named[0][1]


def _as_view(name: str) -> View:
    for v in VIEWS:
        if v == name:
            return v
    raise DiagramError("view_needs_id", view=name)  # pragma: no cover


def _select(analysis: Analysis, view: View, key: str | None, lang: Lang) -> _Selection:
    nodes = analysis.graph.nodes
    if view == "overview":
        statuses = {g.id: g.followed_up for g in analysis.goals}
        links = list(analysis.links)
        ids = set(statuses) | _endpoints(links)
        info = _plan_lines(analysis, ids, lang)
        if analysis.goals:
            info.append(
                _coverage_line(analysis.coverage.goals, analysis.coverage.followed_up, lang)
            )
        return _Selection(
            ids,
            statuses,
            links,
            t("diagram.heading.overview", lang),
            info,
            None if ids else t("diagram.empty", lang),
        )
    assert key is not None
    if view == "plan":
        return _select_plan(analysis, key, lang)
    if key not in nodes:
        pool = [n for n in analysis.graph if nodes[n]["kind"] is _kind_of(view)]
        raise DiagramError(f"unknown_{view}", _closest(key, pool), id=key)
    kind = nodes[key]["kind"]
    if kind is not _kind_of(view):
        raise DiagramError(
            "wrong_kind",
            id=key,
            kind=t(f"kind.{kind.value}", lang),
            expected=t(f"kind.{view}", lang),
        )
    if view == "goal":
        seeds = [key, *(d for d in _descendants(analysis, key) if nodes[d]["kind"] is Kind.GOAL)]
    else:
        seeds = _descendants(analysis, key)
    ids = _thread(analysis, seeds)
    statuses = {g.id: g.followed_up for g in analysis.goals}
    links = [link for link in analysis.links if link.source in ids and link.target in ids]
    info = _plan_lines(analysis, ids, lang)
    title = nodes[key]["title"]
    if view == "goal":
        heading = t("diagram.heading.goal", lang, goal=f"{key} {title}")
        if key in statuses:
            word = "status.followed_up" if statuses[key] else "status.not_followed_up"
            info.append(t("diagram.goal_line", lang, id=key, status=t(word, lang).lower()))
    else:
        heading = t("diagram.heading.area", lang, area=f"{key} {title}")
        for cov in analysis.per_area:
            if cov.area == key:
                c = cov.coverage
                info.append(_coverage_line(c.goals, c.followed_up, lang))
    return _Selection(ids, statuses, links, heading, info)


def _select_plan(analysis: Analysis, key: str, lang: Lang) -> _Selection:
    nodes = analysis.graph.nodes
    if key not in analysis.plan_files:
        known = list(analysis.plan_files)
        raise DiagramError("unknown_plan", _closest(key, known), id=key, known=", ".join(known))
    focused = analysis if analysis.focus == key else focus_plan(analysis, key)
    statuses = {g.id: g.followed_up for g in focused.goals}
    links = list(focused.links)
    own = [n for n in analysis.graph if nodes[n]["plan"] == key]
    if key in analysis.per_plan:
        # A plan that follows others: its relevant goals, and all of its own tree.
        ids = (
            set(statuses)
            | _endpoints(links)
            | {n for n in own if nodes[n]["kind"] is not Kind.AREA}
        )
        cov = analysis.per_plan[key].coverage
        cover = t(
            "check.headline_plan",
            lang,
            plan=key,
            percent=format_percent(cov.ratio, lang),
            followed=cov.followed_up,
            total=cov.goals,
        )
    else:
        # A plan nobody it follows: its goals and what follows them up.
        ids = {n for n in own if nodes[n]["kind"] is Kind.GOAL} | _endpoints(links)
        cover = _coverage_line(focused.coverage.goals, focused.coverage.followed_up, lang)
    info = _plan_lines(analysis, ids | {own[0]} if own else ids, lang)
    if statuses:
        info.append(cover)
    title = analysis.plan_info(key).title
    return _Selection(ids, statuses, links, t("diagram.heading.plan", lang, plan=title), info)


def _kind_of(view: str) -> Kind:
    return Kind.GOAL if view == "goal" else Kind.AREA


def _endpoints(links: Iterable[Link]) -> set[str]:
    out: set[str] = set()
    for link in links:
        out.add(link.source)
        out.add(link.target)
    return out


def _descendants(analysis: Analysis, node_id: str) -> list[str]:
    """Everything nested under ``node_id``, in document order."""
    graph = analysis.graph
    out: list[str] = []
    stack = [node_id]
    while stack:
        current = stack.pop()
        kids = [c for c, e in graph.succ[current].items() if e["kind"] == CONTAINS]
        out.extend(kids)
        stack.extend(kids)
    return sorted(out, key=lambda n: graph.nodes[n]["order"])


def _thread(analysis: Analysis, seeds: Sequence[str]) -> set[str]:
    """The red thread from ``seeds`` down: every node that follows up a node in it (by a valid
    link), and what is nested under such a follower unless it follows up something else only."""
    own_targets: dict[str, list[str]] = {}
    followers: dict[str, list[str]] = {}
    for link in analysis.links:
        own_targets.setdefault(link.source, []).append(link.target)
        followers.setdefault(link.target, []).append(link.source)
    ids = set(seeds)
    while True:
        before = len(ids)
        for node in sorted(ids, key=lambda n: analysis.graph.nodes[n]["order"]):
            for follower in followers.get(node, ()):
                if follower in ids:
                    continue
                ids.add(follower)
        for node in [n for n in ids if n in own_targets and n not in seeds]:
            for nested in _descendants(analysis, node):
                targets = own_targets.get(nested)
                if nested not in ids and (not targets or any(x in ids for x in targets)):
                    ids.add(nested)
        if len(ids) == before:
            return ids


def _plan_lines(analysis: Analysis, ids: set[str], lang: Lang) -> list[str]:
    """One line per plan in the diagram: id, title and (status and) date."""
    nodes = analysis.graph.nodes
    shown = {nodes[n]["plan"] for n in ids}
    levels = _plan_levels(analysis)
    lines = []
    for info in sorted(
        (p for p in analysis.plans if p.id in shown), key=lambda p: levels.get(p.id, 0)
    ):
        when = " ".join(
            x for x in (info.status, format_date(info.date, lang) if info.date else None) if x
        )
        key = "diagram.plan_line" if when else "diagram.plan_line_undated"
        lines.append(t(key, lang, id=info.id, title=info.title, when=when))
    return lines


def _coverage_line(total: int, followed: int, lang: Lang) -> str:
    ratio = followed / total if total else 1.0
    return t(
        "check.headline",
        lang,
        percent=format_percent(ratio, lang),
        followed=followed,
        total=total,
    )


def _plan_levels(analysis: Analysis) -> dict[str, int]:
    """Column of each plan: 0 for a plan that follows none, else one more than the deepest
    plan it follows (a cycle is cut where it closes)."""
    plan_graph = analysis.graph.graph["plan_graph"]
    index = {p.id: i for i, p in enumerate(analysis.plans)}
    levels: dict[str, int] = {}

    def visit(plan_id: str, path: set[str]) -> int:
        if plan_id in levels:
            return levels[plan_id]
        path.add(plan_id)
        followed = sorted(
            (f for f in plan_graph.successors(plan_id) if f not in path),
            key=lambda f: index.get(f, 0),
        )
        level = 1 + max((visit(f, path) for f in followed), default=-1)
        path.discard(plan_id)
        levels[plan_id] = level
        return level

    for p in analysis.plans:
        visit(p.id, set())
    return levels


def _closest(word: str, pool: Sequence[str]) -> str | None:
    folded = {p.casefold(): p for p in pool}
    if word.casefold() in folded:
        return folded[word.casefold()]
    match = difflib.get_close_matches(word, list(pool), n=1, cutoff=0.6)
    return match[0] if match else None


# -- writing the DOT -----------------------------------------------------------------------------


@dataclass
class _Geometry:
    columns: int
    text_width: float  # points of text in a box at the top level of a group
    box_width: float  # points a group takes
    content_width: float  # points the columns take side by side


INDENT = 12.0  # points a nested box is indented by
CELL_PAD = 4.0  # points of padding in a box
GROUP_PAD = 3.0  # points between a group's frame and its boxes


def _geometry(columns: int, width_cm: float) -> _Geometry:
    page = width_cm / 2.54 * 72
    frames = 2 * (FRAME_MARGIN + AREA_MARGIN)
    fixed = 2 * (PAD + 2 * WRAPPER_MARGIN) + (columns - 1) * RANKSEP + columns * frames
    box = (page - fixed) / columns
    chrome = 2 * (CELL_PAD + GROUP_PAD + 2)
    text = min(max(box - chrome, MIN_TEXT_EM * FONT_SIZE), MAX_TEXT_EM * FONT_SIZE)
    box = text + chrome
    content = columns * (box + frames) + (columns - 1) * RANKSEP
    return _Geometry(columns, text, box, content)


def _compose(
    analysis: Analysis, sel: _Selection, view: View, lang: Lang, width_cm: float
) -> Diagram:
    nodes = analysis.graph.nodes
    # Areas are frames, not boxes; unless an area itself follows up (or is followed up), when it
    # needs a box for its arrow.
    linked = _endpoints(sel.links)
    ids = {n for n in sel.ids if nodes[n]["kind"] is not Kind.AREA or n in linked}
    order = sorted(ids, key=lambda n: nodes[n]["order"])
    levels = _plan_levels(analysis)
    plan_index = {p.id: i for i, p in enumerate(analysis.plans)}
    plans = sorted(
        {nodes[n]["plan"] for n in order}, key=lambda p: (levels.get(p, 0), plan_index[p])
    )
    column_levels = sorted({levels.get(p, 0) for p in plans})
    column_of = {p: column_levels.index(levels.get(p, 0)) for p in plans}
    geo = _geometry(max(len(column_levels), 1), width_cm)

    # Every box goes into the group of the topmost of its ancestors that is shown too: one
    # node per group, an HTML table whose rows keep the plan's order (delmål under their goal).
    groups: dict[str, list[str]] = {}
    group_of: dict[str, str] = {}
    for n in order:
        head = n
        parent = nodes[n]["parent"]
        while parent is not None:
            if parent in ids:
                head = parent
            parent = nodes[parent]["parent"]
        groups.setdefault(head, []).append(n)
        group_of[n] = head

    out: list[str] = []
    emit = out.append
    page_in = width_cm / 2.54
    # Regular, not bold: Graphviz knows Helvetica's widths (not Helvetica-Bold's), so it makes
    # the drawing wide enough for the heading.
    heading = _dot.wrap(sel.heading, geo.content_width, HEADING_SIZE)
    emit("digraph maltrace {")
    emit(
        "\tgraph ["
        f"rankdir=LR newrank=true ranksep={RANKSEP / 72:.3f} nodesep={NODESEP / 72:.3f} "
        f'pad={PAD / 72:.3f} size="{page_in:.3f},10000" bgcolor=white '
        f'fontname="{_dot.FONT}" fontsize={HEADING_SIZE:g} labelloc=t labeljust=l '
        f"label={_dot.label(heading)}]"
    )
    emit(f'\tnode [shape=plaintext margin=0 fontname="{_dot.FONT}" fontsize={FONT_SIZE:g}]')
    emit("\tedge [dir=back arrowsize=0.6 penwidth=0.8 color=black]")
    info_lines: list[str] = []
    for line in sel.info:
        info_lines.extend(_dot.wrap(line, geo.content_width, INFO_SIZE))
    emit(
        f"\tsubgraph cluster_info {{ label={_dot.label(info_lines)} labelloc=t labeljust=l "
        f'fontname="{_dot.FONT}" fontsize={INFO_SIZE:g} peripheries=0 '
        f"margin={WRAPPER_MARGIN:g}"
    )
    emit(
        f"\tsubgraph cluster_legend {{ label={_legend(lang, geo.content_width)} labelloc=b "
        f'labeljust=l fontname="{_dot.FONT}" fontsize={LEGEND_SIZE:g} peripheries=0 '
        f"margin={WRAPPER_MARGIN:g}"
    )

    counter = 0
    columns: list[list[str]] = [[] for _ in range(geo.columns)]
    anchor: dict[str, str] = {}  # group head -> DOT node holding it
    for plan_id in plans:
        info = analysis.plan_info(plan_id)
        counter += 1
        frame = _dot.wrap(f"{info.id}: {info.title}", geo.box_width, FRAME_FONT_SIZE, bold=True)
        emit(
            f"\tsubgraph cluster_{counter} {{ label={_dot.label(frame)} labelloc=t labeljust=l "
            f'fontname="{_dot.FONT_BOLD}" fontsize={FRAME_FONT_SIZE:g} style=rounded '
            f"color=gray30 penwidth=1 margin={FRAME_MARGIN:g}"
        )
        by_area: dict[str | None, list[str]] = {}
        for head in groups:
            if nodes[head]["plan"] == plan_id:
                area_id = None if nodes[head]["kind"] is Kind.AREA else nodes[head]["area"]
                by_area.setdefault(area_id, []).append(head)
        if column_of[plan_id] == 0 and sum(len(groups[h]) for h in _flat(by_area)) <= PLAN_NODE_MAX:
            node = "@plan-" + _dot.node_name(plan_id)
            emit("\t" + _plan_node(analysis, node, by_area, groups, sel.statuses, geo, lang))
            columns[0].append(node)
            for heads in by_area.values():
                for head in heads:
                    anchor[head] = node
        else:
            for area_id, heads in by_area.items():
                if area_id is not None:
                    counter += 1
                    area_label = _dot.wrap(
                        f"{area_id} {nodes[area_id]['title']}",
                        geo.box_width,
                        FRAME_FONT_SIZE,
                        bold=True,
                    )
                    emit(
                        f"\tsubgraph cluster_{counter} {{ label={_dot.label(area_label)} "
                        f'labelloc=t labeljust=l fontname="{_dot.FONT_BOLD}" '
                        f'fontsize={FRAME_FONT_SIZE:g} style="rounded" color=gray40 '
                        f"margin={AREA_MARGIN:g}"
                    )
                for head in heads:
                    emit("\t" + _group_node(analysis, groups[head], sel.statuses, geo, lang))
                    columns[column_of[plan_id]].append(head)
                    anchor[head] = head
                if area_id is not None:
                    emit("\t}")
        emit("\t}")
    if sel.empty_text is not None or not order:
        text = sel.empty_text or t("diagram.empty", lang)
        lines = _dot.wrap(text, geo.content_width, FONT_SIZE)
        emit(f"\tempty [label={_dot.label(lines)}]")
    emit("\t}")  # legend
    emit("\t}")  # info

    # One rank per column, columns in plan-level order.
    for column in columns:
        if column:
            emit("\t{ rank=same; " + " ".join(_ref(n) + ";" for n in column) + " }")
    for a, b in itertools.pairwise(columns):
        if a and b:
            emit(f"\t{_ref(a[0])} -> {_ref(b[0])} [style=invis dir=none weight=0]")

    drawn: list[tuple[str, str]] = []
    for link in sorted(
        (x for x in sel.links if x.source in ids and x.target in ids),
        key=lambda x: (nodes[x.target]["order"], nodes[x.source]["order"]),
    ):
        extra = ""
        if column_of[nodes[link.source]["plan"]] <= column_of[nodes[link.target]["plan"]]:
            extra = " constraint=false"
        target = _endpoint(anchor[group_of[link.target]], link.target, "e")
        source = _endpoint(anchor[group_of[link.source]], link.source, "w")
        emit(f'\t{target} -> {source} [class="follows-up"{extra}]')
        drawn.append((link.source, link.target))
    emit("}")

    warnings: list[str] = []
    if len(order) > LARGE_VIEW:
        example = next((a.area for a in analysis.per_area), None) or (plans[0] if plans else "ID")
        warnings.append(t("diagram.too_large", lang, count=len(order), example=example))
    not_followed = tuple(n for n in order if sel.statuses.get(n) is False)
    return Diagram(
        dot="\n".join(out) + "\n",
        view=view,
        lang=lang,
        title=sel.heading,
        boxes=tuple(order),
        links=tuple(drawn),
        not_followed_up=not_followed,
        warnings=tuple(warnings),
    )


def _flat(by_area: dict[str | None, list[str]]) -> list[str]:
    return [h for heads in by_area.values() for h in heads]


def _ref(node: str) -> str:
    """A DOT node in the source: a group is named after its head box; a plan's first-column
    node starts with ``@``, which ``node_name`` never leaves unencoded, so names cannot clash."""
    return f'"{node}"' if node.startswith("@") else _dot.name(node)


def _endpoint(node: str, box: str, side: str) -> str:
    return f"{_ref(node)}:{_dot.name(box)}:{side}"


def _group_table(
    analysis: Analysis,
    members: list[str],
    statuses: dict[str, bool],
    text_width: float,
    lang: Lang,
) -> str:
    """A table with one row per box, nested boxes indented under their parent; framed when it
    holds more than one box."""
    nodes = analysis.graph.nodes
    depth = {members[0]: 0}
    for m in members[1:]:
        parent = nodes[m]["parent"]
        while parent not in depth:
            parent = nodes[parent]["parent"]
        depth[m] = depth[parent] + 1
    deepest = max(depth.values())
    rows = []
    for m in members:
        d = depth[m]
        spacer = "".join(f'<TD WIDTH="{INDENT:g}"></TD>' for _ in range(d))
        span = f' COLSPAN="{deepest + 1 - d}"' if deepest > d else ""
        cell = _cell(analysis, m, statuses.get(m), text_width - d * INDENT, span, lang)
        rows.append(f"<TR>{spacer}{cell}</TR>")
    frame = (
        f'BORDER="1" COLOR="gray60" BGCOLOR="{GROUP_FILL}" STYLE="rounded" '
        f'CELLPADDING="0" CELLSPACING="{GROUP_PAD:g}"'
        if len(members) > 1
        else 'BORDER="0" CELLPADDING="0" CELLSPACING="0"'
    )
    return f'<TABLE {frame} CELLBORDER="0">{"".join(rows)}</TABLE>'


def _group_node(
    analysis: Analysis, members: list[str], statuses: dict[str, bool], geo: _Geometry, lang: Lang
) -> str:
    nodes = analysis.graph.nodes
    head = members[0]
    kinds = sorted({nodes[m]["kind"].value for m in members})
    table = _group_table(analysis, members, statuses, geo.text_width, lang)
    return (
        f"{_dot.name(head)} [id={_dot.quote('group-' + _dot.node_name(head))} "
        f'class="{"group " if len(members) > 1 else ""}{" ".join(kinds)}" label=<{table}>]'
    )


def _plan_node(
    analysis: Analysis,
    node: str,
    by_area: dict[str | None, list[str]],
    groups: dict[str, list[str]],
    statuses: dict[str, bool],
    geo: _Geometry,
    lang: Lang,
) -> str:
    """All shown boxes of a plan in the first column as one node, so that its areas, goals and
    delmål keep the plan's own order top to bottom; areas are framed with their title."""
    nodes = analysis.graph.nodes
    rows = []
    for area_id, heads in by_area.items():
        inner = "".join(
            '<TR><TD BORDER="0">'
            + _group_table(analysis, groups[h], statuses, geo.text_width, lang)
            + "</TD></TR>"
            for h in heads
        )
        if area_id is None:
            rows.append(inner)
            continue
        title = _dot.wrap(
            f"{area_id} {nodes[area_id]['title']}", geo.text_width, FRAME_FONT_SIZE, bold=True
        )
        text = '<BR ALIGN="LEFT"/>'.join(_dot.html_data(line) for line in title)
        header = (
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="{math.ceil(geo.text_width)}">'
            f'<FONT POINT-SIZE="{FRAME_FONT_SIZE:g}"><B>{text}</B></FONT></TD></TR>'
        )
        rows.append(
            f'<TR><TD BORDER="0"><TABLE BORDER="1" COLOR="gray40" STYLE="rounded" '
            f'CELLBORDER="0" CELLPADDING="1" CELLSPACING="{AREA_MARGIN - 1:g}">'
            f"{header}{inner}</TABLE></TD></TR>"
        )
    table = (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0">{"".join(rows)}</TABLE>'
    )
    return f'{_ref(node)} [id={_dot.quote(node[1:])} class="plan-goals" label=<{table}>]'


def _cell(
    analysis: Analysis, node_id: str, status: bool | None, width: float, span: str, lang: Lang
) -> str:
    """One box: a goal is square, a strategy rounded, a tiltak rounded and grey; a goal not
    followed up has a heavy dashed frame, a red fill and the words (legible in black and white)."""
    data = analysis.graph.nodes[node_id]
    kind: Kind = data["kind"]
    lines = _dot.wrap(f"{node_id} {data['title']}", width, FONT_SIZE)
    if status is False:
        lines += _dot.wrap(MARKER + t("status.not_followed_up", lang), width, FONT_SIZE)
    text = '<BR ALIGN="LEFT"/>'.join(_dot.html_data(line) for line in lines)
    text_w = math.ceil(width) + 2 * CELL_PAD + 2
    port = f'PORT="{_dot.node_name(node_id)}"'
    align = 'ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP"'
    if status is False:
        return (
            f'<TD {port}{span} {align} BORDER="2" STYLE="dashed" COLOR="{NOT_FOLLOWED_PEN}" '
            f'BGCOLOR="{NOT_FOLLOWED_FILL}" CELLPADDING="{CELL_PAD:g}" WIDTH="{text_w}">'
            f"{text}</TD>"
        )
    if kind in (Kind.GOAL, Kind.AREA):
        return (
            f'<TD {port}{span} {align} BORDER="1" COLOR="black" BGCOLOR="white" '
            f'CELLPADDING="{CELL_PAD:g}" WIDTH="{text_w}">{text}</TD>'
        )
    fill = MEASURE_FILL if kind is Kind.MEASURE else "white"
    return (
        f'<TD {port}{span} BORDER="0" CELLPADDING="0">'
        f'<TABLE STYLE="rounded" BORDER="1" COLOR="black" CELLBORDER="0" CELLSPACING="0" '
        f'CELLPADDING="{CELL_PAD:g}" BGCOLOR="{fill}"><TR><TD {align} WIDTH="{text_w}">'
        f"{text}</TD></TR></TABLE></TD>"
    )


def _legend(lang: Lang, width: float) -> str:
    """The legend as an HTML-like label: maltrace's own words only (never plan text)."""
    size = LEGEND_SIZE
    sample = 30
    text_width = max(width - sample - 12, 8 * size)

    def cell(text: str) -> str:
        lines = _dot.wrap(text, text_width, size)
        inner = '<BR ALIGN="LEFT"/>'.join(_dot.html(line) for line in lines)
        cell_width = math.ceil(_dot.block_width(lines, size)) + 4
        return f'<TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="{cell_width}">{inner}</TD>'

    def rounded(fill: str) -> str:
        return (
            f'<TD BORDER="0" WIDTH="{sample}"><TABLE STYLE="rounded" BORDER="1" CELLBORDER="0" '
            f'CELLPADDING="2" BGCOLOR="{fill}"><TR><TD WIDTH="{sample - 6}" HEIGHT="10"> </TD></TR>'
            "</TABLE></TD>"
        )

    goal = t("kind.goal", lang).capitalize()
    arrow = "←——"
    arrow_width = max(math.ceil(_dot.text_width(arrow, 12)) + 4, sample)
    rows = [
        f'<TD BORDER="1" WIDTH="{sample}" HEIGHT="14" BGCOLOR="white"> </TD>{cell(goal)}',
        f'<TD BORDER="2" STYLE="dashed" COLOR="{NOT_FOLLOWED_PEN}" WIDTH="{sample}" '
        f'BGCOLOR="{NOT_FOLLOWED_FILL}"> </TD>'
        f"{cell(goal + ': ' + MARKER + t('status.not_followed_up', lang))}",
        rounded("white") + cell(t("kind.strategy", lang).capitalize()),
        rounded(MEASURE_FILL) + cell(t("kind.measure", lang).capitalize()),
        f'<TD WIDTH="{arrow_width}"><FONT POINT-SIZE="12">{arrow}</FONT></TD>'
        f"{cell(t('diagram.legend.link', lang))}",
        f'<TD BORDER="1" COLOR="gray70" WIDTH="{sample}" BGCOLOR="{GROUP_FILL}"> </TD>'
        f"{cell(t('diagram.legend.group', lang))}",
    ]
    title = t("diagram.legend", lang)
    body = "".join(f"<TR>{row}</TR>" for row in rows)
    return (
        f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">'
        f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{_dot.html(title)}</B></TD></TR>{body}</TABLE>>'
    )
