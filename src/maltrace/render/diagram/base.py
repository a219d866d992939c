"""What every diagram view shares: constants, the Diagram and its errors, the selection a
view makes, and the walks along the red thread."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from maltrace.analysis import Analysis, Link
from maltrace.errors import MaltraceError
from maltrace.graph import CONTAINS
from maltrace.i18n import Lang, format_date, format_percent, t
from maltrace.load import Kind

View = Literal["overview", "plan", "goal", "area", "framework", "ladder"]
VIEWS: tuple[View, ...] = ("overview", "plan", "goal", "area")
# Output format by file suffix.
FORMATS: dict[str, str] = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}

DEFAULT_WIDTH_CM = 16.0
WIDTH_RANGE_CM = (4.0, 200.0)
DEFAULT_DPI = 200
# 16 million pixels: an A4 page at 300 dpi is 8.7 million; more is no longer a picture to read.
DEFAULT_MAX_PIXELS = 16_000_000
# The height a picture may take on an A4 page (portrait, 2.5 cm margins, room for a caption);
# a split part is cut so that fitted to it, it is not scaled below 75 %.
PAGE_HEIGHT_CM = 22.0
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
# A justified gap (the plan says why a goal is not followed up): a thin dashed amber frame, a
# pale yellow fill, and the words and the reason — set apart from a real gap in words too.
JUSTIFIED_FILL = "#fff2cc"
JUSTIFIED_PEN = "#7f6000"
JUSTIFIED_MARKER = "– "
# A node with no trace upwards (an orphan): a heavy dotted frame and these words.
ORPHAN_MARKER = "? "
ORPHAN_PEN = "black"


class DiagramError(MaltraceError, ValueError):
    """A diagram cannot be made as asked (unknown id, bad format, the drawing program failed).
    ``message(lang)`` is the planner's message; ``code`` names it."""

    def __init__(self, code: str, suggestion: str | None = None, **params: Any) -> None:
        super().__init__(code, key=f"diagram.error.{code}", suggestion=suggestion, **params)


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
    # Boxes with no trace upwards (orphans), drawn in their plan's frame with a dotted frame.
    orphans: tuple[str, ...] = ()
    # Goals not followed up with a reason given (justified gaps): also in ``not_followed_up``.
    justified: tuple[str, ...] = ()


@dataclass
class Selection:
    """What a view shows: the boxes, goal statuses, links, heading and info lines."""

    ids: set[str]
    statuses: dict[str, bool]
    links: list[Link]
    heading: str
    info: list[str]
    # Said in the picture when there is nothing to draw.
    empty_text: str | None = None
    # Extra lines under a box's title, in words (a change, a tiltak's status), by node id.
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Nodes with no trace upwards (orphans) to draw and mark as such.
    orphans: set[str] = field(default_factory=set)
    # Draw the legend (a report's later parts leave it out: the first part has it).
    legend: bool = True
    # Explain a justified gap in the legend even when this picture has none (a report's first
    # part, whose legend stands for the parts after it).
    legend_justified: bool = False


def kind_of(view: str) -> Kind:
    return Kind.GOAL if view == "goal" else Kind.AREA


def endpoints(links: Iterable[Link]) -> set[str]:
    out: set[str] = set()
    for link in links:
        out.add(link.source)
        out.add(link.target)
    return out


def descendants(analysis: Analysis, node_id: str) -> list[str]:
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


def red_thread(analysis: Analysis, seeds: Sequence[str]) -> set[str]:
    """The red thread from ``seeds`` down: every node that follows up a node in it (by a valid
    link), and what is nested under such a follower unless it follows up something else only."""
    own_targets, followers = _link_maps(analysis)
    nested_under: dict[str, list[str]] = {}
    ids = set(seeds)
    # Adding only ever helps a node in, so the order of the passes does not change the result.
    while True:
        before = len(ids)
        for node in list(ids):
            for follower in followers.get(node, ()):
                ids.add(follower)
        for node in [n for n in ids if n in own_targets and n not in seeds]:
            if node not in nested_under:
                nested_under[node] = descendants(analysis, node)
            for nested in nested_under[node]:
                targets = own_targets.get(nested)
                if nested not in ids and (not targets or any(x in ids for x in targets)):
                    ids.add(nested)
        if len(ids) == before:
            return ids


_LinkMaps = tuple[dict[str, list[str]], dict[str, list[str]]]
_link_maps_made: dict[int, tuple[tuple[Link, ...], _LinkMaps]] = {}


def _link_maps(analysis: Analysis) -> _LinkMaps:
    """Each node's link targets and each node's followers, made once per set of links (a split
    asks for a red thread per part)."""
    made = _link_maps_made.get(id(analysis.links))
    if made is not None and made[0] is analysis.links:
        return made[1]
    own_targets: dict[str, list[str]] = {}
    followers: dict[str, list[str]] = {}
    for link in analysis.links:
        own_targets.setdefault(link.source, []).append(link.target)
        followers.setdefault(link.target, []).append(link.source)
    if len(_link_maps_made) >= 4:
        _link_maps_made.clear()
    _link_maps_made[id(analysis.links)] = (analysis.links, (own_targets, followers))
    return own_targets, followers


def plan_lines(analysis: Analysis, ids: set[str], lang: Lang) -> list[str]:
    """One line per plan in the diagram: id, title and (status and) date."""
    nodes = analysis.graph.nodes
    shown = {nodes[n]["plan"] for n in ids}
    levels = plan_levels(analysis)
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


def coverage_line(total: int, followed: int, lang: Lang) -> str:
    ratio = followed / total if total else 1.0
    return t(
        "check.headline",
        lang,
        percent=format_percent(ratio, lang),
        followed=followed,
        total=total,
    )


def plan_levels(analysis: Analysis) -> dict[str, int]:
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


def closest(word: str, pool: Sequence[str]) -> str | None:
    folded = {p.casefold(): p for p in pool}
    if word.casefold() in folded:
        return folded[word.casefold()]
    match = difflib.get_close_matches(word, list(pool), n=1, cutoff=0.6)
    return match[0] if match else None
