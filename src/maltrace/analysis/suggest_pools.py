"""Who may follow up whom, for ``suggest``: the candidate pools (what a node may follow up, what
may follow up a goal), the rule ``check`` applies to a link, and each plan's group of connected
plans (a kommune's)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from maltrace.graph import FOLLOWS_UP
from maltrace.load import Kind

if TYPE_CHECKING:
    import networkx as nx

_TARGET_KINDS = (Kind.GOAL, Kind.STRATEGY)
_SOURCE_KINDS = (Kind.GOAL, Kind.STRATEGY, Kind.MEASURE)


_NODES_BY_PLAN: weakref.WeakKeyDictionary[nx.DiGraph, dict[str, list[str]]] = (
    weakref.WeakKeyDictionary()
)


def _by_plan(graph: nx.DiGraph) -> dict[str, list[str]]:
    """Every node per plan, in document order (once per graph: asked for once per node)."""
    cached = _NODES_BY_PLAN.get(graph)
    if cached is None:
        cached = {}
        for n, d in graph.nodes(data=True):
            cached.setdefault(d["plan"], []).append(n)
        _NODES_BY_PLAN[graph] = cached
    return cached


def upward_pool(graph: nx.DiGraph, node_id: str) -> list[str]:
    """What ``node_id`` may follow up: goals and strategies of the plans its plan follows."""
    plan = graph.nodes[node_id]["plan"]
    by_plan, nodes = _by_plan(graph), graph.nodes
    return [
        n
        for p in graph.graph["plans"]
        if p != plan and graph.graph["plan_graph"].has_edge(plan, p)
        for n in by_plan.get(p, ())
        if nodes[n]["kind"] in _TARGET_KINDS
    ]


def link_problem(graph: nx.DiGraph, follower: str, target: str) -> str | None:
    """What ``check`` would say of ``follower`` naming ``target`` in its ``follows_up`` (both
    in the graph): None when it is a valid link that counts, else the finding's code
    (``link-to-area``, ``link-to-measure``, ``link-outside-followed``) or ``link-to-self``.
    The same rules as ``upward_pool`` and ``downward_pool``: a goal or strategy of a plan that
    the follower's plan follows."""
    if follower == target:
        return "link-to-self"
    nodes = graph.nodes
    kind = nodes[target]["kind"]
    if kind is Kind.AREA:
        return "link-to-area"
    if kind not in _TARGET_KINDS:
        return "link-to-measure"
    plan, target_plan = nodes[follower]["plan"], nodes[target]["plan"]
    if plan == target_plan or not graph.graph["plan_graph"].has_edge(plan, target_plan):
        return "link-outside-followed"
    return None


def downward_pool(graph: nx.DiGraph, goal_id: str, only: str | None = None) -> list[str]:
    """What may follow up ``goal_id``: goals, strategies and tiltak of plans that follow its plan
    (of ``only`` when given)."""
    plan = graph.nodes[goal_id]["plan"]
    by_plan, nodes = _by_plan(graph), graph.nodes
    return [
        n
        for p in graph.graph["plans"]
        if p != plan and graph.graph["plan_graph"].has_edge(p, plan) and (only is None or p == only)
        for n in by_plan.get(p, ())
        if nodes[n]["kind"] in _SOURCE_KINDS
    ]


def relevant_of(graph: nx.DiGraph, plan_id: str) -> frozenset[str]:
    """The goals a plan says it answers for (``relevant_goals``, with everything under them)."""
    plan = graph.graph["plans"][plan_id]
    named = plan.plan.relevant_goals or []
    out: set[str] = set()
    stack = [n for n in named if n in graph]
    while stack:
        n = stack.pop()
        if n in out:
            continue
        out.add(n)
        stack.extend(c for c, e in graph.succ[n].items() if e["kind"] != FOLLOWS_UP)
    return frozenset(out)


def plan_groups(graph: nx.DiGraph) -> dict[str, frozenset[str]]:
    """Each plan's group: the plans connected to it by ``follows`` (a kommune's plans)."""
    import networkx as nx

    out: dict[str, frozenset[str]] = {}
    for component in nx.weakly_connected_components(graph.graph["plan_graph"]):
        group = frozenset(component)
        for p in group:
            out[p] = group
    return out
