"""Plan set -> networkx graph: typed nodes, ``contains`` and ``follows_up`` edges.

Node keys are the plan nodes' ids (unique across a set). Each node carries ``kind``, ``plan``,
``title``, ``model`` (the pydantic node), ``parent``, ``area``, ``file``, ``line`` and ``order``
(document order across the set, for stable output). Edges carry ``kind``: ``contains`` runs
parent -> child inside a plan; ``follows_up`` runs follower -> target for every link whose target
exists (whether the link is *valid* is the analysis's call). ``graph.graph`` holds ``plans``
(id -> Plan, in set order) and ``plan_graph`` (a DiGraph: plan -> plan it follows); the set's
own frameworks (``type: rammeverk``, items and no goals) are kept apart in ``frameworks``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from maltrace.load import Kind, PlanSet, PlanType, iter_nodes

if TYPE_CHECKING:
    import networkx as nx  # imported where a graph is built: a cached result needs none

CONTAINS = "contains"
FOLLOWS_UP = "follows_up"


def plan_levels(plan_set: PlanSet) -> dict[str, int]:
    """How far down the plan hierarchy each plan sits: 0 for a plan that follows none (the
    samfunnsdel), one more than the deepest plan it follows otherwise. Cycles stop the count."""
    follows = {p.id: [f for f in p.plan.follows if f != p.id] for p in plan_set.plans}
    levels: dict[str, int] = {}

    def level(pid: str, seen: frozenset[str]) -> int:
        if pid in levels:
            return levels[pid]
        known = [f for f in follows.get(pid, []) if f in follows and f not in seen]
        value = 1 + max((level(f, seen | {pid}) for f in known), default=-1)
        levels[pid] = value
        return value

    for pid in follows:
        level(pid, frozenset())
    return levels


def build_graph(plan_set: PlanSet) -> nx.DiGraph:
    """The graph of a plan set, plans in hierarchy order (samfunnsdel first), then file order."""
    import networkx as nx

    graph = nx.DiGraph()
    levels = plan_levels(plan_set)
    ordered = sorted(
        (p for p in plan_set.plans if p.plan.type is not PlanType.RAMMEVERK),
        key=lambda p: levels[p.id],
    )  # stable: file order within a level
    graph.graph["frameworks"] = [p for p in plan_set.plans if p.plan.type is PlanType.RAMMEVERK]
    plans = {p.id: p for p in ordered}
    graph.graph["plans"] = plans
    plan_graph = nx.DiGraph()
    plan_graph.add_nodes_from(plans)
    for p in ordered:
        plan_graph.add_edges_from((p.id, f) for f in p.plan.follows if f in plans)
    graph.graph["plan_graph"] = plan_graph

    nodes: list[tuple[str, dict[str, Any]]] = []
    contains: list[tuple[str, str]] = []
    order = 0
    for p in ordered:
        area_of: dict[str, str | None] = {}
        for node, parent in iter_nodes(p):
            area: str | None
            if node.kind is Kind.AREA:
                area = node.id
            else:
                area = area_of[parent.id] if parent is not None else None
            area_of[node.id] = area
            parent_id = parent.id if parent is not None else None
            nodes.append(
                (
                    node.id,
                    {
                        "kind": node.kind,
                        "plan": p.id,
                        "title": node.title,
                        "model": node,
                        "parent": parent_id,
                        "area": area,
                        "file": p.source,
                        "line": node.line,
                        "order": order,
                    },
                )
            )
            order += 1
            if parent_id is not None:
                contains.append((parent_id, node.id))
    graph.add_nodes_from(nodes)
    graph.add_edges_from(contains, kind=CONTAINS)
    links = [
        (node_id, target)
        for node_id, data in nodes
        for target in data["model"].follows_up
        if target in graph
        and target != node_id
        # A link onto one's own child would overwrite the contains edge; the analysis flags it.
        and not graph.has_edge(node_id, target)
    ]
    graph.add_edges_from(links, kind=FOLLOWS_UP)
    return graph


def children(graph: nx.DiGraph, node_id: str) -> list[str]:
    """Nested nodes of ``node_id``, in document order."""
    succ = graph.succ[node_id]
    return sorted(
        (c for c, e in succ.items() if e["kind"] == CONTAINS), key=lambda c: graph.nodes[c]["order"]
    )
