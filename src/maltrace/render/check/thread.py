"""What the clickable HTML page needs to follow a red thread, taken from the analysis: every
node's nesting (parent), kind and title, the valid ``follows_up`` links, and what is not
followed up. The page walks these; it never recomputes coverage."""

from __future__ import annotations

from typing import Any

from maltrace.analysis import Analysis
from maltrace.render.diagram import dot as _dot


def thread_data(analysis: Analysis) -> dict[str, Any]:
    """JSON-ready: ``nodes`` {id: {parent, kind, plan, title, box}} in document order (``box``:
    the name of its box in a diagram's SVG, ``a_box-<box>``), ``links`` [[source, target]] (the
    source follows up the target), ``alert`` [ids not followed up, then orphans]."""
    graph = analysis.graph
    nodes = {
        n: {
            "parent": d["parent"],
            "kind": d["kind"].value,
            "plan": d["plan"],
            "title": d["title"],
            "box": _dot.node_name(n),
        }
        for n, d in sorted(graph.nodes(data=True), key=lambda item: item[1]["order"])
    }
    return {
        "nodes": nodes,
        "links": [[x.source, x.target] for x in analysis.links],
        "alert": [*analysis.uncovered_goals, *analysis.orphans],
    }
